/**
 * Reading the Prism mock's `sl-violations` header: what the mock found wrong with a request (or
 * with its own answer), so a failed call against the mock says which field broke which rule.
 *
 * The header is a JSON array of `{location, severity, code, message}`, location starting with
 * "request" or "response" (`["request", "body", "volume", "size"]`). Prism cuts it at 8 KB and
 * prefixes "Too many violations! ". For a body that is a `oneOf` of forms (IMS create-image) it
 * lists the violations of every form in one flat list; `generated/request-forms.ts`, summed up
 * from the description, says what each form names, requires and checks, so the form the body
 * meant can be told and its violations put first.
 *
 * Prism's messages are made from the schema and the location, never from a value sent, so no
 * credential can come through here; everything read is cut to a bounded length and one line.
 */
import type { BodyShape, OneOfBody } from "../generated/request-forms.js";

/** One thing the mock found wrong, from its `sl-violations` header. */
export interface MockViolation {
  /** `request`: what was sent; `response`: the mock's own answer breaks the description. */
  of: "request" | "response";
  /**
   * Where, as a path: `body.volume.size`, `body` (the body as a whole), `body.data_images.0`,
   * `query.limit`, `header.x-project-id`; empty for the request as a whole (no body, no credentials).
   */
  location: string;
  /** The JSON Schema keyword that failed (`minimum`, `required`, `enum`, `unevaluatedProperties`, ...), or Prism's own code (`401`). */
  keyword: string;
  /** The rule broken, e.g. `must be >= 1`, `must have required property 'volume_id'`. */
  message: string;
}

/** What an answer's `sl-violations` header says, read against the request body's forms when it has some. */
export interface ViolationReport {
  /** Every violation; for a oneOf body, those of the form it meant first. */
  violations: MockViolation[];
  /** The form of a oneOf body its violations were read against, e.g. `ImageFromObsFile`. */
  form: string | undefined;
  /** One line for an error message: what is wrong, the first few violations; empty without a header. */
  summary: string;
}

// Bounds on what a header (from a mock, or anything posing as one) can put into an error.
const MAX_HEADER = 64 * 1024;
const MAX_VIOLATIONS = 500;
const MAX_TEXT = 200;
const MAX_SUMMARY = 700;
const SHOWN = 3;
const TRUNCATED_PREFIX = "Too many violations! ";

/** A violation with its location as segments, as the forms are walked. */
type Entry = MockViolation & { segments: string[] };

/**
 * Reads an `sl-violations` header; `forms`: the request body's forms, when it is a oneOf.
 * Without a header (every answer of the real service), no violations and an empty summary.
 */
export function readViolations(header: string | null | undefined, forms?: OneOfBody): ViolationReport {
  if (header === null || header === undefined || header.trim() === "") return { violations: [], form: undefined, summary: "" };
  const { entries, cut, readable } = parseHeader(header);
  if (!readable) return { violations: [], form: undefined, summary: "rejected by the mock (its sl-violations header is not readable)" };

  const request = entries.filter((entry) => entry.of === "request");
  const response = entries.filter((entry) => entry.of === "response");
  const reading = forms ? chooseForm(request, forms) : undefined;
  const chosen = typeof reading === "object" && reading.entries.length ? reading : undefined;
  const first = chosen?.entries ?? [];
  const ordered = [...first, ...entries.filter((entry) => !first.includes(entry))];

  // What the summary lists: the meant form's violations (with what is wrong outside the body),
  // a word on the forms when the body picks none, or simply the request's violations.
  const outsideBody = request.filter((entry) => entry.segments[0] !== "body");
  let lines: string[] = [];
  const stated = new Set<string>();
  let lead = "rejected by the mock";
  if (chosen) {
    lead += `, read as ${chosen.name} (the form with ${chosen.fields.join(" and ")})`;
    lines = unique([...first, ...outsideBody].map(line));
  } else if (forms && reading === "none") {
    lines = [noFormCarried(forms), ...unique(outsideBody.map(line))];
    // The oneOf violation is what that line says.
    for (const entry of request.filter(isBodyLevelOneOf)) stated.add(line(entry));
  } else {
    lines = unique(request.map(line));
  }
  const responseLines = unique(response.map(line));
  const parts = [
    ...(lines.length ? [`${lead}: ${lines.slice(0, SHOWN).join("; ")}`] : []),
    ...(responseLines.length ? [`the mock's answer breaks the description: ${responseLines.slice(0, SHOWN).join("; ")}`] : []),
  ];
  const listed = new Set([...lines.slice(0, SHOWN), ...responseLines.slice(0, SHOWN), ...stated]);
  const rest = entries.filter((entry) => !listed.has(line(entry))).length;
  let summary = parts.join("; ");
  if (rest > 0) summary += `; ${rest} more in .violations`;
  if (cut) summary += " (Prism cut its list short)";
  return {
    violations: ordered.map(({ segments: _segments, ...violation }) => violation),
    form: chosen?.name,
    summary: clip(summary, MAX_SUMMARY),
  };
}

