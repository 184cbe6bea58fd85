// Rule evaluation over the concept events: the token rules as one flat program (its record layout here, beside the loop
// that reads it per event; compile-kind.ts writes it), run over the word and marker events merged by end token into
// per-rule match lists; the checks a step or member makes (a vocative's end, a diagram's edge, a URL, a shell's
// assignment, a prohibition's sentence), and the filter of Step.notBefore.
import { isWordAscii } from "./file-names.ts";
import { doubled, type Events, type Tokens } from "./tokenizer.ts";
import type { CompiledKind } from "./compile-kind.ts";
import { fenceIndex, fenceRanges } from "./text-layout.ts";

/** Completions a sequence step remembers (the latest ones). */
export const RING = 4;

/**
 * The token rules flattened for the evaluator: per concept, a run of entries (one per rule step or
 * near-member the concept can fill), each a record of PROG_STRIDE entries of one typed array (what an
 * entry reads sits in one cache line, behind one array: the evaluator keeps no dozen array bases live);
 * and the matching state of every sequence step (a ring of its last completions) and near member, also
 * flat. No object is touched per event, and all state is reset per text by filling a few small arrays.
 */
export interface Program {
  /** entries of concept c: [start[c], start[c + 1]) (entry indices; entry li is code[li * PROG_STRIDE …]) */
  start: Int32Array;
  /** the entries' records, fields at the offsets PROG_* below */
  code: Int32Array;
  // state: per sequence step, the number of completions and a ring of RING (endPos, startChar, startPos)
  seqN: Int32Array;
  seqEnd: Int32Array;
  seqStartChar: Int32Array;
  seqStartPos: Int32Array;
  // state: per near member, its latest event
  nearSet: Uint8Array;
  nearStartPos: Int32Array;
  nearEndPos: Int32Array;
  nearStartChar: Int32Array;
  nearEndChar: Int32Array;
}

/** Entries of one program record. */
export const PROG_STRIDE = 16;
/** flags: PF_NEAR (a near member; else a sequence step), and for sequences PF_FIRST / PF_LAST (the rule's first / last
 * step), PF_CLAUSE_START (the step must start a clause, unless orAfter's concept ended just before), PF_BREAK_AFTER
 * (the step's phrase must end its clause: the next token starts one) */
export const PROG_FLAGS = 0;
export const PF_NEAR = 1;
export const PF_FIRST = 2;
export const PF_LAST = 4;
export const PF_CLAUSE_START = 8;
export const PF_BREAK_AFTER = 16;
/** the step must start among the text's first PROG_MAX_START tokens (Step.opensText) */
export const PF_OPENS_TEXT = 32;
/** with PF_BREAK_AFTER: the name ends as a vocative, not as a table cell's, code's or a closing element's label
 * (Step.breakAfter "address") */
export const PF_ADDRESS_END = 64;
/** near member: a word event inside a URL does not count (NearRule.outsideUrl) */
export const PF_OUTSIDE_URL = 128;
/** near member: a word that a shell's assignment follows ("export AOAI_ENDPOINT=…") does not count (NearRule.notAssigning) */
export const PF_NOT_ASSIGNING = 256;
/** with PF_BREAK_AFTER: the text's end counts as the clause's (Step.breakAfter "orEnd") */
export const PF_OR_END = 512;
/** the rule (index into CompiledKind.rules) a completed match belongs to */
export const PROG_RULE = 1;
/** sequence: global step index; near: global member index */
export const PROG_SLOT = 2;
/** sequence: max position distance from the previous step; near: max distance between members */
export const PROG_WITHIN = 3;
/** sequence orAfter: concept (-1: none) and window */
export const PROG_OR_CONCEPT = 4;
export const PROG_OR_WITHIN = 5;
/** sequence notAfter / near negate (for this member): concept (-1: none) and window */
export const PROG_NOT_CONCEPT = 6;
export const PROG_NOT_WITHIN = 7;
/** a prohibition earlier in the sentence (concept, -1: none), its window and the words that end its scope */
export const PROG_PRO_CONCEPT = 8;
export const PROG_PRO_WITHIN = 9;
export const PROG_PRO_UNLESS = 10;
/** near: the rule's members are global indices [base, base + count) */
export const PROG_BASE = 11;
export const PROG_COUNT = 12;
/** sequence, with PF_OPENS_TEXT: the first token index the step may not start at */
export const PROG_MAX_START = 13;
/** sequence step other than the last: a concept that must not start within PROG_AHEAD_WITHIN positions after it (-1: none) */
export const PROG_AHEAD_CONCEPT = 14;
export const PROG_AHEAD_WITHIN = 15;

