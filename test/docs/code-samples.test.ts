// The code samples the docs show (scripts/lib/code-samples.mjs), as a reader
// would use them: every operation has a curl and a TypeScript sample in each
// language; every TypeScript sample type-checks against the package in strict
// mode; and every sample, with the real endpoint swapped for the mock's (and
// nothing else changed), gets the operation's documented success status.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { operationSamples, packageName, sampleEnvironment } from "../../scripts/lib/code-samples.mjs";
import { applyTranslation, loadTranslation } from "../../scripts/lib/i18n.mjs";
import { consumerCompilerOptions } from "../support/consumer.js";
import { loadBundle, type OpenApiDocument, operationsOf, repoRoot, resolveRef, type Service, services } from "../support/openapi.js";

const run = promisify(execFile);
const languages = ["en", "zh-CN"] as const;
type Lang = (typeof languages)[number];

function docFor(service: Service, lang: Lang): OpenApiDocument {
  const english = loadBundle(service);
  return lang === "en" ? english : applyTranslation(english, loadTranslation(service, "zh-CN"));
}

type Case = {
  service: Service;
  lang: Lang;
  name: string;
  method: string;
  path: string;
  status: number;
  firstExample: unknown;
  curl: string;
  typeScript: string;
  file: string;
};

const cases: Case[] = services.flatMap((service) =>
  languages.flatMap((lang) => {
    const doc = docFor(service, lang);
    return operationsOf(service, doc).map((operation) => {
      const samples = operationSamples(doc, service, lang, operation.template, operation.method);
      const success = operation.responses.find((response) => response.status >= 200 && response.status < 300)!;
      return {
        service,
        lang,
        name: `${service} ${lang} ${operation.method} ${operation.template}`,
        method: operation.method,
        path: operation.template,
        status: success.status,
        // Prism answers with the first example of the success status.
        firstExample: success.examples[0]?.value,
        curl: samples.find((sample) => sample.label === "curl")?.source ?? "",
        typeScript: samples.find((sample) => sample.lang === "TypeScript")?.source ?? "",
        file: `${service}-${lang}-${operation.operationId}.ts`,
      };
    });
  }),
);

/** The real endpoint in a sample, exactly once: the one thing a reader changes to use the mock. */
function swapOnce(source: string, real: string, mock: string): string {
  const count = source.split(real).length - 1;
  if (count !== 1) throw new Error(`expected ${JSON.stringify(real)} once in the sample, found it ${count} times:\n${source}`);
  return source.replace(real, mock);
}

