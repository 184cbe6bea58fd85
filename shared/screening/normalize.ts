// Text normalization for matching, with a map from every normalized UTF-16 unit back to the
// original text. One pass over the input, constant work per input unit (a per-code-point cache
// makes Unicode normalization of non-ASCII characters amortized O(1)).
//
// What it does, in order, per code point:
//  - Unicode tag characters U+E0000–E007F: decoded to the ASCII they encode and kept inline (so the
//    hidden instruction is matched like visible text) and reported as a tag run — except a genuine
//    emoji tag sequence (🏴 + [0-9a-z]{1,7} + CANCEL TAG, e.g. the flag of Scotland), which is dropped.
//  - zero-width and invisible characters (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen, invisible operators,
//    Hangul fillers, CGJ): removed; runs of them between ASCII letters/digits are reported.
//  - bidirectional controls: removed; embeddings / overrides / isolates are reported (Trojan Source).
//  - variation selectors: removed; runs of three or more are reported (they can smuggle bytes).
//  - everything else: NFKC, lower case, Latin diacritics removed, Cyrillic/Greek/IPA look-alikes folded
//    to Latin, typographic quotes and dashes folded to ASCII. Words mixing ASCII letters with folded
//    look-alikes are reported.

export interface Span {
  start: number;
  end: number;
}

export interface HiddenSignals {
  /** Tag-character runs (not emoji tag sequences), with the ASCII they decode to (lower-cased). */
  tagRuns: Array<Span & { decoded: string }>;
  /** Regions where invisible characters are interleaved with letters, or long invisible runs. */
  zeroWidth: Array<Span & { count: number }>;
  /** Bidi embedding/override/isolate controls. */
  bidi: Span[];
  /** Runs of 3+ variation selectors. */
  variationRuns: Array<Span & { count: number }>;
  /** Words mixing ASCII letters and Latin look-alikes from other scripts. */
  mixedScript: Span[];
}

export interface Normalized {
  /** The normalized text. */
  text: string;
  /** Original UTF-16 start offset of each normalized unit; null when the mapping is the identity. */
  starts: Int32Array | null;
  /** Original UTF-16 end offset (exclusive) of each normalized unit; null when identity. */
  ends: Int32Array | null;
  /** Length of the original text. */
  originalLength: number;
  hidden: HiddenSignals;
  /** The text holds Cyrillic, kana, CJK ideographs or Hangul (the far-script stems are looked for). */
  farScript: boolean;
}

/** Original start offset of normalized offset i (i may equal text.length). */
export function toOriginalStart(n: Normalized, i: number): number {
  if (n.starts === null) return i;
  if (i >= n.text.length) return n.originalLength;
  return n.starts[i] ?? n.originalLength;
}

/** Original end offset of the normalized span ending (exclusive) at e. */
export function toOriginalEnd(n: Normalized, e: number): number {
  if (n.ends === null) return e;
  if (e <= 0) return n.starts ? (n.starts[0] ?? 0) : 0;
  return n.ends[e - 1] ?? n.originalLength;
}

// ---------------------------------------------------------------------------------------------
// Character tables (data)

/** Look-alikes folded to Latin (keys are lower case; upper case is lowered before lookup). */
const HOMOGLYPH_PAIRS: ReadonlyArray<readonly [number, string]> = [
  // Cyrillic
  [0x0430, "a"], [0x0432, "b"], [0x0435, "e"], [0x0451, "e"], [0x0454, "e"], [0x0456, "i"], [0x0457, "i"],
  [0x0458, "j"], [0x043a, "k"], [0x043c, "m"], [0x043d, "h"], [0x043e, "o"], [0x0440, "p"], [0x0441, "c"],
  [0x0442, "t"], [0x0443, "y"], [0x0445, "x"], [0x0455, "s"], [0x0501, "d"], [0x051b, "q"], [0x051d, "w"],
  [0x04bb, "h"], [0x04cf, "l"], [0x0491, "r"], [0x0475, "v"], [0x0461, "w"], [0x044c, "b"],
  // Greek
  [0x03b1, "a"], [0x03b2, "b"], [0x03b5, "e"], [0x03b9, "i"], [0x03ba, "k"], [0x03bd, "v"], [0x03bf, "o"],
  [0x03c1, "p"], [0x03c4, "t"], [0x03c5, "u"], [0x03c7, "x"], [0x03b3, "y"], [0x03c9, "w"], [0x03ae, "n"],
  [0x03f2, "c"], [0x03f3, "j"], [0x03c2, "c"], [0x03ac, "a"], [0x03ad, "e"], [0x03af, "i"], [0x03cc, "o"],
  [0x03cd, "u"],
  // Armenian, IPA, Latin small capitals and other look-alikes
  [0x0585, "o"], [0x057d, "u"], [0x0561, "w"], [0x0251, "a"], [0x0261, "g"], [0x0269, "i"], [0x026a, "i"],
  [0x028f, "y"], [0x0274, "n"], [0x0280, "r"], [0x1d00, "a"], [0x0299, "b"], [0x1d04, "c"], [0x1d05, "d"],
  [0x1d07, "e"], [0x0262, "g"], [0x029c, "h"], [0x1d0a, "j"], [0x1d0b, "k"], [0x029f, "l"], [0x1d0d, "m"],
  [0x1d0f, "o"], [0x1d18, "p"], [0x1d1b, "t"], [0x1d1c, "u"], [0x1d20, "v"], [0x1d21, "w"], [0x1d22, "z"],
  [0x0131, "i"], [0x0237, "j"], [0x01c0, "l"], [0x2113, "l"], [0xa731, "s"], [0xa730, "f"],
];

