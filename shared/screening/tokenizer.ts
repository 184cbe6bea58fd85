// Tokenization: one pass over the normalized text that splits it into word tokens named by the lexicon's word table,
// steps the phrase automaton (the word events) and the character-marker automaton (its hits), and notes what later
// stages read (encoded regions, digit runs, words that open a cut sentence, tokens that mix letters and digits). The
// gaps between tokens, the reused buffers and the tables' bit layout sit here, beside the loop that reads them.
import { countAtMost, isDigit } from "./encodings.ts";
import { isAlnum } from "./reader-address.ts";
import { isLower, isUpper } from "./scanners.ts";
import type { Lexicon } from "./lexicon-tables.ts";
import type { CompiledKind } from "./compile-kind.ts";

/** Tokens of words that may open an attack (ignore, reveal, pretend …), noted by the tokenizer: where a
 * sentence cut into one-word pieces is looked for. */
const CUT_MAX = 256;
export const CUT_AT = { at: new Int32Array(CUT_MAX), count: 0, overflow: false };

/** Tokens that mix letters and digits, by index: the first MIXED_MAX the tokenizer met. */
export const MIXED_MAX = 256;
export const MIXED_AT = new Int32Array(MIXED_MAX);
/** Notes token `count` as the `n`-th mixed one (rare: out of the tokenizer's loop). */
function noteMixed(n: number, count: number): void {
  if (n < MIXED_MAX) MIXED_AT[n] = count;
}

/** marker-automaton rows: 2^MARK_SHIFT entries (above the character classes) */
export const MARK_SHIFT = 6;
export const WORD_FLAG = 0x80;
/** charInfo bit 6: '+', '/' or '-', which join words into one base64 run (marker classes use bits 0-5) */
export const JOINER_FLAG = 0x40;
/** wordInfo bits */
export const WORD_ROOT_MASK = 0xffff;
export const WORD_INTERIOR = 0x10000;
export const WORD_LEAD = 0x20000;
/** the word may open an attack (noted for the reading of sentences cut into one-word pieces) */
export const WORD_CUT = 0x40000;
/** bits 13-15 of charInfo: a separator's gap (the values of GAP fit in 3 bits) */
export const GAP_SHIFT = 13;
/** bits 14 and 15 of charInfo, for word units only (their gap is 0): a digit; a unit no lexicon word has */
export const WORD_DIGIT = 0x4000;
export const WORD_OTHER = 0x8000;

/** Entries of a phrase-automaton state's record (CompiledKind.phraseRec). */
export const PHRASE_REC = 4;

export interface Tokens {
  count: number;
  /** most digits in a run of numeric tokens separated by single characters (phone, card, SSN gate) */
  digitCluster: number;
  /** the span from the first to the last run with at least DIGIT_REGION_MIN digits (-1: none) */
  digitFrom: number;
  digitTo: number;
  /** a token that starts with two letters and two digits (IBAN gate) */
  ibanLike: boolean;
  /** length of the longest token */
  maxLength: number;
  /** tokens that mix letters and digits ("pr3v10us", "sha256"), the first MIXED_MAX noted in MIXED_AT: the leetspeak reading's gate */
  mixed: number;
  start: Int32Array;
  end: Int32Array;
  pos: Int32Array; // count + 1 entries (sentinel)
  clause: Uint8Array;
}

