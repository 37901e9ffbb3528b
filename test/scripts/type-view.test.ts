// scripts/lib/type-view.mjs, the generator's reading of a description: each
// kind of rule it rewrites, on a small schema, and on the real bundles the one
// promise that matters most, that it never refuses a body the description
// accepts (every page example, every obeying rule body and every body a
// widely used client sends still validates).
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { typeView } from "../../scripts/lib/type-view.mjs";
import { clientBodies, operations, rulesByOperation } from "../rules/index.js";
import { loadBundle, operationsOf, services } from "../support/openapi.js";

/** The view of one schema (named S) among `others`. */
const view = (schema: object, others: Record<string, object> = {}) =>
  typeView({ openapi: "3.1.0", components: { schemas: { S: schema, ...others } } }).components.schemas;

describe("conditionals become the unions they mean", () => {
  it("if a field is given, another is left out: (given and the other left out) or not given", () => {
    const { S } = view({
      type: "object",
      properties: { tags: { type: "array" }, image_tags: { type: "array" } },
      if: { required: ["tags"] },
      then: { description: "Only one.", properties: { image_tags: false } },
    });
    expect(S.if).toBeUndefined();
    expect(S.allOf).toEqual([
      { anyOf: [{ required: ["tags"], properties: { tags: { type: "array" }, image_tags: false } }, { properties: { tags: false } }] },
    ]);
  });

  it("a constant of a boolean: the other value, or left out", () => {
    const { S } = view({
      type: "object",
      properties: { quick: { type: "boolean" }, os: { type: "string", description: "The OS." } },
      allOf: [{ if: { required: ["quick"], properties: { quick: { const: true } } }, then: { required: ["os"] } }],
    });
    expect(S.allOf).toEqual([
      {
        anyOf: [
          { required: ["quick", "os"], properties: { quick: { const: true }, os: { type: "string" } } },
          { properties: { quick: { type: "boolean", const: false } } },
        ],
      },
    ]);
  });

  it("a constant of a closed list: the other values; a type of a union of types: the other types", () => {
    const { S } = view({
      type: "object",
      properties: {
        type: { type: "string", enum: ["ECS", "BMS", "IsoImage"] },
        backup: { type: ["string", "null"] },
        size: { type: "integer" },
      },
      allOf: [
        { if: { required: ["type"], properties: { type: { const: "IsoImage" } } }, then: { required: ["size"] } },
        { if: { required: ["backup"], properties: { backup: { type: "string" } } }, else: { required: ["size"] } },
      ],
    });
    expect(S.allOf[0].anyOf[1]).toEqual({ properties: { type: { type: "string", enum: ["ECS", "BMS"] } } });
    expect(S.allOf[1].anyOf).toEqual([
      { required: ["backup"], properties: { backup: { type: "string" } } },
      { required: ["size"], properties: { backup: { type: "null" }, size: { type: "integer" } } },
    ]);
  });

  it("a range narrowed to one integer is that integer; its complement in the declared range too", () => {
    const { S } = view({
      type: "object",
      properties: { count: { type: "integer", minimum: 1, maximum: 100 }, source: { type: "string" } },
      allOf: [
        { if: { required: ["source"] }, then: { properties: { count: { maximum: 1 } } } },
        { if: { required: ["count"], properties: { count: { minimum: 2 } } }, then: { required: ["source"] } },
      ],
    });
    expect(S.allOf[0].anyOf[0].properties.count).toEqual({ type: "integer", minimum: 1, maximum: 1 });
    expect(S.allOf[1].anyOf[1]).toEqual({ properties: { count: { type: "integer", minimum: 1, maximum: 1 } } });
  });

  it("dependentSchemas: the field left out, or given with what it needs", () => {
    const { S } = view({
      type: "object",
      properties: { cmk: { type: "string", minLength: 36 }, encrypted: { type: "string", enum: ["0", "1"] } },
      dependentSchemas: { cmk: { required: ["encrypted"], properties: { encrypted: { const: "1" } } } },
    });
    expect(S.dependentSchemas).toBeUndefined();
    expect(S.allOf).toEqual([
      {
        anyOf: [
          { required: ["cmk", "encrypted"], properties: { cmk: { type: "string", minLength: 36 }, encrypted: { const: "1" } } },
          { properties: { cmk: false } },
        ],
      },
    ]);
  });

  it("what a type cannot say is dropped, never guessed: a pattern condition, a length", () => {
    const { S } = view({
      type: "object",
      properties: { url: { type: "string" }, os: { type: "string" }, name: { type: "string" }, count: { type: "integer" } },
      allOf: [
        { if: { required: ["url"], properties: { url: { pattern: "\\.iso$" } } }, then: { required: ["os"] } },
        { if: { required: ["count"] }, then: { properties: { name: { maxLength: 250 } } } },
      ],
    });
    expect(S.allOf).toBeUndefined();
  });
});

describe("closed forms of a oneOf leave out their siblings' fields", () => {
  const forms = {
    Server: { type: "object", properties: { name: { type: "string" }, instance_id: { type: "string" } }, additionalProperties: false },
    File: { allOf: [{ properties: { name: { type: "string" }, image_url: { type: "string" } } }], unevaluatedProperties: false },
    Open: { type: "object", properties: { volume_id: { type: "string" } } },
  };

  it("each closed form gets `false` for the others' fields; an open form gets nothing", () => {
    const schemas = view({ oneOf: ["Server", "File", "Open"].map((name) => ({ $ref: `#/components/schemas/${name}` })) }, forms);
    expect(schemas.S.oneOf).toEqual([
      { allOf: [{ $ref: "#/components/schemas/Server" }, { properties: { image_url: false, volume_id: false } }] },
      { allOf: [{ $ref: "#/components/schemas/File" }, { properties: { instance_id: false, volume_id: false } }] },
      { $ref: "#/components/schemas/Open" },
    ]);
    expect(schemas.Server).toEqual(forms.Server);
  });
});

describe("on the bundles: the view refuses nothing the description accepts", () => {
  for (const service of services) {
    it(`${service}: every page example, obeying rule body and client body validates against the view`, () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const viewed = typeView(loadBundle(service));
      ajv.addSchema({
        $id: service,
        $defs: JSON.parse(JSON.stringify(viewed.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')),
      });
      const bodies = [
        ...operationsOf(service).flatMap((op) =>
          op.requestExamples.map((example) => [`${op.operationId} ${example.name}`, op.request!.schema, example.value] as const),
        ),
        ...Object.values(rulesByOperation)
          .flat()
          .filter((rule) => operations[rule.operation].service === service)
          .map(
            (rule) =>
              [
                `${rule.operation}: ${rule.rule}`,
                { $ref: `#/components/schemas/${operations[rule.operation].schema}` },
                rule.valid,
              ] as const,
          ),
        ...clientBodies
          .filter((entry) => operations[entry.operation].service === service)
          .map((entry) => [entry.client, { $ref: `#/components/schemas/${operations[entry.operation].schema}` }, entry.body] as const),
      ];
      expect(bodies.length).toBeGreaterThan(10);
      const refused = bodies.filter(([, schema, body]) => {
        const validate = ajv.getSchema(`${service}#/$defs/${(schema as { $ref: string }).$ref.split("/").pop()}`)!;
        return !validate(body);
      });
      expect(refused.map(([label]) => label)).toEqual([]);
    });
  }
});
