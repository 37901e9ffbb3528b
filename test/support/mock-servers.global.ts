// Starts one Prism mock per service for the whole test run, on free ports,
// and hands their base URLs to the tests (`inject("mockUrls")`).
import type { TestProject } from "vitest/node";
import { startPrism, type MockServer } from "../../scripts/lib/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrls: { evs: string; ims: string };
  }
}

let servers: MockServer[] = [];

export async function setup(project: TestProject) {
  servers = await Promise.all([startPrism("evs"), startPrism("ims")]);
  const [evs, ims] = servers as [MockServer, MockServer];
  project.provide("mockUrls", { evs: evs.baseUrl, ims: ims.baseUrl });
}

export async function teardown() {
  await Promise.all(servers.map((server) => server.stop()));
}