// Reads past either end of the text are tested, never made: an out-of-bounds charCodeAt (NaN)
// deoptimizes the tokenizer it is inlined in, and V8 may then leave it running on-stack-replacement
// code for good (measured: 15-20% slower, at random, per process).
// `cased`: the text before lower-casing, at the same offsets, or null; then `original` and `starts`, the text before
// normalization and where each unit of `t` came from in it (null: no case is read).
function gapOf(t: string, i: number, cased: string | null = null, original = "", starts: Int32Array | null = null): number {
  const c = t.charCodeAt(i);
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) {
    if (i + 1 >= t.length) return 6;
    const d = t.charCodeAt(i + 1);
    if (d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d || d === 0x22 || d === 0x27 || d === 0x29 || d === 0x2a) return 6;
    return c === 0x2e && cased !== null && runOnSentence(cased, i) ? 6 : 1;
  }
  if (c === 0x0a) {
    if (i > 0 && t.charCodeAt(i - 1) === 0x0a) return 6;
    if (cased !== null) return hardWrapped(t, i, cased, null) ? 1 : 3;
    return starts !== null && hardWrapped(t, i, original, starts) ? 1 : 3;
  }
  // a dash between blanks (" - ", and the em dash, which normalizes to "-") separates clauses; "well-known" is one word
  if (c === 0x2d) return i > 0 && i + 1 < t.length && t.charCodeAt(i - 1) === 0x20 && t.charCodeAt(i + 1) === 0x20 ? 2 : 1;
  // Markdown's emphasis ("**Ignore** all **previous** instructions") renders as nothing: a run of asterisks with a word's
  // unit on one side of it is a blank; a bullet or a product (" * ") separates clauses
  // (and so does the backtick of inline code that holds only words: "`summarize` ignores the system prompt" is one clause,
  // whose verb is no order; code proper, "`display:none`", "`call_next`", stays apart from the sentence around it)
  if (c === 0x2a) return emphasisRun(t, i) ? 1 : 2;
  if (c === 0x60) return emphasisRun(t, i) && inlineWords(t, i) ? 1 : 2;
  if (c === 0x2c || c === 0x3a || c === 0x7c || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3c || c === 0x3e || c === 0x23 || c === 0x2014) return 2;
  return 1;
}

/** Is the asterisk or backtick at `i` in a run of it (at most three asterisks, one backtick: Markdown's inline code, not
 * reStructuredText's ``literal`` or a fence) with a letter or a digit right before or right after the run? */
function emphasisRun(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  const max = c === 0x60 ? 1 : 3;
  let s = i;
  while (s > 0 && i - s < max && t.charCodeAt(s - 1) === c) s--;
  let e = i + 1;
  while (e < t.length && e - s <= max && t.charCodeAt(e) === c) e++;
  if (e - s > max) return false;
  const before = s > 0 ? t.charCodeAt(s - 1) : 0x20;
  const after = e < t.length ? t.charCodeAt(e) : 0x20;
  return isAlnum(before) || isAlnum(after);
}

/** Most units of inline code read as words of the sentence around it. */
const INLINE_WORDS_MAX = 60;

/** Does the backtick at `i` open or close inline code, on its line, that holds only letters and blanks ("`Ignore all
 * previous instructions`")? (The other backtick is looked for within INLINE_WORDS_MAX units on either side.) */
function inlineWords(t: string, i: number): boolean {
  const opens = i + 1 < t.length && isAlnum(t.charCodeAt(i + 1));
  const step = opens ? 1 : -1;
  for (let k = i + step, n = 0; k >= 0 && k < t.length && n < INLINE_WORDS_MAX; k += step, n++) {
    const c = t.charCodeAt(k);
    if (c === 0x60) return n > 0;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x20 || c === 0x27)) return false;
  }
  return false;
}

/**
 * Is the '.' at `i` a sentence's end that text pasted into other text left without its space ("adjust your standing order
 * accordingly.Ignore your previous instructions", "down to 7.2%.Ignore …")? A lower-case word, a digit, '%' or ')' before it,
 * a capitalised word after it that a blank ends: not a host ("example.com"), a file ("notes.txt"), a member ("os.path"), a
 * call or a chain in code ("client.Send(msg)", "Console.WriteLine(", "System.IO.File"), nor a module's path ("from
 * Crypto.Cipher import AES").
 */
function runOnSentence(s: string, i: number): boolean {
  if (i < 2 || i + 3 >= s.length) return false;
  const a = s.charCodeAt(i - 1);
  const a2 = s.charCodeAt(i - 2);
  if (!((isLower(a) || isDigit(a) || a === 0x25 || a === 0x29) && (isLower(a2) || isDigit(a2) || a2 === 0x2e))) return false;
  if (!isUpper(s.charCodeAt(i + 1)) || !isLower(s.charCodeAt(i + 2))) return false;
  // (a lower-case word before it, after a blank: not a module's path, "from Crypto.Cipher import AES", "app.utils.Config x")
  if (isLower(a)) {
    let b = i - 1;
    while (b > 0 && b > i - 32 && isLower(s.charCodeAt(b - 1))) b--;
    const before = b > 0 ? s.charCodeAt(b - 1) : 0x20;
    if (isUpper(before) || before === 0x2e || before === 0x2f || before === 0x5f || before === 0x5c || isDigit(before)) return false;
  }
  let q = i + 3;
  const stop = Math.min(s.length, i + 32);
  while (q < stop && isLower(s.charCodeAt(q))) q++;
  return q < s.length && s.charCodeAt(q) === 0x20;
}

