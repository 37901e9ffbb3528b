#!/usr/bin/env node
// Checks the docs translations against the English bundles, and helps
// update them.
//
//   node scripts/i18n.mjs            list what is missing, stale or wrong
//   node scripts/i18n.mjs --update   also add an entry, with an empty
//                                    translation, for every missing pointer
//
// A stale entry (its English changed since it was translated) is listed with
// the old and the new English; edit its `en` and its translation by hand.
//
// Run `npm run bundle` first: the pointers are into generated/*.openapi.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isMap, parseDocument } from "yaml";
import { checkTranslation, languages, loadTranslation, proseFields, translationKey, translationPath } from "./lib/i18n.mjs";
import { bundlePath } from "./lib/paths.mjs";
import { services } from "./lib/services.mjs";

const update = process.argv.includes("--update");
let failed = false;

for (const lang of languages) {
  const key = translationKey[lang];
  for (const service of services) {
    const file = translationPath(service, lang);
    const doc = JSON.parse(readFileSync(bundlePath(service), "utf8"));
    if (update && !existsSync(file))
      writeFileSync(
        file,
        `# ${lang} translation of the prose of generated/${service}.openapi.json.\n# How it works and how to update it: scripts/lib/i18n.mjs.\n`,
      );
    const problems = checkTranslation(doc, loadTranslation(service, lang));

    if (update && problems.missing.length) {
      const yaml = parseDocument(readFileSync(file, "utf8"));
      if (yaml.contents === null) yaml.contents = /** @type {any} */ (yaml.createNode({}));
      if (!isMap(yaml.contents)) throw new Error(`${file}: not a mapping`);
      const prose = proseFields(doc);
      for (const [pointer, en] of prose) {
        const entry = yaml.get(pointer);
        if (entry === undefined) yaml.set(pointer, { en, [key]: "" });
      }
      // Keep the file in document order (a tag's display name after its
      // description); entries that name no prose go last, for a human to remove.
      const order = [...prose.keys()];
      const rank = (/** @type {string} */ pointer) => {
        const tag = /^(\/tags\/\d+)\/x-displayName$/.exec(pointer);
        const index = order.indexOf(tag ? `${tag[1]}/description` : pointer);
        return index === -1 ? Infinity : index + (tag ? 0.5 : 0);
      };
      /** @type {any[]} */ (yaml.contents.items).sort((a, b) => rank(String(a.key)) - rank(String(b.key)));
      writeFileSync(file, yaml.toString({ lineWidth: 0 }));
      console.log(`${file}: entries to translate now have \`${key}: ""\``);
    }

    for (const [kind, list] of Object.entries(problems)) {
      if (!list.length) continue;
      failed = true;
      console.log(`${lang}/${service}.yaml — ${kind} (${list.length}):\n  ${list.join("\n  ")}`);
    }
  }
}
if (failed) {
  console.log(update ? "\nFill in the empty translations, then run this again." : "\nRun with --update to add the missing entries.");
  process.exitCode = 1;
} else {
  console.log("every prose field has an up-to-date translation");
}
