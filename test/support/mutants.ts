// Page examples broken by one documented rule each: what a user who started
// from an example of the pages and made one mistake sends. A rule's mistake
// is what turns its obeying body into its breaking one (a JSON merge patch:
// the fields it adds or changes, and the ones it drops); put onto a request
// example of the same operation, it makes a mutant when the validator then
// finds that rule's violation in the example. A patch that leaves an example
// valid, or breaks it some other way, makes no mutant of it.
import { type OperationName, operations, type Rule, rulesByOperation } from "../rules/index.js";
import { createValidator, errorIs, operation, type Service } from "./openapi.js";

export type Mutant = { example: string; rule: Rule; body: unknown };

const dropped = Symbol("dropped");

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** What turns `from` into `to`: changed values, and `dropped` for the fields `to` leaves out; undefined when equal. */
function patchFrom(from: unknown, to: unknown): unknown {
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  if (!isObject(from) || !isObject(to)) return to;
  const patch: Record<string | symbol, unknown> = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const change = key in to ? patchFrom(from[key], to[key]) : dropped;
    if (change !== undefined) patch[key] = change;
  }
  return patch;
}

function applyPatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(target)) return patch;
  const result: Record<string, unknown> = { ...target };
  for (const [key, change] of Object.entries(patch)) {
    if (change === dropped) delete result[key];
    else result[key] = applyPatch(target[key], change);
  }
  return result;
}

/** Every request example of `name` broken by one of its rules (see above). */
export function pageExampleMutants(name: OperationName): Mutant[] {
  const { service, schema } = operations[name];
  const validator = createValidator(service as Service);
  return operation(service as Service, name).requestExamples.flatMap((example) =>
    rulesByOperation[name].flatMap((rule) => {
      const body = applyPatch(example.value, patchFrom(rule.valid, rule.invalid));
      return validator.errors(schema, body).some((error) => errorIs(error, rule.violation)) ? [{ example: example.name, rule, body }] : [];
    }),
  );
}