/** Punctuation and spaces folded to ASCII (not counted as look-alike letters). */
const PUNCT_PAIRS: ReadonlyArray<readonly [number, string]> = [
  [0x2018, "'"], [0x2019, "'"], [0x201a, "'"], [0x201b, "'"], [0x2032, "'"], [0x02bc, "'"], [0x0060, "`"],
  [0x201c, '"'], [0x201d, '"'], [0x201e, '"'], [0x201f, '"'], [0x2033, '"'], [0x00ab, '"'], [0x00bb, '"'],
  [0x2010, "-"], [0x2011, "-"], [0x2012, "-"], [0x2013, "-"], [0x2014, "-"], [0x2015, "-"], [0x2212, "-"],
  [0x2028, "\n"], [0x2029, "\n"], [0x0085, "\n"], [0x00a0, " "], [0x3000, " "], [0x1680, " "], [0x2044, "/"], [0x2215, "/"],
  [0x29f8, "/"], [0x2024, "."], [0x3002, "."], [0xff0e, "."], [0x2039, "<"], [0x203a, ">"], [0x2329, "<"],
  [0x232a, ">"], [0x27e8, "<"], [0x27e9, ">"], [0x3008, "<"], [0x3009, ">"],
];

const HOMOGLYPHS = new Map<number, string>(HOMOGLYPH_PAIRS);
const PUNCT = new Map<number, string>(PUNCT_PAIRS);

function isZeroWidth(cp: number): boolean {
  return (
    cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad ||
    cp === 0x180e || (cp >= 0x2061 && cp <= 0x2064) || cp === 0x034f || cp === 0x115f || cp === 0x1160 ||
    cp === 0x3164 || cp === 0xffa0 || cp === 0x17b4 || cp === 0x17b5 || isIgnorable(cp)
  );
}

/**
 * The rest of Unicode's default-ignorable and format (Cf) code points (Unicode 15.1, as Node's /\p{…}/u reads them;
 * a test checks the list against it): not drawn, so one inside a word hides the word from matching while a reader
 * (and a model) sees it whole. Bidi controls and tag characters are handled on their own before this is asked.
 */
// (left out, as they have their own handling: the silent marks LRM, RLM and ALM, the bidi isolates, the variation
// selectors, and the tag characters that print — a tag run is decoded, so it must not be swallowed by an invisible run)
const IGNORABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0600, 0x0605], [0x06dd, 0x06dd], [0x070f, 0x070f], [0x0890, 0x0891], [0x08e2, 0x08e2], [0x180b, 0x180f],
  [0x200b, 0x200d], [0x2060, 0x2065], [0x206a, 0x206f], [0xfff0, 0xfffb], [0x110bd, 0x110bd], [0x110cd, 0x110cd],
  [0x13430, 0x1343f], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe001f], [0xe007f, 0xe0fff],
];

/** Combining marks (\p{M}) of the BMP, built at the first non-ASCII text (one property test per unit, ~6 ms); the
 * few astral ones are looked up per code point. Single-code-point tests: nothing to backtrack. */
let BMP_MARKS: Uint8Array | null = null;
const ASTRAL_MARKS = new Map<number, boolean>();
const MARK = /^\p{M}$/u;

function isCombiningMark(cp: number): boolean {
  if (cp < 0x0300) return false;
  if (cp < 0x10000) {
    if (BMP_MARKS === null) {
      BMP_MARKS = new Uint8Array(0x10000);
      for (let c = 0x0300; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && MARK.test(String.fromCharCode(c))) BMP_MARKS[c] = 1;
    }
    return BMP_MARKS[cp] === 1;
  }
  let v = ASTRAL_MARKS.get(cp);
  if (v === undefined) {
    v = MARK.test(String.fromCodePoint(cp));
    if (ASTRAL_MARKS.size < 4096) ASTRAL_MARKS.set(cp, v);
  }
  return v;
}

