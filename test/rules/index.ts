// Every operation's documented rules: the one list both rule tests walk
// (test/spec/rules.test.ts against the schemas, test/contract/rules.test.ts
// against Prism). An operation with a request body has an entry here and in
// `operations` (./types.ts); test/spec/rules.test.ts says when one is missing.
import { createVolumesRules, exportVolumeToImageRules } from "./evs.js";
import { createImageRules } from "./ims.js";
import type { OperationName, Rule } from "./types.js";

export const rulesByOperation = {
  createVolumes: createVolumesRules,
  exportVolumeToImage: exportVolumeToImageRules,
  createImage: createImageRules,
} satisfies Record<OperationName, Rule[]>;

export { operations, type OperationName, type Rule, type Violation } from "./types.js";
