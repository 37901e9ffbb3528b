// Writing HTML by hand, safely: the docs site's pages that Redoc does not render.

/** Text as HTML text or attribute value. @param {string} text */
export const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A value as JSON that is safe inside a <script> element. @param {unknown} value */
export const scriptJson = (value) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * A page of the site that Redoc does not render: no origin but its own, no
 * script unless it has one (the bar's language switch).
 * @param {{ lang: string, title: string, style: string, body: string, scripts?: boolean }} page
 */
export function htmlPage({ lang, title, style, body, scripts = false }) {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none';${scripts ? " script-src 'unsafe-inline';" : ""} style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
  <title>${escapeHtml(title)}</title>
  <style>${style}
  </style>
</head>
<body>
${body}
</body>
</html>
`;
}