/** Does the run of tag characters at i encode a printable ASCII unit (U+E0020–E007E)? */
function tagRunPrints(text: string, i: number): boolean {
  for (let j = i; j + 1 < text.length; j += 2) {
    const lo = text.charCodeAt(j + 1);
    if (text.charCodeAt(j) !== 0xdb40 || lo < 0xdc00 || lo > 0xdc7f) return false;
    if (lo >= 0xdc20 && lo <= 0xdc7e) return true;
  }
  return false;
}

/** The ranges' BMP part as a table: general punctuation (“ ” — ’) lies among them and is in most texts. */
const IGNORABLE_BMP = new Uint8Array(0x10000);
for (const [a, b] of IGNORABLE_RANGES) IGNORABLE_BMP.fill(1, a, Math.min(b, 0xffff) + 1);

export function isIgnorable(cp: number): boolean {
  if (cp < 0x10000) return IGNORABLE_BMP[cp] === 1;
  for (let k = 0; k < IGNORABLE_RANGES.length; k++) if (cp >= IGNORABLE_RANGES[k]![0] && cp <= IGNORABLE_RANGES[k]![1]) return true;
  return false;
}

function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

function isSilentMark(cp: number): boolean {
  // LRM, RLM, ALM: legitimate in right-to-left text; removed without a report.
  return cp === 0x200e || cp === 0x200f || cp === 0x061c;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function isInvisibleSlow(cp: number): boolean {
  return isZeroWidth(cp) || isBidiControl(cp) || isSilentMark(cp) || isVariationSelector(cp);
}

/** isInvisibleSlow of the BMP as a table: asked for every non-ASCII unit, where the chain of tests cost ~25 compares.
 * Built at the first non-ASCII text (~5 ms, as BMP_MARKS): not in every cold start. */
let INVISIBLE_BMP: Uint8Array | null = null;

function isInvisible(cp: number): boolean {
  if (cp >= 0x10000) return isInvisibleSlow(cp);
  if (INVISIBLE_BMP === null) {
    INVISIBLE_BMP = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (isInvisibleSlow(c)) INVISIBLE_BMP[c] = 1;
  }
  return INVISIBLE_BMP[cp] === 1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

// Per-code-point fold cache. Bounded: beyond the cap results are computed without being stored.
const FOLD_CACHE = new Map<number, string>();
const FOLD_CACHE_MAX = 20000;
/** Code points whose folding went through the look-alike table. */
const FOLDED_LOOKALIKE = new Set<number>();

function stripMarks(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    if (u >= 0x0300 && u <= 0x036f) continue;
    out += s[k];
  }
  return out;
}

function computeFold(cp: number): string {
  const punct = PUNCT.get(cp);
  if (punct !== undefined) return punct;
  // negative circled and negative squared Latin capitals (🅐, 🅰): no compatibility mapping, only styled text
  if ((cp >= 0x1f150 && cp <= 0x1f169) || (cp >= 0x1f170 && cp <= 0x1f189)) {
    FOLDED_LOOKALIKE.add(cp);
    return String.fromCharCode(0x61 + ((cp - 0x1f150) % 32));
  }
  if (cp >= 0x0300 && cp <= 0x036f) return "";
  // German sharp s reads as "ss" (the lexicon spells "ausser Kraft"; lower-casing keeps "ß", full case folding would not)
  if (cp === 0xdf || cp === 0x1e9e) return "ss";
  let s = String.fromCodePoint(cp).normalize("NFKC").toLowerCase();
  let latinExt = false;
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    if ((u >= 0xc0 && u <= 0x24f) || (u >= 0x1e00 && u <= 0x1eff) || (u >= 0x0300 && u <= 0x036f)) latinExt = true;
  }
  if (latinExt) s = stripMarks(s.normalize("NFD"));
  let out = "";
  let lookalike = false;
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    const h = HOMOGLYPHS.get(u);
    if (h !== undefined) {
      out += h;
      lookalike = true;
      continue;
    }
    const p = PUNCT.get(u);
    out += p ?? s[k];
  }
  if (lookalike) FOLDED_LOOKALIKE.add(cp);
  return out;
}

function fold(cp: number): string {
  const hit = FOLD_CACHE.get(cp);
  if (hit !== undefined) return hit;
  const r = computeFold(cp);
  if (FOLD_CACHE.size < FOLD_CACHE_MAX) FOLD_CACHE.set(cp, r);
  return r;
}

