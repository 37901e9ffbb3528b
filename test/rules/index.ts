// Every operation's documented rules: the one list both rule tests walk
// (test/spec/rules.test.ts against the schemas, test/contract/rules.test.ts
// against Prism). An operation with a request body has an entry here and in
// `operations` (./types.ts), and a query or header parameter with a rule
// (anything beyond an optional string) has a ParameterRule;
// test/spec/rules.test.ts says when one is missing. The bodies widely used
// clients send (./client-bodies.ts) are walked by both tests too.
import {
  createVolumesRules,
  createVolumesV21Rules,
  evsParameterRules,
  exportVolumeToImageRules,
  exportVolumeToImageV2Rules,
} from "./evs.js";
import { createImageRules, imsParameterRules } from "./ims.js";
import type { OperationName, ParameterRule, Rule } from "./types.js";

export const rulesByOperation = {
  createVolumes: createVolumesRules,
  createVolumesV21: createVolumesV21Rules,
  exportVolumeToImage: exportVolumeToImageRules,
  exportVolumeToImageV2: exportVolumeToImageV2Rules,
  createImage: createImageRules,
} satisfies Record<OperationName, Rule[]>;

export const parameterRules: ParameterRule[] = [...evsParameterRules, ...imsParameterRules];

export { type ClientBody, clientBodies } from "./client-bodies.js";
export { type OperationName, operations, type ParameterRule, type Rule, type Violation } from "./types.js";

/**
 * A made-up query parameter and its rule, to show that the parameter checks
 * bite before any operation has such a parameter: `withMadeUpParameter` adds
 * `made_up_flag` (a boolean) to a copy of the EVS bundle's createVolumes.
 */
export const madeUpParameterRule: ParameterRule = {
  rule: "made_up_flag is a boolean (made up)",
  service: "evs",
  operationId: "createVolumes",
  in: "query",
  name: "made_up_flag",
  valid: "true",
  invalid: "maybe",
  keyword: "type",
};
export function withMadeUpParameter<T extends { paths: Record<string, Record<string, any>> }>(bundle: T): T {
  const copy = structuredClone(bundle);
  const post = copy.paths["/v3/{project_id}/cloudvolumes"]!.post;
  post.parameters = [
    ...(post.parameters ?? []),
    { name: "made_up_flag", in: "query", description: "Check only.", schema: { type: "boolean" }, example: true },
  ];
  return copy;
}