const serverUrl = (service: Service) => (loadBundle(service).servers as { url: string }[])[0]!.url.replace("{region}", "cn-north-4");
/** A sample without its comments: the code, which must not depend on the language. */
const code = (source: string) =>
  source
    .split("\n")
    .filter((line) => !/^\s*(#|\/\/)/.test(line))
    .join("\n");

let work: string;
let typeErrors = "";
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "code-samples-"));
  // Strict mode, as a consumer's project: the package resolved to its source.
  const tsconfig = {
    compilerOptions: {
      ...consumerCompilerOptions,
      noEmit: true,
      skipLibCheck: true,
      paths: { [packageName]: [join(repoRoot, "src/index.ts")] },
    },
    files: cases.map((sample) => sample.file),
  };
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
  for (const sample of cases) writeFileSync(join(work, sample.file), sample.typeScript);
  // Records each response the sample gets, on stderr, without changing the sample.
  writeFileSync(
    join(work, "record-fetch.mjs"),
    `
const original = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await original(input, init);
  const request = input instanceof Request ? input : new Request(input, init);
  process.stderr.write("sample-response " + JSON.stringify({ method: request.method, url: request.url, status: response.status }) + "\\n");
  return response;
};
`,
  );
  try {
    execFileSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", work], { cwd: work, encoding: "utf8" });
  } catch (error) {
    typeErrors = String((error as { stdout?: string }).stdout ?? error);
  }
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("every operation has its samples", () => {
  it.each(services)("%s: a curl and a TypeScript sample per operation and language", (service) => {
    for (const lang of languages) {
      const operations = operationsOf(service).map((operation) => `${operation.method} ${operation.template}`);
      const found = cases.filter((sample) => sample.service === service && sample.lang === lang);
      expect(found.map((sample) => `${sample.method} ${sample.path}`).sort()).toEqual(operations.sort());
      for (const sample of found) {
        expect(sample.curl, sample.name).toMatch(/^curl /m);
        expect(sample.typeScript, sample.name).toContain(`from "${packageName}"`);
      }
    }
  });

  it.each(services)("%s: the Chinese samples are the English code with Chinese comments", (service) => {
    const english = cases.filter((sample) => sample.service === service && sample.lang === "en");
    for (const sample of english) {
      const chinese = cases.find(
        (other) => other.lang === "zh-CN" && other.service === service && other.path === sample.path && other.method === sample.method,
      )!;
      expect(code(chinese.curl)).toBe(code(sample.curl));
      expect(code(chinese.typeScript)).toBe(code(sample.typeScript));
      for (const source of [chinese.curl, chinese.typeScript]) {
        const comments = source.split("\n").filter((line) => /^\s*(#|\/\/)/.test(line));
        expect(comments.length).toBeGreaterThan(0);
        for (const comment of comments) expect(comment, `${chinese.name}: a comment in Chinese`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("a required parameter without an example is an error that names it", () => {
    const doc = structuredClone(loadBundle("evs"));
    const template = "/v3/{project_id}/volumes/{volume_id}/action";
    const parameters = [...(doc.paths[template]!.parameters ?? []), ...(doc.paths[template]!.post.parameters ?? [])];
    const volumeId = parameters.map((parameter) => resolveRef(doc, parameter)).find((parameter) => parameter.name === "volume_id");
    delete volumeId.example;
    expect(() => operationSamples(doc, "evs", "en", template, "POST")).toThrow(/required parameter volume_id has no example/);
  });
});

describe.each(cases.map((sample) => [sample.name, sample] as const))("%s", (_, sample) => {
  it("the TypeScript sample type-checks in strict mode", () => {
    const errors = typeErrors.split("\n").filter((line) => line.startsWith(sample.file));
    expect(errors, `tsc:\n${typeErrors}`).toEqual([]);
  });

  it(`the TypeScript sample, run against the mock, gets ${sample.status}`, async () => {
    const mock = inject("mockUrls")[sample.service];
    const source = swapOnce(sample.typeScript, 'region: "cn-north-4"', `baseUrl: ${JSON.stringify(mock)}`);
    const bundled = join(work, sample.file.replace(/\.ts$/, ".mjs"));
    await build({
      stdin: { contents: source, loader: "ts", resolveDir: repoRoot },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      alias: { [packageName]: join(repoRoot, "src/index.ts") },
      outfile: bundled,
      logLevel: "silent",
    });
    const { stdout, stderr } = await run(process.execPath, ["--import", join(work, "record-fetch.mjs"), bundled], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        [sampleEnvironment.ak]: "AKEXAMPLE",
        [sampleEnvironment.sk]: "sk-example",
        [sampleEnvironment.projectId]: "0123456789abcdef0123456789abcdef",
      },
    });
    const responses = stderr
      .split("\n")
      .filter((line) => line.startsWith("sample-response "))
      .map((line) => JSON.parse(line.slice("sample-response ".length)));
    const first = responses[0];
    expect(first?.method).toBe(sample.method);
    expect(new URL(first!.url).pathname).toMatch(new RegExp(`^${sample.path.replace(/\{\w+\}/g, "[^/]+")}$`));
    expect(first?.status).toBe(sample.status);
    // Whatever followed (a waiter's polls) succeeded too, and the program printed its result.
    for (const response of responses) expect(response.status, JSON.stringify(response)).toBeLessThan(300);
    expect(stdout.trim()).not.toBe("");
  });

  it(`the curl sample, run against the mock, gets ${sample.status} and the documented answer`, async () => {
    const mock = inject("mockUrls")[sample.service];
    const command = swapOnce(sample.curl, serverUrl(sample.service), mock);
    const { stdout } = await run("sh", ["-c", command], {
      env: {
        PATH: process.env.PATH,
        [sampleEnvironment.token]: "any-token",
        [sampleEnvironment.projectId]: "0123456789abcdef0123456789abcdef",
      },
    });
    const [head, body] = stdout.split(/\r?\n\r?\n/, 2);
    expect(head).toMatch(new RegExp(`^HTTP/[\\d.]+ ${sample.status}\\b`));
    if (sample.firstExample !== undefined) expect(JSON.parse(body!)).toEqual(sample.firstExample);
  });
});
