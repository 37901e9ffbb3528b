// The package as a user gets it: `npm pack` (which builds the client), the
// tarball installed into a fresh project outside this repository (from the
// local npm cache where it can), a consumer program type-checked in strict
// mode (with the package's own .d.ts checked too) by the project's
// TypeScript, then run against the mocks. Then, as the README's "Contract
// testing in your project" says, with Prism installed beside it: the mock
// command, and the README's vitest global setup and test, as written.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { portIsFree } from "../../src/mock/command.mjs";
import { consumerCompilerOptions } from "../support/consumer.js";
import { npm, npmEnv, npmInstall } from "../support/npm.js";
import { repoRoot, services } from "../support/openapi.js";
import { expectServesBoth } from "../support/prism-requests.js";
import { alive, freePort, mockAddresses, runScript, twoFreePorts } from "../support/processes.js";
import { readmeBlock } from "../support/readme.js";
import { documentedRules, ruleChecks, ruleLabel } from "../support/rule-checks.js";

const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
const work = mkdtempSync(join(tmpdir(), "package-test-"));
const app = join(work, "app");
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const bin = join(app, "node_modules/.bin/huaweicloud-evs-ims-mock");
let tarball = "";
let files: string[] = [];

/** How the mock says Prism is missing: the install command, with the range the package accepts. */
const prismMissing = `the mock needs Prism, which is not installed: run \`npm install --save-dev "@stoplight/prism-cli@${manifest.peerDependencies["@stoplight/prism-cli"]}"\``;

