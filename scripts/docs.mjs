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
// dist/docs/decisions/<lang>/index.html  spec/DECISIONS.md (English), one anchor per entry
//
// English pages show the bundle, less the conditional rules Redoc cannot draw
// (see readerView). Other languages show the bundle with its prose replaced from spec/i18n/<lang>/<service>.yaml
// (scripts/lib/i18n.mjs), so a translation can change words only. Prose whose
// translation is missing or out of date stays English, with a warning (the
// tests require every translation to be complete and current). Every page
// also gets a curl and a TypeScript sample per operation
// (scripts/lib/code-samples.mjs), links from each `D-...` citation to its
// entry in the decisions record (scripts/lib/decisions.mjs), and Redoc's own
// labels in its language (scripts/lib/redoc-labels.mjs).
//
// The pages work with no network: `redocly build-docs --inlineBundle` puts
// Redoc (the copy shipped in @redocly/cli) into each page, the template
// (scripts/docs/page.hbs) loads nothing else, and its Content-Security-Policy
// forbids any other origin.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleLabels, withCodeSamples } from "./lib/code-samples.mjs";
import { readDecisions, renderDecisions, withDecisionLinks } from "./lib/decisions.mjs";
import { escapeHtml, htmlPage, scriptJson } from "./lib/html.mjs";
import { applyTranslationLeniently, describeProblems, loadTranslation } from "./lib/i18n.mjs";
import { bundlePath, folderOption, repoRoot } from "./lib/paths.mjs";
import { labelsGlobal, labelTable, loadLabels, patchTranslate } from "./lib/redoc-labels.mjs";
import { RedoclyError, runRedocly } from "./lib/redocly.mjs";
import { services } from "./lib/services.mjs";

const outDir = folderOption("--out", join(repoRoot, "dist/docs"), "node scripts/docs.mjs [--out <dir>]");

/** The page languages: the English bundle, and each translation of it. */
const pageLanguages = /** @type {const} */ ([
  {
    lang: "en",
    name: "English",
    home: "API docs",
    services: "Services",
    decisions: "Decisions record",
    decisionsNote: "",
    translation: undefined,
  },
  {
    lang: "zh-CN",
    name: "中文",
    home: "API 文档",
    services: "服务",
    decisions: "决策记录",
    decisionsNote: "决策记录只有英文版：它记录各版源页面之间的矛盾之处，以及本描述为何如此取舍。",
    translation: "zh-CN",
  },
]);
/** @typedef {(typeof pageLanguages)[number]} PageLanguage */

// Redoc 3 options (https://redocly.com/docs/redoc/v3.x/config): show request
// and response fields and example bodies unfolded, as the source pages do;
// offer the code samples, then the request body ("Payload").
const redocOptions = {
  schemasExpansionLevel: "all",
  jsonSamplesExpandLevel: "all",
  sortRequiredPropsFirst: true,
  codeSamples: { languages: [...sampleLabels.map((label) => ({ lang: label })), { lang: "Payload" }] },
};

// The one address the inlined Redoc loads by itself: the "API docs by
// Redocly" logo in the sidebar. It is replaced by a local picture of the same
// words, so the attribution stays and the page stays offline.
const remoteLogos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const localLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="16" viewBox="0 0 52 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
)}`;

const template = join(repoRoot, "scripts/docs/page.hbs");
const labelsHook = join(repoRoot, "scripts/docs/redoc-labels-hook.mjs");

/** @param {PageLanguage} page */
const otherLanguage = (page) => pageLanguages.find((candidate) => candidate !== page) ?? page;

/** The site's typeface: the system's, with the usual Chinese fonts. */
const siteFont = `system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

// The bar at the top of every page: home, the services, the decisions record,
// the other language (same place on the page: the address's #fragment is kept).
const barStyle = `
    :root { --navbar-stack-height: 44px; }
    .docs-bar {
      position: sticky; top: 0; z-index: 200; box-sizing: border-box;
      height: var(--navbar-stack-height); display: flex; align-items: center; gap: 20px;
      padding: 0 20px; background: #1f2933; color: #f5f7fa;
      font: 14px/1.4 ${siteFont};
    }
    .docs-bar a { color: inherit; text-decoration: none; }
    .docs-bar a:hover, .docs-bar a:focus-visible { text-decoration: underline; }
    .docs-bar .home { font-weight: 600; }
    .docs-bar nav { display: flex; gap: 16px; }
    .docs-bar .current { border-bottom: 2px solid #f5f7fa; }
    .docs-bar .lang { margin-left: auto; }`;

