#!/usr/bin/env node
// `npm run lint`: Redocly lints both root documents (the `apis` of
// redocly.yaml) with the rules there; zero problems is the bar.
import { runRedocly } from "./lib/redocly.mjs";

try {
  await runRedocly(["lint"], { show: true });
} catch (error) {
  console.error(`lint: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
