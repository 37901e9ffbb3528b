// Translations of the bundled descriptions' prose, for the rendered docs.
//
// The English bundle (generated/<service>.openapi.json) is the one source of
// the contract. A translation file (spec/i18n/<lang>/<service>.yaml) maps a
// JSON pointer into that bundle to the English text it translates and the
// translation (why pointers: CONTRIBUTING.md, C-PointerKeyedTranslations):
//
//   /paths/~1v3~1{project_id}~1cloudvolumes/post/summary:
//     en: Create disks
//     zh: 创建云硬盘
//
// Only prose can be translated: string-valued `summary`, `description`,
// `title` and `x-*` members of the document's objects, never anything inside
// data (`example`, `examples` lists, an Example Object's `value`, `default`,
// `enum`, `const`). The one pointer that need not exist in English is a tag's
// `x-displayName` (the tag's heading; its English source is the tag's `name`,
// which operations refer to and so cannot change).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { escapeToken, pointerTokens, resolvePointer, resolveTokens } from "./json-pointer.mjs";
import { repoRoot } from "./paths.mjs";

export const languages = /** @type {const} */ (["zh-CN"]);
/** The key that holds the translation in a `<lang>` file. */
export const translationKey = { "zh-CN": "zh" };

const proseKeys = new Set(["summary", "description", "title"]);
const dataKeys = new Set(["example", "default", "enum", "const", "value", "externalValue"]);
// Members whose keys are names (of properties, paths, media types, status
// codes, components...), not keywords: a property called `description` is a
// schema, not prose.
const mapKeys = new Set([
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "paths",
  "webhooks",
  "content",
  "responses",
  "headers",
  "encoding",
  "variables",
  "callbacks",
  "links",
  "mapping",
  "schemas",
  "parameters",
  "requestBodies",
  "securitySchemes",
  "pathItems",
  "examples",
]);

/** @param {string} key */
export const isProseKey = (key) => proseKeys.has(key) || key.startsWith("x-");

/**
 * Every prose field of an OpenAPI document, in document order.
 * @param {unknown} doc
 * @returns {Map<string, string>} JSON pointer -> text
 */
export function proseFields(doc) {
  /** @type {Map<string, string>} */
  const found = new Map();
  /** @param {unknown} node @param {string} pointer @param {boolean} names */
  const walk = (node, pointer, names) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, `${pointer}/${index}`, false);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, child] of Object.entries(node)) {
      const at = `${pointer}/${escapeToken(key)}`;
      if (names) {
        walk(child, at, false);
        continue;
      }
      if (typeof child === "string") {
        if (isProseKey(key)) found.set(at, child);
        continue;
      }
      if (dataKeys.has(key)) continue;
      // A schema's `examples` is a list of values (data); a media type's or
      // parameter's is a map of Example Objects (whose summaries are prose).
      if (key === "examples" && Array.isArray(child)) continue;
      walk(child, at, mapKeys.has(key));
    }
  };
  walk(doc, "", false);
  return found;
}

/** `/tags/<n>/x-displayName` of a tag that exists: its English is the tag's name. */
function tagDisplayNameSource(/** @type {any} */ doc, /** @type {string} */ pointer) {
  const match = /^\/tags\/(\d+)\/x-displayName$/.exec(pointer);
  if (!match) return undefined;
  const tag = doc.tags?.[Number(match[1])];
  return typeof tag?.name === "string" && tag["x-displayName"] === undefined ? tag.name : undefined;
}

/**
 * @typedef {{ en: string, text: string }} Entry
 * @typedef {Map<string, Entry>} Translation  pointer -> English source and translation
 */

/**
 * Where the translation of a service's prose into `lang` lives.
 * @param {string} service @param {string} lang
 */
export const translationPath = (service, lang) => join(repoRoot, "spec/i18n", lang, `${service}.yaml`);

/**
 * Reads spec/i18n/<lang>/<service>.yaml.
 * @param {string} service @param {keyof typeof translationKey} lang
 * @returns {Translation}
 */
export function loadTranslation(service, lang) {
  const file = translationPath(service, lang);
  const parsed = parse(readFileSync(file, "utf8"), { uniqueKeys: true }) ?? {};
  /** @type {Translation} */
  const entries = new Map();
  for (const [pointer, entry] of Object.entries(parsed)) {
    const text = entry?.[translationKey[lang]];
    if (typeof entry?.en !== "string" || typeof text !== "string") {
      throw new Error(`${file}: ${pointer} needs an \`en\` and a \`${translationKey[lang]}\` string`);
    }
    entries.set(pointer, { en: entry.en, text });
  }
  return entries;
}