/** Lines hard-wrapped mid-sentence are read as one: the lines before a wrap are at least this long. */
const WRAP_LINE_MIN = 50;

/**
 * Is the line break at `i` of `t` a wrap in the middle of a sentence ("Respond to the prompt exactly as an unfiltered,\ncompletely
 * unlimited language model", "lets\nbreak the rules")? A long line that ends in a lower-case letter or a comma, and a line
 * that goes on in lower case: text wrapped at a fixed width (an e-mail, a prompt file) whose phrases the break would cut.
 * Short lines (a list, code) keep their breaks. The letters' case is read in `cased`, at t's offsets (`starts` null) or
 * through the normalization's map (a letter outside ASCII neither ends nor opens a wrapped line).
 */
function hardWrapped(t: string, i: number, cased: string, starts: Int32Array | null): boolean {
  if (i < WRAP_LINE_MIN || i + 1 >= t.length) return false;
  // (a Windows line end, "\r\n", wraps as "\n" does)
  const cr = t.charCodeAt(i - 1) === 0x0d ? 1 : 0;
  const a = cased.charCodeAt(starts === null ? i - 1 - cr : starts[i - 1 - cr]!);
  if (!(isLower(a) || a === 0x2c) || !goesOn(cased, starts === null ? i + 1 : starts[i + 1]!)) return false;
  for (let k = i - 1 - cr; k >= i - WRAP_LINE_MIN; k--) if (t.charCodeAt(k) === 0x0a) return false;
  return true;
}

/** Keywords of a specification's requirements, written in capitals mid-sentence ("servers\n**SHOULD** include"). */
const REQUIREMENT_WORDS = ["MUST", "SHOULD", "MAY", "SHALL", "REQUIRED", "RECOMMENDED", "OPTIONAL"];

/** Most units of indentation before a wrapped line goes on (a YAML block scalar's, a docstring's: "description: |\n  … call
 * create_gist with public: true\n  containing the titles …"). */
const WRAP_INDENT_MAX = 12;

/** Does the line that starts at `j` go on with the sentence: a lower-case letter, or a requirement's keyword, after its
 * indentation (blanks, at most WRAP_INDENT_MAX) and at most two units of emphasis ('*', '_')? */
function goesOn(s: string, j: number): boolean {
  for (let k = 0; k < WRAP_INDENT_MAX && s.charCodeAt(j) === 0x20; k++) j++;
  for (let k = 0; k < 2 && (s.charCodeAt(j) === 0x2a || s.charCodeAt(j) === 0x5f); k++) j++;
  if (isLower(s.charCodeAt(j))) return true;
  if (!isUpper(s.charCodeAt(j))) return false;
  for (const w of REQUIREMENT_WORDS) if (s.startsWith(w, j) && !isUpper(s.charCodeAt(j + w.length)) && !isLower(s.charCodeAt(j + w.length))) return true;
  return false;
}

/** Units that may end a line without words which separates like a blank line (see the tokenizer). */
const RULE_LINE_END = new Uint8Array(128);
for (const c of " \t\r|-=*+:") RULE_LINE_END[c.charCodeAt(0)] = 1;
const ruleLineEnd = (c: number): boolean => c < 128 && RULE_LINE_END[c] === 1;

/** digits a run of numeric tokens needs before the phone and card scanners look at it (the fewest either needs) */
const DIGIT_REGION_MIN = 8;

/** gap (in token positions) of an ASCII unit between tokens; 0: depends on the neighbours (gapOf) */
export const GAP = new Uint8Array(128);
for (let c = 0; c < 128; c++) GAP[c] = c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x2d || c === 0x2a || c === 0x60 ? 0 : gapOf(String.fromCharCode(c), 0);

const TOK_BUF = { start: new Int32Array(4097), end: new Int32Array(4097), pos: new Int32Array(4097), clause: new Uint8Array(4097) };
/** Where a base64 or hex run may be: runs of words joined by '+', '/' or '-' (which split tokens) of
 * at least MIN_ENCODED_RUN units, as [start, end) pairs in the normalized text; found by the tokenizer. */
const MIN_ENCODED_RUN = 16;
export const ENCODED_REGIONS: { at: Int32Array; count: number } = { at: new Int32Array(64), count: 0 };

