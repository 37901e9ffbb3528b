// The decisions record (spec/DECISIONS.md) in the docs site: its entries, its
// page, and the links from the descriptions to it.
//
// Each entry is a `### D-<Name> — <what>` heading; its anchor on the page is
// `#D-<Name>`. Descriptions cite entries by name ("spec/DECISIONS.md,
// D-NameBytes"); on the rendered pages every such name becomes a link to its
// anchor, and "spec/DECISIONS.md" a link to the page.
//
// The record is rendered by a small Markdown renderer that knows what the
// record uses (headings, paragraphs, lists, fenced code, code spans, bold,
// italics, links) and refuses anything else by line number, so an edit that
// uses more fails the build instead of rendering wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "./html.mjs";
import { proseFields } from "./i18n.mjs";
import { resolvePointer } from "./json-pointer.mjs";
import { repoRoot } from "./paths.mjs";

export const decisionsFile = join(repoRoot, "spec/DECISIONS.md");

/** A reference to an entry: `D-` and a capitalised name. */
const reference = /\bD-[A-Z][A-Za-z0-9]*\b/g;
const entryHeading = /^###\s+(D-[A-Z][A-Za-z0-9]*)\b/;

export const readDecisions = () => readFileSync(decisionsFile, "utf8");

/** The names of the entries, in order (`D-DiskFormatDefault`, ...). @param {string} markdown */
export function decisionIds(markdown) {
  return markdown.split("\n").flatMap((line) => entryHeading.exec(line)?.[1] ?? []);
}

/** Every entry cited in a text, in order of first citation. @param {string} text */
export const citedDecisions = (text) => [...new Set(text.match(reference) ?? [])];

/**
 * Markdown prose with its decision references linked: each `D-<Name>` to
 * `<page>#D-<Name>`, and `spec/DECISIONS.md` (in a code span or not) to the page.
 * @param {string} text @param {string} page the decisions page's address, relative to where the text is shown
 */
export function linkDecisions(text, page) {
  return text.replace(/`?spec\/DECISIONS\.md`?/g, (match) => `[${match}](${page})`).replace(reference, (id) => `[${id}](${page}#${id})`);
}

/**
 * The document with every decision citation in its descriptions (Markdown)
 * linked to the decisions page.
 * @template T
 * @param {T} doc @param {string} page the decisions page, relative to the docs page
 * @returns {T}
 */
export function withDecisionLinks(doc, page) {
  const copy = structuredClone(doc);
  for (const [pointer, text] of proseFields(copy)) {
    if (!pointer.endsWith("/description")) continue;
    const parent = /** @type {Record<string, string>} */ (resolvePointer(copy, pointer.slice(0, pointer.lastIndexOf("/"))));
    parent.description = linkDecisions(text, page);
  }
  return copy;
}

/** A heading's anchor: the entry name for an entry, else a slug of its words. @param {string} text */
function anchorOf(text) {
  const entry = /^(D-[A-Z][A-Za-z0-9]*)\b/.exec(text);
  if (entry) return /** @type {string} */ (entry[1]);
  return text
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Inline Markdown: code spans, links, bold, italics, and decision references
 * (to anchors on the same page, except in headings: an entry's heading names itself).
 * @param {string} text
 */
function inline(text, linkReferences = true) {
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) => {
      if (index % 2 === 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => `<a href="${href}">${label}</a>`)
        .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
        .replace(reference, (id) => (linkReferences ? `<a href="#${id}">${id}</a>` : id));
    })
    .join("");
}

const listItem = /^( *)([-*]|\d+\.) +(.*)$/;
const unsupported = [
  [/^ *\|/, "a table"],
  [/^ *>/, "a block quote"],
  [/^ *</, "HTML"],
  [/^ *(?:-{3,}|\*{3,}) *$/, "a horizontal rule"],
];

/**
 * @param {string[]} lines @param {number} firstLine the line number of lines[0], for errors
 * @returns {{ html: string, headings: { level: number, id: string, text: string }[] }}
 */