const consumer = `
import {
  createEvsClient,
  createImsClient,
  HuaweiCloudError,
  JobFailedError,
  ResourceFailedError,
  unwrap,
  waitForEvsJob,
  waitForImage,
  waitForImsJob,
  waitForVolumes,
  type EvsClient,
  type EvsSchema,
  type ImsClient,
} from "huaweicloud-evs-ims-openapi";
import type { paths as ImsPaths } from "huaweicloud-evs-ims-openapi/ims";
import { startMocks, type RunningMocks, type StartMocksOptions } from "huaweicloud-evs-ims-openapi/mock";
import evsDescription from "huaweicloud-evs-ims-openapi/evs.openapi.json" with { type: "json" };

// No @types/node here: the package must not need them.
declare const process: { env: Record<string, string | undefined> };

const body: EvsSchema<"CreateVolumesRequest"> = {
  volume: { availability_zone: "az-dc-1", snapshot_id: "snap-1", size: 100, count: 2, volume_type: "GPSSD" },
};
// @ts-expect-error NVME is not a disk type
const wrong: EvsSchema<"CreateVolumesRequest"> = { volume: { availability_zone: "az", volume_type: "NVME", size: 1 } };
void wrong;
type CreateImageBody = ImsPaths["/v2/cloudimages/action"]["post"]["requestBody"]["content"]["application/json"];
// @ts-expect-error os_version is required from a data volume
const noOs: CreateImageBody = { name: "n", volume_id: "v" };
void noOs;

const preferSuccess = (client: EvsClient | ImsClient) =>
  client.use({ onRequest: ({ request, schemaPath }) => { if (schemaPath.includes("/jobs/")) request.headers.set("Prefer", "example=success"); } });

const evs = createEvsClient({ baseUrl: process.env.MOCK_EVS!, projectId: "p1", credentials: { ak: "AK", sk: "SK" }, env: {} });
const ims = createImsClient({ baseUrl: process.env.MOCK_IMS!, projectId: "p1", credentials: { token: "t" }, env: {} });
preferSuccess(evs);
preferSuccess(ims);

const { job_id } = await unwrap(evs.POST("/v3/{project_id}/cloudvolumes", { body }));
const { volumeIds } = await waitForEvsJob(evs, job_id, { intervalMs: 10 });
const volumeStatuses = (await waitForVolumes(evs, volumeIds, { intervalMs: 10 })).map((volume) => volume.status);
const volumeId: string = volumeIds[0] ?? "";
const exported = await unwrap(
  evs.POST("/v3/{project_id}/volumes/{volume_id}/action", {
    params: { path: { volume_id: volumeId } },
    body: { "os-volume_upload_image": { image_name: "exported", disk_format: "qcow2" } },
  }),
);
const exportedImage = await waitForImage(ims, exported["os-volume_upload_image"].image_id, { intervalMs: 10 });
const created = await unwrap(ims.POST("/v2/cloudimages/action", { body: { name: "img", volume_id: volumeId, os_version: "CentOS 7.0 64bit" } }));
const { imageId } = await waitForImsJob(ims, created.job_id, { intervalMs: 10 });

let errorName = "none";
try {
  await unwrap(createEvsClient({ baseUrl: process.env.MOCK_EVS!, projectId: "p1", credentials: false, env: {} })
    .POST("/v3/{project_id}/cloudvolumes", { body }));
} catch (error) {
  if (error instanceof HuaweiCloudError) errorName = error.name + " " + error.status + " " + error.code;
}
// The forms of the create-image body ship too: the mock's violations are read against the one meant.
let mockSays = "none";
try {
  await unwrap(ims.POST("/v2/cloudimages/action", { body: { name: "img", image_url: "bucket:file.qcow2", min_disk: 20 } }));
} catch (error) {
  if (error instanceof HuaweiCloudError) mockSays = \`\${error.bodyForm}: \${error.violations[0]?.location} \${error.violations[0]?.message}\`;
}
const failed: boolean = JobFailedError.prototype instanceof Error && ResourceFailedError.prototype instanceof Error;

// The mock's API compiles strictly without @types/node; Prism is not installed yet, so it says how to get it.
const mockOptions: StartMocksOptions = { ports: { evs: 0 }, log: (line: string) => void line };
// @ts-expect-error a port is a number
const badPorts: StartMocksOptions = { ports: { evs: "4010" } };
void badPorts;
const mockError = await startMocks(mockOptions).then(
  (mocks: RunningMocks) => mocks.stop().then(() => "started"),
  (error: Error) => error.message,
);

console.log(JSON.stringify({
  resolved: import.meta.resolve("huaweicloud-evs-ims-openapi"),
  openapi: evsDescription.openapi,
  volumeIds,
  volumeStatuses,
  exportedImageId: exported["os-volume_upload_image"].image_id,
  exportedImageStatus: exportedImage.status,
  imageId,
  errorName,
  mockSays,
  failed,
  mockError,
}));
`;

const tsconfig = {
  compilerOptions: {
    ...consumerCompilerOptions,
    resolveJsonModule: true,
    skipLibCheck: false,
    outDir: "out",
  },
  files: ["consumer.ts", "rules.ts"],
};

// Every documented rule as a caller writes it against the package (test/support/rule-checks.ts):
// the obeying bodies compile, the breaking ones of every rule with a TypeScript form do not.
const rules = ruleChecks("huaweicloud-evs-ims-openapi");

// The rules between fields a caller meets first; each must be a compile error through the client.
const rulesBetweenFields = [
  "createImage: only one of tags and image_tags (from a server)",
  "createVolumes: size is required for a blank disk",
  "createVolumes: only one of backup_id and snapshot_id",
  "createImage: fields of another form are not accepted (no image_url from a server)",
  "createVolumes: __system__cmkid needs __system__encrypted",
  "createVolumes: count is only 1 from a backup",
  "createImage: os_version is required for quick import",
  "createVolumes: __system__encrypted is not allowed from a snapshot",
];