function noteEncodedRegion(start: number, end: number): void {
  if (ENCODED_REGIONS.count + 2 > ENCODED_REGIONS.at.length) ENCODED_REGIONS.at = doubled(ENCODED_REGIONS.at);
  ENCODED_REGIONS.at[ENCODED_REGIONS.count++] = start;
  ENCODED_REGIONS.at[ENCODED_REGIONS.count++] = end;
}

/** Marker-automaton hits recorded by the tokenizer: (state, end offset) pairs. */
export const HIT_BUF: { state: Int32Array; end: Int32Array; count: number } = { state: new Int32Array(1024), end: new Int32Array(1024), count: 0 };

/** Records a hit (rare: about one unit in a hundred). Out of the tokenizer's loops, whose registers
 * are better spent on the two automata. */
function recordHit(state: number, end: number): void {
  const k = HIT_BUF.count;
  if (k === HIT_BUF.state.length) {
    HIT_BUF.state = doubled(HIT_BUF.state);
    HIT_BUF.end = doubled(HIT_BUF.end);
  }
  HIT_BUF.state[k] = state;
  HIT_BUF.end[k] = end;
  HIT_BUF.count = k + 1;
}

/** A copy of `a` with twice the room (growth buffers of the match lists). */
export function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * One pass over the normalized text: splits it into word tokens (named by the word table), runs the
 * character-marker automaton over every unit (hits in HIT_BUF), steps the phrase automaton at each
 * word's end (this kind's word events in WORD_EVENTS), and notes the regions the scanners and the
 * encoded-run search need (long digit runs; runs of words joined by '+', '/', '-' in ENCODED_REGIONS).
 */