/** The entries of the header; `cut` when Prism (or the bound here) cut it, `readable` false when no entry could be read. */
function parseHeader(header: string): { entries: Entry[]; cut: boolean; readable: boolean } {
  let text = header.length > MAX_HEADER ? header.slice(0, MAX_HEADER) : header;
  let cut = text.length < header.length;
  if (text.startsWith(TRUNCATED_PREFIX)) {
    text = text.slice(TRUNCATED_PREFIX.length);
    cut = true;
  }
  let parsed = tryParse(text);
  if (parsed === undefined && text.trimStart().startsWith("[")) {
    // A cut list: keep the entries before the cut (each is a flat object, so "},{" ends one).
    cut = true;
    let end = text.lastIndexOf("},{");
    for (let tries = 0; end > 0 && parsed === undefined && tries < 50; tries++) {
      parsed = tryParse(`${text.slice(0, end + 1)}]`);
      end = text.lastIndexOf("},{", end - 1);
    }
  }
  if (!Array.isArray(parsed)) return { entries: [], cut, readable: false };
  const read = parsed.slice(0, MAX_VIOLATIONS).map(entryOf);
  if (parsed.length > MAX_VIOLATIONS) cut = true;
  const entries = read.filter((item): item is Entry => typeof item === "object");
  return { entries, cut, readable: parsed.length === 0 || read.some((item) => item !== undefined) };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One entry as a violation; "warning" for one that refused nothing; undefined when it is not what Prism writes. */
function entryOf(item: unknown): Entry | "warning" | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const { location, code, message, severity } = item as Record<string, unknown>;
  if (!Array.isArray(location) || !location.every((part) => typeof part === "string" || typeof part === "number")) return undefined;
  if (typeof message !== "string") return undefined;
  // A warning (a deprecated parameter) did not make the mock refuse anything.
  if (severity !== undefined && severity !== "Error") return "warning";
  const [side, ...rest] = location.map((part) => oneLine(String(part)));
  const of = side === "response" ? "response" : "request";
  const segments = side === "request" || side === "response" ? rest : [side ?? "", ...rest].filter((part) => part !== "");
  return {
    of,
    location: clip(segments.join("."), MAX_TEXT),
    keyword: clip(oneLine(typeof code === "string" || typeof code === "number" ? String(code) : ""), MAX_TEXT),
    message: clip(ruleOf(oneLine(message), of, segments), MAX_TEXT),
    segments,
  };
}

/**
 * The rule part of Prism's message: it writes "Request body property volume.size must be >= 1",
 * "Request body must have ...", "Request query parameter limit must be ..."; the location is
 * kept apart, so only "must be >= 1" is left. A message of another form is kept whole.
 */
function ruleOf(message: string, of: MockViolation["of"], segments: string[]): string {
  const [part, ...path] = segments;
  if (part === undefined) return message;
  const lead =
    `${of === "request" ? "Request" : "Response"} ${part} ` +
    (path.length ? `${part === "body" ? "property" : "parameter"} ${path.join(".")} ` : "");
  return message.startsWith(lead) && message.length > lead.length ? message.slice(lead.length) : message;
}

const line = (entry: Entry) => (entry.location ? `${entry.location} ${entry.message}` : entry.message);
const unique = (lines: string[]) => [...new Set(lines)];
const isBodyLevelOneOf = (entry: Entry) => entry.keyword === "oneOf" && entry.segments.length === 1 && entry.segments[0] === "body";