const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });
const ASCII_LOWER = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
/** Work buffers of normalize(), grown when needed. */
export interface NormalizeBuffers {
  out: Uint16Array;
  st: Int32Array;
  en: Int32Array;
}

export function normalizeBuffers(): NormalizeBuffers {
  return { out: new Uint16Array(4096), st: new Int32Array(4096), en: new Int32Array(4096) };
}

const BUF = normalizeBuffers();

function emptySignals(): HiddenSignals {
  return { tagRuns: [], zeroWidth: [], bidi: [], variationRuns: [], mixedScript: [] };
}

/** True when every UTF-16 unit of `text` is ASCII (native scan: UTF-8 length equals UTF-16 length
 * only for pure ASCII; a lone surrogate counts as 3 UTF-8 bytes). */
export function isAscii(text: string): boolean {
  return Buffer.byteLength(text, "utf8") === text.length;
}

const NO_SIGNALS: HiddenSignals = Object.freeze({
  tagRuns: Object.freeze([]) as unknown as HiddenSignals["tagRuns"],
  zeroWidth: Object.freeze([]) as unknown as HiddenSignals["zeroWidth"],
  bidi: Object.freeze([]) as unknown as HiddenSignals["bidi"],
  variationRuns: Object.freeze([]) as unknown as HiddenSignals["variationRuns"],
  mixedScript: Object.freeze([]) as unknown as HiddenSignals["mixedScript"],
}) as HiddenSignals;

/**
 * JSON and source-code escapes of line breaks, tabs and form feeds ("\\n", "\\r", "\\t", "\\f") read as what they
 * stand for: a tool result is often JSON text, where "Done.\\n\\nIgnore all previous instructions" would otherwise hold
 * the word "nignore". Two units for two ("\\n" and "\\r" → " " + line break, "\\t" and "\\f" → two spaces), so the
 * length and the offset map do not change. A backslash that is itself escaped ("C:\\\\new") escapes nothing. Run
 * before lower-casing: the escapes are lower case.
 */
export function blankEscapes(text: string): string {
  let at = text.indexOf("\\");
  if (at < 0) return text;
  // (written into a copy of the units at the first escape: one native copy, then constant work an escape)
  let units: Buffer | null = null;
  while (at >= 0 && at + 1 < text.length) {
    // a run of backslashes: only an odd run escapes the unit after it
    let end = at;
    while (end < text.length && text.charCodeAt(end) === 0x5c) end++;
    if (end < text.length && ((end - at) & 1) === 1) {
      // (lower case only, as JSON and C write them: "C:\\Temp\\Notes" is a path)
      const c = text.charCodeAt(end);
      if (c === 0x6e || c === 0x72 || c === 0x74 || c === 0x66) {
        units ??= Buffer.from(text, "utf16le");
        units.writeUInt16LE(0x20, 2 * (end - 1));
        units.writeUInt16LE(c === 0x6e || c === 0x72 ? 0x0a : 0x20, 2 * end);
      }
    }
    at = text.indexOf("\\", end);
  }
  return units === null ? text : units.toString("utf16le");
}

/** A letter, a digit or any unit outside ASCII: what a word is made of, for blankEmphasis. */
const isWordUnit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c >= 0x80;

/**
 * Markdown's underscores of emphasis read as blanks, as the text renders ("_ignore_ all _previous instructions_" is
 * italics, and a model reads the words): a run of underscores at a word's edge, a word's unit on one side and none on
 * the other. Inside a word ("snake_case", "OPENAI_API_KEY") they stay, and so do runs between blanks ("___"). Same length.
 */
export function blankEmphasis(text: string): string {
  return blankMarkRuns(text, 0x5f, Infinity, (before, after) => before !== after);
}

/** The runs of `mark` (at most `maxRun` long) that `blanks` picks by whether a word's unit is right before and right after
 * the run, as blanks (same length); the text itself when none is picked. */
function blankMarkRuns(text: string, mark: number, maxRun: number, blanks: (before: boolean, after: boolean) => boolean): string {
  const ch = String.fromCharCode(mark);
  let at = text.indexOf(ch);
  if (at < 0) return text;
  let units: Buffer | null = null;
  const n = text.length;
  while (at >= 0) {
    let end = at;
    while (end < n && text.charCodeAt(end) === mark) end++;
    if (end - at <= maxRun && blanks(at > 0 && isWordUnit(text.charCodeAt(at - 1)), end < n && isWordUnit(text.charCodeAt(end)))) {
      units ??= Buffer.from(text, "utf16le");
      for (let k = at; k < end; k++) units.writeUInt16LE(0x20, 2 * k);
    }
    at = end < n ? text.indexOf(ch, end) : -1;
  }
  return units === null ? text : units.toString("utf16le");
}

