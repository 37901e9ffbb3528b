#!/usr/bin/env node
// Runs before `npm test`: the docs browser test drives Debian's Chromium
// (browsers are never downloaded). When it is missing and this is a Debian
// machine where we are root, install it; otherwise say how, and let the
// browser test fail with the same instruction.
import { execFileSync, spawnSync } from "node:child_process";

const found = (/** @type {string} */ command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

if (process.env.CHROMIUM_PATH || found("chromium")) process.exit(0);

const packages = ["chromium", "fonts-wqy-microhei"]; // the font makes Chinese screenshots legible
if (process.getuid?.() === 0 && found("apt-get")) {
  console.log(`Chromium is missing; installing Debian's ${packages.join(" and ")} for the docs browser test.`);
  try {
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", ...packages], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch (error) {
    // Never stop `npm test` here: lint and every other test still run.
    const reason = /** @type {{ status?: number | null, message?: string }} */ (error);
    const why = typeof reason.status === "number" ? `apt-get exited with ${reason.status}` : String(reason.message ?? error);
    console.warn(`could not install chromium: ${why}; the docs browser test will fail (the other tests run anyway).`);
  }
} else {
  console.warn(
    `Chromium is missing, and the docs browser test needs it: run \`sudo apt-get install -y ${packages.join(" ")}\`` +
      " (or set CHROMIUM_PATH to a Chromium binary). The other tests run anyway.",
  );
}
