// Preloaded into Prism (`node --require fresh-request-ids.cjs <prism-cli> ...`):
// every answer that carries X-Request-Id gets a new one, 32 hex digits like the
// service's, instead of the description's one example value. Prism 5.14 takes
// a header's value from its example in every mode, samples a header without one
// to the same constant in static mode, and makes up whole bodies in dynamic
// mode, so no setting gives fresh IDs with the pages' example bodies
// (spec/DECISIONS.md, D-RequestId). Prism sets each mocked header with
// setHeader; only that one header's value is replaced.
"use strict";
const { ServerResponse } = require("node:http");
const { randomBytes } = require("node:crypto");

const setHeader = ServerResponse.prototype.setHeader;
/** @this {import("node:http").ServerResponse} @param {string} name @param {number | string | readonly string[]} value */
ServerResponse.prototype.setHeader = function (name, value) {
  const fresh = typeof name === "string" && name.toLowerCase() === "x-request-id";
  return setHeader.call(this, name, fresh ? randomBytes(16).toString("hex") : value);
};
