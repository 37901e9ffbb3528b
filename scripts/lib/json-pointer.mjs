// JSON Pointers (RFC 6901), the one implementation: the translations are
// keyed by them, `$ref`s are made of them, and the rules name where an error
// must point with them. `~1` is `/` and `~0` is `~` inside a token.

/** @param {string} token */
export const escapeToken = (token) => token.replaceAll("~", "~0").replaceAll("/", "~1");
/** @param {string} token */
export const unescapeToken = (token) => token.replaceAll("~1", "/").replaceAll("~0", "~");

/**
 * The tokens of a pointer, unescaped: "" is the whole document (no tokens).
 * @param {string} pointer e.g. "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get"
 * @returns {string[]}
 */
export function pointerTokens(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** @param {string[]} tokens @returns {string} */
export const pointerFrom = (tokens) => tokens.map((token) => `/${escapeToken(token)}`).join("");

/**
 * The value the tokens lead to, or `undefined` when one of them names nothing.
 * @param {unknown} doc @param {string[]} tokens
 */
export function resolveTokens(doc, tokens) {
  /** @type {any} */
  let node = doc;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

/**
 * The value at a JSON pointer, or `undefined` (also for a string that is not a pointer).
 * @param {unknown} doc @param {string} pointer
 */
export function resolvePointer(doc, pointer) {
  if (pointer !== "" && !pointer.startsWith("/")) return undefined;
  return resolveTokens(doc, pointerTokens(pointer));
}