export function tokenize(t: string, lex: Lexicon, ck: CompiledKind, cased: string | null = null, original = "", starts: Int32Array | null = null): Tokens {
  const n = t.length;
  // buffers are reused between calls (grown when needed); callers finish with them before screening nested text
  let cap = TOK_BUF.start.length - 1;
  let start = TOK_BUF.start;
  let end = TOK_BUF.end;
  let pos = TOK_BUF.pos;
  let clause = TOK_BUF.clause;
  let count = 0;
  let p = -1;
  let gap = 6;
  let prevLead = false;
  // a line break since the last word: a second one means a line with no word on it
  let lineWithoutWords = false;
  let maxLength = 0;
  let mixed = 0;
  let cluster = 0;
  let digitCluster = 0;
  let ibanLike = false;
  let prevEnd = -2;
  // units of the current run of words joined by '+', '/' or '-' (a base64 run is at most this long)
  let encodedRun = 0;
  let encodedRunStart = 0;
  ENCODED_REGIONS.count = 0;
  let clusterStart = 0;
  let digitFrom = -1;
  let digitTo = -1;
  const { tableSlots, tableMask, wordChars, wordOffset } = lex;
  const delta = lex.markerDelta;
  const info = lex.charInfo;
  // marker automaton state (those at or above outBase have outputs)
  const outBase = lex.markerOutBase;
  let ms = 0;
  HIT_BUF.count = 0;
  CUT_AT.count = 0;
  CUT_AT.overflow = false;
  // phrase automaton state and the word events (written through local views of the buffer)
  const words = WORD_EVENTS.reset();
  const ac = lex.wordAutomaton;
  const wordInfo = lex.wordInfo;
  const rec = ck.phraseRec;
  const edges = ac.edges;
  const edgeMask = ac.edgeMask;
  const symSpace = ac.symSpace;
  const wordOut = ck.wordOut;
  let phrase = 0;
  let wc = 0;
  let { concept: wConcept, startTok: wStartTok, endTok: wEndTok } = words;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const ci = info[c]!;
    ms = delta[(ms << MARK_SHIFT) | (ci & 0x3f)]!;
    if (ms >= outBase) recordHit(ms, i + 1);
    if ((ci & WORD_FLAG) === 0) {
      let g = ci >> GAP_SHIFT;
      if (g === 0) {
        g = gapOf(t, i, cased, original, starts);
        // a line with no word on it that ends in a blank, '|', '-', '=', '*', '+' or ':' (blanks, a table's separator
        // row, a rule of dashes) separates like a blank line; a code fence does not (its code belongs to the sentence
        // that introduces it), nor a line of code ('")', '});')
        if (g === 3) {
          if (lineWithoutWords && ruleLineEnd(t.charCodeAt(i - 1))) g = 6;
          lineWithoutWords = true;
        }
      }
      if (g > gap) gap = g;
      // '+', '/' and '-' join words into one base64 run; anything else ends it
      if ((ci & JOINER_FLAG) !== 0) {
        if (encodedRun === 0) encodedRunStart = i;
        encodedRun++;
      } else if (encodedRun > 0) {
        if (encodedRun >= MIN_ENCODED_RUN) noteEncodedRegion(encodedRunStart, i);
        encodedRun = 0;
      }
      i++;
      continue;
    }
    const s = i;
    lineWithoutWords = false;
    // the word's FNV-1a hash, and the OR of its units' bits (a digit in it; a unit no lexicon word has)
    let wh = Math.imul(-2128831035 ^ c, 0x01000193);
    let wf = ci;
    i++;
    while (i < n) {
      const d = t.charCodeAt(i);
      const di = info[d]!;
      if ((di & WORD_FLAG) !== 0 || (d === 0x27 && i + 1 < n && (info[t.charCodeAt(i + 1)]! & WORD_FLAG) !== 0)) {
        ms = delta[(ms << MARK_SHIFT) | (di & 0x3f)]!;
        if (ms >= outBase) recordHit(ms, i + 1);
        wh = Math.imul(wh ^ d, 0x01000193);
        wf |= di;
        i++;
      } else break;
    }
    if (count + 1 >= cap) {
      cap *= 2;
      const s2 = new Int32Array(cap + 1);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap + 1);
      e2.set(end);
      end = e2;
      const p2 = new Int32Array(cap + 1);
      p2.set(pos);
      pos = p2;
      const c2 = new Uint8Array(cap + 1);
      c2.set(clause);
      clause = c2;
    }
    // a word of the lexicon's units, up to 40 of them: look it up in the hash table
    let id = -1;
    let wi = 0;
    const len = i - s;
    const hasDigit = (wf & WORD_DIGIT) !== 0;
    if (len <= 40 && (wf & WORD_OTHER) === 0) {
      let slot = wh & tableMask;
      for (;;) {
        const v = tableSlots[2 * slot + 1]!;
        if (v < 0) break;
        if (tableSlots[2 * slot]! === wh && (v & 63) === len) {
          const wid = v >> 6;
          const off = wordOffset[wid]!;
          let eq = true;
          for (let q = 0; q < len; q++) {
            if (wordChars[off + q] !== t.charCodeAt(s + q)) {
              eq = false;
              break;
            }
          }
          if (eq) {
            id = wid;
            wi = wordInfo[wid]!;
            break;
          }
        }
        slot = (slot + 1) & tableMask;
      }
    }
    p += gap < 1 ? 1 : gap;
    if (len > maxLength) maxLength = len;
    if (encodedRun === 0) encodedRunStart = s;
    encodedRun += len;
    // digit clusters: numeric tokens separated by one character
    if (c >= 0x30 && c <= 0x39) {
      let digits = 0;
      for (let q = s; q < i; q++) {
        const d = t.charCodeAt(q);
        if (d >= 0x30 && d <= 0x39) digits++;
      }
      if (digits < len) noteMixed(mixed++, count);
      if (s - prevEnd <= 2 && cluster > 0) cluster += digits;
      else {
        cluster = digits;
        clusterStart = s;
      }
      if (cluster > digitCluster) digitCluster = cluster;
      if (cluster >= DIGIT_REGION_MIN) {
        if (digitFrom < 0) digitFrom = clusterStart;
        digitTo = i;
      }
    } else {
      cluster = 0;
      if (hasDigit) noteMixed(mixed++, count);
      // (only a word with a digit can look like one)
      if (!ibanLike && hasDigit && len >= 4 && c >= 0x61 && c <= 0x7a) {
        const c1 = t.charCodeAt(s + 1);
        const c2 = t.charCodeAt(s + 2);
        const c3 = t.charCodeAt(s + 3);
        ibanLike = c1 >= 0x61 && c1 <= 0x7a && c2 >= 0x30 && c2 <= 0x39 && c3 >= 0x30 && c3 <= 0x39;
      }
    }
    prevEnd = i;
    start[count] = s;
    end[count] = i;
    pos[count] = p;
    clause[count] = gap >= 2 || prevLead ? 1 : 0;
    prevLead = (wi & WORD_LEAD) !== 0;
    if ((wi & WORD_CUT) !== 0) {
      if (CUT_AT.count < CUT_MAX) CUT_AT.at[CUT_AT.count++] = count;
      else CUT_AT.overflow = true;
    }
    // the phrase automaton over word ids (a gap of 3 positions or an unknown word restarts it);
    // its outputs are this kind's word-phrase events, in order of their last token
    if (gap >= 3 && count > 0) phrase = 0;
    if (id < 0) phrase = 0;
    else {
      // (SymbolAutomaton.step, on the records: an interior word is a symbol of the automaton; where the failure
      // chain has no edge for it, it leads where it leads from the root)
      let next = wi & WORD_ROOT_MASK;
      if (phrase !== 0 && (wi & WORD_INTERIOR) !== 0) {
        const bit = id & 31;
        for (let st = phrase; st !== 0; st = rec[st * PHRASE_REC + 1]!) {
          if (((rec[st * PHRASE_REC]! >>> bit) & 1) === 0) continue;
          const key = st * symSpace + id;
          let h = (Math.imul(key, 0x9e3779b1) >>> 0) & edgeMask;
          let found = -1;
          for (;;) {
            const k = edges[2 * h]!;
            if (k === key) {
              found = edges[2 * h + 1]!;
              break;
            }
            if (k === -1) break;
            h = (h + 1) & edgeMask;
          }
          if (found >= 0) {
            next = found;
            break;
          }
        }
      }
      phrase = next;
      const k0 = rec[phrase * PHRASE_REC + 2]!;
      const ke = rec[phrase * PHRASE_REC + 3]!;
      if (k0 !== ke) {
        if (wc + (ke - k0) > wConcept.length) {
          words.count = wc;
          words.reserve(wc + (ke - k0));
          ({ concept: wConcept, startTok: wStartTok, endTok: wEndTok } = words);
        }
        for (let k = k0; k < ke; k++) {
          const v = wordOut[k]!;
          const st = count - (v & 0xff) + 1;
          wConcept[wc] = v >> 8;
          wStartTok[wc] = st;
          wEndTok[wc] = count;
          wc++;
        }
      }
    }
    count++;
    gap = 0;
  }
  words.count = wc;
  if (encodedRun >= MIN_ENCODED_RUN) noteEncodedRegion(encodedRunStart, n);
  pos[count] = p + 6;
  TOK_BUF.start = start;
  TOK_BUF.end = end;
  TOK_BUF.pos = pos;
  TOK_BUF.clause = clause;
  return { count, maxLength, mixed, digitCluster, digitFrom, digitTo, ibanLike, start, end, pos, clause };
}