/**
 * The form a body meant, and the violations that are that form's; "none" when the body carries
 * no form's own field; undefined when the body did not fail its oneOf. Each form has fields no
 * other form requires (its distinguishing fields: `instance_id`; `image_url` and `min_disk`); a
 * missing one shows as a "required" violation at the body. The body meant the form with the
 * largest share of its distinguishing fields present; on a tie, the one fewer violations fit,
 * then the first.
 */
function chooseForm(entries: Entry[], body: OneOfBody): { name: string; fields: string[]; entries: Entry[] } | "none" | undefined {
  if (!entries.some(isBodyLevelOneOf)) return undefined;
  const atBody = entries.filter((entry) => entry.segments.length === 1 && entry.segments[0] === "body");
  const missing = new Set(atBody.filter((entry) => entry.keyword === "required").map((entry) => quotedName(entry.message)));
  let best: { name: string; fields: string[]; entries: Entry[]; share: number; count: number } | undefined;
  for (const [index, form] of body.forms.entries()) {
    const own = distinguishing(body, index);
    const present = own.filter((name) => !missing.has(name));
    if (present.length === 0) continue;
    const share = present.length / own.length;
    const fitting = entries.filter((entry, at) => entry.segments[0] === "body" && fits(form.shape, entries, at));
    const count = unique(fitting.map(line)).length;
    if (!best || share > best.share || (share === best.share && count < best.count)) {
      best = { name: form.name, fields: present, entries: fitting, share, count };
    }
  }
  return best ? { name: best.name, fields: best.fields, entries: best.entries } : "none";
}

/**
 * Whether a form could have reported `entries[index]`: its location is in the form, with that
 * rule there. A field the form requires only under a condition counts when the condition's own
 * violation (`must match "then" schema`) follows it, as Ajv reports them.
 */
function fits(shape: BodyShape, entries: Entry[], index: number): boolean {
  const entry = entries[index]!;
  let at: BodyShape | undefined = shape;
  for (const segment of entry.segments.slice(1)) {
    at = at.properties?.[segment] ?? (/^\d+$/.test(segment) ? at.items : undefined) ?? at.values;
    if (at === undefined) return false;
  }
  if (!(at.keywords ?? []).includes(entry.keyword)) return false;
  const name = quotedName(entry.message);
  switch (entry.keyword) {
    case "required": {
      if (name === undefined || at.required?.includes(name)) return true;
      const after = at.conditional?.[name];
      if (after === undefined) return false;
      if (after.includes("")) return true;
      const here = entry.location;
      let next = index + 1;
      while (entries[next]?.location === here && entries[next]?.keyword === "required") next++;
      return entries[next]?.location === here && after.includes(entries[next]!.keyword);
    }
    case "unevaluatedProperties":
    case "additionalProperties":
      return name === undefined || at.properties?.[name] === undefined;
    case "enum":
      // Prism ends the message with the allowed values; forms may allow different ones.
      return at.allowed === undefined || at.allowed.some((values) => entry.message.endsWith(`: ${values}`));
    default:
      return true;
  }
}

/** Why a oneOf body matched no form, when it carries no form's distinguishing field. */
function noFormCarried(body: OneOfBody): string {
  const forms = body.forms.map((form, index) => `${distinguishing(body, index).join(" and ") || "?"} for ${form.name}`);
  return `body must match exactly one schema in oneOf, and has none of the fields that pick a form of ${body.schema} (${forms.join(", ")})`;
}

/** The fields a form requires and no other form does (`instance_id`; `image_url` and `min_disk`). */
function distinguishing(body: OneOfBody, index: number): string[] {
  const others = new Set(body.forms.flatMap((other, at) => (at === index ? [] : (other.shape.required ?? []))));
  return (body.forms[index]?.shape.required ?? []).filter((name) => !others.has(name));
}

/** The property a "required" or "unevaluated/additional properties" message names: its last '…'. */
function quotedName(message: string): string | undefined {
  const names = [...message.matchAll(/'([^']*)'/g)];
  return names.at(-1)?.[1];
}

// Control characters (newlines included) would break the one-line message.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
