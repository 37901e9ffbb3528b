// Redoc's labels (scripts/lib/redoc-labels.mjs): the translate hook is found
// and patched in the Redoc this project ships, a Redoc without it stops the
// build by name, and every label has its Chinese.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTranslated } from "../../scripts/lib/i18n.mjs";
import { definesTranslate, labelsGlobal, loadLabels, patchTranslate } from "../../scripts/lib/redoc-labels.mjs";
import { repoRoot } from "../support/openapi.js";

const standalone = join(repoRoot, "node_modules/@redocly/cli/lib/chunks/redoc.standalone.js");

describe("the translate hook", () => {
  it("is patched in the Redoc that is inlined into the pages", () => {
    const source = readFileSync(standalone, "utf8");
    expect(definesTranslate(source)).toBe(true);
    const patched = patchTranslate(source, standalone);
    expect(patched).toContain(`globalThis.${labelsGlobal}`);
    // Patched once only: the patched hook is no longer the default one.
    expect(() => patchTranslate(patched, standalone)).toThrow(/found 0 times/);
  });

  it("looks a label up, and falls back to Redoc's English", () => {
    const hook = "let hooks={useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``}),other:1};";
    const translate = new Function(`${patchTranslate(hook, "sample")} return hooks.useTranslate().translate;`)();
    (globalThis as Record<string, unknown>)[labelsGlobal] = { required: "必选" };
    try {
      expect(translate("required", "required")).toBe("必选");
      expect(translate("enum", "Enum")).toBe("Enum");
      expect(translate("toString", { defaultValue: "Default" })).toBe("Default");
    } finally {
      delete (globalThis as Record<string, unknown>)[labelsGlobal];
    }
  });

  it("missing, or there twice, stops the build naming the file", () => {
    expect(() => patchTranslate("no hook here", "redoc.js")).toThrow(/redoc\.js: Redoc's default translate hook was found 0 times/);
    const hook = 'useTranslate:()=>({translate:(e,t)=>(typeof t=="string"?t:t?.defaultValue)||e||""})';
    expect(() => patchTranslate(`${hook},${hook}`, "redoc.js")).toThrow(/found 2 times/);
  });
});

it("every Chinese label is Chinese", () => {
  const labels = loadLabels("zh-CN");
  expect(labels.size).toBeGreaterThan(30);
  for (const [key, { en, text }] of labels) expect(isTranslated(en, text), `${key}: ${text}`).toBe(true);
});