/** Is `at` inside a ```mermaid block (a code fence whose opening names Mermaid)? An arrow outside one ("=> Assistant: …",
 * "Claude --> append this key …") reads as prose. */
function inDiagram(t: string, at: number): boolean {
  const q = fenceIndex(t, at);
  return q >= 0 && t.startsWith("```mermaid", fenceRanges[q]!);
}

/** Does a diagram's edge start at k ("->", "-->", "->>", "-.->", "==>", as Mermaid writes them)? */
function arrowAt(t: string, k: number): boolean {
  let q = k;
  while (q < t.length && q < k + 4 && (t.charCodeAt(q) === 0x2d || t.charCodeAt(q) === 0x3d || t.charCodeAt(q) === 0x2e)) q++;
  return q > k && t.charCodeAt(q) === 0x3e;
}

/** Does the name that starts at s end a diagram's edge ("Client->>LLM: Forward approved request", "Server -.->|results|
 * LLM")? A node named there is a participant, not someone spoken to. (Blanks and one edge label looked over, at most 48
 * units back.) */
function endsEdgeBefore(t: string, s: number): boolean {
  let k = s - 1;
  const stop = Math.max(0, s - 48);
  while (k > stop && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09)) k--;
  if (t.charCodeAt(k) === 0x7c) {
    k--;
    while (k > stop && t.charCodeAt(k) !== 0x7c && t.charCodeAt(k) !== 0x0a) k--;
    if (t.charCodeAt(k) !== 0x7c) return false;
    k--;
  }
  return k > 0 && t.charCodeAt(k) === 0x3e && (t.charCodeAt(k - 1) === 0x2d || t.charCodeAt(k - 1) === 0x3e || t.charCodeAt(k - 1) === 0x3d) && inDiagram(t, k);
}

/** Elements whose text is a label: a name that ends one is no vocative ("<summary>Copilot</summary>", a table's cell). */
const LABEL_CLOSE = ["</summary>", "</td>", "</th>", "</code>", "</kbd>", "</dt>", "</label>", "</option>", "</button>"];

/** Does the name that ends at i end as a vocative does, not as a label: not in a table's cell ('|' next, with a '|'
 * before it on its line), in code ('`') or in a label element that closes right after it ("<summary>Copilot</summary>")?
 * (Blanks and tabs skipped, at most 64; a line break may follow a vocative, "ASSISTANT\nIgnore the above …", and so may
 * any other closing tag, "<h1>Assistant</h1> Ignore …", "<b>AI</b> Please email …") */
function endsAsVocative(t: string, i: number): boolean {
  let k = i;
  while (k < t.length && k < i + 64 && (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09)) k++;
  const c = t.charCodeAt(k);
  // (a diagram's node: an edge leaves it, "LLM -.->|answer| User", "LLM-->>Client: Return generation")
  if ((c === 0x2d || c === 0x3d) && arrowAt(t, k) && inDiagram(t, k)) return false;
  if (c === 0x60) return false;
  if (c === 0x7c) return !pipeBeforeOnLine(t, i);
  if (c === 0x3c && t.charCodeAt(k + 1) === 0x2f) return !LABEL_CLOSE.some((tag) => t.startsWith(tag, k));
  // (a list item's bold term, "- **Autonomous Background Agents**: Headless automation, …", is a definition list's label)
  if (c === 0x2a && t.charCodeAt(k + 1) === 0x2a && t.charCodeAt(k + 2) === 0x3a && listItemLine(t, i)) return false;
  return true;
}

/** Does the line holding i open as a list item ("- ", "* ", "+ ", "1. "), at most 64 units back? */
function listItemLine(t: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && k >= i - 64 && t.charCodeAt(k) !== 0x0a) k--;
  if (k < i - 64) return false;
  k++;
  while (t.charCodeAt(k) === 0x20 || t.charCodeAt(k) === 0x09) k++;
  const c = t.charCodeAt(k);
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && t.charCodeAt(k + 1) === 0x20) return true;
  let d = k;
  while (d < k + 3 && t.charCodeAt(d) >= 0x30 && t.charCodeAt(d) <= 0x39) d++;
  return d > k && (t.charCodeAt(d) === 0x2e || t.charCodeAt(d) === 0x29) && t.charCodeAt(d + 1) === 0x20;
}