function blocks(lines, firstLine) {
  /** @type {string[]} */
  const out = [];
  /** @type {{ level: number, id: string, text: string }[]} */
  const headings = [];
  let i = 0;
  while (i < lines.length) {
    const line = /** @type {string} */ (lines[i]);
    if (line.trim() === "") {
      i++;
      continue;
    }
    for (const [pattern, what] of unsupported) {
      if (/** @type {RegExp} */ (pattern).test(line)) {
        throw new Error(`${decisionsFile}:${firstLine + i}: ${what} is not supported by scripts/lib/decisions.mjs`);
      }
    }
    const heading = /^(#{1,6}) +(.*?) *$/.exec(line);
    if (heading) {
      const level = /** @type {string} */ (heading[1]).length;
      const text = /** @type {string} */ (heading[2]);
      const id = anchorOf(text);
      headings.push({ level, id, text });
      out.push(
        `<h${level} id="${escapeHtml(id)}">${inline(text, false)}${level > 1 ? ` <a class="anchor" href="#${escapeHtml(id)}" aria-label="Link to ${escapeHtml(text.replace(/`/g, ""))}">#</a>` : ""}</h${level}>`,
      );
      i++;
      continue;
    }
    if (/^ *```/.test(line)) {
      const end = lines.findIndex((candidate, at) => at > i && /^ *```/.test(candidate));
      if (end === -1) throw new Error(`${decisionsFile}:${firstLine + i}: a code block that is never closed`);
      out.push(`<pre><code>${escapeHtml(lines.slice(i + 1, end).join("\n"))}</code></pre>`);
      i = end + 1;
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const indent = /** @type {string} */ (item[1]).length;
      const ordered = /\d/.test(/** @type {string} */ (item[2]));
      /** @type {string[]} */
      const items = [];
      // Each item: its first line, then every line indented past the marker (or blank between such lines).
      while (i < lines.length) {
        const start = listItem.exec(/** @type {string} */ (lines[i]));
        if (!start || /** @type {string} */ (start[1]).length !== indent || /\d/.test(/** @type {string} */ (start[2])) !== ordered) break;
        const contentIndent = /** @type {string} */ (start[0]).indexOf(/** @type {string} */ (start[3]));
        const itemLines = [/** @type {string} */ (start[3])];
        const itemStart = i;
        i++;
        while (i < lines.length) {
          const next = /** @type {string} */ (lines[i]);
          const indented = next.length - next.trimStart().length > indent;
          if (next.trim() !== "" && !indented) break;
          if (next.trim() === "" && !(/** @type {string} */ (lines[i + 1] ?? "").startsWith(" ".repeat(indent + 1)))) break;
          itemLines.push(next.slice(Math.min(contentIndent, next.length - next.trimStart().length)));
          i++;
        }
        const inner = blocks(itemLines, firstLine + itemStart);
        headings.push(...inner.headings);
        // A tight item (one paragraph, perhaps a nested list) without its <p>.
        items.push(`<li>${inner.html.replace(/^<p>([\s\S]*?)<\/p>(?=\n<[ou]l>|$)/, "$1")}</li>`);
        while (i < lines.length && /** @type {string} */ (lines[i]).trim() === "") i++;
      }
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>\n${items.join("\n")}\n</${tag}>`);
      continue;
    }
    const paragraph = [];
    while (i < lines.length) {
      const next = /** @type {string} */ (lines[i]);
      if (next.trim() === "" || /^(#{1,6}) /.test(next) || listItem.test(next) || /^ *```/.test(next)) break;
      paragraph.push(next.trim());
      i++;
    }
    out.push(`<p>${inline(paragraph.join(" "))}</p>`);
  }
  return { html: out.join("\n"), headings };
}

/**
 * The record as HTML, and its headings (for a table of contents).
 * @param {string} markdown
 */
export function renderDecisions(markdown) {
  const { html, headings } = blocks(markdown.split("\n"), 1);
  const ids = headings.map((heading) => heading.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new Error(`${decisionsFile}: two headings have the anchor #${repeated}`);
  return { html, headings };
}
