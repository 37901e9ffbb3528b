// How a consumer's project compiles code that uses the package: strict mode,
// ESM on Node, no @types/node (the package must not need them). Shared by the
// packed-package test and the code-samples test.
export const consumerCompilerOptions = {
  strict: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  types: [],
} as const;
