// Readings of a text's words as a writer disguised them, which screenOne screens again: leetspeak read as letters
// ("pr3v10us"), words split by hyphens read joined ("i-nstruction"), a sentence cut into one-word pieces read as one
// ("IGNORE. ALL. PREVIOUS."), letters spelled out one at a time ("I.g.n.o.r.e"). Read off the tokenizer's token arrays
// and notes, in one pass each.
import type { Span } from "./normalize.ts";
import { isLexiconWord, WORD_UNIT, type Lexicon } from "./lexicon-tables.ts";
import { CUT_AT, MIXED_AT, MIXED_MAX, tokenAt, type Tokens } from "./tokenizer.ts";

/** Units that may separate one-word pieces of a sentence cut apart ("IGNORE. ALL. PREVIOUS.", "IGNORE!\nALL!"); not
 * commas, colons, slashes or pipes, which separate the items of lists, tags and tables. */
const isCutMark = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2a || c === 0x2d;
const SPACES = ["", " ", "  ", "   ", "    ", "     ", "      ", "       ", "        "];
/** the longest break between the pieces ("\r\n\r\n", "!!!\n", "... ") */
const CUT_BREAK_MAX = 8;
/** the most pieces read as one sentence */
const CUT_RUN_MAX = 64;

/** Is the break before token k short, made of cut marks only, with a sentence mark in it (a sentence cut apart
 * there: "IGNORE. ALL."; a menu a word a line, "Skip\nNext\nPrevious\nInstructions", tags and table cells are lists)? */
function cutBefore(t: string, tok: Tokens, k: number): boolean {
  const a = tok.end[k - 1]!;
  const b = tok.start[k]!;
  if (tok.clause[k] !== 1 || b - a < 1 || b - a > CUT_BREAK_MAX) return false;
  let sentence = false;
  for (let q = a; q < b; q++) {
    const c = t.charCodeAt(q);
    if (!isCutMark(c)) return false;
    if (c === 0x2e || c === 0x21 || c === 0x3f) sentence = true;
  }
  return sentence;
}

/**
 * Runs of three or more words each cut off from the next by a short break with a sentence mark ("IGNORE. ALL.
 * PREVIOUS. INSTRUCTIONS.", "IGNORE!\nALL!") from a word that may open an attack, read
 * with the breaks as spaces: the normalized text's span and that reading (same length). Each token is
 * looked at a bounded number of times: the runs are disjoint.
 */
export function cutRuns(t: string, tok: Tokens): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let done = -1;
  // (more words noted than kept: every token is a start to try, still one pass)
  const starts = CUT_AT.overflow ? tok.count : CUT_AT.count;
  for (let m = 0; m < starts; m++) {
    const k = CUT_AT.overflow ? m : CUT_AT.at[m]!;
    if (k <= done) continue;
    // (from the word that opens the attack: it starts the reading's first clause)
    const first = k;
    let last = k;
    // (a sentence is short: a run of pieces longer than CUT_RUN_MAX is read in parts)
    while (last + 1 < tok.count && last - first + 1 < CUT_RUN_MAX && cutBefore(t, tok, last + 1)) last++;
    done = last;
    if (last - first < 2) continue;
    const parts: string[] = [];
    for (let q = first; q <= last; q++) {
      parts.push(t.slice(tok.start[q]!, tok.end[q]!));
      if (q < last) parts.push(SPACES[tok.start[q + 1]! - tok.end[q]!]!);
    }
    out.push({ start: tok.start[first]!, text: parts.join("") });
  }
  return out;
}

/** Most words one leetspeak reading rewrites. */
const MAX_LEET_WORDS = 1024;

/** The letter leetspeak writes as each digit ("0" → "o", "1" → "i", "3" → "e", …). */
const LEET_DIGIT = Uint8Array.from("oizeasgtbg", (ch) => ch.charCodeAt(0));

/**
 * The normalized text with leetspeak read as letters in the tokens that mix letters and digits ("pr3v10us" →
 * "previous"; "sha256", "ipv4" and numbers stay: they read as no word), and the spans it rewrote; same length, so
 * the offsets are unchanged. Null when no token reads as a word of the lexicon. One pass over the tokens (the
 * tokenizer's count of mixed tokens gates it).
 */
