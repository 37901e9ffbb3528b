// The decisions record in the docs (scripts/lib/decisions.mjs): on the pages,
// in both languages, every citation is a link to an anchor the record's page
// has; and the record renders with one anchor per entry, refusing Markdown it
// cannot render. (That every cited entry exists: test/spec/decisions.test.ts.)
import { describe, expect, it } from "vitest";
import {
  citedDecisions,
  decisionIds,
  linkDecisions,
  readDecisions,
  renderDecisions,
  withDecisionLinks,
} from "../../scripts/lib/decisions.mjs";
import { applyTranslation, loadTranslation, proseFields } from "../../scripts/lib/i18n.mjs";
import { loadBundle, services } from "../support/openapi.js";

const record = readDecisions();
const entries = decisionIds(record);
const page = renderDecisions(record);
const anchors = new Set(page.headings.map((heading) => heading.id));

const documents = services.flatMap((service) => [
  { name: `${service} (en)`, doc: loadBundle(service) },
  { name: `${service} (zh-CN)`, doc: applyTranslation(loadBundle(service), loadTranslation(service, "zh-CN")) },
]);

describe("the record", () => {
  it("has an anchor per entry, named after it", () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const id of entries) expect(anchors, id).toContain(id);
  });

  it("renders Markdown it does not know as an error naming the line, not as wrong HTML", () => {
    expect(() => renderDecisions("# Decisions\n\n| a | b |\n|---|---|\n")).toThrow(/DECISIONS\.md:3: a table is not supported/);
    expect(() => renderDecisions("# Decisions\n\n### D-SizeRange — one\n\n### D-SizeRange — again\n")).toThrow(
      /two headings have the anchor #D-SizeRange/,
    );
  });

  it("renders lists, code spans and emphasis", () => {
    const { html } = renderDecisions("### D-SizeRange — a `field`\n- **Decision:** `x` <y>, see D-NameBytes;\n  continued.\n");
    expect(html).toContain('<h3 id="D-SizeRange">D-SizeRange — a <code>field</code>');
    expect(html).toContain(
      '<li><strong>Decision:</strong> <code>x</code> &#60;y&#62;, see <a href="#D-NameBytes">D-NameBytes</a>; continued.</li>',
    );
  });
});

describe.each(documents)("$name", ({ doc }) => {
  const prose = [...proseFields(doc)];

  it("cites decisions only in descriptions, where they can be links", () => {
    expect(
      prose.filter(([pointer, text]) => !pointer.endsWith("/description") && citedDecisions(text).length > 0).map(([pointer]) => pointer),
    ).toEqual([]);
  });

  it("on the page, links every citation to an anchor of the record's page", () => {
    const target = "../../decisions/xx/index.html";
    const linked = [...proseFields(withDecisionLinks(doc, target))];
    let links = 0;
    for (const [pointer, text] of linked) {
      for (const [, href] of text.matchAll(/\]\(([^)]*)\)/g)) {
        links++;
        expect(href!.startsWith(target), `${pointer}: ${href}`).toBe(true);
        const hash = href!.slice(target.length);
        if (hash) expect(anchors, `${pointer}: ${href}`).toContain(hash.replace(/^#/, ""));
      }
      // No citation left as plain text: each is the label of a link.
      const unlinked = text.replace(/\[[^\]]*\]\([^)]*\)/g, "").match(/\bD-[A-Z][A-Za-z0-9]*\b/g);
      expect(unlinked, pointer).toBeNull();
    }
    expect(links).toBeGreaterThan(0);
  });
});

it("links a code span naming the record, and each citation", () => {
  expect(linkDecisions("see `spec/DECISIONS.md`, D-SizeRange and D-NameBytes", "p.html")).toBe(
    "see [`spec/DECISIONS.md`](p.html), [D-SizeRange](p.html#D-SizeRange) and [D-NameBytes](p.html#D-NameBytes)",
  );
});
