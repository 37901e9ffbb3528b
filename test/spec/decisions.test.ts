// The decision records hold what they promise. spec/DECISIONS.md: every
// `D-…` id cited anywhere in the repository is an entry, and every entry is
// cited in spec/ where it applies (a field's description, or a comment beside
// what it decides). CONTRIBUTING.md's code decisions: every `C-…` id cited is
// an entry, and every entry is dated and names a test that exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";

/** The ids of the `### <id> — title` entries of a record, in order. */
function entryIds(markdown: string, prefix: "D" | "C"): string[] {
  return [...markdown.matchAll(new RegExp(`^### (${prefix}-[A-Z][A-Za-z0-9]*) — `, "gm"))].map((match) => match[1]!);
}

/** Every `<prefix>-Name` citation in `text`, as `file:line id`. */
function citations(file: string, text: string, prefix: "D" | "C"): Array<{ where: string; id: string }> {
  return text.split("\n").flatMap((line, index) =>
    [...line.matchAll(new RegExp(`\\b${prefix}-[A-Z][A-Za-z0-9]*`, "g"))].map((match) => ({
      where: `${file}:${index + 1}`,
      id: match[0],
    })),
  );
}

/** The text files of the repository that people write (not generated/, dependencies or build output). */
function authoredFiles(): string[] {
  const skip = new Set(["node_modules", "generated", "dist", ".git", ".out", "test-results"]);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (skip.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml|ts|mjs|cjs|js|json|hbs)$/.test(name) && name !== "package-lock.json") files.push(relative(repoRoot, path));
    }
  };
  walk(repoRoot);
  return files.sort();
}

const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");
const files = authoredFiles().map((file) => ({ file, text: read(file) }));
const specDecisions = entryIds(read("spec/DECISIONS.md"), "D");
const codeRecord = read("CONTRIBUTING.md").split(/^## Code decisions$/m)[1] ?? "";
const codeDecisions = entryIds(codeRecord, "C");

describe("spec/DECISIONS.md", () => {
  it("has entries, each id once", () => {
    expect(specDecisions.length).toBeGreaterThan(40);
    expect(specDecisions.filter((id, i) => specDecisions.indexOf(id) !== i)).toEqual([]);
  });

  it("every D-… id cited anywhere is an entry", () => {
    const unknown = files.flatMap(({ file, text }) => citations(file, text, "D")).filter(({ id }) => !specDecisions.includes(id));
    expect(unknown.map(({ where, id }) => `${where} ${id}`)).toEqual([]);
  });

  it("every entry is cited in spec/ where it applies", () => {
    const inSpec = new Set(
      files
        .filter(({ file }) => file.startsWith("spec/") && file !== "spec/DECISIONS.md" && !file.startsWith("spec/i18n/"))
        .flatMap(({ file, text }) => citations(file, text, "D").map(({ id }) => id)),
    );
    expect(
      specDecisions.filter((id) => !inSpec.has(id)),
      "cite each in the description of the field it decides",
    ).toEqual([]);
  });
});

describe("CONTRIBUTING.md, code decisions", () => {
  it("has entries, each id once", () => {
    expect(codeDecisions.length).toBeGreaterThanOrEqual(5);
    expect(codeDecisions.filter((id, i) => codeDecisions.indexOf(id) !== i)).toEqual([]);
  });

  it("every C-… id cited anywhere is an entry", () => {
    const unknown = files.flatMap(({ file, text }) => citations(file, text, "C")).filter(({ id }) => !codeDecisions.includes(id));
    expect(unknown.map(({ where, id }) => `${where} ${id}`)).toEqual([]);
  });

  it.each(codeDecisions)("%s is dated and names a test that shows it", (id) => {
    const entry = codeRecord.split(/^### /m).find((part) => part.startsWith(`${id} — `))!;
    expect(entry, "a date, YYYY-MM-DD").toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    const tests = [...entry.matchAll(/`(test\/[\w./-]+\.ts)`/g)].map((match) => match[1]!);
    expect(tests.length, "a test file in backticks").toBeGreaterThan(0);
    for (const test of tests) expect(() => statSync(join(repoRoot, test)), `${test} exists`).not.toThrow();
  });
});

describe("the citation checks can fail", () => {
  // Made-up ids, spelled in pieces so that the scan of this file finds none of them.
  const [known, missing, code] = [
    ["D", "Known"],
    ["D", "Missing"],
    ["C", "Code"],
  ].map((parts) => parts.join("-"));

  it("reads ids and citations, and tells entries from mere mentions", () => {
    const record = `### ${known} — a rule\ntext citing ${missing}\n### ${code} — a choice\n`;
    expect(entryIds(record, "D")).toEqual([known]);
    expect(entryIds(record, "C")).toEqual([code]);
    expect(citations("x.yaml", `a\n(spec/DECISIONS.md, ${known}, ${missing})`, "D")).toEqual([
      { where: "x.yaml:2", id: known },
      { where: "x.yaml:2", id: missing },
    ]);
    // Words that only contain the pattern are not citations.
    expect([...citations("x.ts", "UNSIGNED-PAYLOAD", "D"), ...citations("x.ts", "Ctrl-C here", "C")]).toEqual([]);
  });
});
