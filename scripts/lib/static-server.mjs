// Serves a folder (the built docs) over HTTP on loopback. Shared by
// `npm start` and the browser test, so both serve the docs the same way.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";

const contentTypes = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * @typedef {object} StaticServer
 * @property {number} port
 * @property {string} baseUrl  e.g. http://127.0.0.1:8080 (no trailing slash)
 * @property {() => Promise<void>} stop
 */

/**
 * @param {string} folder
 * @param {{ port?: number, host?: string }} [options] port 0 (the default) lets the OS choose
 * @returns {Promise<StaticServer>}
 */
export async function serveFolder(folder, options = {}) {
  const root = resolve(folder);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        // A folder without its trailing slash would resolve relative links
        // against the parent: redirect, as any static server does.
        if (!pathname.endsWith("/")) {
          response.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
        file = join(file, "index.html");
      }
      const { size } = statSync(file);
      const headers = {
        "content-type": contentTypes[/** @type {keyof typeof contentTypes} */ (extname(file))] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-cache",
      };
      if (request.method === "HEAD") {
        response.writeHead(200, headers).end();
        return;
      }
      // The file can vanish or become unreadable between stat and open (e.g.
      // `npm run docs` rewriting dist/docs while `npm start` serves it): that
      // request fails (500, or a cut-off body once sending began), never the server.
      const stream = createReadStream(file);
      stream.once("error", () => {
        // Before the file opened: nothing was sent yet, so say so.
        if (!response.headersSent) {
          response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`could not read: ${pathname}\n`);
        }
      });
      stream.once("open", () => {
        response.writeHead(200, headers);
        // After: the body is cut off; pipeline closes both ends and nothing throws.
        pipeline(stream, response, () => {});
      });
    } catch {
      if (!response.headersSent) response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}\n`);
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolveListen(undefined));
  });
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    port,
    baseUrl: `http://${host}:${port}`,
    stop: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      }),
  };
}
