// Writing HTML by hand, safely: the docs site's pages that Redoc does not render.

/** Text as HTML text or attribute value. @param {string} text */
export const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A value as JSON that is safe inside a <script> element. @param {unknown} value */
export const scriptJson = (value) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