/**
 * @param {PageLanguage} page
 * @param {string} current the section shown: a service or "decisions"
 */
function docsBar(page, current) {
  const other = otherLanguage(page);
  const link = (/** @type {string} */ section, /** @type {string} */ label) =>
    `<a href="../../${section}/${page.lang}/index.html"${section === current ? ' class="current" aria-current="page"' : ""}>${escapeHtml(label)}</a>`;
  return `<header class="docs-bar">
    <a class="home" href="../../index.html">${escapeHtml(page.home)}</a>
    <nav aria-label="${escapeHtml(page.services)}">
      ${services.map((service) => link(service, service.toUpperCase())).join("\n      ")}
      ${link("decisions", page.decisions)}
    </nav>
    <a class="lang" id="other-language" hreflang="${other.lang}" lang="${other.lang}" href="../${other.lang}/index.html">${escapeHtml(other.name)}</a>
    <script>
      // Operation and decision addresses (#/disks/createvolumes, #D-SizeRange)
      // are the same in both languages: switch language without losing the place.
      document.getElementById("other-language").addEventListener("click", function (event) {
        event.preventDefault();
        location.href = this.getAttribute("href") + location.hash;
      });
    </script>
  </header>`;
}

/** The decisions page's address from a service page of the same language. */
const decisionsPageFromService = (/** @type {PageLanguage} */ page) => `../../decisions/${page.lang}/index.html`;

/**
 * @param {import("./lib/services.mjs").Service} service
 * @param {PageLanguage} page
 */
