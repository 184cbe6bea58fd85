// Runs of base64, hex, URL-encoding or Morse code that decode to readable text (a common way to hide an
// instruction from a human reviewer). One pass per encoding; decoding is linear in the run.

import type { Span } from "./normalize.ts";

export interface DecodedRun extends Span {
  encoding: "base64" | "hex" | "url" | "morse";
  decoded: string;
  /** It decodes to one printable token, not to text ("AKIA…", "postgres://user:pass@…"): read for secrets and PII
   * only, so that redaction sees a key however it is encoded. */
  secretsOnly?: true;
}

const MIN_BASE64 = 24;
const MIN_HEX = 16;
const MAX_RUN = 1 << 20;

const isB64Char = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x2d || c === 0x5f;
export const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

const UTF8 = new TextDecoder("utf-8", { fatal: false });

/** Per ASCII unit: 1 base64 alphabet (incl. URL-safe - _), 2 also a hex digit, 4 upper-case letter, 8 lower-case letter. */
const CLS = new Uint8Array(0x10000); // every UTF-16 unit: no range check in the scanning loops
for (let c = 0; c < 128; c++) CLS[c] = (isB64Char(c) ? 1 : 0) | (isHex(c) ? 2 : 0) | (c >= 0x41 && c <= 0x5a ? 4 : 0) | (c >= 0x61 && c <= 0x7a ? 8 : 0);

/** Readable: mostly printable, has letters and spaces like natural language or shell text. */
export function looksLikeText(s: string): boolean {
  if (s.length < 8) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0xfffd) continue;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c >= 0xa0) printable++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0) letters++;
    if (c === 0x20) spaces++;
  }
  return printable / s.length >= 0.95 && letters / s.length >= 0.5 && spaces >= 2 && spaces / s.length <= 0.4;
}

/** One printable ASCII token or line: what an encoded key, token or connection string decodes to (random bytes
 * almost never do: each is printable with odds of 95 in 256). */