describe("the packed package, installed into a fresh project", () => {
  beforeAll(async () => {
    const packs = join(work, "packs");
    mkdirSync(packs);
    // prepack builds dist/ first, so this is what `npm publish` would ship.
    execFileSync(npm, ["pack", "--pack-destination", packs, "--loglevel", "error"], { cwd: repoRoot, env: npmEnv, stdio: "pipe" });
    const [name] = readdirSync(packs);
    tarball = join(packs, name!);
    files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean).sort();

    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(tsconfig));
    writeFileSync(join(app, "consumer.ts"), consumer);
    writeFileSync(join(app, "rules.ts"), rules.source);
    await npmInstall(app, [tarball]);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the built client, its types, the generated types, the mock and the bundles, and nothing else", () => {
    expect(files).toEqual(
      [
        "README.md",
        "package.json",
        ...["client", "errors", "index", "poll", "signing", "violations", "waiters"].flatMap((f) => [
          `dist/src/${f}.js`,
          `dist/src/${f}.d.ts`,
        ]),
        ...["command", "index", "prism"].flatMap((f) => [`dist/src/mock/${f}.mjs`, `dist/src/mock/${f}.d.mts`]),
        "dist/src/mock/cli.mjs",
        "dist/src/mock/exit-with-parent.cjs",
        "dist/src/mock/fresh-request-ids.cjs",
        ...services.flatMap((s) => [`dist/generated/${s}.js`, `dist/generated/${s}.d.ts`, `generated/${s}.openapi.json`]),
        "dist/generated/request-forms.js",
        "dist/generated/request-forms.d.ts",
      ]
        .map((f) => `package/${f}`)
        .sort(),
    );
  });

  it("ships the mock's files as they are in src/mock/, the very code `npm run mock` runs", () => {
    const shipped = join(app, "node_modules/huaweicloud-evs-ims-openapi/dist/src/mock");
    for (const file of readdirSync(join(repoRoot, "src/mock")).filter((name) => /\.[cm]js$/.test(name))) {
      expect(readFileSync(join(shipped, file), "utf8"), file).toBe(readFileSync(join(repoRoot, "src/mock", file), "utf8"));
    }
  });

  it("has openapi-fetch as its only runtime dependency, and Prism as an optional peer it does not install", () => {
    const installed = JSON.parse(readFileSync(join(app, "node_modules/huaweicloud-evs-ims-openapi/package.json"), "utf8"));
    expect(installed.dependencies).toEqual({ "openapi-fetch": "0.17.0" });
    expect(installed.peerDependencies).toEqual({ "@stoplight/prism-cli": "~5.14.2" });
    expect(installed.peerDependenciesMeta).toEqual({ "@stoplight/prism-cli": { optional: true } });
    // The range admits the Prism this repository tests with.
    expect(manifest.devDependencies["@stoplight/prism-cli"]).toMatch(/^5\.14\.([2-9]|\d\d+)$/);
    expect(installed.exports["."]).toEqual({ types: "./dist/src/index.d.ts", default: "./dist/src/index.js" });
    expect(installed.exports["./mock"]).toEqual({ types: "./dist/src/mock/index.d.mts", default: "./dist/src/mock/index.mjs" });
    expect(
      readdirSync(join(app, "node_modules"))
        .filter((n) => !n.startsWith("."))
        .sort(),
    ).toEqual(["huaweicloud-evs-ims-openapi", "openapi-fetch", "openapi-typescript-helpers"]);
  });

  it("the rules between fields a caller meets first are checked as compile errors through the client", () => {
    const refusedByTheClient = rules.checked
      .filter((line) => line.body === "invalid" && line.via === "client" && !line.compiles)
      .map((line) => line.label);
    expect(rulesBetweenFields.filter((label) => !refusedByTheClient.includes(label))).toEqual([]);
    expect(documentedRules().map(ruleLabel)).toEqual(expect.arrayContaining(rulesBetweenFields));
  });

  it("type-checks a consumer (and every rule's bodies) in strict mode, then runs it against the mocks", () => {
    let output = "";
    try {
      output = execFileSync(process.execPath, [tsc, "-p", join(app, "tsconfig.json")], { cwd: app, encoding: "utf8" });
    } catch (error) {
      throw new Error(`the consumer does not compile:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    expect(output).toBe("");

    const { evs, ims } = inject("mockUrls");
    const run = execFileSync(process.execPath, ["--no-warnings", join(app, "out/consumer.js")], {
      cwd: app,
      env: { PATH: process.env.PATH, MOCK_EVS: evs, MOCK_IMS: ims },
      encoding: "utf8",
    });
    const result = JSON.parse(run);
    expect(result.resolved.startsWith(`file://${join(app, "node_modules/huaweicloud-evs-ims-openapi/")}`)).toBe(true);
    expect(result).toMatchObject({
      openapi: "3.1.0",
      volumeIds: ["0b549095-4937-4849-8e4c-52aa027d64f7", "e7bca1a2-d3ed-434f-86f4-a1f11aa80072"],
      volumeStatuses: ["available", "available"],
      exportedImageId: "c5333daa-fbc8-4d1d-bf79-b0567bb45d15",
      exportedImageStatus: "active",
      imageId: "e9e91bff-14b6-4a0b-8377-4ed0813e3360",
      errorName: "HuaweiCloudError 401 EVS.5401",
      mockSays: "ImageFromObsFile: body.min_disk must be >= 40",
      failed: true,
      mockError: prismMissing,
    });
  });

  it("without Prism, the mock command says how to install it, in one line", async (test) => {
    const run = runScript(bin, { test, cwd: app, env: { EVS_MOCK_PORT: "0", IMS_MOCK_PORT: "0" } });
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.output().trim()).toBe(`huaweicloud-evs-ims-mock: ${prismMissing}`);
  });

  describe("with Prism installed beside it, as the README says", () => {
    beforeAll(async () => {
      // The versions this repository tests with, which the local npm cache holds after `npm ci`.
      await npmInstall(app, [
        "--save-dev",
        ...["@stoplight/prism-cli", "vitest"].map((name) => `${name}@${manifest.devDependencies[name]}`),
      ]);
    });

    it("npx huaweicloud-evs-ims-mock serves both services on EVS_MOCK_PORT and IMS_MOCK_PORT, logs each request, and SIGTERM stops both", async (test) => {
      const ports = await twoFreePorts();
      const run = runScript(bin, { test, cwd: app, env: { EVS_MOCK_PORT: String(ports.evs), IMS_MOCK_PORT: String(ports.ims) } });
      const servers = await mockAddresses(run);
      expect(servers.map(({ port }) => port)).toEqual([ports.evs, ports.ims]);
      await expectServesBoth({ evs: servers[0]!.url, ims: servers[1]!.url });
      for (const { pid } of servers) {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        expect(args, "Prism runs with --errors").toContain("--errors");
        expect(
          args.find((arg) => arg.endsWith(".openapi.json")),
          "it serves the package's own bundles",
        ).toMatch(new RegExp(`^${join(app, "node_modules/huaweicloud-evs-ims-openapi/generated/")}(evs|ims)\\.openapi\\.json$`));
      }
      expect(run.output(), "the request log").toMatch(/\[evs\] .*\[HTTP SERVER\] get \/v1\/p1\/jobs\/j1/);
      expect(run.output()).toMatch(/\[ims\] .*\[HTTP SERVER\] post \/v2\/cloudimages\/action/);

      run.child.kill("SIGTERM");
      const { code } = await run.exit;
      expect(code, run.output()).toBe(0);
      for (const { pid, port } of servers) {
        expect(alive(pid), `Prism pid ${pid} is gone`).toBe(false);
        expect(await portIsFree(port), `port ${port} is free again`).toBe(true);
      }
    });

    it("a port in use is named, with the variable that changes it", async (test) => {
      const busy: Server = createServer();
      await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
      test.onTestFinished(() => void busy.close());
      const port = (busy.address() as { port: number }).port;
      const run = runScript(bin, { test, cwd: app, env: { EVS_MOCK_PORT: String(port), IMS_MOCK_PORT: "0" } });
      const { code } = await run.exit;
      expect(code).toBe(1);
      expect(run.output().trim()).toBe(
        `huaweicloud-evs-ims-mock: port ${port} for EVS is in use on 127.0.0.1; choose another with EVS_MOCK_PORT=<port>`,
      );
    });

    it("the README's vitest global setup and test run as written, against both mocks", async (test) => {
      const examples = readmeExamples();
      expect(Object.keys(examples)).toEqual(["vitest.config.ts", "test/huaweicloud-mocks.ts", "test/disks.test.ts"]);
      for (const [path, code] of Object.entries(examples)) {
        mkdirSync(dirname(join(app, path)), { recursive: true });
        writeFileSync(join(app, path), code);
      }
      // They compile in strict mode against the package's types and the consumer's vitest (whose
      // own .d.ts are not this test's business: the package's are checked with the consumer above).
      const readmeTsconfig = {
        compilerOptions: { ...tsconfig.compilerOptions, noEmit: true, skipLibCheck: true },
        files: Object.keys(examples),
      };
      writeFileSync(join(app, "tsconfig.readme.json"), JSON.stringify(readmeTsconfig));
      try {
        execFileSync(process.execPath, [tsc, "-p", join(app, "tsconfig.readme.json")], { cwd: app, encoding: "utf8" });
      } catch (error) {
        throw new Error(`the README's example does not compile:\n${(error as { stdout?: string }).stdout ?? error}`);
      }

      // The consumer's own vitest, in an environment without this run's vitest variables.
      const run = runScript(join(app, "node_modules/.bin/vitest"), {
        test,
        cwd: app,
        args: ["run", "--reporter", "verbose"],
        env: { PATH: process.env.PATH!, HOME: process.env.HOME!, TMPDIR: tmpdir(), NO_COLOR: "1" },
        ownEnv: true,
      });
      const { code } = await run.exit;
      expect(code, run.output()).toBe(0);
      expect(run.output()).toContain("✓ test/disks.test.ts > creating a disk answers with a job to wait for");
      expect(run.output()).toContain("✓ test/disks.test.ts > a disk of 0 GB is refused, as the service refuses it");
      expect(run.output()).toMatch(/Tests +2 passed \(2\)/);
    });
  });
});

