// The conventions of spec/ (spec/README.md), as checks:
// - every file opens with a `# Source:` line naming where it comes from;
// - a schema file is named after its schema;
// - request schemas are closed, response schemas open (spec/DECISIONS.md,
//   rule 4): a field the pages do not list is refused in a request and
//   accepted in an answer, at every object either reaches.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  eachLocation,
  loadBundle,
  type OpenApiDocument,
  operationsOf,
  repoRoot,
  resolveRef,
  type Schema,
  services,
} from "../support/openapi.js";

const specFiles = readdirSync(join(repoRoot, "spec"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml"))
  .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
  // Translations are not transcribed from a page: scripts/lib/i18n.mjs says what they hold.
  .filter((file) => !file.startsWith("spec/i18n/"))
  .sort();

describe("every spec file opens with its source", () => {
  it("finds the files", () => {
    expect(specFiles.length).toBeGreaterThan(40);
  });

  it.each(specFiles)("%s", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    const header = /^(?:#.*\n)+/.exec(text)?.[0] ?? "";
    expect(header, "the first line is `# Source: ...`").toMatch(/^# Source: \S/);
    // A page of the reference (evs/job-status.md, regions.md), a seed, or the decision that stands in for one.
    expect(header, "the source names a page, a seed or a decision").toMatch(/\b[\w-]+\.md\b|\bseeds? \d{3}\b|\bD-[A-Z]\w*/);
  });
});

describe("a schema file is named after its schema", () => {
  it.each(specFiles.filter((file) => file.includes("/schemas/")))("%s", (file) => {
    const schema = parse(readFileSync(join(repoRoot, file), "utf8"));
    expect(schema.title).toBe(basename(file, ".yaml"));
  });
});

/** Whether a schema refuses properties it does not name (a map's keys are data: it counts as closed). */
function closes(doc: unknown, schema: Schema): boolean {
  const here: Schema = resolveRef(doc, schema);
  if (here.additionalProperties === false || here.unevaluatedProperties === false) return true;
  if (typeof here.additionalProperties === "object") return true;
  if ((here.allOf ?? []).some((member: Schema) => closes(doc, member))) return true;
  const alternatives: Schema[] | undefined = here.oneOf ?? here.anyOf;
  return alternatives?.every((alternative) => closes(doc, alternative)) ?? false;
}

const describesObject = (level: Schema[]) =>
  level.some((s) => s.properties !== undefined || s.type === "object" || (Array.isArray(s.type) && s.type.includes("object")));

/** Every object location a request body can reach that accepts a property no schema names. */
function openRequestObjects(doc: OpenApiDocument, service: (typeof services)[number]): string[] {
  const open: string[] = [];
  for (const op of operationsOf(service, doc)) {
    if (!op.request) continue;
    eachLocation(doc, [op.request.schema], `${op.operationId} request`, (where, roots, level) => {
      if (describesObject(level) && !roots.some((root) => closes(doc, root))) open.push(where);
    });
  }
  return open;
}

/**
 * Whether a response schema limits which properties an answer may have: `false` for
 * additionalProperties or unevaluatedProperties, maxProperties, or a schema for the
 * properties beside the ones it names. A map (additionalProperties a schema, no named
 * properties: the disk's tags) only types its values, like `items` types an array's.
 */
function limitsProperties(schema: Schema): boolean {
  if (schema.additionalProperties === false || schema.unevaluatedProperties === false) return true;
  if (schema.maxProperties !== undefined) return true;
  const names = schema.properties !== undefined || schema.patternProperties !== undefined;
  return [schema.additionalProperties, schema.unevaluatedProperties].some((v) => typeof v === "object" && names);
}

/** The named schemas (or locations) of the responses that limit which properties an answer may have. */
function closedResponseSchemas(doc: OpenApiDocument, service: (typeof services)[number]): string[] {
  const nameOf = new Map(Object.entries(doc.components.schemas ?? {}).map(([name, schema]) => [schema, name]));
  const closed = new Set<string>();
  for (const op of operationsOf(service, doc)) {
    for (const response of op.responses) {
      if (!response.schema) continue;
      eachLocation(doc, [response.schema], `${op.operationId} ${response.status}`, (where, _roots, level) => {
        for (const schema of level) if (limitsProperties(schema)) closed.add(nameOf.get(schema) ?? where);
      });
    }
  }
  return [...closed].sort();
}

/** The response schemas that are closed on purpose, and the decision that says why. */
const closedOnPurpose: Record<string, string> = {
  // One key naming the kind of error: a client finds code and message by that shape.
  EvsError: "D-ErrorType",
  // Any further key is accepted, as a string (the five documented keys are strings too).
  VolumeTypeExtraSpecs: "D-ExtraSpecsKeys",
};

for (const service of services) {
  describe(`${service}: request schemas are closed, response schemas open`, () => {
    const doc = loadBundle(service);

    it("every object a request body reaches refuses properties it does not name", () => {
      expect(openRequestObjects(doc, service)).toEqual([]);
    });

    it("no response schema limits the properties of an answer, but those closed on purpose", () => {
      const onPurpose = Object.keys(closedOnPurpose).filter((name) => doc.components.schemas![name] !== undefined);
      expect(closedResponseSchemas(doc, service)).toEqual(onPurpose.sort());
    });
  });
}

describe("the closed/open checks can fail", () => {
  it("finds a request object left open", () => {
    const doc = loadBundle("evs");
    const broken = structuredClone(doc);
    delete broken.components.schemas!.VolumeToCreate.unevaluatedProperties;
    expect(openRequestObjects(broken, "evs")).toEqual(["createVolumes request.volume"]);
  });

  it("finds a response schema closed", () => {
    const broken = structuredClone(loadBundle("ims"));
    broken.components.schemas!.ImsJob.additionalProperties = false;
    expect(closedResponseSchemas(broken, "ims")).toEqual(["ImsJob"]);
  });

  it("takes a map's value type for what it is, and a schema for unnamed fields beside named ones as closing", () => {
    const doc = loadBundle("evs");
    const tags = doc.components.schemas!.Volume.properties.tags;
    expect(tags.additionalProperties, "the disk's tags are a map of strings").toEqual({ type: "string" });
    expect(closedResponseSchemas(doc, "evs")).not.toContain("showVolume 200.volume.tags");
    const broken = structuredClone(doc);
    broken.components.schemas!.Volume.properties.tags.properties = { env: { type: "string" } };
    expect(closedResponseSchemas(broken, "evs")).toContain("showVolume 200.volume.tags");
    const closed = structuredClone(doc);
    closed.components.schemas!.Volume.properties.tags.additionalProperties = false;
    expect(closedResponseSchemas(closed, "evs")).toContain("showVolume 200.volume.tags");
  });
});