function looksLikeToken(s: string): boolean {
  if (s.length < 8) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** The run for `out`: read as text, or for secrets only, or not at all. */
function decodedRun(start: number, end: number, encoding: DecodedRun["encoding"], decoded: string): DecodedRun | null {
  if (looksLikeText(decoded)) return { start, end, encoding, decoded };
  if (encoding !== "morse" && looksLikeToken(decoded)) return { start, end, encoding, decoded, secretsOnly: true };
  return null;
}

function decodeBase64(run: string): string {
  return UTF8.decode(Buffer.from(run, run.includes("-") || run.includes("_") ? "base64url" : "base64"));
}

function decodeHex(run: string): string {
  return UTF8.decode(Buffer.from(run, "hex"));
}

function decodeUrl(run: string): string {
  const bytes: number[] = [];
  for (let k = 0; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (c === 0x25 && k + 2 < run.length && isHex(run.charCodeAt(k + 1)) && isHex(run.charCodeAt(k + 2))) {
      bytes.push(parseInt(run.slice(k + 1, k + 3), 16));
      k += 2;
    } else if (c === 0x2b) bytes.push(0x20);
    else if (c < 0x80) bytes.push(c);
    else for (const b of Buffer.from(run[k]!, "utf8")) bytes.push(b);
  }
  return UTF8.decode(Uint8Array.from(bytes));
}

/** International Morse code: letters and digits (what an instruction is written in). */
const MORSE = new Map<string, string>(
  Object.entries({
    a: ".-", b: "-...", c: "-.-.", d: "-..", e: ".", f: "..-.", g: "--.", h: "....", i: "..", j: ".---", k: "-.-", l: ".-..", m: "--",
    n: "-.", o: "---", p: ".--.", q: "--.-", r: ".-.", s: "...", t: "-", u: "..-", v: "...-", w: ".--", x: "-..-", y: "-.--", z: "--..",
    "0": "-----", "1": ".----", "2": "..---", "3": "...--", "4": "....-", "5": ".....", "6": "-....", "7": "--...", "8": "---..", "9": "----.",
    ".": ".-.-.-", ",": "--..--", "?": "..--..", "'": ".----.", "!": "-.-.--", ":": "---...", ";": "-.-.-.", "-": "-....-",
    "/": "-..-.", "(": "-.--.", ")": "-.--.-", '"': ".-..-.", "=": "-...-", "+": ".-.-.", "@": ".--.-.", "&": ".-...", _: "..--.-",
  }).map(([ch, code]) => [code, ch]),
);
/** Letters a Morse run needs before it is worth decoding (shorter runs are dashes and ellipses in prose). */
const MIN_MORSE_LETTERS = 8;
const MAX_MORSE_RUN = 1 << 14;
/** Dots ('.', '·', '•'), dashes ('-', '–', '−'), and the gaps between them (a space, a tab or a no-break
 * space within a word; '/' or a line break between words). */
const isMorseDot = (c: number): boolean => c === 0x2e || c === 0xb7 || c === 0x2022;
const isMorseDash = (c: number): boolean => c === 0x2d || c === 0x2013 || c === 0x2212;
const isMorseUnit = (c: number): boolean => isMorseDot(c) || isMorseDash(c) || c === 0x20 || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;

/** Decodes a run of Morse: letters apart by one space, words by two or more or by '/'; null when more than
 * one group in ten is no character (dashes and dots that only look like Morse). */
function decodeMorse(run: string): { text: string; letters: number } | null {
  let out = "";
  let letters = 0;
  let unknown = 0;
  let group = "";
  let gap = 0;
  for (let k = 0; k <= run.length; k++) {
    const c = k < run.length ? run.charCodeAt(k) : 0x20;
    if (isMorseDot(c) || isMorseDash(c)) {
      if (group === "" && gap > 0 && out !== "") out += gap > 1 ? " " : "";
      // (no character is longer than seven symbols: a longer group is no Morse, and the cap keeps
      // a run of a million dots from building a million-unit key)
      if (group.length < 8) group += isMorseDash(c) ? "-" : ".";
      gap = 0;
      continue;
    }
    if (group !== "") {
      const ch = MORSE.get(group);
      if (ch === undefined) unknown++;
      else {
        out += ch;
        letters++;
      }
      group = "";
    }
    gap += c === 0x2f || c === 0x0a ? 2 : c === 0x0d ? 0 : 1;
  }
  return unknown * 10 > letters + unknown ? null : { text: out, letters };
}

/** Encoded runs of `text` that decode to readable text. */
export function findEncodedRuns(
  text: string,
  counter?: { steps: number },
  look: { runs: boolean; pct: boolean; hex: boolean; morse?: boolean; regions?: readonly number[] | null } = { runs: true, pct: true, hex: true, morse: true },
): DecodedRun[] {
  const out: DecodedRun[] = [];
  const n = text.length;
  if (counter) counter.steps += 3 * n;
  // base64 / hex: maximal runs of the base64 alphabet (hex is a subset), looked for in the given
  // [start, end) regions of the text (every run long enough lies in one), or everywhere
  const regions = look.regions ?? [0, n];
  let i = 0;
  for (let r = 0; look.runs && r < regions.length; r += 2) {
    if (i < regions[r]!) i = regions[r]!;
    const regionEnd = Math.min(n, regions[r + 1]!);
    scanRuns(regionEnd);
  }
  function scanRuns(regionEnd: number): void {
  while (i < regionEnd) {
    if ((CLS[text.charCodeAt(i)]! & 1) === 0) {
      i++;
      continue;
    }
    let e = i;
    let all = 0xff;
    let any = 0;
    const lim = Math.min(n, i + MAX_RUN);
    while (e < lim) {
      const k = CLS[text.charCodeAt(e)]!;
      if ((k & 1) === 0) break;
      all &= k;
      any |= k;
      e++;
    }
    const len = e - i;
    // most runs are words: too short to decode, nothing more to check
    if (len < MIN_HEX) {
      i = e;
      continue;
    }
    const hexOnly = (all & 2) !== 0;
    let end = e;
    while (end < n && end - e < 2 && text.charCodeAt(end) === 0x3d) end++; // padding
    if (hexOnly && len >= MIN_HEX && len % 2 === 0) {
      const d = decodeHex(text.slice(i, e));
      const r = decodedRun(i, e, "hex", d);
      if (r) out.push(r);
    } else if (len >= MIN_BASE64) {
      // skip identifiers and words: base64 of text mixes cases and digits
      if ((any & 4) !== 0 && (any & 8) !== 0) {
        const d = decodeBase64(text.slice(i, end));
        const r = decodedRun(i, end, "base64", d);
        if (r) out.push(r);
      }
    }
    i = end > i ? end : i + 1;
  }
  }
  // \xNN sequences
  let x = look.hex ? text.indexOf("\\x") : -1;
  while (x >= 0) {
    let e = x;
    let hex = "";
    while (e + 3 < n + 1 && text.charCodeAt(e) === 0x5c && text.charCodeAt(e + 1) === 0x78 && isHex(text.charCodeAt(e + 2)) && isHex(text.charCodeAt(e + 3))) {
      hex += text.slice(e + 2, e + 4);
      e += 4;
    }
    if (hex.length >= MIN_HEX) {
      const d = decodeHex(hex);
      const r = decodedRun(x, e, "hex", d);
      if (r) out.push(r);
    }
    x = text.indexOf("\\x", Math.max(e, x + 2));
  }
  // URL-encoding: runs without whitespace that contain at least 3 %XX escapes
  let p = look.pct ? text.indexOf("%") : -1;
  while (p >= 0) {
    let s = p;
    while (s > 0 && p - s < 256) {
      const c = text.charCodeAt(s - 1);
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29) break;
      s--;
    }
    let e = p;
    let escapes = 0;
    while (e < n && e - p < MAX_RUN) {
      const c = text.charCodeAt(e);
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29) break;
      if (c === 0x25 && e + 2 < n && isHex(text.charCodeAt(e + 1)) && isHex(text.charCodeAt(e + 2))) escapes++;
      e++;
    }
    if (escapes >= 3) {
      const d = decodeUrl(text.slice(s, e));
      const r = decodedRun(s, e, "url", d);
      if (r) out.push(r);
    }
    p = text.indexOf("%", Math.max(e, p + 1));
  }
  // Morse: maximal runs of dots, dashes, spaces and slashes that hold enough letters
  for (let m = 0; look.morse === true && m < n; ) {
    const c = text.charCodeAt(m);
    if (!isMorseDot(c) && !isMorseDash(c)) {
      m++;
      continue;
    }
    let e = m;
    while (e < n && e - m < MAX_RUN && isMorseUnit(text.charCodeAt(e))) e++;
    while (e > m && !isMorseDot(text.charCodeAt(e - 1)) && !isMorseDash(text.charCodeAt(e - 1))) e--;
    // a run of that many letters is at least twice as long (a symbol and a space a letter); only the
    // run's first MAX_MORSE_RUN units are decoded (an instruction is short; a megabyte of dots is no text,
    // and decoding it whole would only make garbage)
    if (e - m >= 2 * MIN_MORSE_LETTERS) {
      const d = decodeMorse(text.slice(m, Math.min(e, m + MAX_MORSE_RUN)));
      if (d && d.letters >= MIN_MORSE_LETTERS && looksLikeText(d.text)) out.push({ start: m, end: e, encoding: "morse", decoded: d.text });
    }
    m = e > m ? e : m + 1;
  }
  return out;
}

