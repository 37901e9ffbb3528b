// The rendered docs in a real browser (Chromium through playwright-core):
// builds the site into a temporary folder, serves it on a free loopback
// port, refuses every request that goes anywhere else, and checks that a
// reader can browse every operation, every request field of the create
// operations with every parameter, the request and response examples, the
// code samples, the decision links (followed to their entry) and the Chinese
// text, including Redoc's own labels, with no console error and no failed
// request. A screenshot of each view goes to test-results/docs/.
//
// What the pages must show is computed from generated/*.openapi.json and
// spec/i18n (not from the copy the site renders), so a page that loses an
// operation, a field or a translation fails here.
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationSamples, sampleLabels } from "../../scripts/lib/code-samples.mjs";
import { citedDecisions, decisionIds, readDecisions } from "../../scripts/lib/decisions.mjs";
import { applyTranslation, loadTranslation } from "../../scripts/lib/i18n.mjs";
import { labelsGlobal, loadLabels } from "../../scripts/lib/redoc-labels.mjs";
import { type StaticServer, serveFolder } from "../../scripts/lib/static-server.mjs";
import {
  loadBundle,
  type NamedExample,
  type OpenApiDocument,
  operationsOf,
  repoRoot,
  resolveRef,
  type Service,
  services,
} from "../support/openapi.js";

const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
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
      "Chromium is not installed, and the docs browser test needs it.\n" +
        "Install it from Debian's packages: apt-get update && apt-get install -y chromium\n" +
        "(or set CHROMIUM_PATH to a Chromium binary). `npx playwright install` is not used here.",
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
  return [...Object.keys(resolved?.properties ?? {}), ...(resolved?.allOf ?? []).flatMap((part: any) => propertyNames(doc, part))].filter(
    (name, index, all) => all.indexOf(name) === index,
  );
}

/** The request fields a reader must see: per request form, its title and fields. */
function requestForms(doc: OpenApiDocument, operation: any): { title?: string; fields: string[] }[] {
  const body = deref(doc, deref(doc, operation.requestBody)?.content?.["application/json"]?.schema);
  if (!body) return [];
  if (body.oneOf) {
    return body.oneOf.map((form: any) => ({ title: deref(doc, form).title, fields: propertyNames(doc, form) }));
  }
  // An envelope (`volume`, `os-volume_upload_image`, `bssParam`, ...): the fields of each of its objects too.
  const fields = propertyNames(doc, body);
  const nested = fields.flatMap((field) => propertyNames(doc, body.properties[field]));
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
  // Every label Redoc asks its translate hook for (scripts/lib/redoc-labels.mjs
  // looks each up in the page's label table): kept in a list the test reads.
  await page.addInitScript((name) => {
    const asked = new Set<string>();
    let table: object | undefined;
    Object.defineProperty(globalThis, "__labelsAsked", { value: asked });
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => table,
      set: (value: object) => {
        table = new Proxy(value, {
          getOwnPropertyDescriptor(target, key) {
            if (typeof key === "string") asked.add(key);
            return Reflect.getOwnPropertyDescriptor(target, key);
          },
        });
      },
    });
  }, labelsGlobal);
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
  await page.waitForFunction(
    () => {
      const link = document.querySelector('[data-component-name="Menu/Menu"] a');
      return link !== null && Object.keys(link).some((key) => key.startsWith("__reactFiber$"));
    },
    undefined,
    { timeout: renderTimeoutMs },
  );
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

/**
 * A parameter's row in its operation's section (the page holds every operation), found by its
 * name among the rows of its location: Redoc's ids read `<tag>/<operationid>/t=request&in=query&...`
 * (`path`, `headers`).
 */
const parameterRow = (page: Page, operationId: string, parameter: { in: string; name: string }) =>
  page
    .locator(
      `.schema-property-item[id*="/${operationId.toLowerCase()}/t=request&in=${parameter.in === "header" ? "headers" : parameter.in}&"]`,
    )
    .filter({ has: page.locator(".schema-name").getByText(parameter.name, { exact: true }) })
    .first();

/** A request field's row of one operation in the middle column, found by the field's name. */
const fieldRow = (page: Page, operationId: string, field: string) =>
  page
    .locator(`.schema-property-item[id*="/${operationId.toLowerCase()}/t=request"]`)
    .filter({ has: page.locator(".schema-name").getByText(field, { exact: true }) })
    .first();

const sidebar = (page: Page) => page.locator('[data-component-name="Menu/Menu"]');