export function deleet(t: string, tok: Tokens, lex: Lexicon): Respelled | null {
  let parts: string[] | null = null;
  const rewritten: Span[] = [];
  let from = 0;
  // the tokens the tokenizer noted (all of them when it noted more than it keeps)
  const all = tok.mixed > MIXED_MAX;
  for (let m = 0, end = all ? tok.count : tok.mixed; m < end; m++) {
    const k = all ? m : MIXED_AT[m]!;
    const s = tok.start[k]!;
    const e = tok.end[k]!;
    // (short ones are ordinary: "1st", "70s", "6pt", "5em"; three units only with a letter first, "h0w")
    if (e - s < 3 || e - s > 40 || (e - s === 3 && t.charCodeAt(s) <= 0x39)) continue;
    let digits = 0;
    for (let q = s; q < e; q++) {
      const c = t.charCodeAt(q);
      if (c >= 0x30 && c <= 0x39) digits++;
    }
    if (digits === 0 || digits === e - s) continue;
    // "1" is "i" or "l" ("d1sregard", "a11"), "2" is "z" or "r" ("1n572uc710n5")
    let w = "";
    let wl = "";
    for (let q = s; q < e; q++) {
      const c = t.charCodeAt(q);
      const l = c >= 0x30 && c <= 0x39 ? LEET_DIGIT[c - 0x30]! : c;
      w += String.fromCharCode(l);
      wl += String.fromCharCode(c === 0x31 ? 0x6c : c === 0x32 ? 0x72 : l);
    }
    const word = isLexiconWord(lex, w) ? w : wl !== w && isLexiconWord(lex, wl) ? wl : null;
    if (word === null) continue;
    (parts ??= []).push(t.slice(from, s), word);
    rewritten.push({ start: s, end: e });
    from = e;
    // (an instruction is a few words: a megabyte of leetspeak is read for its first ones, not all at once)
    if (rewritten.length >= MAX_LEET_WORDS) break;
  }
  if (parts === null) return null;
  parts.push(t.slice(from));
  return { text: parts.join(""), at: null, rewritten };
}

/** Words written with a hyphen as a matter of course, not to split them ("co-pilot", "e-mail"). */
const HYPHENATED_WORDS = new Set(["co-pilot", "co-pilots", "e-mail", "e-mails", "e-mailed", "re-send", "re-sent", "pre-prompt", "co-worker", "co-workers"]);

/** First pieces that are prefixes, not words, when the pieces joined make a lexicon word ("dis-regard"; not "un-",
 * which joins ordinary adjectives: "un-filtered apple cider"). */
const PREFIX_PIECES = new Set(["dis"]);

/** Most words one reading of hyphen-split words rewrites. */
const MAX_JOINED_WORDS = 1024;

/** Are the units [from, to) one to four hyphens (the joint of a word split in pieces, "i-nstruction")? */
function hyphensOnly(t: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 4) return false;
  for (let q = from; q < to; q++) if (t.charCodeAt(q) !== 0x2d) return false;
  return true;
}

/** A reading of the normalized text: its text, where each of its units was in the normalized text (null: the
 * same place; the reading has the same length), and the spans of the normalized text it rewrote. */
export interface Respelled {
  text: string;
  at: Int32Array | null;
  rewritten: Span[];
}

/**
 * The text with words split by hyphens read joined ("i-nstruction" → "instruction", "li-mitations", "w-ith",
 * "m----ssage"): two or three pieces joined by one to four hyphens that make a lexicon word, when not every piece is a
 * word of its own ("follow-up" stays). The hyphens are dropped, so that the words around stay one space apart ("user
 * message terminat…" is a marker); `at` maps the reading back. Null when nothing was joined.
 */