/** The README's "Contract testing in your project" blocks, by the file each names in its first line (`// vitest.config.ts`). */
function readmeExamples(): Record<string, string> {
  return Object.fromEntries(
    ["consumer-config", "consumer-global-setup", "consumer-test"].map((name) => {
      const code = readmeBlock(name);
      const path = /^\/\/ (\S+)\n/.exec(code)?.[1];
      if (!path) throw new Error(`the README block ${name} does not start with // <the file it is>`);
      return [path, code];
    }),
  );
}

describe("an install that needs the registry when it is not there says why", () => {
  // A package no cache holds, so npm has to ask the registry.
  const uncached = "huaweicloud-evs-ims-openapi-no-such-package";
  const project = () => {
    const folder = join(work, `registry-${Math.random().toString(36).slice(2)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    return folder;
  };

  it("unreachable: names the request and the error", async () => {
    const closed = await freePort(); // nothing listens on it any more
    const install = npmInstall(project(), [uncached], { registry: `http://127.0.0.1:${closed}/`, retries: 0 });
    await expect(install).rejects.toThrow(
      new RegExp(
        `^npm install failed: the npm registry is unreachable \\(GET http://127\\.0\\.0\\.1:${closed}/${uncached}: ECONNREFUSED; a package not in the local npm cache has to come from it\\)`,
      ),
    );
  });

  it("too slow: names the request and how long it was given", async () => {
    // A registry that accepts connections and never answers.
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const install = npmInstall(project(), [uncached], { registry: `http://127.0.0.1:${port}/`, retries: 0, fetchTimeoutMs: 1000 });
      await expect(install).rejects.toThrow(
        new RegExp(`^npm install failed: the npm registry did not answer GET http://127\\.0\\.0\\.1:${port}/${uncached} within 1000 ms`),
      );
    } finally {
      silent.close();
    }
  });
});
