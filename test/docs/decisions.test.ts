// The decisions record in the docs (scripts/lib/decisions.mjs): every entry a
// description cites exists, in both languages; on the pages every citation is
// a link to an anchor the record's page has; and the record renders with one
// anchor per entry, refusing Markdown it cannot render.
import { describe, expect, it } from "vitest";
import { citedDecisions, decisionIds, linkDecisions, readDecisions, renderDecisions, withDecisionLinks } from "../../scripts/lib/decisions.mjs";
import { applyTranslation, loadTranslation, proseFields, services } from "../../scripts/lib/i18n.mjs";
import { loadBundle } from "../support/openapi.js";

const record = readDecisions();
const entries = decisionIds(record);
const page = renderDecisions(record);
const anchors = new Set(page.headings.map((heading) => heading.id));

const documents = services.flatMap((service) => [
  { name: `${service} (en)`, doc: loadBundle(service) },
  { name: `${service} (zh-CN)`, doc: applyTranslation(loadBundle(service), loadTranslation(service, "zh-CN")) },
]);

describe("the record", () => {
  it("has its entries, each under its own name", () => {
    expect(entries.length).toBeGreaterThan(40);
    expect(new Set(entries).size).toBe(entries.length);
    for (const id of entries) expect(anchors, id).toContain(id);
  });

  it("cites only entries it has", () => {
    expect(citedDecisions(record).filter((id) => !entries.includes(id))).toEqual([]);
  });

  it("renders Markdown it does not know as an error naming the line, not as wrong HTML", () => {
    expect(() => renderDecisions("# Decisions\n\n| a | b |\n|---|---|\n")).toThrow(/DECISIONS\.md:3: a table is not supported/);
    expect(() => renderDecisions("# Decisions\n\n### D-A — one\n\n### D-A — again\n")).toThrow(/two headings have the anchor #D-A/);
  });

  it("renders lists, code spans and emphasis", () => {
    const { html } = renderDecisions("### D-Example — a `field`\n- **Decision:** `x` <y>, see D-Other;\n  continued.\n");
    expect(html).toContain('<h3 id="D-Example">D-Example — a <code>field</code>');
    expect(html).toContain('<li><strong>Decision:</strong> <code>x</code> &#60;y&#62;, see <a href="#D-Other">D-Other</a>; continued.</li>');
  });
});

describe.each(documents)("$name", ({ doc }) => {
  const prose = [...proseFields(doc)];

  it("cites only decisions the record has", () => {
    const missing = prose.flatMap(([pointer, text]) => citedDecisions(text).filter((id) => !entries.includes(id)).map((id) => `${pointer}: ${id}`));
    expect(missing).toEqual([]);
  });

  it("cites decisions only in descriptions, where they can be links", () => {
    expect(prose.filter(([pointer, text]) => !pointer.endsWith("/description") && citedDecisions(text).length > 0).map(([pointer]) => pointer)).toEqual([]);
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