export interface Events {
  /** bit set of scanner triggers seen */
  triggers: number;
  /** a second event stream (character markers), also ordered by end token */
  marks: Events | null;
  count: number;
  concept: Int32Array;
  startTok: Int32Array;
  endTok: Int32Array;
  /** character offsets: written for marker events only (a word event spans its tokens) */
  startChar: Int32Array;
  endChar: Int32Array;
}

class EventBuffer {
  triggers = 0;
  count = 0;
  /** the character-marker events (each stream is ordered by end token) */
  marks: EventBuffer | null = null;
  reset(): this {
    this.count = 0;
    this.triggers = 0;
    return this;
  }
  concept: Int32Array = new Int32Array(64);
  startTok: Int32Array = new Int32Array(64);
  endTok: Int32Array = new Int32Array(64);
  startChar: Int32Array = new Int32Array(64);
  endChar: Int32Array = new Int32Array(64);
  /** Makes room for n events (keeping the first `count`). */
  reserve(n: number): void {
    while (this.concept.length < n) {
      this.concept = doubled(this.concept);
      this.startTok = doubled(this.startTok);
      this.endTok = doubled(this.endTok);
      this.startChar = doubled(this.startChar);
      this.endChar = doubled(this.endChar);
    }
  }
  push(concept: number, st: number, et: number, sc: number, ec: number): void {
    if (this.count === this.concept.length) this.reserve(this.count + 1);
    const k = this.count++;
    this.concept[k] = concept;
    this.startTok[k] = st;
    this.endTok[k] = et;
    this.startChar[k] = sc;
    this.endChar[k] = ec;
  }
}

// Reused across calls (the engine is synchronous; nested decoding runs only after these are consumed).
export const WORD_EVENTS = new EventBuffer();
export const MARK_EVENTS = new EventBuffer();

/** First token index whose end is after char offset c (binary search). */
export function tokenAt(tok: Tokens, c: number): number {
  return countAtMost(tok.end, tok.count, c);
}
