// The package as a user gets it: `npm pack` (which builds the client), the
// tarball installed offline into a fresh project outside this repository, a
// consumer program type-checked in strict mode (with the package's own .d.ts
// checked too) by the project's TypeScript, then run against the mocks.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consumerCompilerOptions } from "../support/consumer.js";
import { repoRoot, services } from "../support/openapi.js";
import { documentedRules, ruleChecks, ruleLabel } from "../support/rule-checks.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
const work = mkdtempSync(join(tmpdir(), "package-test-"));
const app = join(work, "app");
let tarball = "";
let files: string[] = [];

// Quiet, offline npm that does not touch this repository's lock file or audit anything.
const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

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
const failed: boolean = JobFailedError.prototype instanceof Error && ResourceFailedError.prototype instanceof Error;

console.log(JSON.stringify({
  resolved: import.meta.resolve("huaweicloud-evs-ims-openapi"),
  openapi: evsDescription.openapi,
  volumeIds,
  volumeStatuses,
  exportedImageId: exported["os-volume_upload_image"].image_id,
  exportedImageStatus: exportedImage.status,
  imageId,
  errorName,
  failed,
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
  beforeAll(() => {
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
    execFileSync(npm, ["install", "--prefer-offline", "--no-package-lock", "--ignore-scripts", "--loglevel", "error", tarball], {
      cwd: app,
      env: npmEnv,
      stdio: "pipe",
    });
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the built client, its types, the generated types and the bundles, and nothing else", () => {
    expect(files).toEqual(
      [
        "README.md",
        "package.json",
        ...["client", "errors", "index", "poll", "signing", "waiters"].flatMap((f) => [`dist/src/${f}.js`, `dist/src/${f}.d.ts`]),
        ...services.flatMap((s) => [`dist/generated/${s}.js`, `dist/generated/${s}.d.ts`, `generated/${s}.openapi.json`]),
      ]
        .map((f) => `package/${f}`)
        .sort(),
    );
  });

  it("has openapi-fetch as its only runtime dependency", () => {
    const installed = JSON.parse(execFileSync("node", ["-p", "JSON.stringify(require('./node_modules/huaweicloud-evs-ims-openapi/package.json'))"], { cwd: app, encoding: "utf8" }));
    expect(installed.dependencies).toEqual({ "openapi-fetch": "0.17.0" });
    expect(installed.exports["."]).toEqual({ types: "./dist/src/index.d.ts", default: "./dist/src/index.js" });
    expect(readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith(".")).sort()).toEqual(["huaweicloud-evs-ims-openapi", "openapi-fetch", "openapi-typescript-helpers"]);
  });

  it("the rules between fields a caller meets first are checked as compile errors through the client", () => {
    const refusedByTheClient = rules.checked.filter((line) => line.body === "invalid" && line.via === "client" && !line.compiles).map((line) => line.label);
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
      failed: true,
    });
  }, 60_000);
});