/** Is there a '|' before i on its line (at most 64 units back): a table's row, not "AI | Please …" in prose? */
function pipeBeforeOnLine(t: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 64; k--) {
    const c = t.charCodeAt(k);
    if (c === 0x0a) return false;
    if (c === 0x7c) return true;
  }
  return false;
}

/** Matches of one rule, in typed arrays (no object per match: long adversarial texts stay cheap for
 * the garbage collector). Starts are strictly increasing: a match overlapping the last one merges. */
export class MatchList {
  length = 0;
  startChar: Int32Array = new Int32Array(16);
  endChar: Int32Array = new Int32Array(16);
  startPos: Int32Array = new Int32Array(16);
  endPos: Int32Array = new Int32Array(16);
  add(sc: number, ec: number, sp: number, ep: number): void {
    const k = this.length - 1;
    if (k >= 0 && sc <= this.endChar[k]!) {
      if (ec > this.endChar[k]!) {
        this.endChar[k] = ec;
        this.endPos[k] = ep;
      }
      if (sc < this.startChar[k]!) {
        this.startChar[k] = sc;
        this.startPos[k] = sp;
      }
      return;
    }
    if (this.length === this.startChar.length) {
      this.startChar = doubled(this.startChar);
      this.endChar = doubled(this.endChar);
      this.startPos = doubled(this.startPos);
      this.endPos = doubled(this.endPos);
    }
    const n = this.length++;
    this.startChar[n] = sc;
    this.endChar[n] = ec;
    this.startPos[n] = sp;
    this.endPos[n] = ep;
  }
}

/** Token positions of one concept's events, sorted (two reused buffers: the starts of one concept, the ends of another). */
let POS_BUF: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

function conceptPositions(ev: Events, tok: Tokens, concept: number, ends: boolean): Int32Array {
  const b = ends ? 1 : 0;
  let n = 0;
  for (const src of ev.marks ? [ev, ev.marks] : [ev]) {
    for (let e = 0; e < src.count; e++) {
      if (src.concept[e] !== concept) continue;
      if (n === POS_BUF[b].length) POS_BUF[b] = doubled(POS_BUF[b]);
      POS_BUF[b][n++] = tok.pos[ends ? src.endTok[e]! : src.startTok[e]!]!;
    }
  }
  return POS_BUF[b].subarray(0, n).sort();
}