/**
 * What is wrong with a translation of `doc`; all lists empty when it is complete.
 * @param {unknown} doc the English bundle
 * @param {Translation} translation
 */
export function checkTranslation(doc, translation) {
  const prose = proseFields(doc);
  /** @type {{ missing: string[], stale: string[], notProse: string[], untranslated: string[] }} */
  const problems = { missing: [], stale: [], notProse: [], untranslated: [] };
  for (const [pointer, english] of prose) {
    if (!translation.has(pointer)) problems.missing.push(`${pointer}\n    en: ${JSON.stringify(english)}`);
  }
  for (const [pointer, { en, text }] of translation) {
    const english = prose.get(pointer) ?? tagDisplayNameSource(doc, pointer);
    if (english === undefined) {
      const value = resolvePointer(doc, pointer);
      problems.notProse.push(
        `${pointer} (${value === undefined ? "does not resolve" : `is ${JSON.stringify(value).slice(0, 60)}, not prose`})`,
      );
      continue;
    }
    if (english !== en) problems.stale.push(`${pointer}\n    was: ${JSON.stringify(en)}\n    now: ${JSON.stringify(english)}`);
    if (!isTranslated(english, text)) problems.untranslated.push(`${pointer}: ${JSON.stringify(text)}`);
  }
  return problems;
}

/**
 * Whether `text` is a translation at all: it has Chinese characters. (Schema
 * titles are translated too: Redoc shows them as the names of the request
 * forms a reader picks from.)
 * @param {string} english @param {string} text
 */
export function isTranslated(english, text) {
  return text.trim() !== english.trim() && /\p{Script=Han}/u.test(text);
}

/**
 * A copy of the English bundle with the translated prose put in. Throws when
 * the translation does not match the bundle (see checkTranslation).
 * @template T
 * @param {T} doc @param {Translation} translation @returns {T}
 */
export function applyTranslation(doc, translation) {
  const problems = checkTranslation(doc, translation);
  const listed = Object.entries(problems).filter(([, list]) => list.length);
  if (listed.length) throw new Error(`the translation does not match the bundle:\n${describeProblems(problems)}`);
  return putProse(doc, translation);
}

/**
 * Like applyTranslation, but keeps the English wherever the translation is
 * missing, stale or wrong, and says where: for building the docs while the
 * English is being edited. (The tests use applyTranslation.)
 * @template T
 * @param {T} doc @param {Translation} translation
 * @returns {{ doc: T, problems: ReturnType<typeof checkTranslation> }}
 */
export function applyTranslationLeniently(doc, translation) {
  const problems = checkTranslation(doc, translation);
  const prose = proseFields(doc);
  /** @type {Translation} */
  const usable = new Map();
  for (const [pointer, entry] of translation) {
    const english = prose.get(pointer) ?? tagDisplayNameSource(doc, pointer);
    if (english === entry.en && isTranslated(english, entry.text)) usable.set(pointer, entry);
  }
  return { doc: putProse(doc, usable), problems };
}

/** @param {ReturnType<typeof checkTranslation>} problems */
export function describeProblems(problems) {
  return Object.entries(problems)
    .filter(([, list]) => list.length)
    .map(([kind, list]) => `${kind} (${list.length}):\n  ${list.join("\n  ")}`)
    .join("\n");
}

/**
 * @template T
 * @param {T} doc @param {Translation} translation @returns {T}
 */
function putProse(doc, translation) {
  const copy = structuredClone(doc);
  for (const [pointer, { text }] of translation) {
    const tokens = pointerTokens(pointer);
    const key = /** @type {string} */ (tokens.pop());
    resolveTokens(copy, tokens)[key] = text;
  }
  return copy;
}

/**
 * The document without its prose: what must be identical in every language.
 * @param {unknown} doc
 */
export function withoutProse(doc) {
  const copy = structuredClone(doc);
  const prose = [...proseFields(copy).keys()];
  // Deepest first, so removing a member never shifts another pointer.
  for (const pointer of prose.reverse()) {
    const tokens = pointerTokens(pointer);
    const key = /** @type {string} */ (tokens.pop());
    delete resolveTokens(copy, tokens)[key];
  }
  return copy;
}
