// The rendered docs in a real browser (Chromium through playwright-core):
// builds the site into a temporary folder, serves it on a free loopback
// port, refuses every request that goes anywhere else, and checks that a
// reader can browse every operation, every request field of the create
// operations, the request and response examples and the Chinese text, with
// no console error and no failed request. A screenshot of each view goes to test-results/docs/.
//
// What the pages must show is computed from generated/*.openapi.json and
// spec/i18n (not from the copy the site renders), so a page that loses an
// operation, a field or a translation fails here.
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTranslation, loadTranslation } from "../../scripts/lib/i18n.mjs";
import { serveFolder, type StaticServer } from "../../scripts/lib/static-server.mjs";
import { loadBundle, operationsOf, repoRoot, resolveRef, services, type NamedExample, type OpenApiDocument, type Service } from "../support/openapi.js";

const chromiumFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
const screenshots = join(repoRoot, "test-results/docs");
const languages = ["en", "zh-CN"] as const;
type Lang = (typeof languages)[number];

function findChromium(): string {
  try {
    const path = process.env.CHROMIUM_PATH || execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      "Chromium is not installed, and the docs browser test needs it.\n"
      + "Install it from Debian's packages: apt-get update && apt-get install -y chromium\n"
      + "(or set CHROMIUM_PATH to a Chromium binary). `npx playwright install` is not used here.",
    );
  }
}

/** The document as a reader of `lang` must see it. */
function expectedDoc(service: Service, lang: Lang): OpenApiDocument {
  const english = loadBundle(service);
  return lang === "en" ? english : applyTranslation(english, loadTranslation(service, "zh-CN"));
}

const deref = resolveRef;

/** Property names an object schema allows, through $ref and allOf. */
function propertyNames(doc: OpenApiDocument, schema: any): string[] {
  const resolved = deref(doc, schema);
  return [
    ...Object.keys(resolved?.properties ?? {}),
    ...(resolved?.allOf ?? []).flatMap((part: any) => propertyNames(doc, part)),
  ].filter((name, index, all) => all.indexOf(name) === index);
}

/** The request fields a reader must see: per request form, its title and fields. */
function requestForms(doc: OpenApiDocument, operation: any): { title?: string; fields: string[] }[] {
  const body = deref(doc, operation.requestBody?.content?.["application/json"]?.schema);
  if (!body) return [];
  if (body.oneOf) {
    return body.oneOf.map((form: any) => ({ title: deref(doc, form).title, fields: propertyNames(doc, form) }));
  }
  // An envelope with one key (`volume`, `os-volume_upload_image`): its fields too.
  const fields = propertyNames(doc, body);
  const nested = fields.length === 1 ? propertyNames(doc, body.properties[fields[0]!]) : [];
  return [{ fields: [...fields, ...nested] }];
}

/** A piece of a translation that shows on the page as plain text. */
function chineseSnippet(text: string | undefined): string | undefined {
  const runs = text?.match(/\p{Script=Han}{2,}/gu) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0];
}

/** The first string in an example value (something its rendering must show). */
function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) {
      const found = firstString(child);
      if (found) return found;
    }
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * How long a page may take to show something before the test calls it
 * missing: a bound for what will never appear, not an expectation of speed,
 * so far above what rendering takes on a loaded machine.
 */
const renderTimeoutMs = 60_000;

let context: BrowserContext;
let server: StaticServer;
let workDir: string;