async function renderPage(service, page) {
  const english = JSON.parse(readFileSync(bundlePath(service), "utf8"));
  let doc = english;
  if (page.translation) {
    const translated = applyTranslationLeniently(english, loadTranslation(service, page.translation));
    doc = translated.doc;
    const problems = describeProblems(translated.problems);
    if (problems) {
      console.warn(
        `warning: ${service} (${page.lang}) shows English where spec/i18n/${page.translation}/${service}.yaml is not up to date` +
          ` (the tests fail until it is; \`node scripts/i18n.mjs --update\` adds the missing entries):\n${problems}`,
      );
    }
  }
  const dir = join(outDir, service, page.lang);
  mkdirSync(dir, { recursive: true });
  const specFile = join(dir, "openapi.json");
  const shown = withCodeSamples(withDecisionLinks(readerView(doc), decisionsPageFromService(page)), service, page.lang);
  writeFileSync(specFile, `${JSON.stringify(shown, null, 2)}\n`);
  const labels = page.translation ? labelTable(loadLabels(page.translation)) : {};
  const output = join(dir, "index.html");
  try {
    await runRedocly(
      [
        "build-docs",
        specFile,
        "--output",
        output,
        "--template",
        template,
        "--inlineBundle",
        "--openapi",
        JSON.stringify(redocOptions),
        "--templateOptions.lang",
        page.lang,
        "--templateOptions.barStyle",
        barStyle,
        "--templateOptions.bar",
        docsBar(page, service),
        "--templateOptions.labels",
        scriptJson({ [labelsGlobal]: labels }),
      ],
      {
        // The prerendered page gets the labels too (see scripts/lib/redoc-labels.mjs).
        preload: labelsHook,
        env: { REDOC_LABELS: JSON.stringify(labels) },
      },
    );
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
  writeFileSync(output, patchTranslate(html, output));
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

/**
 * The decisions record as a page of the site (English in every language; the
 * bar in the page's language).
 * @param {PageLanguage} page
 * @param {ReturnType<typeof renderDecisions>} record
 */
function decisionsPage(page, record) {
  const contents = record.headings
    .filter((heading) => heading.level === 2 || heading.level === 3)
    .map(
      (heading) =>
        `<li class="level-${heading.level}"><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text.replace(/`/g, ""))}</a></li>`,
    );
  return htmlPage({
    lang: page.lang,
    title: `${page.decisions} · Huawei Cloud EVS & IMS API docs`,
    scripts: true,
    style: `
    html, body { margin: 0; padding: 0; }${barStyle}
    body { font: 16px/1.6 ${siteFont}; color: #1f2933; }
    .layout { display: grid; grid-template-columns: 18rem minmax(0, 50rem); gap: 2.5rem; padding: 0 1.5rem; }
    .contents { position: sticky; top: var(--navbar-stack-height); align-self: start; max-height: calc(100vh - var(--navbar-stack-height));
      overflow-y: auto; padding: 1.5rem 0; font-size: 0.85rem; }
    .contents ul { list-style: none; margin: 0; padding: 0; }
    .contents .level-2 { margin-top: 0.75rem; font-weight: 600; }
    .contents .level-3 { padding-left: 0.75rem; }
    .contents a, main a { color: #0044d4; text-decoration: none; }
    .contents a:hover, main a:hover { text-decoration: underline; }
    main { padding: 1.5rem 0 4rem; }
    main h1 { font-size: 1.6rem; }
    main h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid #e4e7eb; }
    main h3 { font-size: 1.05rem; margin-top: 2rem; }
    h1, h2, h3 { scroll-margin-top: calc(var(--navbar-stack-height) + 1rem); }
    h3:target { background: #fff3c4; }
    .anchor { visibility: hidden; margin-left: 0.25rem; color: #9aa5b1; }
    h2:hover .anchor, h3:hover .anchor, .anchor:focus { visibility: visible; }
    code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f4f8; padding: 0.1em 0.3em; border-radius: 3px; }
    pre code { display: block; padding: 0.75rem; overflow-x: auto; }
    .note { color: #52606d; }
    @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } .contents { position: static; max-height: none; } }`,
    body: `  ${docsBar(page, "decisions")}
  <div class="layout">
    <nav class="contents" aria-label="${escapeHtml(page.decisions)}">
      <ul>
        ${contents.join("\n        ")}
      </ul>
    </nav>
    <main lang="en">
${page.decisionsNote ? `      <p class="note" lang="${page.lang}">${escapeHtml(page.decisionsNote)}</p>\n` : ""}${record.html}
    </main>
  </div>`,
  });
}

/** @param {Awaited<ReturnType<typeof renderPage>>[]} pages */
function indexPage(pages) {
  const sections = pageLanguages.map((language) => {
    const items = services.map((service) => {
      const page = pages.find((p) => p.service === service && p.lang === language.lang);
      if (!page) throw new Error(`no ${service} page in ${language.lang}`);
      return `      <li><a href="${service}/${language.lang}/index.html">${escapeHtml(page.title)}</a><p>${escapeHtml(page.summary ?? "")}</p></li>`;
    });
    items.push(`      <li><a href="decisions/${language.lang}/index.html">${escapeHtml(language.decisions)}</a></li>`);
    return `  <section lang="${language.lang}">
    <h2>${escapeHtml(language.name)}</h2>
    <ul>
${items.join("\n")}
    </ul>
  </section>`;
  });
  return htmlPage({
    lang: "en",
    title: "Huawei Cloud EVS & IMS API docs · 华为云 EVS 与 IMS API 文档",
    style: `
    body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; font: 16px/1.6 ${siteFont}; color: #1f2933; }
    h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
    .sub { color: #52606d; margin-top: 0; }
    main { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 2rem; }
    ul { list-style: none; padding: 0; }
    li { margin-bottom: 1.25rem; }
    li a { font-weight: 600; color: #0044d4; }
    li p { margin: 0.25rem 0 0; color: #52606d; }`,
    body: `  <h1>Huawei Cloud EVS &amp; IMS API docs</h1>
  <p class="sub" lang="zh-CN">华为云云硬盘（EVS）与镜像服务（IMS）API 文档</p>
  <main>
${sections.join("\n")}
  </main>`,
  });
}

const started = Date.now();
try {
  // Only what this script writes: `--out spec` must not delete spec/.
  rmSync(join(outDir, "index.html"), { force: true });
  for (const section of [...services, "decisions"]) {
    for (const { lang } of pageLanguages) rmSync(join(outDir, section, lang), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  const record = renderDecisions(readDecisions());
  for (const page of pageLanguages) {
    mkdirSync(join(outDir, "decisions", page.lang), { recursive: true });
    writeFileSync(join(outDir, "decisions", page.lang, "index.html"), decisionsPage(page, record));
  }
  const pages = await Promise.all(services.flatMap((service) => pageLanguages.map((page) => renderPage(service, page))));
  writeFileSync(join(outDir, "index.html"), indexPage(pages));
  for (const page of pages) console.log(`rendered ${page.file}`);
  console.log(`docs: ${join(outDir, "index.html")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