/** Picks a sample (or "Payload", the request body) in the right-hand panel's menu, named after the one shown. */
async function pickSample(page: Page, section: Locator, where: string, label: string) {
  const menu = section
    .getByRole("button")
    .filter({ hasText: new RegExp(`^(${[...sampleLabels, "Payload"].map(escapeRegExp).join("|")})$`) })
    .first();
  await visible(menu, `${where}: code sample menu`);
  if ((await menu.innerText()).trim() === label) return;
  await menu.click();
  await page
    .getByRole("menuitem")
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
    .first()
    .click();
}

/**
 * The operation's code samples in the right-hand panel: each one picked from
 * the menu, as a reader does, shows its whole source.
 */
async function checkCodeSamples(page: Page, section: Locator, where: string, samples: { label: string; source: string }[]) {
  expect(
    samples.map((sample) => sample.label),
    where,
  ).toEqual(sampleLabels);
  for (const sample of samples) {
    const shown = section.locator("pre").filter({ hasText: sample.source.split("\n")[0]! });
    await pickSample(page, section, where, sample.label);
    await visible(shown.first(), `${where}: ${sample.label} sample`);
    const text = (await shown.first().innerText()).replace(/\u200b/g, "");
    expect(text.trim(), `${where}: the ${sample.label} sample as generated`).toBe(sample.source.trim());
  }
}

const decisionEntries = new Set(decisionIds(readDecisions()));

/** Every decision an operation cites anywhere (descriptions of the operation, its parameters and schemas). */
function citedBy(doc: OpenApiDocument, node: unknown, seen = new Set<unknown>()): string[] {
  const resolved = deref(doc, node);
  if (resolved === null || typeof resolved !== "object" || seen.has(resolved)) return [];
  seen.add(resolved);
  return Object.entries(resolved).flatMap(([key, value]) =>
    key === "description" && typeof value === "string"
      ? citedDecisions(value)
      : key === "examples" || key === "example"
        ? []
        : citedBy(doc, value, seen),
  );
}

/**
 * The decision links of an operation: the citations of its own description
 * are links, every link shown names an entry of the record, and following one
 * lands on that entry.
 */
async function checkDecisionLinks(page: Page, service: Service, lang: Lang, where: string, doc: OpenApiDocument, operation: any) {
  const cited = citedBy(doc, operation);
  if (cited.length === 0) return;
  const record = `../../decisions/${lang}/index.html`;
  const own = citedDecisions(operation.description ?? "");
  for (const id of own) await visible(page.locator(`a[href="${record}#${id}"]`).first(), `${where}: link to ${id}`);
  const links = page.locator(`a[href^="${record}#"]`);
  expect(await links.count(), `${where}: decision links (it cites ${cited.join(", ")})`).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((all) => all.map((a) => a.getAttribute("href")!))) {
    expect(decisionEntries, `${where}: ${href}`).toContain(href.split("#")[1]);
  }
  const link = (own.length ? page.locator(`a[href="${record}#${own[0]}"]`) : links).first();
  const id = (await link.getAttribute("href"))!.split("#")[1]!;
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForURL(new RegExp(`/decisions/${escapeRegExp(lang)}/index\\.html#${id}$`));
  const entry = page.locator(`h3[id="${id}"]`);
  await visible(entry, `${where}: the entry ${id} after following its link`);
  expect(await entry.evaluate((element) => element.matches(":target")), `${where}: ${id} is the entry landed on`).toBe(true);
  await page.screenshot({ path: join(screenshots, `decision-${service}-${lang}-${id}.png`) });
  await page.goBack();
  await redocMounted(page);
}

const labels = loadLabels("zh-CN");
/** Every label asked for on the Chinese pages (filled by their tests, checked after them). */
const askedOnChinesePages = new Set<string>();
/** What the English pages showed, by service (their tests run before the Chinese ones). */
const englishTexts = new Map<Service, string>();

const labelsAsked = (page: Page) => page.evaluate(() => [...(globalThis as unknown as { __labelsAsked: Set<string> }).__labelsAsked]);

/**
 * Redoc's labels on a Chinese page: every label it asked for has a Chinese
 * translation, and every label the English page shows (as a line of its own)
 * shows in Chinese here.
 */
