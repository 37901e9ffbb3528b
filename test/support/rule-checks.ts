// The documented rules (test/rules/) as a TypeScript program: each rule's
// obeying and breaking body, and each body a widely used client sends
// (test/rules/client-bodies.ts, all of which must be accepted), one line each, given as a value of the body's
// schema type (`EvsSchema<"CreateVolumesRequest">`, …) and sent through the
// typed client. A breaking body is under `@ts-expect-error` unless
// test/types/rules-without-types.ts says the compiler cannot refuse it.
// test/types/rules.test.ts compiles it against src/, and
// test/client/package.test.ts against the packed package, so a rule is
// checked at compile time the moment it is data.
import { clientBodies, type OperationName, operations, type Rule, rulesByOperation } from "../rules/index.js";
import { rulesLostThroughTheClient, rulesWithoutTypes } from "../types/rules-without-types.js";
import { operation as operationOf, type Service } from "./openapi.js";

/** A rule's name in reports and in rules-without-types.ts: `<operation>: <rule>`. */
export const ruleLabel = (rule: Pick<Rule, "operation" | "rule">) => `${rule.operation}: ${rule.rule}`;

/** What the compiler must make of a rule's breaking body. */
export type Expectation = { typed: boolean; throughTheClient: boolean };

/** One body of one rule in the program: where it is, how it is given, and whether it must compile. */
export type CheckedLine = {
  line: number;
  label: string;
  body: "valid" | "invalid" | "client's";
  via: "type" | "client";
  compiles: boolean;
};

/** Every documented rule, with what rules-without-types.ts expects of it. */
export const documentedRules = (): Array<Rule & Expectation> =>
  Object.values(rulesByOperation)
    .flat()
    .map((rule) => {
      const typed = !(ruleLabel(rule) in rulesWithoutTypes);
      return { ...rule, typed, throughTheClient: typed && !(ruleLabel(rule) in rulesLostThroughTheClient) };
    });

const capitalized = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`;

/**
 * The program, importing from `importFrom` (a path to src/index.js, or the
 * package's name), and where each body is in it.
 */
export function ruleChecks(importFrom: string, rules: Array<Rule & Expectation> = documentedRules()) {
  const names = [...new Set([...rules, ...clientBodies].map((entry) => entry.operation))];
  const services = [...new Set(names.map((name) => operations[name].service as Service))];
  const lines = [
    "// Written by test/support/rule-checks.ts from test/rules/: each line holds one body of one rule.",
    `import { ${services.map((service) => `create${capitalized(service)}Client`).join(", ")} } from ${JSON.stringify(importFrom)};`,
    `import type { ${services.map((service) => `${capitalized(service)}Schema`).join(", ")} } from ${JSON.stringify(importFrom)};`,
    ...services.map((service) => `const ${service} = create${capitalized(service)}Client({ region: "cn-north-4", credentials: false });`),
    "/** A body as a value of its schema's type. */",
    "const typed = {",
    ...names.map(
      (name) => `  ${name}: (body: ${capitalized(operations[name].service)}Schema<${JSON.stringify(operations[name].schema)}>) => body,`,
    ),
    "};",
  ];
  const checked: CheckedLine[] = [];
  const add = (label: string, body: CheckedLine["body"], via: CheckedLine["via"], code: string, compiles: boolean) => {
    if (!compiles) lines.push(`// @ts-expect-error ${label}`);
    lines.push(code);
    checked.push({ line: lines.length, label, body, via, compiles });
  };
  for (const rule of rules) {
    const label = ruleLabel(rule);
    const send = callOf(rule.operation);
    lines.push(`// ${label}`);
    add(label, "valid", "type", `typed.${rule.operation}(${JSON.stringify(rule.valid)});`, true);
    add(label, "valid", "client", send(rule.valid), true);
    add(label, "invalid", "type", `typed.${rule.operation}(${JSON.stringify(rule.invalid)});`, !rule.typed);
    add(label, "invalid", "client", send(rule.invalid), !rule.throughTheClient);
  }
  for (const { client, operation, body } of clientBodies) {
    const label = `${operation}: ${client}`;
    lines.push(`// ${label}`);
    add(label, "client's", "type", `typed.${operation}(${JSON.stringify(body)});`, true);
    add(label, "client's", "client", callOf(operation)(body), true);
  }
  return { source: `${lines.join("\n")}\n`, checked };
}

/** `<service>.<METHOD>("<path template>", { params, body })` for an operation, as one line. */
function callOf(name: OperationName): (body: unknown) => string {
  const { service } = operations[name];
  const op = operationOf(service as Service, name);
  // Every path parameter but the project (the client fills that in) needs a value.
  const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!).filter((param) => param !== "project_id");
  const params = names.length ? `params: { path: ${JSON.stringify(Object.fromEntries(names.map((param) => [param, "id"])))} }, ` : "";
  return (body) => `${service}.${op.method}(${JSON.stringify(op.template)}, { ${params}body: ${JSON.stringify(body)} });`;
}
