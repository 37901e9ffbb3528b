// Redoc's own interface labels ("Request", "required", "Copy", "Collapse
// all", ...) in the page's language.
//
// Redoc 3, as @redocly/cli 2.x ships it, asks a translate hook for every label
// (`translate("openapi.expandAll", "Expand all")`), but its standalone build
// wires the hook to "always the English default", and it reads no `labels`
// option (Redoc 2's `labels` is still accepted by the config schema, and
// ignored). So the docs build fills the hook in: the copy of Redoc inlined
// into each page, and the one that prerenders it (scripts/docs/redoc-labels-hook.mjs),
// look a label up in `globalThis.__redocLabels` first. The labels are in
// spec/i18n/<lang>/redoc.yaml, keyed by the renderer's translation keys, each
// with the English default it replaces.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { translationKey, translationPath } from "./i18n.mjs";

/** Where a page keeps its labels for the renderer. */
export const labelsGlobal = "__redocLabels";

// The hook as Redoc's bundles define it (the build's and the browser's copy
// differ only in their quotes).
const defaultTranslate =
  /useTranslate:\(\)=>\(\{translate:\(e,t\)=>(\(typeof t==(?:"string"|`string`)\?t:t\?\.defaultValue\)\|\|e\|\|(?:""|``))\}\)/g;

/** Whether a chunk of Redoc defines the default translate hook. @param {string} source */
export const definesTranslate = (source) => source.includes("useTranslate:()=>({translate:(e,t)=>");

/**
 * Redoc's source with its translate hook looking labels up first. Throws when
 * the hook is not there once: a Redoc whose hook changed needs this updated.
 * @param {string} source @param {string} where names the file, for the error
 */
export function patchTranslate(source, where) {
  const found = source.match(defaultTranslate)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${where}: Redoc's default translate hook was found ${found} times, not once; update scripts/lib/redoc-labels.mjs for this Redoc`,
    );
  }
  return source.replace(
    defaultTranslate,
    (_, fallback) =>
      `useTranslate:()=>({translate:(e,t)=>(l=>l&&typeof e=="string"&&Object.hasOwn(l,e)?l[e]:${fallback})(globalThis.${labelsGlobal})})`,
  );
}

/**
 * The labels of a language: translation key -> { en (Redoc's default), text }.
 * @param {keyof typeof translationKey} lang
 * @returns {Map<string, { en: string, text: string }>}
 */
export function loadLabels(lang) {
  const file = translationPath("redoc", lang);
  const parsed = parse(readFileSync(file, "utf8"), { uniqueKeys: true }) ?? {};
  const labels = new Map();
  for (const [key, entry] of Object.entries(parsed)) {
    const text = entry?.[translationKey[lang]];
    if (typeof entry?.en !== "string" || typeof text !== "string" || text.trim() === "") {
      throw new Error(`${file}: ${key} needs an \`en\` and a \`${translationKey[lang]}\` string`);
    }
    labels.set(key, { en: entry.en, text });
  }
  return labels;
}

/** The labels as the renderer looks them up. @param {ReturnType<typeof loadLabels>} labels */
export const labelTable = (labels) => Object.fromEntries([...labels].map(([key, { text }]) => [key, text]));
