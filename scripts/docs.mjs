#!/usr/bin/env node
// Renders the API docs site: for each service, one page per language, from
// the bundles in generated/ (run `npm run bundle` first), plus an index page.
//
//   node scripts/docs.mjs [--out <dir>]     default dist/docs
//
// It replaces only what it writes there (index.html and <service>/<lang>/);
// anything else in the folder is left alone.
//
// dist/docs/index.html                 links to every page
// dist/docs/<service>/<lang>/index.html  the Redoc page (renderer inlined)
// dist/docs/<service>/<lang>/openapi.json  the document that page shows
//
// English pages show the bundle, less the conditional rules Redoc cannot draw
// (see readerView). Other languages show the bundle with its prose replaced from spec/i18n/<lang>/<service>.yaml
// (scripts/lib/i18n.mjs), so a translation can change words only. Prose whose
// translation is missing or out of date stays English, with a warning (the
// tests require every translation to be complete and current).
//
// The pages work with no network: `redocly build-docs --inlineBundle` puts
// Redoc (the copy shipped in @redocly/cli) into each page, the template
// (scripts/docs/page.hbs) loads nothing else, and its Content-Security-Policy
// forbids any other origin.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyTranslationLeniently, describeProblems, loadTranslation } from "./lib/i18n.mjs";
import { bundlePath, folderOption, repoRoot } from "./lib/paths.mjs";
import { RedoclyError, runRedocly } from "./lib/redocly.mjs";
import { services } from "./lib/services.mjs";

const outDir = folderOption("--out", join(repoRoot, "dist/docs"), "node scripts/docs.mjs [--out <dir>]");

/** The page languages: the English bundle, and each translation of it. */
const pageLanguages = /** @type {const} */ ([
  { lang: "en", name: "English", home: "API docs", services: "Services", open: "Open", translation: undefined },
  { lang: "zh-CN", name: "中文", home: "API 文档", services: "服务", open: "打开", translation: "zh-CN" },
]);

// Redoc 3 options (https://redocly.com/docs/redoc/v3.x/config): show request
// and response fields and example bodies unfolded, as the source pages do.
const redocOptions = {
  schemasExpansionLevel: "all",
  jsonSamplesExpandLevel: "all",
  sortRequiredPropsFirst: true,
};

// The one address the inlined Redoc loads by itself: the "API docs by
// Redocly" logo in the sidebar. It is replaced by a local picture of the same
// words, so the attribution stays and the page stays offline.
const remoteLogos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const localLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="16" viewBox="0 0 52 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
)}`;

const template = join(repoRoot, "scripts/docs/page.hbs");

/**
 * @param {import("./lib/services.mjs").Service} service
 * @param {(typeof pageLanguages)[number]} page
 */
async function renderPage(service, page) {
  const english = JSON.parse(readFileSync(bundlePath(service), "utf8"));
  let doc = english;
  if (page.translation) {
    const translated = applyTranslationLeniently(english, loadTranslation(service, page.translation));
    doc = translated.doc;
    const problems = describeProblems(translated.problems);
    if (problems) {
      console.warn(`warning: ${service} (${page.lang}) shows English where spec/i18n/${page.translation}/${service}.yaml is not up to date`
        + ` (the tests fail until it is; \`node scripts/i18n.mjs --update\` adds the missing entries):\n${problems}`);
    }
  }
  const dir = join(outDir, service, page.lang);
  mkdirSync(dir, { recursive: true });
  const specFile = join(dir, "openapi.json");
  writeFileSync(specFile, `${JSON.stringify(readerView(doc), null, 2)}\n`);
  const other = pageLanguages.find((candidate) => candidate !== page) ?? page;
  const output = join(dir, "index.html");
  try {
    await runRedocly([
      "build-docs", specFile,
      "--output", output,
      "--template", template,
      "--inlineBundle",
      "--openapi", JSON.stringify(redocOptions),
      "--templateOptions.lang", page.lang,
      "--templateOptions.home", page.home,
      "--templateOptions.servicesLabel", page.services,
      "--templateOptions.otherLang", other.lang,
      "--templateOptions.otherLangName", other.name,
      ...(service === "evs" ? ["--templateOptions.isEvs"] : ["--templateOptions.isIms"]),
    ]);
  } catch (error) {
    const output = error instanceof RedoclyError ? error.output : String(error);
    throw new Error(`redocly build-docs failed for ${service} (${page.lang}):\n${output}`);
  }
  let html = readFileSync(output, "utf8");
  for (const logo of remoteLogos) {
    if (!html.includes(logo)) throw new Error(`${output}: Redoc no longer loads ${logo}; update the offline patch in scripts/docs.mjs`);
    html = html.replaceAll(logo, localLogo);
  }
  const leftover = /https:\/\/cdn\.redoc(?:ly\.com|\.ly)\/redoc\/[^"'`\s)]*/.exec(html);
  if (leftover) throw new Error(`${output}: still refers to ${leftover[0]}, which would need the network`);
  writeFileSync(output, html);
  return { service, lang: page.lang, title: doc.info.title, summary: doc.info.summary, file: output };
}

