// The README's code blocks that tests run as written: each is a ```ts block
// right under a `<!-- run: <name> -->` line (test/client/readme.test.ts runs
// the client's workflow, test/client/package.test.ts the contract-testing
// example in a consumer's project).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./openapi.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

/** The code of the README block marked `<!-- run: name -->`. */
export function readmeBlock(name: string): string {
  const found = new RegExp(`<!-- run: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!found) throw new Error(`README.md has no \`\`\`ts block marked <!-- run: ${name} -->`);
  return found[1]!;
}
