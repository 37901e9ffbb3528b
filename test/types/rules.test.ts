// Every documented rule at compile time: the program test/support/rule-checks.ts
// writes from test/rules/ is compiled with the project's tsconfig (strict),
// against src/ and the generated types. Each obeying body compiles, as a value
// of its schema's type and sent through the client; each breaking body does
// not (its `@ts-expect-error` is used), except the rules
// test/types/rules-without-types.ts lists, whose breaking body must compile,
// so that list says exactly what the compiler cannot do.
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/openapi.js";
import { type CheckedLine, documentedRules, ruleChecks, ruleLabel } from "../support/rule-checks.js";
import { rulesLostThroughTheClient, rulesWithoutTypes } from "./rules-without-types.js";

const unusedDirective = 2578;

/** The diagnostics of `source`, compiled as a file of test/types/ with the project's compiler options. */
function compile(source: string): readonly ts.Diagnostic[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(repoRoot, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  )!;
  const file = join(repoRoot, "test/types/rule-checks.generated.ts");
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram({ rootNames: [file], options: { ...parsed.options, noEmit: true }, host });
  const sourceFile = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
}

/** What is wrong with each checked line, given the program's diagnostics: "<label> (<body> as <via>): <why>". */
function problems(checked: CheckedLine[], diagnostics: readonly ts.Diagnostic[], source: string): string[] {
  const lineOf = (diagnostic: ts.Diagnostic) =>
    diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
  const on = (line: number) => diagnostics.filter((diagnostic) => lineOf(diagnostic) === line);
  const message = (diagnostic: ts.Diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").slice(0, 300);
  const found = checked.flatMap(({ line, label, body, via, compiles }) => {
    const kind = { valid: "obeying body", invalid: "breaking body", "client's": "body" }[body];
    const where = `${label} (${kind}, ${via === "type" ? "as its schema's type" : "through the client"})`;
    if (compiles) return on(line).map((diagnostic) => `${where} does not compile: ${message(diagnostic)}`);
    return on(line - 1).some((diagnostic) => diagnostic.code === unusedDirective) ? [`${where} compiles`] : [];
  });
  const lines = new Set(checked.flatMap(({ line, compiles }) => (compiles ? [line] : [line, line - 1])));
  const elsewhere = diagnostics.filter((diagnostic) => !lines.has(lineOf(diagnostic)));
  const text = source.split("\n");
  return [
    ...found,
    ...elsewhere.map((diagnostic) => `line ${lineOf(diagnostic)} (${text[lineOf(diagnostic) - 1]}): ${message(diagnostic)}`),
  ];
}

// Made-up rules that say the wrong thing about the compiler, to show that the check notices.
const madeUp = [
  {
    operation: "createVolumes" as const,
    rule: "made up: size is at least 1 GB, claimed typed",
    valid: { volume: { availability_zone: "az", volume_type: "SSD", size: 1 } },
    invalid: { volume: { availability_zone: "az", volume_type: "SSD", size: 0 } },
    violation: { path: "/volume/size", keyword: "minimum" },
    typed: true,
    throughTheClient: true,
  },
  {
    operation: "createImage" as const,
    rule: "made up: tags and image_tags together, claimed to have no type",
    valid: { name: "n", instance_id: "i", tags: ["a.b"] },
    invalid: { name: "n", instance_id: "i", tags: ["a.b"], image_tags: [{ key: "a", value: "b" }] },
    violation: { path: "/image_tags", keyword: "false schema" },
    typed: false,
    throughTheClient: false,
  },
];

describe("the documented rules at compile time (test/rules/, test/types/rules-without-types.ts)", () => {
  const rules = documentedRules();
  const madeUpLabels = madeUp.map(ruleLabel);
  let found: string[] = [];
  // Compiled once before the tests, not while collecting them (so `-t` filters skip it).
  beforeAll(() => {
    const { source, checked } = ruleChecks("../../src/index.js", [...rules, ...madeUp]);
    found = problems(checked, compile(source), source);
  });
  const isMadeUp = (problem: string) => madeUpLabels.some((label) => problem.startsWith(`${label} (`));

  it("has rules to check, most of them typed", () => {
    expect(rules.length).toBeGreaterThan(80);
    expect(rules.filter((rule) => rule.typed).length).toBeGreaterThan(rules.length / 2);
  });

  it("every obeying body and every client's body compiles, every breaking body of a rule with a TypeScript form does not, every other one does", () => {
    expect(found.filter((problem) => !isMadeUp(problem))).toEqual([]);
  });

  it("rules-without-types.ts names only documented rules", () => {
    const labels = rules.map(ruleLabel);
    expect(Object.keys(rulesWithoutTypes).filter((label) => !labels.includes(label))).toEqual([]);
    expect(Object.keys(rulesLostThroughTheClient).filter((label) => !labels.includes(label) || label in rulesWithoutTypes)).toEqual([]);
  });

  it("the check bites: a rule claimed typed whose breaking body compiles, and one claimed untyped whose body does not, are named", () => {
    const [claimedTyped, claimedUntyped] = madeUpLabels as [string, string];
    const named = found.filter(isMadeUp).map((problem) => problem.replace(/ does not compile: .*/, " does not compile"));
    expect(named.sort()).toEqual(
      [
        `${claimedTyped} (breaking body, as its schema's type) compiles`,
        `${claimedTyped} (breaking body, through the client) compiles`,
        `${claimedUntyped} (breaking body, as its schema's type) does not compile`,
        `${claimedUntyped} (breaking body, through the client) does not compile`,
      ].sort(),
    );
  });
});
