// startMocks() (src/mock/index.mjs, the package's `…/mock`) as a consumer's
// global setup uses it: both mocks on ports the OS chooses, their log if
// asked for, a failure that names the mock and leaves nothing running, a
// stop() that waits, and mocks that never keep the process alive. (This
// repository's own test run starts its mocks with it too; the installed
// package is tested in package.test.ts.)
import { type AddressInfo, createServer, type Server } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { portIsFree } from "../../src/mock/command.mjs";
import { startMocks } from "../../src/mock/index.mjs";
import { repoRoot } from "../support/openapi.js";
import { expectServesBoth, token } from "../support/prism-requests.js";
import { alive, printed, prismChildren, runScript, until } from "../support/processes.js";

describe("startMocks()", () => {
  it("serves both on ports of the OS's choosing, logs as [evs] … when asked, and stop() waits until both are gone", async () => {
    const lines: string[] = [];
    const mocks = await startMocks({ log: (line) => lines.push(line) });
    expect(mocks.urls).toEqual({ evs: mocks.evs.url, ims: mocks.ims.url });
    expect(mocks.evs.port).not.toBe(mocks.ims.port);
    await expectServesBoth(mocks.urls);
    await fetch(`${mocks.urls.evs}/v1/p1/jobs/j1`, { headers: token });
    expect(
      lines.some((line) => /^\[evs\] .*\[HTTP SERVER\] get \/v1\/p1\/jobs\/j1/.test(line)),
      "the request log",
    ).toBe(true);
    expect(lines.some((line) => line.startsWith("[ims] "))).toBe(true);

    const stopping = mocks.stop();
    expect(mocks.stop(), "a second stop() is the same").toBe(stopping);
    await stopping;
    for (const { pid, port } of [mocks.evs, mocks.ims]) {
      expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
      expect(await portIsFree(port), `port ${port} is free`).toBe(true);
    }
  });

  it("a port in use: rejects naming the mock, and the other one is not left running", async ({ onTestFinished }) => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void busy.close());
    const { port } = busy.address() as AddressInfo;
    await expect(startMocks({ ports: { ims: port } })).rejects.toThrow(`port ${port} for IMS is in use on 127.0.0.1`);
    expect(prismChildren(process.pid), "no Prism of this process runs").toEqual([]);
  });

  it("a port that is not one is a TypeError naming the option, before anything starts", async () => {
    await expect(startMocks({ ports: { evs: 70000 } })).rejects.toThrow(
      new TypeError("startMocks: `ports.evs` must be an integer from 0 to 65535 (0 lets the OS choose), not 70000"),
    );
    await expect(startMocks({ ports: { ims: "4011" as unknown as number } })).rejects.toThrow("`ports.ims` must be an integer");
    expect(prismChildren(process.pid)).toEqual([]);
  });

  it("never keeps the process alive: a program that only starts them ends by itself, and they end with it", async (test) => {
    const program = `
      import { startMocks } from ${JSON.stringify(pathToFileURL(join(repoRoot, "src/mock/index.mjs")).href)};
      const mocks = await startMocks();
      console.log(JSON.stringify([mocks.evs, mocks.ims]));
    `;
    const run = runScript(process.execPath, { test, cwd: repoRoot, args: ["--input-type=module", "-e", program] });
    const started: Array<{ pid: number; port: number }> = JSON.parse((await printed(run, /^\[.*\]$/m))[0]);
    const { code } = await run.exit;
    expect(code, run.output()).toBe(0);
    for (const { pid, port } of started) {
      await until(() => !alive(pid));
      await until(() => portIsFree(port));
    }
  });
});
