// The services this repository describes: the one list every script and test
// walks. Each has a root document spec/<service>/openapi.yaml, a bundle
// generated/<service>.openapi.json (bundlePath in ./paths.mjs), generated types
// generated/<service>.ts, a mock, docs pages and a translation per language.
// Adding a service starts here.

export const services = /** @type {const} */ (["evs", "ims"]);

/** @typedef {(typeof services)[number]} Service */