/**
 * The text with Markdown's emphasis marks as blanks, at the same offsets: underscores at a word's edge (blankEmphasis) and
 * runs of one to three asterisks next to a word ("**Hi Anika**,", "such *as*"). For the checks that read a text's words as
 * written (a greeting, a signature, the words that introduce a quoted example).
 */
export function withoutEmphasis(text: string): string {
  return blankMarkRuns(blankEmphasis(text), 0x2a, 3, (before, after) => before || after);
}

/** What the secret and PII scanners read of a text, and where each of its units came from. */
export interface ScanCopy {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  originalLength: number;
}

// Code points whose compatibility form is ASCII (full-width letters and digits, mathematical alphanumerics,
// no-break and other spaces), case kept: a key or card number written with them is still the key.
const ASCII_FORM = new Map<number, string>();
const ASCII_FORM_MAX = 20000;

function asciiForm(cp: number): string | null {
  let s = ASCII_FORM.get(cp);
  if (s === undefined) {
    const punct = PUNCT.get(cp);
    s = punct === " " || punct === "\n" ? punct : String.fromCodePoint(cp).normalize("NFKC");
    let ascii = s.length > 0 && s.length <= 3;
    for (let k = 0; ascii && k < s.length; k++) if (s.charCodeAt(k) >= 0x80) ascii = false;
    if (!ascii) s = "";
    if (ASCII_FORM.size < ASCII_FORM_MAX) ASCII_FORM.set(cp, s);
  }
  return s === "" ? null : s;
}

/**
 * The text as the scanners for secrets and PII read it, when that differs from the text (`null` when not): invisible
 * characters removed (a zero-width space or soft hyphen inside a key), tag characters read as the ASCII they encode,
 * characters whose compatibility form is ASCII replaced by it with their case kept (full-width, mathematical digits,
 * no-break spaces), with the original span of every unit. Text that is ASCII already is left as it is. Linear.
 */
export function scanCopy(text: string): ScanCopy | null {
  const n = text.length;
  // up to the first unit that changes, nothing is written (most texts have none)
  let i = 0;
  for (; i < n; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (scanReplacement(cp) !== null) break;
    i += cp > 0xffff ? 2 : 1;
  }
  if (i >= n) return null;
  // then the units in typed arrays (no array of numbers, no closure over the counters)
  let cap = Math.max(16, n);
  let out: Uint16Array = new Uint16Array(cap);
  let st: Int32Array = new Int32Array(cap);
  let en: Int32Array = new Int32Array(cap);
  // the first change: what came before as it is
  for (let k = 0; k < i; k++) {
    out[k] = text.charCodeAt(k);
    st[k] = k;
    en[k] = k + 1;
  }
  let m = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (m === cap) {
        cap *= 2;
        out = grownU16(out, cap);
        st = grownI32(st, cap);
        en = grownI32(en, cap);
      }
      out[m] = c;
      st[m] = i;
      en[m] = i + 1;
      m++;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const replacement = scanReplacement(cp);
    const len = replacement === null ? w : replacement.length;
    if (m + len > cap) {
      while (m + len > cap) cap *= 2;
      out = grownU16(out, cap);
      st = grownI32(st, cap);
      en = grownI32(en, cap);
    }
    for (let k = 0; k < len; k++) {
      out[m] = replacement === null ? text.charCodeAt(i + k) : replacement.charCodeAt(k);
      st[m] = i;
      en[m] = i + w;
      m++;
    }
    i += w;
  }
  let copy = "";
  for (let k = 0; k < m; k += 8192) copy += String.fromCharCode.apply(null, out.subarray(k, Math.min(m, k + 8192)) as unknown as number[]);
  return { text: copy, starts: st.subarray(0, m), ends: en.subarray(0, m), originalLength: n };
}

/** What scanCopy writes for a code point ≥ 0x80: "" (dropped) or its ASCII form, or null (kept as it is). */
function scanReplacement(cp: number): string | null {
  if (cp >= 0xe0000 && cp <= 0xe007f) return cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : "";
  if (isInvisible(cp)) return "";
  return asciiForm(cp);
}

function grownU16(a: Uint16Array, size: number): Uint16Array {
  const b = new Uint16Array(size);
  b.set(a);
  return b;
}

function grownI32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Normalization of a text already known to be pure ASCII (lower case, identity map). Used by the
 * engine, which checks for ASCII once per text; the shared empty signals are frozen. */
