// Preloaded into `redocly build-docs` (node --import) so that the page it
// prerenders shows the same labels as the page in the browser: the labels come
// in REDOC_LABELS (JSON), and a module hook patches Redoc's translate hook as
// Redoc's chunks load (see scripts/lib/redoc-labels.mjs). Nothing in
// node_modules is changed.
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";
import { definesTranslate, labelsGlobal, patchTranslate } from "../lib/redoc-labels.mjs";

if (isMainThread) {
  /** @type {Record<string, unknown>} */ (globalThis)[labelsGlobal] = JSON.parse(process.env.REDOC_LABELS || "{}");
  register(import.meta.url);
}

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<{ source?: string | ArrayBuffer | Uint8Array, format?: string }>} nextLoad
 */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes("/@redocly/cli/lib/") || result.source === undefined) return result;
  const source = typeof result.source === "string" ? result.source : new TextDecoder().decode(result.source);
  return definesTranslate(source) ? { ...result, source: patchTranslate(source, url) } : result;
}
