// The docs translations: every prose field of the English bundles has an
// up-to-date Chinese translation, a translation touches nothing but prose,
// and the two languages describe exactly the same contract.
import { beforeAll, describe, expect, it } from "vitest";
import { applyTranslation, checkTranslation, loadTranslation, proseFields, withoutProse } from "../../scripts/lib/i18n.mjs";
import { resolvePointer } from "../../scripts/lib/json-pointer.mjs";
import { loadBundle, services } from "../support/openapi.js";

const howToFix = "run `node scripts/i18n.mjs --update`, then translate the entries with an empty `zh` (see scripts/lib/i18n.mjs)";

describe.each(services)("zh-CN translation of %s", (service) => {
  // Read when the tests run, not while they are collected.
  let english: ReturnType<typeof loadBundle>;
  let translation: ReturnType<typeof loadTranslation>;
  let problems: ReturnType<typeof checkTranslation>;
  beforeAll(() => {
    english = loadBundle(service);
    translation = loadTranslation(service, "zh-CN");
    problems = checkTranslation(english, translation);
  });

  it("points only at prose: summary, description, title or x-* strings outside example values", () => {
    expect(problems.notProse, `pointers that do not name prose of generated/${service}.openapi.json`).toEqual([]);
  });

  it("translates every prose field of the English bundle", () => {
    expect(problems.missing, `prose without a translation; ${howToFix}`).toEqual([]);
  });

  it("translates the English as it is now", () => {
    expect(problems.stale, "the English changed since these were translated: update `en` and `zh` together").toEqual([]);
  });

  it("is Chinese wherever it is filled in", () => {
    expect(problems.untranslated, "entries that are empty, English or without Chinese text").toEqual([]);
  });

  it("keeps every `code` span of the English (field names, values, error codes)", () => {
    const spans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    const lost = [...translation].flatMap(([pointer, { en, text }]) =>
      spans(en)
        .filter((span) => !spans(text).includes(span))
        .map((span) => `${pointer}: \`${span}\``),
    );
    expect(lost).toEqual([]);
  });

  it("describes the same contract as the English once prose is removed", () => {
    const chinese = applyTranslation(english, translation);
    expect(withoutProse(chinese)).toEqual(withoutProse(english));
    // ...and the prose really is different: the comparison is not vacuous.
    expect(chinese).not.toEqual(english);
  });
});

describe("prose fields", () => {
  let doc: ReturnType<typeof loadBundle>;
  let prose: ReturnType<typeof proseFields>;
  beforeAll(() => {
    doc = loadBundle("evs");
    prose = proseFields(doc);
  });

  it("include operation summaries, schema titles, tag and example descriptions", () => {
    expect(prose.get("/paths/~1v3~1{project_id}~1cloudvolumes/post/summary")).toBe("Create disks");
    expect(prose.has("/components/schemas/VolumeToCreate/title")).toBe(true);
    expect(prose.has("/tags/0/description")).toBe(true);
    expect(prose.has("/components/examples/encrypted-ssd/summary")).toBe(true);
  });

  it("exclude example values, even a field called `description` inside one", () => {
    const value = resolvePointer(doc, "/components/examples/encrypted-ssd/value/volume/description");
    expect(value).toBe("test_volume_1");
    expect(prose.has("/components/examples/encrypted-ssd/value/volume/description")).toBe(false);
    expect([...prose.keys()].filter((pointer) => /\/(value|example|default|enum)(\/|$)/.test(pointer))).toEqual([]);
  });

  it("treat a property named `description` as a schema, whose own description is prose", () => {
    expect(prose.has("/components/schemas/VolumeFields/properties/description")).toBe(false);
    expect(prose.has("/components/schemas/VolumeFields/properties/description/description")).toBe(true);
  });

  it("are reported when the translation lacks them, moves them, or changes a value", () => {
    const translation = loadTranslation("evs", "zh-CN");
    const pointer = "/paths/~1v3~1{project_id}~1cloudvolumes/post/summary";
    const moved = new Map(translation);
    const entry = moved.get(pointer)!;
    moved.delete(pointer);
    moved.set("/paths/~1v3~1{project_id}~1cloudvolumes/post/operationId", entry);
    moved.set("/components/examples/encrypted-ssd/value/volume/name", { en: "test_volume_1", text: "测试" });
    const problems = checkTranslation(doc, moved);
    expect(problems.missing.join("\n")).toContain(pointer);
    expect(problems.notProse).toHaveLength(2);
    expect(() => applyTranslation(doc, moved)).toThrow(/missing \(1\):[\s\S]*notProse \(2\):/);
  });

  it("let a tag get a display name, whose English is the tag's name", () => {
    const translation = loadTranslation("evs", "zh-CN");
    expect(translation.get("/tags/0/x-displayName")?.en).toBe((doc as any).tags[0].name);
    const renamed = new Map(translation).set("/tags/0/x-displayName", { en: "Volumes", text: "卷" });
    expect(checkTranslation(doc, renamed).stale.join()).toContain("/tags/0/x-displayName");
  });
});