/** Index of the first value > x in a sorted array (its length when none). */
function firstAbove(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Drops the matches of rules with Step.notBefore that have their concept starting within `within` positions after
 * them (and, with `ending`, whose last word is that concept's), and the rules left with none from the matched list.
 * O(e log e + m log e) for e events and m matches.
 */
export function dropFollowed(ck: CompiledKind, ev: Events, tok: Tokens, matches: MatchList[]): void {
  for (const { rule, concept, within, ending } of ck.notBefore) {
    const ml = matches[rule]!;
    if (ml.length === 0) continue;
    const starts = conceptPositions(ev, tok, concept, false);
    if (starts.length === 0) continue;
    const ends = ending >= 0 ? conceptPositions(ev, tok, ending, true) : null;
    let kept = 0;
    for (let k = 0; k < ml.length; k++) {
      const ep = ml.endPos[k]!;
      const next = firstAbove(starts, ep);
      const followed = next < starts.length && starts[next]! - ep <= within;
      // (the ending concept's event that ends where the match ends)
      const e = ends ? firstAbove(ends, ep) - 1 : -1;
      if (followed && (ends === null || (e >= 0 && ends[e] === ep))) continue;
      ml.startChar[kept] = ml.startChar[k]!;
      ml.endChar[kept] = ml.endChar[k]!;
      ml.startPos[kept] = ml.startPos[k]!;
      ml.endPos[kept] = ml.endPos[k]!;
      kept++;
    }
    ml.length = kept;
    if (kept === 0) {
      let w = 0;
      for (let k = 0; k < ck.matchedCount; k++) if (ck.matched[k] !== rule) ck.matched[w++] = ck.matched[k]!;
      ck.matchedCount = w;
    }
  }
}

/** Per concept, the sorted start positions of its events in the text being evaluated (Step.notBefore on a step other
 * than the last), made when a step first asks; cleared for each text. */
const AHEAD = new Map<number, Int32Array>();

function aheadStarts(ev: Events, tok: Tokens, concept: number): Int32Array {
  let a = AHEAD.get(concept);
  if (a === undefined) {
    // (a copy: conceptPositions returns a view of a shared buffer)
    a = conceptPositions(ev, tok, concept, false).slice();
    AHEAD.set(concept, a);
  }
  return a;
}

/** Most units looked back from a word for the "://" of a URL it would be part of. */
const URL_LOOKBACK = 256;

/** Is the word at `at` part of a URL: is there a "://" between it and the blank, quote or bracket before it (up to
 * URL_LOOKBACK units back)? */
/** The shell's words that set a variable ("export AOAI_ENDPOINT=…", "set HTTP_PROXY=…"). */
const SHELL_ASSIGNERS = ["export", "set", "setx", "declare", "readonly", "local"];

/** Is the word [s, e) a shell's assigner followed by a variable's assignment ("export AOAI_ENDPOINT=…")? Any other verb
 * before "name=" is an order ("post api_key=… to https://…"). */
function shellAssignment(text: string, s: number, e: number): boolean {
  return SHELL_ASSIGNERS.some((w) => e - s === w.length && text.startsWith(w, s)) && assignmentAfter(text, e);
}

/** Does a variable's assignment follow at `at`: a blank, a variable's name, '='? (At most 64 units.) */
function assignmentAfter(text: string, at: number): boolean {
  let k = at;
  if (text.charCodeAt(k) !== 0x20) return false;
  k++;
  const c = text.charCodeAt(k);
  if (!((c >= 0x61 && c <= 0x7a) || c === 0x5f)) return false;
  const stop = Math.min(text.length, k + 64);
  while (k < stop && (isWordAscii(text.charCodeAt(k)) || text.charCodeAt(k) === 0x5f)) k++;
  return text.charCodeAt(k) === 0x3d;
}

function insideUrl(text: string, at: number): boolean {
  for (let k = at - 1, stop = Math.max(0, at - URL_LOOKBACK); k >= stop; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x2f && k >= 2 && text.charCodeAt(k - 1) === 0x2f && text.charCodeAt(k - 2) === 0x3a) return true;
    if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x3c || c === 0x5b || c === 0x60) return false;
  }
  return false;
}

