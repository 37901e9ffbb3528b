// Starts one Prism mock per service for the whole test run, on free ports,
// and hands their base URLs to the tests (`inject("mockUrls")`), as a
// consumer's global setup does: with the package's startMocks()
// (src/mock/index.mjs). Port 0: Prism binds a port the OS chooses and reports
// it, so two runs never race for one, and Prism ends with the test run
// however it ends (see src/mock/prism.mjs).
//
// They run exactly as `npm run mock` runs them, with --errors
// (CONTRIBUTING.md, C-PrismErrors): a response example that breaks its own
// schema is answered with a 500 problem, so the contract tests see the same
// mock a user gets, and a broken example cannot slip through as a 200.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { TestProject } from "vitest/node";
import type { Service } from "../../scripts/lib/services.mjs";
import { type RunningMocks, startMocks } from "../../src/mock/index.mjs";
import { type MockServer, startPrism } from "../../src/mock/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrls: Record<Service, string>;
  }
}

let mocks: RunningMocks | undefined;

export async function setup(project: TestProject) {
  mocks = await startMocks();
  project.provide("mockUrls", mocks.urls);
}

export async function teardown() {
  await mocks?.stop();
}

/**
 * A Prism of its own serving `doc` (a modified copy of a bundle, to show a
 * check bites), started at once so it boots while the file's other tests run,
 * and stopped, its folder removed, after them. Call it inside a describe;
 * await it in the test that uses it (a failure to start is reported there).
 */
export function mockServing(service: Service, doc: unknown): Promise<MockServer> {
  const folder = mkdtempSync(join(tmpdir(), `${service}-copy-`));
  const document = join(folder, `${service}.openapi.json`);
  writeFileSync(document, JSON.stringify(doc));
  const mock = startPrism(service, { document });
  mock.catch(() => {});
  afterAll(async () => {
    await (await mock.catch(() => undefined))?.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  return mock;
}
