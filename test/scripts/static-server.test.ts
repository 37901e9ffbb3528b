// The docs server (scripts/lib/static-server.mjs, used by `npm start` and the
// browser test) must survive a file it cannot read: `npm run docs` rewrites
// dist/docs while `npm start` serves it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StaticServer, serveFolder } from "../../scripts/lib/static-server.mjs";

let folder: string;
let server: StaticServer;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "static-server-"));
  writeFileSync(join(folder, "index.html"), "<p>home</p>");
  // stat succeeds (it is a directory, with a size) and open succeeds, but
  // reading fails with EISDIR: the same path as a file that vanishes or turns
  // unreadable after stat.
  mkdirSync(join(folder, "broken", "index.html"), { recursive: true });
  server = await serveFolder(folder);
});

afterAll(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** GET a path; resolves with the status and body, or with the error that cut the answer off. */
function get(path: string): Promise<{ status?: number; body?: string; error?: Error }> {
  return new Promise((resolve) => {
    const req = request(`${server.baseUrl}${path}`, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body }));
      response.on("error", (error) => resolve({ status: response.statusCode, error }));
      response.on("aborted", () => resolve({ status: response.statusCode, error: new Error("aborted") }));
    });
    req.on("error", (error) => resolve({ error }));
    req.end();
  });
}

it("serves a file", async () => {
  expect(await get("/")).toEqual({ status: 200, body: "<p>home</p>" });
});

it("a file that cannot be read fails that request, not the server", async () => {
  const broken = await get("/broken/");
  expect(broken.status === 500 || broken.error !== undefined, JSON.stringify(broken)).toBe(true);
  expect(await get("/")).toEqual({ status: 200, body: "<p>home</p>" });
});

it("a file removed after it was served once is a 404", async () => {
  writeFileSync(join(folder, "gone.html"), "soon gone");
  expect(await get("/gone.html")).toEqual({ status: 200, body: "soon gone" });
  rmSync(join(folder, "gone.html"));
  expect((await get("/gone.html")).status).toBe(404);
});