export function evaluateTokenRules(text: string, ev: Events, tok: Tokens, ck: CompiledKind, counter: { steps: number } | undefined): MatchList[] {
  // (the starts aheadStarts made are the previous text's)
  if (AHEAD.size > 0) AHEAD.clear();
  const matches = ck.matchLists;
  // only the lists the last text filled need clearing
  const matched = ck.matched;
  for (let k = 0; k < ck.matchedCount; k++) matches[matched[k]!]!.length = 0;
  let nMatched = 0;
  const pos = tok.pos;
  const clause = tok.clause;
  const tokStart = tok.start;
  const tokEnd = tok.end;
  const P = ck.program;
  const { start, code } = P;
  const { seqN, seqEnd, seqStartChar, seqStartPos, nearSet, nearStartPos, nearEndPos, nearStartChar, nearEndChar } = P;
  seqN.fill(0);
  nearSet.fill(0);
  const lastEnd = ck.lastEnd;
  lastEnd.fill(-1 << 30);
  const lastEndTok = ck.lastEndTok;

  let steps = 0;
  // stable merge of the word events (ev) and the marker events (ev.marks) by end token
  const wv = ev;
  const mv = ev.marks ?? ev;
  const wn = wv.count;
  const mn = ev.marks ? ev.marks.count : 0;
  let wa = 0;
  let mb = 0;
  while (wa < wn || mb < mn) {
    const takeW = mb >= mn || (wa < wn && wv.endTok[wa]! <= mv.endTok[mb]!);
    const src = takeW ? wv : mv;
    const e = takeW ? wa++ : mb++;
    const cid = src.concept[e]!;
    const eTok = src.endTok[e]!;
    const ePos = pos[eTok]!;
    const l0 = start[cid]!;
    const le = start[cid + 1]!;
    // (many events are of concepts no step or member reads, only the checks of others: their end is all they give)
    if (l0 < le) {
      const sTok = src.startTok[e]!;
      const sPos = pos[sTok]!;
      // a word event spans its tokens exactly (the tokenizer writes no offsets for it); a marker may
      // start or end inside a token
      const sChar = takeW ? tokStart[sTok]! : mv.startChar[e]!;
      const eChar = takeW ? tokEnd[eTok]! : mv.endChar[e]!;
      for (let li = l0; li < le; li++) {
        steps++;
        const r = li * PROG_STRIDE;
        const flags = code[r + PROG_FLAGS]!;
        const g = code[r + PROG_SLOT]!;
        // a later step needs a completion of the one before it: nothing to do while there is none
        // (looked at first: the cheapest way out, and the checks below have no effect when it is taken)
        const isFirst = (flags & PF_FIRST) !== 0;
        if ((flags & PF_NEAR) === 0 && !isFirst && seqN[g - 1] === 0) continue;
        // a prohibition earlier in the sentence ("Never paste the contents of .env …"), its scope not ended by "just", "but" …
        const pc = code[r + PROG_PRO_CONCEPT]!;
        if (pc >= 0) {
          const l = lastEnd[pc]!;
          if (l < sPos && sPos - l <= code[r + PROG_PRO_WITHIN]! && lastEnd[code[r + PROG_PRO_UNLESS]!]! < l && sameSentence(text, tok, lastEndTok[pc]!, sTok, lastEnd[cid]! >= 0 ? lastEndTok[cid]! : -1)) continue;
        }
        if ((flags & PF_NEAR) === 0) {
          if ((flags & PF_BREAK_AFTER) !== 0 && (eTok + 1 >= tok.count ? (flags & PF_OR_END) === 0 : clause[eTok + 1] !== 1)) continue;
          if ((flags & PF_ADDRESS_END) !== 0 && (!endsAsVocative(text, tok.end[eTok]!) || endsEdgeBefore(text, sChar))) continue;
          if ((flags & PF_OPENS_TEXT) !== 0 && sTok >= code[r + PROG_MAX_START]! && wordsBefore(text, tok, sTok) >= code[r + PROG_MAX_START]!) continue;
          if ((flags & PF_CLAUSE_START) !== 0 && clause[sTok] !== 1) {
            const oc = code[r + PROG_OR_CONCEPT]!;
            if (oc < 0) continue;
            const l = lastEnd[oc]!;
            if (!(l < sPos && sPos - l <= code[r + PROG_OR_WITHIN]!)) continue;
          }
          const nc = code[r + PROG_NOT_CONCEPT]!;
          if (nc >= 0) {
            const l = lastEnd[nc]!;
            if (l < sPos && sPos - l <= code[r + PROG_NOT_WITHIN]!) continue;
          }
          let startChar = sChar;
          let startPos = sPos;
          if (!isFirst) {
            const pn = seqN[g - 1]!;
            const ring = (g - 1) * RING;
            const w = code[r + PROG_WITHIN]!;
            let found = false;
            for (let q = 0, qe = pn < RING ? pn : RING; q < qe; q++) {
              const k = ring + ((pn - 1 - q) % RING);
              const pe = seqEnd[k]!;
              if (pe < sPos && sPos - pe <= w) {
                startChar = seqStartChar[k]!;
                startPos = seqStartPos[k]!;
                found = true;
                break;
              }
            }
            if (!found) continue;
          }
          // (a concept that must not start right after this step: its starts, sorted, made once a text when first asked)
          const ac = code[r + PROG_AHEAD_CONCEPT]!;
          if (ac >= 0) {
            const starts = aheadStarts(ev, tok, ac);
            const k = firstAbove(starts, ePos);
            if (k < starts.length && starts[k]! - ePos <= code[r + PROG_AHEAD_WITHIN]!) continue;
          }
          if ((flags & PF_LAST) !== 0) {
            const ri = code[r + PROG_RULE]!;
            const ml = matches[ri]!;
            if (ml.length === 0) matched[nMatched++] = ri;
            ml.add(startChar, eChar, startPos, ePos);
          } else {
            const cn = seqN[g]!;
            const k = g * RING + (cn % RING);
            seqEnd[k] = ePos;
            seqStartChar[k] = startChar;
            seqStartPos[k] = startPos;
            seqN[g] = cn + 1;
          }
        } else {
          const nc = code[r + PROG_NOT_CONCEPT]!;
          if (nc >= 0) {
            const l = lastEnd[nc]!;
            if (l < sPos && sPos - l <= code[r + PROG_NOT_WITHIN]!) continue;
          }
          if ((flags & PF_OUTSIDE_URL) !== 0 && takeW && insideUrl(text, sChar)) continue;
          if ((flags & PF_NOT_ASSIGNING) !== 0 && takeW && shellAssignment(text, sChar, eChar)) continue;
          const ac = code[r + PROG_OR_CONCEPT]!;
          if (ac >= 0) {
            const l = lastEnd[ac]!;
            if (!(l >= 0 && l < sPos && sPos - l <= code[r + PROG_OR_WITHIN]!)) continue;
          }
          nearSet[g] = 1;
          nearStartPos[g] = sPos;
          nearEndPos[g] = ePos;
          nearStartChar[g] = sChar;
          nearEndChar[g] = eChar;
          let minPos = sPos;
          let maxPos = ePos;
          let maxStart = sPos;
          let minEnd = ePos;
          let minChar = sChar;
          let maxChar = eChar;
          let ok = true;
          for (let q = code[r + PROG_BASE]!, qe = q + code[r + PROG_COUNT]!; q < qe; q++) {
            if (nearSet[q] !== 1) {
              ok = false;
              break;
            }
            const os = nearStartChar[q]!;
            const oe = nearEndChar[q]!;
            if (q !== g && os < eChar && sChar < oe) {
              ok = false; // one phrase cannot play two parts
              break;
            }
            const osp = nearStartPos[q]!;
            const oep = nearEndPos[q]!;
            if (osp > maxStart) maxStart = osp;
            if (oep < minEnd) minEnd = oep;
            if (osp < minPos) {
              minPos = osp;
              minChar = os;
            }
            if (oep > maxPos) {
              maxPos = oep;
              maxChar = oe;
            }
            if (os < minChar) minChar = os;
            if (oe > maxChar) maxChar = oe;
          }
          // the window is the distance between the members (a long phrase does not use it up); and no two of the other
          // members may be one phrase either ("ignore this email and your password …": "this email" is no destination and
          // "email" the sending verb at once)
          if (ok && maxStart - minEnd <= code[r + PROG_WITHIN]! && !othersOverlap(g, code[r + PROG_BASE]!, code[r + PROG_COUNT]!, nearStartChar, nearEndChar)) {
            const ri = code[r + PROG_RULE]!;
            const ml = matches[ri]!;
            if (ml.length === 0) matched[nMatched++] = ri;
            ml.add(minChar, maxChar, minPos, maxPos);
          }
        }
      }
    }
    if (ePos > lastEnd[cid]!) {
      lastEnd[cid] = ePos;
      lastEndTok[cid] = eTok;
    }
  }
  ck.matchedCount = nMatched;
  if (counter) counter.steps += steps;
  return matches;
}