// Set up once for every test below. A failure (Chromium missing, say) is
// kept and thrown by each test, so they fail with it rather than be skipped.
let setupError: unknown;
beforeAll(async () => {
  try {
    const executablePath = findChromium();
    workDir = mkdtempSync(join(tmpdir(), "docs-browser-"));
    const site = join(workDir, "site");
    await promisify(execFile)(process.execPath, [join(repoRoot, "scripts/docs.mjs"), "--out", site], { maxBuffer: 16 * 1024 * 1024 });
    server = await serveFolder(site);
    context = await chromium.launchPersistentContext(join(workDir, "profile"), {
      executablePath,
      args: chromiumFlags,
      viewport: { width: 1400, height: 900 },
    });
    // Every wait of Playwright's own (navigation, a click waiting for its target) too.
    context.setDefaultTimeout(renderTimeoutMs);
    mkdirSync(screenshots, { recursive: true });
  } catch (error) {
    setupError = error;
  }
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A fresh tab that records console errors and every request that failed or left the server. */
async function openTab() {
  if (setupError) throw setupError;
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.baseUrl}/`)) return route.continue();
    problems.push(`request leaving the docs server: ${url}`);
    return route.abort("blockedbyclient");
  });
  return { page, problems };
}

/** Loads a docs page and waits until Redoc has taken over the server-rendered HTML. */
async function openDocs(page: Page, service: Service, lang: Lang, hash = "") {
  await page.goto(`${server.baseUrl}/${service}/${lang}/index.html${hash}`);
  await redocMounted(page);
}

/**
 * Redoc prerenders the page, then takes it over in the browser (React
 * hydration); only then do its links and menus work. React marks each DOM
 * node it has taken over with a `__reactFiber$...` property.
 */
async function redocMounted(page: Page) {
  await page.waitForFunction(() => {
    const link = document.querySelector('[data-component-name="Menu/Menu"] a');
    return link !== null && Object.keys(link).some((key) => key.startsWith("__reactFiber$"));
  }, undefined, { timeout: renderTimeoutMs });
}

/** Waits for a locator to be visible; fails with `what` and what the page showed. */
async function visible(locator: Locator, what: string, timeout = renderTimeoutMs) {
  try {
    await locator.waitFor({ state: "visible", timeout });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
}

/** An operation's heading: its text is the summary (its name also has "link to ..."). */
const operationHeading = (page: Page, summary: string) =>
  page.getByRole("heading", { level: 2 }).filter({ hasText: new RegExp(`^${escapeRegExp(summary)}$`) });

/** A request field's row in the middle column, found by the field's name. */
const fieldRow = (page: Page, field: string) =>
  page.locator('.schema-property-item[id*="t=request"]')
    .filter({ has: page.locator(".schema-name").getByText(field, { exact: true }) }).first();

const sidebar = (page: Page) => page.locator('[data-component-name="Menu/Menu"]');

describe("docs index", () => {
  it("links every service in both languages", async () => {
    const { page, problems } = await openTab();
    await page.goto(`${server.baseUrl}/`);
    for (const service of services) {
      for (const lang of languages) {
        const doc = expectedDoc(service, lang);
        const link = page.locator(`a[href="${service}/${lang}/index.html"]`);
        await visible(link, `link to ${service}/${lang}`);
        expect(await link.textContent()).toBe((doc.info as { title: string }).title);
      }
    }
    await page.screenshot({ path: join(screenshots, "index.png") });
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe.each(services.flatMap((service) => languages.map((lang) => [service, lang] as const)))("%s docs (%s)", (service, lang) => {
  it("show every operation, every create request field and the examples, offline and without errors", async () => {
    const doc = expectedDoc(service, lang);
    const info = doc.info as { title: string; description: string };
    const { page, problems } = await openTab();
    await openDocs(page, service, lang);

    await visible(page.getByRole("heading", { level: 1 }).filter({ hasText: info.title }), `title ${info.title}`);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    if (lang === "zh-CN") await visible(page.getByText(chineseSnippet(info.description)!).first(), "Chinese introduction");
    await page.screenshot({ path: join(screenshots, `${service}-${lang}.png`) });

    const tags = (doc.tags ?? []) as { name: string; "x-displayName"?: string }[];
    for (const { template: path, method, definition: operation, requestExamples, responses } of operationsOf(service, doc)) {
      const where = `${method} ${path} (${operation.operationId})`;
      // Redoc names an example by its summary, or by its key when it has none.
      const asShown = (examples: NamedExample[]) => examples.map((example) => ({ ...example, summary: example.summary ?? example.name }));
      const examples = asShown(requestExamples);
      const tag = tags.find((candidate) => candidate.name === operation.tags[0])!;
      // Browse as a reader does: open the tag in the menu, then the operation.
      const tagLink = sidebar(page).getByRole("link", { name: tag["x-displayName"] ?? tag.name, exact: true });
      const operationLink = sidebar(page).locator("a").filter({ hasText: new RegExp(`^${escapeRegExp(operation.summary)}\\s*${method}$`, "i") });
      if (!(await operationLink.isVisible())) await tagLink.click();
      await visible(operationLink, `${where}: menu entry "${operation.summary}" under "${tag["x-displayName"] ?? tag.name}" (is the operation missing from the page?)`);
      await operationLink.click();

      const heading = operationHeading(page, operation.summary);
      await visible(heading, `${where}: summary heading "${operation.summary}"`);
      await visible(page.getByText(path, { exact: true }).first(), `${where}: path`);
      if (lang === "zh-CN") {
        await visible(page.getByText(chineseSnippet(operation.description)!).first(), `${where}: Chinese description`);
      }

      if (examples.length) {
        const samples = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
        await visible(samples.getByText(firstString(examples[0]!.value)!).first(), `${where}: first request example's body`);
      }
      if (examples.length > 1) {
        // Several examples: a menu named after the first lists them all by summary.
        const chooser = page.getByRole("button").filter({ hasText: new RegExp(`^${escapeRegExp(examples[0]!.summary)}$`) }).first();
        await visible(chooser, `${where}: request example menu "${examples[0]!.summary}"`);
        await chooser.click();
        for (const { summary } of examples) {
          await visible(page.getByRole("menuitem").filter({ hasText: new RegExp(`^${escapeRegExp(summary)}$`) }), `${where}: request example "${summary}"`);
        }
        await chooser.click();
      }

      // The success response's examples, shown first in the response panel.
      const success = responses.find(({ status }) => status >= 200 && status < 300);
      const responseExamples = asShown(success?.examples ?? []);
      if (responseExamples.length) {
        const samples = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
        await visible(samples.getByText(firstString(responseExamples[0]!.value)!).first(), `${where}: ${success!.status} response example's body`);
      }
      if (responseExamples.length > 1) {
        const chooser = page.getByRole("button").filter({ hasText: new RegExp(`^${escapeRegExp(responseExamples[0]!.summary)}$`) }).first();
        await visible(chooser, `${where}: ${success!.status} response example menu "${responseExamples[0]!.summary}"`);
      }

      const forms = requestForms(doc, operation);
      for (const form of forms) {
        if (form.title) {
          // A oneOf: pick the form by its title, as a reader does.
          const switcher = page.locator('[data-section-id="switcher"]').first();
          await switcher.getByRole("button").click();
          await page.getByRole("menuitem", { name: form.title, exact: true }).click();
          await visible(switcher.getByRole("button").filter({ hasText: form.title }), `${where}: form ${form.title} selected`);
        }
        for (const field of form.fields) {
          await visible(fieldRow(page, field), `${where}${form.title ? ` [${form.title}]` : ""}: request field ${field}`);
        }
        // Show the form (its switcher, or its first field) under the docs bar.
        const shown = form.title ? page.locator('[data-section-id="switcher"]').first() : fieldRow(page, form.fields[0]!);
        await shown.evaluate((element) => {
          element.scrollIntoView({ block: "start" });
          (element.closest("[style*=overflow], main") ?? document.scrollingElement)?.scrollBy?.(0, -120);
          window.scrollBy(0, -120);
        });
        const label = form.title ? `-${form.title.replace(/[^\p{L}\p{N}]+/gu, "-")}` : "";
        await page.screenshot({ path: join(screenshots, `${service}-${lang}-${operation.operationId}${label}.png`) });
      }
      if (!forms.length) {
        await page.screenshot({ path: join(screenshots, `${service}-${lang}-${operation.operationId}.png`) });
      }
    }

    await page.close();
    expect(problems, "console errors and failed or external requests").toEqual([]);
  });
});