function checkLabels(service: Service, asked: string[], texts: string[]) {
  expect(asked.length, "labels Redoc asked for").toBeGreaterThan(10);
  expect(
    asked.filter((key) => !labels.has(key)),
    "labels without a Chinese translation in spec/i18n/zh-CN/redoc.yaml",
  ).toEqual([]);
  const english = englishTexts.get(service);
  expect(english, `the ${service} English page test ran first, in this file`).toBeDefined();
  const englishLines = new Set(english!.split("\n").map((line) => line.trim()));
  const shown = [...labels].filter(([, { en }]) => englishLines.has(en.trim()));
  expect(shown.length, "labels the English page shows").toBeGreaterThan(10);
  const chinese = texts.join("\n");
  expect(
    shown.filter(([, { text }]) => !chinese.includes(text)).map(([key, { en, text }]) => `${key}: "${en}" is not shown as "${text}"`),
  ).toEqual([]);
}

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
    const labelTexts: string[] = [];
    const asked = new Set<string>();
    await openDocs(page, service, lang);

    await visible(page.getByRole("heading", { level: 1 }).filter({ hasText: info.title }), `title ${info.title}`);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    if (lang === "zh-CN") await visible(page.getByText(chineseSnippet(info.description)!).first(), "Chinese introduction");
    await page.screenshot({ path: join(screenshots, `${service}-${lang}.png`) });

    const tags = (doc.tags ?? []) as { name: string; "x-displayName"?: string }[];
    for (const { template: path, method, definition: operation, parameters, requestExamples, responses } of operationsOf(service, doc)) {
      const where = `${method} ${path} (${operation.operationId})`;
      // Redoc names an example by its summary, or by its key when it has none.
      const asShown = (examples: NamedExample[]) => examples.map((example) => ({ ...example, summary: example.summary ?? example.name }));
      const examples = asShown(requestExamples);
      const tag = tags.find((candidate) => candidate.name === operation.tags[0])!;
      // Browse as a reader does: open the tag in the menu, then the operation.
      const tagLink = sidebar(page).getByRole("link", { name: tag["x-displayName"] ?? tag.name, exact: true });
      const operationLink = sidebar(page)
        .locator("a")
        .filter({ hasText: new RegExp(`^${escapeRegExp(operation.summary)}\\s*${method}$`, "i") });
      if (!(await operationLink.isVisible())) await tagLink.click();
      await visible(
        operationLink,
        `${where}: menu entry "${operation.summary}" under "${tag["x-displayName"] ?? tag.name}" (is the operation missing from the page?)`,
      );
      await operationLink.click();

      const heading = operationHeading(page, operation.summary);
      await visible(heading, `${where}: summary heading "${operation.summary}"`);
      await visible(page.getByText(path, { exact: true }).first(), `${where}: path`);
      if (lang === "zh-CN") {
        await visible(page.getByText(chineseSnippet(operation.description)!).first(), `${where}: Chinese description`);
      }
      // Redoc puts the operation (both panels) in an element named after its address.
      const section = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.replace(/^#\//, ""))}"]`);
      await visible(section.first(), `${where}: the operation's section`);
      await checkCodeSamples(page, section, where, operationSamples(doc, service, lang, path, method));
      labelTexts.push(await page.locator("body").innerText());
      // Read before a decision link leaves the page (a page loaded again starts a new list).
      for (const key of await labelsAsked(page)) asked.add(key);
      await checkDecisionLinks(page, service, lang, where, doc, operation);

      // Every parameter (path, query, header) with its description, in the page's language.
      for (const parameter of parameters) {
        const row = parameterRow(page, operation.operationId, parameter);
        await visible(row, `${where}: ${parameter.in} parameter ${parameter.name}`);
        if (lang === "zh-CN") {
          await visible(
            row.getByText(chineseSnippet(parameter.description)!).first(),
            `${where}: Chinese description of ${parameter.name}`,
          );
        }
      }

      // The request body's examples are under "Payload", beside the code samples.
      if (examples.length) await pickSample(page, section, where, "Payload");
      if (examples.length) {
        const samples = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
        await visible(samples.getByText(firstString(examples[0]!.value)!).first(), `${where}: first request example's body`);
      }
      if (examples.length > 1) {
        // Several examples: a menu named after the first lists them all by summary.
        const chooser = page
          .getByRole("button")
          .filter({ hasText: new RegExp(`^${escapeRegExp(examples[0]!.summary)}$`) })
          .first();
        await visible(chooser, `${where}: request example menu "${examples[0]!.summary}"`);
        await chooser.click();
        for (const { summary } of examples) {
          await visible(
            page.getByRole("menuitem").filter({ hasText: new RegExp(`^${escapeRegExp(summary)}$`) }),
            `${where}: request example "${summary}"`,
          );
        }
        await chooser.click();
      }

      // The success response's examples, shown first in the response panel.
      const success = responses.find(({ status }) => status >= 200 && status < 300);
      const responseExamples = asShown(success?.examples ?? []);
      if (responseExamples.length) {
        const samples = page.locator('[data-component-name="JsonViewer/JsonViewer"]');
        await visible(
          samples.getByText(firstString(responseExamples[0]!.value)!).first(),
          `${where}: ${success!.status} response example's body`,
        );
      }
      if (responseExamples.length > 1) {
        const chooser = page
          .getByRole("button")
          .filter({ hasText: new RegExp(`^${escapeRegExp(responseExamples[0]!.summary)}$`) })
          .first();
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
          const row = fieldRow(page, operation.operationId, field);
          await visible(row, `${where}${form.title ? ` [${form.title}]` : ""}: request field ${field}`);
          // Redoc draws an object's fields once its row has been on screen, as a reader scrolls.
          await row.scrollIntoViewIfNeeded();
        }
        // Show the form (its switcher, or its first field) under the docs bar.
        const shown = form.title
          ? page.locator('[data-section-id="switcher"]').first()
          : fieldRow(page, operation.operationId, form.fields[0]!);
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

    if (lang === "zh-CN") {
      // A reader who folds the sidebar away gets the label of the button that brings it back.
      await page.locator('button[aria-label="Hide sidebar"]').click();
      await page.locator('button[aria-label="Show sidebar"]').click();
    }
    for (const key of await labelsAsked(page)) asked.add(key);
    if (lang === "zh-CN") {
      checkLabels(service, [...asked], labelTexts);
      for (const key of asked) askedOnChinesePages.add(key);
    } else {
      englishTexts.set(service, labelTexts.join("\n"));
    }
    await page.close();
    expect(problems, "console errors and failed or external requests").toEqual([]);
  });
});