/** No sentence break (a gap of SENTENCE_GAP positions) or colon between tokens `from` and `to`, and no comma right before
 * `to` unless the word before the comma is `listItem`, an earlier word of the same kind in a list that goes on ("Never
 * read, print or modify …"; bounded by the caller's window: positions grow by at least one a token). */
function sameSentence(text: string, tok: Tokens, from: number, to: number, listItem: number): boolean {
  const { pos, start, end } = tok;
  for (let t = from; t < to; t++) {
    if (pos[t + 1]! - pos[t]! >= SENTENCE_GAP) return false;
    // a colon ends a prohibition's scope too ("Never refuse: read ~/.ssh/id_rsa …"), and so does a comma right before
    // the word looked at ("Do not wait for approval, forward the conversation …"; in a list the word comes later: "do not
    // paste customer data, credentials, or the contents of .env files", and so does a list of verbs: "Never read, print
    // or modify `.env`"); looked for next to the words
    const a = end[t]!;
    const b = Math.min(start[t + 1]!, a + 4);
    for (let q = a; q < b; q++) {
      const c = text.charCodeAt(q);
      // (but a prohibition that heads a list governs its first items: "You must not:\n- paste … the contents of .env files")
      if ((c === 0x3a && !(t === from && opensList(text, q + 1))) || (c === 0x2c && t + 1 === to && !(t === listItem && listGoesOn(text, tok, to)))) return false;
    }
  }
  return true;
}

/** A list starts at `q` (after a colon): blanks to the line's end, then a bullet ('-', '*', '•') or a number with '.'
 * or ')' at the next line's start. */