describe("language switch", () => {
  it("keeps the reader on the same operation", async () => {
    const { page, problems } = await openTab();
    await openDocs(page, "evs", "en", "#/disks/createvolumes");
    await page.locator("#other-language").click();
    await page.waitForURL(/\/evs\/zh-CN\/index\.html#\/disks\/createvolumes$/);
    await redocMounted(page);
    const summary = expectedDoc("evs", "zh-CN").paths["/v3/{project_id}/cloudvolumes"]!.post.summary;
    await visible(operationHeading(page, summary), `Chinese heading ${summary}`);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe("what the browser test looks for", () => {
  // Guards the derivation above: if it found nothing, the page tests would pass vacuously.
  const fieldsOf = (service: Service, path: string, method: "post") =>
    requestForms(loadBundle(service), loadBundle(service).paths[path]![method]);

  it("every field of `volume` when creating disks", () => {
    const [form] = fieldsOf("evs", "/v3/{project_id}/cloudvolumes", "post");
    expect(form!.fields).toEqual(expect.arrayContaining(["volume", "availability_zone", "volume_type", "size", "count", "metadata", "tags"]));
  });

  it("every field of `os-volume_upload_image` when exporting a disk", () => {
    const [form] = fieldsOf("evs", "/v3/{project_id}/volumes/{volume_id}/action", "post");
    expect(form!.fields).toEqual(["os-volume_upload_image", "image_name", "disk_format", "force", "container_format", "__os_type"]);
  });

  it("all four forms of create-image, each with its source field", () => {
    const forms = fieldsOf("ims", "/v2/cloudimages/action", "post");
    expect(forms.map((form) => form.title)).toEqual(["ImageFromServer", "DataImagesFromServer", "ImageFromObsFile", "SystemImageFromDataVolume"]);
    for (const [index, source] of ["instance_id", "data_images", "image_url", "volume_id"].entries()) {
      expect(forms[index]!.fields).toContain(source);
      expect(forms[index]!.fields).toContain("name");
    }
  });
});