/**
 * The document as readers see it: without the conditional rules (if/then/else,
 * dependentSchemas). Redoc draws them as "One of: case 1 / case 2" tabs whose
 * case 1 shows the condition as if it were required (`count` "[2 .. 100]
 * required"). Every such rule is also stated in prose in the field or
 * operation descriptions, which stay; the mock and the tests use the full
 * bundle.
 * @param {unknown} node
 * @returns {any}
 */
function readerView(node) {
  if (Array.isArray(node)) return node.map(readerView);
  if (typeof node !== "object" || node === null) return node;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (conditionalKeywords.has(key)) continue;
    out[key] = readerView(value);
  }
  if (Array.isArray(out.allOf)) {
    // An allOf entry that held only a condition is now empty, or a description of it.
    const parts = out.allOf.filter((/** @type {object} */ part) => Object.keys(part).some((k) => k !== "description"));
    if (parts.length > 0) out.allOf = parts;
    else delete out.allOf;
  }
  return out;
}
const conditionalKeywords = new Set(["if", "then", "else", "dependentSchemas"]);

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {Awaited<ReturnType<typeof renderPage>>[]} pages */
function indexPage(pages) {
  const sections = pageLanguages.map((language) => {
    const items = services.map((service) => {
      const page = pages.find((p) => p.service === service && p.lang === language.lang);
      if (!page) throw new Error(`no ${service} page in ${language.lang}`);
      return `      <li><a href="${service}/${language.lang}/index.html">${escapeHtml(page.title)}</a><p>${escapeHtml(page.summary ?? "")}</p></li>`;
    });
    return `  <section lang="${language.lang}">
    <h2>${escapeHtml(language.name)}</h2>
    <ul>
${items.join("\n")}
    </ul>
  </section>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
  <title>Huawei Cloud EVS &amp; IMS API docs · 华为云 EVS 与 IMS API 文档</title>
  <style>
    body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem;
      font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
      color: #1f2933; }
    h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
    .sub { color: #52606d; margin-top: 0; }
    main { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 2rem; }
    ul { list-style: none; padding: 0; }
    li { margin-bottom: 1.25rem; }
    li a { font-weight: 600; color: #0044d4; }
    li p { margin: 0.25rem 0 0; color: #52606d; }
  </style>
</head>
<body>
  <h1>Huawei Cloud EVS &amp; IMS API docs</h1>
  <p class="sub" lang="zh-CN">华为云云硬盘（EVS）与镜像服务（IMS）API 文档</p>
  <main>
${sections.join("\n")}
  </main>
</body>
</html>
`;
}

const started = Date.now();
try {
  // Only what this script writes: `--out spec` must not delete spec/.
  rmSync(join(outDir, "index.html"), { force: true });
  for (const service of services) {
    for (const { lang } of pageLanguages) rmSync(join(outDir, service, lang), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  const pages = await Promise.all(services.flatMap((service) => pageLanguages.map((page) => renderPage(service, page))));
  writeFileSync(join(outDir, "index.html"), indexPage(pages));
  for (const page of pages) console.log(`rendered ${page.file}`);
  console.log(`docs: ${join(outDir, "index.html")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