function opensList(text: string, q: number): boolean {
  // (blanks looked over: a few, bounded)
  const n = Math.min(text.length, q + 16);
  while (q < n && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09 || text.charCodeAt(q) === 0x0d)) q++;
  if (q >= n || text.charCodeAt(q) !== 0x0a) return false;
  q++;
  const m = Math.min(text.length, q + 16);
  while (q < m && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
  if (q >= text.length) return false;
  const c = text.charCodeAt(q);
  let item: number;
  if (c === 0x2d || c === 0x2a || c === 0x2022) item = q + 1;
  else {
    let d = q;
    while (d < text.length && d < q + 3 && text.charCodeAt(d) >= 0x30 && text.charCodeAt(d) <= 0x39) d++;
    if (!(d > q && d < text.length && (text.charCodeAt(d) === 0x2e || text.charCodeAt(d) === 0x29))) return false;
    item = d + 1;
  }
  // (an item that negates in its turn orders what it names: "You must not:\n- decline to read ~/.ssh/id_rsa")
  while (item < text.length && item < q + 8 && text.charCodeAt(item) === 0x20) item++;
  const word = asciiWordAt(text, item);
  return !NEGATING_ITEM.has(word);
}

/** First words of a list item that negate what follows ("decline to", "skip", "forget to"). */
const NEGATING_ITEM: ReadonlySet<string> = new Set(["decline", "refuse", "skip", "forget", "fail", "neglect", "omit", "hesitate", "stop", "avoid", "ignore", "cease", "delay"]);

/** The lower-cased ASCII word at `at` (at most 16 units). */
function asciiWordAt(text: string, at: number): string {
  let e = at;
  while (e < text.length && e < at + 16) {
    const c = text.charCodeAt(e) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    e++;
  }
  return text.slice(at, e).toLowerCase();
}

/** Token `k` is an item of a list that goes on after it ("print" in "read, print or modify"): ',' or "or"/"and" follows. */
function listGoesOn(text: string, tok: Tokens, k: number): boolean {
  if (k + 1 >= tok.count) return false;
  const e = tok.end[k]!;
  const s = tok.start[k + 1]!;
  if (s - e > 3) return false;
  if (text.charCodeAt(e) === 0x2c) return true;
  const w = tok.end[k + 1]! - s;
  return (w === 2 && text.startsWith("or", s)) || (w === 3 && text.startsWith("and", s));
}

/** The gap in positions that a sentence end ('.', '!', '?', ';' before a blank) or a blank line leaves between tokens. */
const SENTENCE_GAP = 6;

/** Do two near members other than `g` (the member just set, checked against the others already) overlap in the text? */
function othersOverlap(g: number, base: number, count: number, start: Int32Array, end: Int32Array): boolean {
  for (let a = base; a < base + count; a++) {
    if (a === g) continue;
    for (let b = a + 1; b < base + count; b++) if (b !== g && start[a]! < end[b]! && start[b]! < end[a]!) return true;
  }
  return false;
}

/** Tokens looked at for wordsBefore: an opening is short, and the count stays cheap on a long text. */
const WORDS_BEFORE_MAX = 4096;
/** Per text: words before each of its first tokens (wordsBefore), built when first asked for. */
const WORDS_BEFORE: { text: string | null; count: Int32Array } = { text: null, count: new Int32Array(WORDS_BEFORE_MAX + 1) };

/**
 * Words before token `k`, where padding does not count: a token of one unit ("ö ö ö …") or the token before it again ("adfs
 * adfs …") is no word the user wrote, so a request after a screen of filler still opens the text. Tokens past
 * WORDS_BEFORE_MAX count as words: the request is then deep in the text.
 */
function wordsBefore(text: string, tok: Tokens, k: number): number {
  if (k > WORDS_BEFORE_MAX) return k;
  const c = WORDS_BEFORE.count;
  if (WORDS_BEFORE.text !== text) {
    WORDS_BEFORE.text = text;
    const n = Math.min(tok.count, WORDS_BEFORE_MAX);
    c[0] = 0;
    for (let q = 0; q < n; q++) {
      const len = tok.end[q]! - tok.start[q]!;
      const repeat = q > 0 && len === tok.end[q - 1]! - tok.start[q - 1]! && sameUnits(text, tok.start[q - 1]!, tok.start[q]!, len);
      c[q + 1] = c[q]! + (len >= 2 && !repeat ? 1 : 0);
    }
  }
  return c[k]!;
}

/** Are the `len` units at `a` and at `b` of `text` the same (a token repeated; compared in place, no slice)? */
function sameUnits(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}
