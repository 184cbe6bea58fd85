// The string values of a text that is JSON: a tool's result is often an API's JSON, whose values hold the documents
// (a page, an e-mail, a table) that the structural checks read by their lines and their first sentence. Found by a
// linear lexer over the string literals (no parse of the whole text, which may be cut off or invalid).

import { isAlnum } from "./reader-address.ts";

/** A string value: its literal's span in the text (quotes included) and its decoded text. */
export interface JsonStringValue {
  start: number;
  end: number;
  text: string;
}

/** Keys whose value is an excerpt of the input a scanner or a moderation service flagged ('"match": "…"',
 * '"input_excerpt": "…"'): the value is a quotation of that input. Also read by mention.ts, which takes such a key for an
 * introducer. */
export const EXCERPT_KEYS: ReadonlySet<string> = new Set(["match", "matched", "matched_text", "match_text", "excerpt", "input_excerpt", "flagged_text", "offending_text", "evidence", "matched_span", "span_text", "trigger_text", "detected_text"]);
const EXCERPT_KEY_MAX = 16;

const isBlank = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Where a text that opens as JSON starts ('{' or '[' after blanks, and JSON going on after it: an object with a key, an
 * array with a value; "[Notion › Support Ops] …" is a title), or -1. */
function jsonStart(text: string): number {
  const n = text.length;
  let i = 0;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i);
  if (first !== 0x7b && first !== 0x5b) return -1;
  let k = i + 1;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  const second = text.charCodeAt(k);
  const opensValue = second === 0x22 || second === 0x7b || second === 0x5b || second === 0x5d || second === 0x2d || (second >= 0x30 && second <= 0x39) || second === 0x74 || second === 0x66 || second === 0x6e;
  return (first === 0x7b ? second === 0x22 || second === 0x7d : opensValue) ? i : -1;
}

/**
 * A JSON text as the prose it holds, at the same offsets: the quotation marks around its string values read as blanks, an
 * escaped one (\\") as a quotation mark (after a blank where it opens, before one where it closes), so that a write-up's
 * quoted example inside a value is a quotation again. Keys keep theirs ('"snippet": …' stays a JSON property), and so do the
 * values of keys that name an excerpt of flagged input (EXCERPT_KEYS: a scanner's '"match": "ignore all previous …"' quotes
 * what it matched). The text itself when it does not open as JSON.
 */
export function jsonAsProse(text: string): string {
  const n = text.length;
  if (jsonStart(text) < 0 || text.indexOf('"') < 0) return text;
  const units = text.split("");
  let open = -1;
  // (the string just closed was a key in EXCERPT_KEYS: its value keeps its marks)
  let excerptValue = false;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
    let b = at;
    while (b > 0 && text.charCodeAt(b - 1) === 0x5c) b--;
    if (((at - b) & 1) === 1) {
      // an escaped quotation mark, inside a string
      if (at + 1 < n && isAlnum(text.charCodeAt(at + 1))) units[at - 1] = " ";
      else {
        units[at - 1] = '"';
        units[at] = " ";
      }
    } else if (open < 0) open = at;
    else {
      let k = at + 1;
      while (k < n && isBlank(text.charCodeAt(k))) k++;
      // (a value's marks are blanks, but an excerpt's; a key's stay)
      const isKey = k < n && text.charCodeAt(k) === 0x3a;
      if (!isKey && !excerptValue) units[open] = units[at] = " ";
      excerptValue = isKey && at - open - 1 <= EXCERPT_KEY_MAX && EXCERPT_KEYS.has(text.slice(open + 1, at).toLowerCase());
      open = -1;
    }
  }
  return units.join("");
}

/**
 * The string values (not the keys) of `text` when it opens as JSON ('{' or '[' after blanks) that hold at least
 * `minLines` line breaks once decoded, or whose literal is at least `minLength` units long, at most `max` of them, in
 * order; [] when it does not open as JSON. A literal that does not end on its line, or does not decode, ends the search.
 */
export function jsonStringValues(text: string, minLines: number, max: number, minLength = Infinity): JsonStringValue[] {
  const n = text.length;
  let i = jsonStart(text);
  if (i < 0) return [];
  const out: JsonStringValue[] = [];
  while (i < n && out.length < max) {
    if (text.charCodeAt(i) !== 0x22) {
      i++;
      continue;
    }
    // the literal runs to the next quote that no backslash escapes; a raw line break is no JSON
    let j = i + 1;
    let breaks = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) {
        if (j + 1 < n && text.charCodeAt(j + 1) === 0x6e) breaks++;
        j += 2;
        continue;
      }
      if (c === 0x22 || c === 0x0a) break;
      j++;
    }
    if (j >= n || text.charCodeAt(j) !== 0x22) break;
    let k = j + 1;
    while (k < n && isBlank(text.charCodeAt(k))) k++;
    const key = k < n && text.charCodeAt(k) === 0x3a;
    if (!key && (breaks >= minLines || j + 1 - i >= minLength)) {
      let decoded: unknown;
      try {
        decoded = JSON.parse(text.slice(i, j + 1));
      } catch {
        break;
      }
      if (typeof decoded === "string") out.push({ start: i, end: j + 1, text: decoded });
    }
    i = j + 1;
  }
  return out;
}