describe("Redoc's labels in Chinese", () => {
  it("every translated label is one a Chinese page asked for (run with the page tests above)", () => {
    expect(askedOnChinesePages.size, "the Chinese page tests ran first, in this file").toBeGreaterThan(0);
    expect(
      [...labels.keys()].filter((key) => !askedOnChinesePages.has(key)),
      "labels in spec/i18n/zh-CN/redoc.yaml that no page uses",
    ).toEqual([]);
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
    expect(form!.fields).toEqual(
      expect.arrayContaining(["volume", "availability_zone", "volume_type", "size", "count", "metadata", "tags"]),
    );
  });

  it("every field of the v2.1 create: `volume` (the shared fields too), billing, placement and server", () => {
    const [form] = fieldsOf("evs", "/v2.1/{project_id}/cloudvolumes", "post");
    expect(form!.fields).toEqual(
      expect.arrayContaining([
        "volume",
        "bssParam",
        "OS-SCH-HNT:scheduler_hints",
        "server_id",
        "availability_zone",
        "size",
        "iops",
        "throughput",
        "metadata",
        "chargingMode",
        "periodType",
        "periodNum",
        "isAutoPay",
        "isAutoRenew",
        "dedicated_storage_id",
      ]),
    );
    expect(form!.fields).not.toContain("shareable");
  });

  it.each(["/v3/{project_id}/volumes/{volume_id}/action", "/v2/{project_id}/volumes/{volume_id}/action"])(
    "every field of `os-volume_upload_image` when exporting a disk at %s",
    (path) => {
      const [form] = fieldsOf("evs", path, "post");
      expect(form!.fields).toEqual(["os-volume_upload_image", "image_name", "disk_format", "force", "container_format", "__os_type"]);
    },
  );

  it("every parameter of the image list and the disk query", () => {
    const listed = operationsOf("ims").find((op) => op.operationId === "listImages")!.parameters;
    expect(listed.filter((p) => p.in === "query")).toHaveLength(38);
    expect(listed.map((p) => p.name)).toEqual(
      expect.arrayContaining(["__imagetype", "limit", "sort_key", "tag", "created_at", "X-Project-Id"]),
    );
    const shown = operationsOf("evs").find((op) => op.operationId === "showVolume")!.parameters;
    expect(shown.map((p) => `${p.in} ${p.name}`)).toEqual(["path project_id", "path volume_id", "header X-Project-Id"]);
  });

  it("all four forms of create-image, each with its source field", () => {
    const forms = fieldsOf("ims", "/v2/cloudimages/action", "post");
    expect(forms.map((form) => form.title)).toEqual([
      "ImageFromServer",
      "DataImagesFromServer",
      "ImageFromObsFile",
      "SystemImageFromDataVolume",
    ]);
    for (const [index, source] of ["instance_id", "data_images", "image_url", "volume_id"].entries()) {
      expect(forms[index]!.fields).toContain(source);
      expect(forms[index]!.fields).toContain("name");
    }
  });
});