/** A text with its escapes decoded, and where each decoded unit came from. */
export interface Unescaped {
  text: string;
  /** the escapes decoded, in order: where each one's units start in `text` and how many (1 or 2), and where the escape
   * lies in the original (no table with an entry per unit: 80 MB for a 10 MB text; findings are few) */
  count: number;
  at: Int32Array;
  units: Uint8Array;
  from: Int32Array;
  length: Int32Array;
  /** escapes of letters and digits ("\u0069gnore", "&#73;gnore"): encoders escape signs ("\u002B", "&#x2f;") and
   * non-ASCII, not letters; a letter written that way hides a word */
  hiddenAscii: Array<{ start: number; end: number }>;
}

/** The value of a hex digit (the caller checked it is one). */
export const hexValue = (c: number): number => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** HTML's named references that matter to reading a text (tags and spacing); the rest stay as they are. */
const NAMED: ReadonlyMap<string, number> = new Map([
  ["lt", 0x3c], ["gt", 0x3e], ["amp", 0x26], ["quot", 0x22], ["apos", 0x27], ["nbsp", 0x20], ["shy", 0xad], ["Tab", 0x09], ["NewLine", 0x0a],
]);

/** The escape at `at` (a backslash or an ampersand): its code point and length, or null. */
function escapeAt(text: string, at: number): { cp: number; length: number } | null {
  const n = text.length;
  if (text.charCodeAt(at) === 0x5c) {
    // "\uXXXX", when the backslash itself is not escaped (an odd run of backslashes)
    if (at + 5 >= n || text.charCodeAt(at + 1) !== 0x75) return null;
    let b = at;
    while (b > 0 && text.charCodeAt(b - 1) === 0x5c) b--;
    if (((at - b) & 1) !== 0) return null;
    let cp = 0;
    for (let k = at + 2; k < at + 6; k++) {
      const c = text.charCodeAt(k);
      if (!isHex(c)) return null;
      cp = (cp << 4) | hexValue(c);
    }
    return { cp, length: 6 };
  }
  // "&#73;", "&#x49;", "&#00073;", "&#73" (browsers read it without its semicolon), "&lt;"
  if (at + 2 >= n) return null;
  if (text.charCodeAt(at + 1) === 0x23) {
    const hex = (text.charCodeAt(at + 2) | 0x20) === 0x78;
    let k = hex ? at + 3 : at + 2;
    let cp = 0;
    const first = k;
    // (leading zeros are allowed; the value stops growing past the last code point)
    while (k < n && k - first < 16 && (hex ? isHex(text.charCodeAt(k)) : isDigit(text.charCodeAt(k)))) {
      cp = Math.min(0x110000, hex ? cp * 16 + hexValue(text.charCodeAt(k)) : cp * 10 + (text.charCodeAt(k) - 0x30));
      k++;
    }
    if (k === first || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    return { cp, length: (k < n && text.charCodeAt(k) === 0x3b ? k + 1 : k) - at };
  }
  for (let k = at + 1; k < n && k - at <= 8; k++) {
    if (text.charCodeAt(k) !== 0x3b) continue;
    const cp = NAMED.get(text.slice(at + 1, k));
    return cp === undefined ? null : { cp, length: k + 1 - at };
  }
  return null;
}

/**
 * Decodes JSON "\uXXXX" escapes (as a tool returns an API's raw body: Python's json.dumps writes every accented
 * letter and every Chinese character that way) and HTML character references ("&#73;gnore", "&lt;IMPORTANT&gt;"),
 * or returns null when the text has none. Linear in the text.
 */
export function unescapeText(text: string): Unescaped | null {
  let nextU = text.indexOf("\\u");
  let nextAmp = text.indexOf("&");
  if (nextU < 0 && nextAmp < 0) return null;
  const n = text.length;
  // (allocated at the first escape: many texts with a "\u" or a "&" hold none; an escape takes at least two units and
  // decodes to one or two, so the decoded text is never longer than the text)
  let out: Uint16Array | null = null;
  let wide = 0;
  const records = { count: 0, at: new Int32Array(0), units: new Uint8Array(0), from: new Int32Array(0), length: new Int32Array(0) };
  const hiddenAscii: Array<{ start: number; end: number }> = [];
  let o = 0;
  let from = 0;
  const copy = (to: number): void => {
    for (let k = from; k < to; k++) {
      const u = text.charCodeAt(k);
      wide |= u;
      out![o++] = u;
    }
  };
  while (nextU >= 0 || nextAmp >= 0) {
    const at = nextU < 0 ? nextAmp : nextAmp < 0 ? nextU : Math.min(nextU, nextAmp);
    const esc = escapeAt(text, at);
    let after = at + 1;
    if (esc) {
      out ??= new Uint16Array(n);
      copy(at);
      if (records.count === records.at.length) {
        const cap = Math.max(16, records.count * 2);
        const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
        records.at = grow(records.at, new Int32Array(cap));
        records.units = grow(records.units, new Uint8Array(cap));
        records.from = grow(records.from, new Int32Array(cap));
        records.length = grow(records.length, new Int32Array(cap));
      }
      const units = esc.cp > 0xffff ? 2 : 1;
      records.at[records.count] = o;
      records.units[records.count] = units;
      records.from[records.count] = at;
      records.length[records.count] = esc.length;
      records.count++;
      if (units === 2) {
        out[o++] = 0xd800 + ((esc.cp - 0x10000) >> 10);
        out[o++] = 0xdc00 + ((esc.cp - 0x10000) & 0x3ff);
        wide |= 0xd800;
      } else {
        out[o++] = esc.cp;
        wide |= esc.cp;
      }
      // a letter or digit written as an escape
      if ((esc.cp >= 0x30 && esc.cp <= 0x39) || ((esc.cp | 0x20) >= 0x61 && (esc.cp | 0x20) <= 0x7a)) {
        const last = hiddenAscii[hiddenAscii.length - 1];
        if (last && last.end === at) last.end = at + esc.length;
        else hiddenAscii.push({ start: at, end: at + esc.length });
      }
      from = at + esc.length;
      after = from;
    }
    if (nextU >= 0 && nextU < after) nextU = text.indexOf("\\u", after);
    if (nextAmp >= 0 && nextAmp < after) nextAmp = text.indexOf("&", after);
  }
  if (out === null) return null;
  copy(n);
  // (a text of Latin-1 units stays a one-byte string)
  const decoded = wide < 0x100 ? Buffer.from(out.subarray(0, o)).toString("latin1") : Buffer.from(out.buffer, out.byteOffset, o * 2).toString("utf16le");
  return { text: decoded, count: records.count, at: records.at, units: records.units, from: records.from, length: records.length, hiddenAscii };
}

/** How many of the first `count` entries of the ascending array `a` are at most `x` (binary search). */
export function countAtMost(a: Int32Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last escape whose decoded units start at or before `at` in the decoded text (-1: none). */
function escapeBefore(u: Unescaped, at: number): number {
  return countAtMost(u.at, u.count, at) - 1;
}

/** Where the unit at `at` of the decoded text starts in the original (`originalLength` past the decoded text's end). */
export function unescapedStart(u: Unescaped, at: number, originalLength: number): number {
  if (at >= u.text.length) return originalLength;
  const e = escapeBefore(u, at);
  if (e < 0) return at;
  if (at < u.at[e]! + u.units[e]!) return u.from[e]!;
  return at + (u.from[e]! + u.length[e]!) - (u.at[e]! + u.units[e]!);
}

/** Where the unit at `at` of the decoded text ends in the original. */
export function unescapedEnd(u: Unescaped, at: number): number {
  const e = escapeBefore(u, at);
  if (e >= 0 && at < u.at[e]! + u.units[e]!) return u.from[e]! + u.length[e]!;
  return unescapedStart(u, at, 0) + 1;
}

/** Does a unit of [a, b) of the decoded text come from an escape? */
export function unescapedHasEscape(u: Unescaped, a: number, b: number): boolean {
  if (b <= a) return false;
  // the last escape starting before b: it reaches into [a, b) when it ends after a
  const e = escapeBefore(u, b - 1);
  return e >= 0 && u.at[e]! + u.units[e]! > a;
}

const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

/** The text with markup that renders as nothing removed from inside words, and the removals. */
export interface Joined {
  text: string;
  /** [start, end) of each removal in the original text, as pairs: start, end, start, end, … (no object per cut: a
   * long text can hold a million) */
  cuts: Int32Array;
  /** where each removal lies in the joined text, and the units removed by it and all before it (per removal) */
  at: Int32Array;
  removed: Int32Array;
}

/**
 * Where the unit at offset `at` of a joined text came from in the original (the original's length past the end). Read
 * off the removals by binary search: no table with an entry per unit (80 MB for a 10 MB text), and findings are few.
 */
export function joinedToOriginal(jn: Joined, at: number, originalLength: number): number {
  if (at >= jn.text.length) return originalLength;
  // the removals at or before `at` in the joined text
  const k = countAtMost(jn.at, jn.at.length, at);
  return k > 0 ? at + jn.removed[k - 1]! : at;
}

/** Longest tag looked for (a tag longer than this is not the empty markup this is about). */
const MAX_TAG = 128;

/** End of the HTML tag or comment at i (just past its '>'), or -1. `commentEnd` keeps the next "-->" (linear). */
function markupEnd(text: string, i: number, commentEnd: { at: number }): number {
  if (text.startsWith("<!--", i)) {
    // (-1: not looked for yet; -2: no "-->" after here)
    if (commentEnd.at === -2) return -1;
    if (commentEnd.at < i + 4) {
      const at = text.indexOf("-->", i + 4);
      commentEnd.at = at < 0 ? -2 : at;
      if (at < 0) return -1;
    }
    return commentEnd.at + 3;
  }
  const c = text.charCodeAt(i + 1);
  if (!((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && c !== 0x2f) return -1;
  for (let k = i + 1, stop = Math.min(text.length, i + MAX_TAG); k < stop; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x3e) return k + 1;
    if (d === 0x3c || d === 0x0a) return -1;
  }
  return -1;
}

/** If the tag [open, openEnd) is an opening tag closed at once ("<b></b>", "<span class='x'></span>"), where its
 * closing tag ends; else -1. (Compares the names in place, case-insensitively: no strings made per tag.) */
function emptyElementEnd(text: string, open: number, openEnd: number): number {
  if (text.charCodeAt(open + 1) === 0x2f) return -1;
  let k = open + 1;
  while (k < openEnd && isWordUnit(text.charCodeAt(k))) k++;
  const len = k - open - 1;
  if (len === 0 || text.charCodeAt(openEnd) !== 0x3c || text.charCodeAt(openEnd + 1) !== 0x2f) return -1;
  const after = openEnd + 2 + len;
  if (after >= text.length || text.charCodeAt(after) !== 0x3e) return -1;
  for (let q = 0; q < len; q++) {
    const a = text.charCodeAt(open + 1 + q);
    const b = text.charCodeAt(openEnd + 2 + q);
    // (letters in either case; anything else exactly: "| 0x20" alone would take a control unit for a digit)
    if (a !== b && !((a | 0x20) === (b | 0x20) && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a)) return -1;
  }
  return after + 1;
}

/** Is [j, e) the tag <wbr> in any case, with one '/' anywhere inside it or none ("<wbr/>", "</wbr>")? */
function isWbr(text: string, j: number, e: number): boolean {
  const len = e - j;
  if (len !== 5 && len !== 6) return false;
  let letters = 0;
  const want = [0x77, 0x62, 0x72];
  for (let k = j + 1; k < e - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2f && len === 6) continue;
    if (letters >= 3 || (c | 0x20) !== want[letters]) return false;
    letters++;
  }
  return letters === 3;
}

/**
 * A word cut by markup that renders as nothing ("IM<!---->PORTANT", "Ig<b></b>nore", "Ig<wbr>nore", "be**fore**")
 * reads whole on the page and to a model, but not to a matcher: the text with such markup removed from inside words
 * (a run of HTML tags and comments, or of two or more asterisks, between two letters or digits), or null when it has
 * none. Linear in the text.
 */
const NO_CUTS = new Int32Array(0);

export function joinMarkedWords(text: string): Joined | null {
  const n = text.length;
  const commentEnd = { at: -1 };
  // (made at the first cut: most texts have none)
  let cuts = NO_CUTS;
  let nCuts = 0;
  // from one '<' or '*' to the next (two cursors, each only moving forward: linear)
  let lt = text.indexOf("<", 1);
  let star = text.indexOf("*", 1);
  for (let i = text.indexOf("<") < 0 && text.indexOf("**") < 0 ? n : 1; i < n; i++) {
    if (lt >= 0 && lt < i) lt = text.indexOf("<", i);
    if (star >= 0 && star < i) star = text.indexOf("*", i);
    const next = lt < 0 ? star : star < 0 ? lt : lt < star ? lt : star;
    if (next < 0) break;
    i = next;
    const c = text.charCodeAt(i);
    if (!isWordUnit(text.charCodeAt(i - 1))) continue;
    let j = i;
    if (c === 0x2a) {
      while (j < n && text.charCodeAt(j) === 0x2a) j++;
      if (j - i < 2) continue;
    } else {
      // only markup that leaves the structure as it was: comments, <wbr>, and an element opened and closed at once
      // ("<b></b>"); a closing tag alone ends the element before it ("Receipt</span><p>Thanks" is two blocks)
      while (j < n && text.charCodeAt(j) === 0x3c) {
        const e = markupEnd(text, j, commentEnd);
        if (e < 0) break;
        if (text.startsWith("<!--", j) || isWbr(text, j, e)) {
          j = e;
          continue;
        }
        const close = emptyElementEnd(text, j, e);
        if (close < 0) break;
        j = close;
      }
    }
    if (j > i && j < n && isWordUnit(text.charCodeAt(j))) {
      if (nCuts + 2 > cuts.length) {
        const grown = new Int32Array(Math.max(16, cuts.length * 2));
        grown.set(cuts);
        cuts = grown;
      }
      cuts[nCuts++] = i;
      cuts[nCuts++] = j;
    }
    if (j > i) i = j - 1;
  }
  if (nCuts === 0) return null;
  const at = new Int32Array(nCuts >> 1);
  const removed = new Int32Array(nCuts >> 1);
  let gone = 0;
  for (let c = 0; c < nCuts; c += 2) {
    at[c >> 1] = cuts[c]! - gone;
    gone += cuts[c + 1]! - cuts[c]!;
    removed[c >> 1] = gone;
  }
  // the kept units written into one array (a string part per piece between cuts was a million strings in a long text)
  const out = new Uint16Array(n - gone);
  let wide = 0;
  let o = 0;
  let from = 0;
  for (let c = 0; c <= nCuts; c += 2) {
    const cutStart = c < nCuts ? cuts[c]! : n;
    for (let k = from; k < cutStart; k++) {
      const u = text.charCodeAt(k);
      wide |= u;
      out[o++] = u;
    }
    from = c < nCuts ? cuts[c + 1]! : n;
  }
  // (a text of Latin-1 units stays a one-byte string: half the memory, and the engine's ASCII path)
  const joined = wide < 0x100 ? Buffer.from(out).toString("latin1") : Buffer.from(out.buffer, out.byteOffset, out.length * 2).toString("utf16le");
  return { text: joined, cuts: cuts.subarray(0, nCuts), at, removed };
}

/** Fewest words a joined run needs before it is read as a sentence (identifiers have two to four: "get_current_weather"). */
const MIN_JOINED_WORDS = 5;

/** Words that make a run a sentence rather than a name: identifiers and environment variables
 * ("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "include_archived_items_older_than") hold almost none of them. */
const FUNCTION_WORDS = new Set(["the", "this", "that", "to", "and", "of", "a", "an", "your", "you", "it", "its", "is", "are", "be", "do", "not", "in", "for", "with", "as", "all", "any", "from", "before", "after", "then", "never", "always", "please", "must"]);

function hasLowerCase(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** How many of the parts of text[s, e) (split at '_' and '-') are function words. */
function functionWords(text: string, s: number, e: number): number {
  let count = 0;
  let from = s;
  for (let k = s; k <= e; k++) {
    const c = k < e ? text.charCodeAt(k) : 0x5f;
    if (c !== 0x5f && c !== 0x2d) continue;
    if (k - from <= 6 && FUNCTION_WORDS.has(text.slice(from, k).toLowerCase())) count++;
    from = k + 1;
  }
  return count;
}

const SLUG_LETTER = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) SLUG_LETTER[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
const isSlugLetter = (c: number): boolean => SLUG_LETTER[c] === 1;

/**
 * A sentence written as one identifier ("Before_using_this_tool_read_…", "do-not-mention-this-to-the-user" after
 * other words) reads as a sentence to a model: the text with the '_' and '-' of such runs (five or more words of
 * letters and digits, each joined to the next by one '_' or '-') made spaces, same length, and the runs; null when
 * it has none. Linear.
 */
export function splitJoinedWords(text: string): { text: string; runs: Span[] } | null {
  const n = text.length;
  let runs: Span[] | null = null;
  for (let i = 0; i < n; ) {
    if (!isSlugLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // a run of words joined by single separators
    const s = i;
    let words = 1;
    let seps = 0;
    for (;;) {
      while (i < n && isSlugLetter(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 0x5f || c === 0x2d) && i + 1 < n && isSlugLetter(text.charCodeAt(i + 1))) {
        i++;
        words++;
        seps++;
        continue;
      }
      break;
    }
    // (not a constant in capitals: SHOULD_NOT_BE_SHOWN_TO_THE_USER is a flag's name)
    if (words >= MIN_JOINED_WORDS && seps > 0 && functionWords(text, s, i) >= 2 && hasLowerCase(text, s, i)) (runs ??= []).push({ start: s, end: i });
  }
  if (runs === null) return null;
  const units = Buffer.from(text, "utf16le");
  for (const r of runs) {
    for (let k = r.start; k < r.end; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5f || c === 0x2d) units.writeUInt16LE(0x20, 2 * k);
    }
  }
  return { text: units.toString("utf16le"), runs };
}

/**
 * The text backwards, a surrogate pair kept in its order (an attack written backwards, read back). A space before a
 * capital becomes a line break: a sentence written backwards ends in its capital ("… erongI Would stay again."), so
 * read back it starts there, after whatever followed it ("… dluoW Ignore …"). Same length.
 */
export function reverseUnits(text: string): string {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      out[n - 2 - i] = c;
      out[n - 1 - i] = d;
      i++;
    } else out[n - 1 - i] = c;
  }
  for (let i = 1; i < n; i++) {
    if (out[i]! < 0x41 || out[i]! > 0x5a) continue;
    // (the sentence's own end mark, written first, may lie between: "… .Ignore …" read back)
    let j = i - 1;
    while (j > 0 && (out[j] === 0x2e || out[j] === 0x21 || out[j] === 0x3f)) j--;
    if (out[j] === 0x20) out[j] = 0x0a;
  }
  return Buffer.from(out.buffer, out.byteOffset, n * 2).toString("utf16le");
}

/** ROT13 of the ASCII letters (the rest as it is): same length, same offsets. */
export function rot13Text(text: string): string {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c >= 0x61 && c <= 0x7a ? ((c - 0x61 + 13) % 26) + 0x61 : c >= 0x41 && c <= 0x5a ? ((c - 0x41 + 13) % 26) + 0x41 : c;
  }
  return Buffer.from(out.buffer, out.byteOffset, n * 2).toString("utf16le");
}