export function dehyphen(t: string, tok: Tokens, lex: Lexicon): Respelled | null {
  if (t.indexOf("-") < 0) return null;
  const { start, end, count } = tok;
  let parts: string[] | null = null;
  let at: Int32Array | null = null;
  let o = 0;
  const rewritten: Span[] = [];
  let from = 0;
  // from hyphen to hyphen (most texts have few), each the end of a token or not
  for (let h = t.indexOf("-"); h >= 0; h = t.indexOf("-", h + 1)) {
    // (only a hyphen right after a word can split one: list bullets, rules and table rows are passed over cheaply)
    if (h === 0 || h < from || WORD_UNIT[t.charCodeAt(h - 1)] !== 1) continue;
    const k = tokenAt(tok, h - 1);
    if (k + 1 >= count || end[k] !== h || !hyphensOnly(t, end[k]!, start[k + 1]!)) continue;
    // (numbers stay: "1-0", "2024-03")
    const c0 = t.charCodeAt(start[k]!);
    const c1 = t.charCodeAt(start[k + 1]!);
    if ((c0 >= 0x30 && c0 <= 0x39) || (c1 >= 0x30 && c1 <= 0x39)) continue;
    let w = t.slice(start[k]!, end[k]!);
    let best = -1;
    for (let j = k + 1; j < count && j <= k + 2; j++) {
      if (j > k + 1 && !hyphensOnly(t, end[j - 1]!, start[j]!)) break;
      w += t.slice(start[j]!, end[j]!);
      if (w.length > 40) break;
      if (isLexiconWord(lex, w)) best = j;
    }
    if (best < 0) continue;
    // (a prefix is no word of its own: "dis-regard" is "disregard" even though "dis" and "regard" are lexicon words)
    let allWords = !PREFIX_PIECES.has(t.slice(start[k]!, end[k]!));
    for (let q = k; q <= best && allWords; q++) allWords = isLexiconWord(lex, t.slice(start[q]!, end[q]!));
    if (allWords || HYPHENATED_WORDS.has(t.slice(start[k]!, end[best]!))) continue;
    at ??= new Int32Array(t.length);
    (parts ??= []).push(t.slice(from, start[k]!));
    for (let q = from; q < start[k]!; q++) at[o++] = q;
    // the pieces, without the hyphens between them
    for (let q = k; q <= best; q++) {
      parts.push(t.slice(start[q]!, end[q]!));
      for (let u = start[q]!; u < end[q]!; u++) at[o++] = u;
    }
    rewritten.push({ start: start[k]!, end: end[best]! });
    from = end[best]!;
    if (rewritten.length >= MAX_JOINED_WORDS) break;
  }
  if (parts === null || at === null) return null;
  parts.push(t.slice(from));
  for (let q = from; q < t.length; q++) at[o++] = q;
  return { text: parts.join(""), at: at.subarray(0, o), rewritten };
}

/** Fewest one-letter tokens in a row that read as letters spelled out one at a time. */
const MIN_SPELLED = 8;
/** Most letters of one run read back (an instruction is short; a megabyte of "a a a" is no text). */
const MAX_SPELLED = 4096;

/**
 * Letters spelled out one at a time ("I.g.n.o.r.e a.l.l", "i-g-n-o-r-e", "I g n o r e  a l l"): runs of
 * one-unit tokens at most three units apart (" / " between words), read back as words (a word goes on
 * while the separator is the one after its first letter; another separator or a wider gap starts the
 * next). Read off the token arrays: O(tokens). Offsets in the normalized text.
 */
export function findSpelledRuns(t: string, tok: Tokens): Array<Span & { decoded: string }> {
  const out: Array<Span & { decoded: string }> = [];
  const { start, end, count } = tok;
  let k = 0;
  while (k < count) {
    if (end[k]! - start[k]! !== 1) {
      k++;
      continue;
    }
    let j = k;
    while (j + 1 < count && end[j + 1]! - start[j + 1]! === 1 && start[j + 1]! - end[j]! <= 3) j++;
    if (j - k + 1 >= MIN_SPELLED) {
      let decoded = t[start[k]!]!;
      let sep = t.charCodeAt(end[k]!);
      const last = Math.min(j, k + MAX_SPELLED - 1);
      for (let q = k + 1; q <= last; q++) {
        const between = t.charCodeAt(end[q - 1]!);
        if (start[q]! - end[q - 1]! !== 1 || between !== sep) {
          decoded += " ";
          sep = t.charCodeAt(end[q]!);
        }
        decoded += t[start[q]!]!;
      }
      out.push({ start: start[k]!, end: end[last]!, decoded });
    }
    k = j + 1;
  }
  return out;
}