export function normalizeAscii(text: string, counter?: { steps: number }): Normalized {
  if (counter) counter.steps += text.length;
  return { text: blankEmphasis(blankEscapes(text)).toLowerCase(), starts: null, ends: null, originalLength: text.length, hidden: NO_SIGNALS, farScript: false };
}

/** Units of text between two runs of zero-width characters inside words that still make one spread of them. */
const ZW_SPREAD_GAP = 16;
const isLowerAscii = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** Fewest characters a spread across words must hold (a line-break hint or two in a long name is typography). */
const ZW_SPREAD_MIN = 5;

/**
 * Normalizes `text` for matching. Linear in text.length. With `work`, the offset maps of the result
 * are views into those buffers (no copy: the engine's own buffers, one set per decoding depth), valid
 * until the next call with the same buffers; without, they are copies the caller owns.
 * `notAscii`: the caller has found a unit ≥ 0x80 already (the check scans the whole text).
 */
export function normalize(text: string, counter?: { steps: number }, work?: NormalizeBuffers, notAscii = false): Normalized {
  const B = work ?? BUF;
  const n = text.length;
  if (counter) counter.steps += n;
  // Fast path: pure ASCII → lower case is the whole normalization, and the map is the identity.
  if (!notAscii && isAscii(text)) return { text: blankEmphasis(blankEscapes(text)).toLowerCase(), starts: null, ends: null, originalLength: n, hidden: emptySignals(), farScript: false };
  // (same length: every offset below is still the original's)
  text = blankEmphasis(blankEscapes(text));

  const hidden = emptySignals();
  // work buffers are reused between calls; the result gets exact-size copies
  if (B.out.length < n + 64) {
    const size = Math.max(n + 64, B.out.length * 2);
    B.out = new Uint16Array(size);
    B.st = new Int32Array(size);
    B.en = new Int32Array(size);
  }
  let cap = B.out.length;
  let out = B.out;
  let st = B.st;
  let en = B.en;
  let o = 0;
  // While every unit so far maps one-to-one onto the unit at the same offset, the offset map is
  // the identity and is not written; the first removal or expansion fills it in once.
  let ident = true;
  const leaveIdentity = (): void => {
    ident = false;
    // (local copies: the closure's variables would be reloaded on every unit)
    const sb = st;
    const eb = en;
    for (let k = 0, oo = o; k < oo; k++) {
      sb[k] = k;
      eb[k] = k + 1;
    }
  };
  const grow = (need: number): void => {
    while (o + need > cap) cap *= 2;
    const o2 = new Uint16Array(cap);
    o2.set(out.subarray(0, o));
    out = o2;
    const s2 = new Int32Array(cap);
    s2.set(st.subarray(0, o));
    st = s2;
    const e2 = new Int32Array(cap);
    e2.set(en.subarray(0, o));
    en = e2;
  };

  // mixed-script word tracking
  let wordStart = -1;
  let wordEnd = -1;
  let wordAscii = false;
  let wordLookalike = false;
  const endWord = (): void => {
    if (wordStart >= 0 && wordAscii && wordLookalike) hidden.mixedScript.push({ start: wordStart, end: wordEnd });
    wordStart = -1;
    wordAscii = false;
    wordLookalike = false;
  };
  // output ranges of decoded tag runs
  const tagOut: number[] = [];
  // does the output hold surrogate units? (the UTF-16 decoder replaces lone ones: see below)
  let surrogates = false;
  let farScript = false;
  // zero-width region tracking
  let zwRegion: (Span & { count: number }) | null = null;
  // Zero-width characters spread one per word across a few words ("Bo\u200bt, al\u200bso exp\u200bort"): one more region
  // over them, reported when it holds ZW_SPREAD_MIN characters in two regions at least (the regions stay as they are)
  let spread: (Span & { count: number; parts: number }) | null = null;
  const flushSpread = (): void => {
    if (spread && spread.parts >= 2 && spread.count >= ZW_SPREAD_MIN) hidden.zeroWidth.push({ start: spread.start, end: spread.end, count: spread.count });
    spread = null;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // A run of ASCII: copied (lower-cased) in a tight loop; ASCII maps one-to-one.
      if (o + (n - i) > cap) grow(n - i);
      let j = i;
      // local copies: the buffers and `o` are shared with the closures above, which would make the
      // loop reload them from memory on every unit
      const ob = out;
      if (ident) {
        // o === i: the output offset is the input offset
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d >= 0x80) break;
          ob[j] = ASCII_LOWER[d]!;
          j++;
        }
        o = j;
      } else {
        const sb = st;
        const eb = en;
        let oo = o;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d >= 0x80) break;
          ob[oo] = ASCII_LOWER[d]!;
          sb[oo] = j;
          eb[oo] = j + 1;
          oo++;
          j++;
        }
        o = oo;
      }
      // Word tracking (mixed scripts) only matters at the edges of the run: a word already open
      // continues through leading letters and digits, and the last word of the run stays open.
      // Words wholly inside the run are pure ASCII and cannot mix scripts.
      let k = i;
      while (k < j) {
        const d = text.charCodeAt(k);
        const upper = d >= 0x41 && d <= 0x5a;
        if (upper || (d >= 0x61 && d <= 0x7a)) {
          if (wordStart < 0) wordStart = k;
          wordEnd = k + 1;
          wordAscii = true;
        } else if (!(d >= 0x30 && d <= 0x39)) break;
        k++;
      }
      if (k < j) {
        endWord();
        // the last non-alphanumeric unit of the run (at or after k)
        let q = j - 1;
        while (q > k && isAsciiAlnum(text.charCodeAt(q))) q--;
        for (let r = q + 1; r < j; r++) {
          const d = text.charCodeAt(r);
          if ((d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a)) {
            if (wordStart < 0) wordStart = r;
            wordEnd = r + 1;
            wordAscii = true;
          }
        }
      }
      i = j;
      continue;
    }
    // Cyrillic, Arabic (and its presentation forms), Devanagari, kana, CJK ideographs, Hangul
    if (
      (c >= 0x400 && c <= 0x52f) || (c >= 0x600 && c <= 0x6ff) || (c >= 0x900 && c <= 0x97f) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) || (c >= 0xfb50 && c <= 0xfefc)
    ) farScript = true;
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }

    // (a run that encodes nothing printable — U+E0000–E001F, a lone CANCEL TAG — is invisible like any other: below)
    if (cp >= 0xe0000 && cp <= 0xe007f && tagRunPrints(text, i)) {
      if (ident) leaveIdentity();
      // A run of tag characters.
      const runStart = i;
      let j = i;
      let decodedLength = 0;
      let flagLike = true;
      let letters = 0;
      let cancelled = false;
      while (j + 1 < n) {
        const hi = text.charCodeAt(j);
        const lo = text.charCodeAt(j + 1);
        if (hi !== 0xdb40 || lo < 0xdc00 || lo > 0xdc7f) break;
        const t = lo - 0xdc00; // 0x00..0x7f
        if (cancelled) flagLike = false;
        if (t === 0x7f) cancelled = true;
        else if ((t >= 0x30 && t <= 0x39) || (t >= 0x61 && t <= 0x7a)) letters++;
        else flagLike = false;
        if (t >= 0x20 && t <= 0x7e) decodedLength++;
        j += 2;
      }
      const afterBlackFlag = runStart >= 2 && text.charCodeAt(runStart - 2) === 0xd83c && text.charCodeAt(runStart - 1) === 0xdff4;
      if (flagLike && cancelled && afterBlackFlag && letters >= 1 && letters <= 7) {
        i = j; // genuine emoji tag sequence: drop silently
        continue;
      }
      endWord();
      // the decoded text is taken from the normalized output once it is built (no per-character concatenation)
      tagOut.push(o, o + decodedLength);
      hidden.tagRuns.push({ start: runStart, end: j, decoded: "" });
      if (o + decodedLength + 2 > cap) grow(decodedLength + 2);
      // Keep the decoded text inline, each unit mapped to its own tag character.
      let k = runStart;
      while (k < j) {
        const t = text.charCodeAt(k + 1) - 0xdc00;
        if (t >= 0x20 && t <= 0x7e) {
          out[o] = t >= 0x41 && t <= 0x5a ? t + 32 : t;
          st[o] = k;
          en[o] = k + 2;
          o++;
        }
        k += 2;
      }
      // Separate the hidden text from what follows.
      out[o] = 0x20;
      st[o] = j;
      en[o] = j;
      o++;
      i = j;
      continue;
    }

    if (isInvisible(cp)) {
      if (ident) leaveIdentity();
      // Consume the whole run of invisible characters at once (keeps the look-ahead linear).
      const runStart = i;
      let j = i;
      let zw = 0;
      let vs = 0;
      let bidiStart = -1;
      while (j < n) {
        const a = text.charCodeAt(j);
        let q = a;
        let qw = 1;
        if (a >= 0xd800 && a <= 0xdbff && j + 1 < n) {
          const b = text.charCodeAt(j + 1);
          if (b >= 0xdc00 && b <= 0xdfff) {
            q = ((a - 0xd800) << 10) + (b - 0xdc00) + 0x10000;
            qw = 2;
          }
        }
        if (!isInvisible(q)) break;
        if (isZeroWidth(q) && q !== 0x00ad) zw++;
        if (isVariationSelector(q)) vs++;
        if (isBidiControl(q)) {
          if (bidiStart < 0) bidiStart = j;
        } else if (bidiStart >= 0) {
          hidden.bidi.push({ start: bidiStart, end: j });
          bidiStart = -1;
        }
        j += qw;
      }
      if (bidiStart >= 0) hidden.bidi.push({ start: bidiStart, end: j });
      if (vs >= 3) hidden.variationRuns.push({ start: runStart, end: j, count: vs });
      if (zw > 0) {
        const prevAlnum = o > 0 && isAsciiAlnum(out[o - 1] ?? 0);
        const nextAlnum = j < n && isAsciiAlnum(text.charCodeAt(j));
        const interleaved = prevAlnum && nextAlnum;
        if (interleaved || zw >= 8) {
          // (a character that splits a word: not a break hint before a capital, which is typography, "Very\u200bLong\u200bName")
          const before = runStart > 0 ? text.charCodeAt(runStart - 1) : 0;
          const after = text.charCodeAt(j);
          const splitsWord = isAsciiLetter(before) && isAsciiLetter(after) && !(isLowerAscii(before) && !isLowerAscii(after));
          if (splitsWord) {
            if (spread && runStart - spread.end <= ZW_SPREAD_GAP) {
              if (runStart - spread.end > 4) spread.parts++;
              spread.end = j;
              spread.count += zw;
            } else {
              flushSpread();
              spread = { start: runStart, end: j, count: zw, parts: 1 };
            }
          }
          if (zwRegion && runStart - zwRegion.end <= 4) {
            zwRegion.end = j;
            zwRegion.count += zw;
          } else {
            if (zwRegion) hidden.zeroWidth.push(zwRegion);
            zwRegion = { start: runStart, end: j, count: zw };
          }
        }
      }
      i = j;
      continue;
    }

    // a combining mark on a Latin letter or digit (zalgo, or another script's marks on Latin text): the letter is read,
    // the mark dropped (marks on their own script's letters stay)
    if (o > 0 && isAsciiAlnum(out[o - 1]!) && isCombiningMark(cp)) {
      if (ident) leaveIdentity();
      i += w;
      continue;
    }

    const mapped = fold(cp);
    const m = mapped.length;
    if (o + m > cap) grow(m);
    if (!surrogates) {
      if (cp >= 0xd800 && cp <= 0xdfff) surrogates = true;
      else if (m > 1) {
        for (let k = 0; k < m; k++) {
          const u = mapped.charCodeAt(k);
          if (u >= 0xd800 && u <= 0xdfff) surrogates = true;
        }
      }
    }
    if (ident && (m !== 1 || w !== 1)) leaveIdentity();
    if (ident) out[o++] = mapped.charCodeAt(0);
    else {
      for (let k = 0; k < m; k++) {
        out[o] = mapped.charCodeAt(k);
        st[o] = i;
        en[o] = i + w;
        o++;
      }
    }
    // word tracking for mixed scripts
    const first = m > 0 ? mapped.charCodeAt(0) : 0x20;
    if ((first >= 0x61 && first <= 0x7a) || first >= 0xc0) {
      if (wordStart < 0) wordStart = i;
      wordEnd = i + w;
      if (FOLDED_LOOKALIKE.has(cp)) wordLookalike = true;
    } else if (!(first >= 0x30 && first <= 0x39) && first !== 0x27) endWord();
    i += w;
  }
  endWord();
  if (zwRegion) hidden.zeroWidth.push(zwRegion);
  flushSpread();
  // Without surrogates, the units are copied as they are (Buffer's UTF-16 decoding is a plain copy,
  // much cheaper than TextDecoder); with surrogates, TextDecoder keeps replacing lone ones with U+FFFD.
  const normalizedText = surrogates ? UTF16.decode(out.subarray(0, o)) : Buffer.from(out.buffer, out.byteOffset, o * 2).toString("utf16le");
  for (let k = 0; k < hidden.tagRuns.length; k++) hidden.tagRuns[k]!.decoded = normalizedText.slice(tagOut[2 * k], tagOut[2 * k + 1]);
  B.out = out;
  B.st = st;
  B.en = en;
  if (ident) return { text: normalizedText, starts: null, ends: null, originalLength: n, hidden, farScript };
  if (work) return { text: normalizedText, starts: st.subarray(0, o), ends: en.subarray(0, o), originalLength: n, hidden, farScript };
  return { text: normalizedText, starts: st.slice(0, o), ends: en.slice(0, o), originalLength: n, hidden, farScript };
}
