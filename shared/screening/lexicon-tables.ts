// The lexicon (lexicon.ts: the concepts' phrases and markers) compiled once per process into the tables the tokenizer
// reads: the word table (hashed as the tokenizer hashes), the phrase and character-marker automata, per-unit character
// info and per-word info, and the trigger bits of the scanners and of the engine's own passes. The bit layout of those
// tables is the tokenizer's (tokenizer.ts), whose loop reads it on every unit.
import { AsciiAutomaton, SymbolAutomaton } from "./aho-corasick.ts";
import { rot13Text } from "./encodings.ts";
import { CONCEPTS } from "./lexicon.ts";
import { RULES } from "./rules.ts";
import { SCANNER_TRIGGERS } from "./scanners.ts";
import { GAP, GAP_SHIFT, JOINER_FLAG, MARK_SHIFT, WORD_CUT, WORD_DIGIT, WORD_FLAG, WORD_INTERIOR, WORD_LEAD, WORD_OTHER, WORD_ROOT_MASK } from "./tokenizer.ts";

export interface MarkerInfo {
  concept: number;
  /** 0 any, 1 non-word before, 2 word before, 3 line start, 4 inside an @-handle ("@ops-bot", "@helpdeskbot"), 5 line start
   * outside a list of keys (inParameterList: "Args:\n    user: The user to modify", "* system: options …\n* run: …") */
  before: number;
  /** 0 any, 1 non-word after, 2 word after, 3 the end of an @-mention (a blank, "," or ":" after), 4 the end of an
   * @-handle (not followed by a handle unit, nor by '/' as an npm scope is, nor by '.' or '-' and more of the handle),
   * 5 a heading that is a turn (headingIsTurn: "### System", "### Assistant directive: …", "## System Update"), 6 not in
   * a path to a public key ("~/.ssh/id_ed25519.pub" is what a user uploads to GitHub), 7 non-word after and no template's
   * suffix (".env", not ".env.example"), 8 a role key with a turn's text after it (roleValueOk: not an object's key,
   * "user: {"), 9 an address's host (hostAfterAt: "check@verify.example", "deploy@ops-helper", not a package's version,
   * "server@latest", "lodash@4.17.21"), 10 no CSS rule's block after it (a selector: "[hidden] { display: none; }") */
  after: number;
  length: number;
}

export interface Lexicon {
  conceptIds: Map<string, number>;
  conceptNames: string[];
  /** the characters of all words, concatenated: word id w spans [wordOffset[w], wordOffset[w + 1]) */
  wordChars: Uint16Array;
  wordOffset: Int32Array;
  tableMask: number;
  /** open-addressing word table, per slot [full 32-bit hash, word id << 6 | length (-1: empty)] */
  tableSlots: Int32Array;
  words: string[];
  wordAutomaton: SymbolAutomaton;
  phraseConcepts: number[][];
  phraseLengths: number[];
  /** marker automaton for the tokenizer's loop: delta[state << MARK_SHIFT | class], states renumbered */
  markerDelta: Uint16Array;
  /** states at or above this number have outputs */
  markerOutBase: number;
  /** marker indices ending in each (renumbered) state */
  markerOutputs: ReadonlyArray<readonly number[]>;
  /** per (renumbered) state: the trigger bits of its outputs (Events.triggers), and 1 when some output is a concept's marker */
  markerTriggers: Int32Array;
  markerHasConcept: Uint8Array;
  /** per UTF-16 unit: marker class (bits 0-5) | JOINER_FLAG (bit 6) | WORD_FLAG (bit 7) when the unit belongs to words |
   * gap between tokens << GAP_SHIFT (0: depends on the neighbours, see gapOf; a word unit has none, and bits 14 and 15
   * say whether it is a digit, WORD_DIGIT, or a unit no lexicon word has, WORD_OTHER) */
  charInfo: Uint16Array;
  markers: MarkerInfo[];
  /** per word: phrase-automaton state from the root (WORD_ROOT_MASK) | WORD_INTERIOR | WORD_LEAD */
  wordInfo: Int32Array;
  youConcept: number;
  /** words of a text about attacks (the mention check looks for quoted examples only in such texts) */
  attackTalkConcept: number;
  /** a tool description's warning against what it quotes (such a description may quote attacks as examples) */
  safeguardTalkConcept: number;
  /** AI_SELF ("AI model", "language model", "ChatGPT"): hidden text that names one addresses a model */
  aiConcept: number;
  /** AI_ADDRESS: the assistant, the model, the agent … (hidden text that names its reader) */
  aiAddressConcept: number;
  /** scanner name → bit set in Events.triggers when one of its trigger strings occurs (absent: always run) */
  triggerBits: Map<string, number>;
  /** the trigger masks of the engine's own passes (markup; '%'; "\\x") */
  markupMask: number;
  percentMask: number;
  morseMask: number;
  reversedMask: number;
  rot13Mask: number;
  hexEscapeMask: number;
}

function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Is `w` (lower case) a word of the lexicon? One probe sequence in the word table. */
export function isLexiconWord(lex: Lexicon, w: string): boolean {
  const len = w.length;
  if (len === 0 || len > 40) return false;
  const h = hashWord(w) | 0;
  const { tableSlots, tableMask, wordChars, wordOffset } = lex;
  for (let slot = h & tableMask; ; slot = (slot + 1) & tableMask) {
    const v = tableSlots[2 * slot + 1]!;
    if (v < 0) return false;
    if (tableSlots[2 * slot] === h && (v & 63) === len) {
      const off = wordOffset[v >> 6]!;
      let eq = true;
      for (let q = 0; q < len && eq; q++) eq = wordChars[off + q] === w.charCodeAt(q);
      if (eq) return true;
    }
  }
}

/** 1 for UTF-16 units that belong to words (lookup table: the tokenizer's hot loop). */
export const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) WORD_UNIT[c] = isWordUnitSlow(c) ? 1 : 0;

function isWordUnit(c: number): boolean {
  return WORD_UNIT[c] === 1;
}

function isWordUnitSlow(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || (c >= 0xc0 && c < 0x2000) || (c >= 0x2c00 && c < 0xd800) || (c >= 0xf900 && c < 0xfff0);
}

/** Splits a lexicon phrase exactly like the tokenizer splits text. */
function splitPhrase(phrase: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let k = 0; k < phrase.length; k++) {
    const c = phrase.charCodeAt(k);
    const apostrophe = c === 0x27 && cur.length > 0 && k + 1 < phrase.length && isWordUnit(phrase.charCodeAt(k + 1));
    if (isWordUnit(c) || apostrophe) cur += phrase[k];
    else if (cur) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

let LEXICON: Lexicon | null = null;
/** Trigger names of the engine's own passes (beside the scanners'). */
const MARKUP_TRIGGER = "(markup)";
const PERCENT_TRIGGER = "(percent)";
const MORSE_TRIGGER = "(morse)";
/** Words of an attack written backwards or in ROT13: the text is read back that way and screened again. */
const REVERSED_TRIGGER = "(reversed)";
const ROT13_TRIGGER = "(rot13)";
const READ_BACK_WORDS = [
  "ignore", "disregard", "instructions", "instruction", "previous", "prompt", "system", "reveal", "forget", "password", "assistant", "forward",
  "restrictions", "pretend", "jailbreak", "developer", "override", "bypass", "hidden", "configuration", "guidelines", "unfiltered",
  "rules", "conversation", "passwords", "credentials",
];
const HEX_ESCAPE_TRIGGER = "(hex escape)";

/** A marker's prefixes and suffixes, with the MarkerInfo codes they stand for (the first that fits counts: "^^" before "^"). */
const MARKER_BEFORE: ReadonlyArray<readonly [string, number]> = [["^^", 5], ["^", 3], ["\\@", 4], ["\\b", 1], ["\\w", 2]];
const MARKER_AFTER: ReadonlyArray<readonly [string, number]> = [["\\h", 4], ["\\b", 1], ["\\m", 3], ["\\w", 2], ["\\$", 5], ["\\p", 6], ["\\e", 7], ["\\v", 8], ["\\d", 9], ["\\c", 10]];

export function lexicon(): Lexicon {
  if (LEXICON) return LEXICON;
  const conceptNames = Object.keys(CONCEPTS);
  const conceptIds = new Map(conceptNames.map((c, i) => [c, i]));
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const phraseIndex = new Map<string, number>();
  const phrases: number[][] = [];
  const phraseConcepts: number[][] = [];
  const markerStrings: string[] = [];
  const markerIndex = new Map<string, number>();
  const markers: MarkerInfo[] = [];
  // Concepts some rule refers to: only those produce events.
  const used = new Set<string>(["YOU", "ATTACK_TALK", "SAFEGUARD_TALK"]);
  const use = (c: string | string[]): void => {
    for (const x of Array.isArray(c) ? c : [c]) used.add(x);
  };
  for (const r of RULES) {
    const m = r.matcher;
    if (m.type === "sequence") for (const st of m.steps) {
      use(st.concept);
      if (st.notAfter) use(st.notAfter.concept);
      if (st.orAfter) use(st.orAfter.concept);
      if (st.prohibited) use([st.prohibited.concept, st.prohibited.unless]);
      if (st.notBefore) use([st.notBefore.concept, ...(st.notBefore.ending ? [st.notBefore.ending] : [])]);
    }
    if (m.type === "near") {
      for (const c of m.concepts) use(c);
      for (const ng of ([] as Array<{ concept: string }>).concat(m.negate ?? [])) use(ng.concept);
      if (m.prohibited) use([m.prohibited.concept, m.prohibited.unless]);
      for (const v of Object.values(m.afterOnly ?? {})) use(v.concept);
    }
  }
  for (const [name, def] of Object.entries(CONCEPTS)) {
    const cid = conceptIds.get(name)!;
    if (!used.has(name)) {
      // still give the words ids (LEAD words flag clause starts)
      for (const ph of def.phrases ?? []) for (const w of splitPhrase(ph.toLowerCase())) if (!wordIds.has(w)) {
        wordIds.set(w, words.length);
        words.push(w);
      }
      continue;
    }
    for (const ph of def.phrases ?? []) {
      const toks = splitPhrase(ph.toLowerCase());
      if (toks.length === 0) continue;
      const key = toks.join(" ");
      let pi = phraseIndex.get(key);
      if (pi === undefined) {
        pi = phrases.length;
        phraseIndex.set(key, pi);
        phrases.push(
          toks.map((w) => {
            let id = wordIds.get(w);
            if (id === undefined) {
              id = words.length;
              wordIds.set(w, id);
              words.push(w);
            }
            return id;
          }),
        );
        phraseConcepts.push([]);
      }
      if (!phraseConcepts[pi]!.includes(cid)) phraseConcepts[pi]!.push(cid);
    }
    for (let m of def.markers ?? []) {
      // the marker's syntax: a prefix and a suffix that say what may stand before and after it (MarkerInfo)
      const pre = MARKER_BEFORE.find(([p]) => m.startsWith(p));
      const before = pre ? pre[1] : 0;
      if (pre) m = m.slice(pre[0].length);
      const post = MARKER_AFTER.find(([p]) => m.endsWith(p));
      const after = post ? post[1] : 0;
      if (post) m = m.slice(0, -post[0].length);
      const key = `${before}|${after}|${m}|${cid}`;
      if (markerIndex.has(key)) continue;
      markerIndex.set(key, markers.length);
      markerStrings.push(m);
      markers.push({ concept: cid, before, after, length: m.length });
    }
  }
  // Scanner triggers ride on the marker automaton: concept -(1 + bit).
  const triggerBits = new Map<string, number>();
  // The engine's own passes get bits too: markup ('<', a Markdown link or comment) and escapes ('%',
  // "\\x"), whose texts need the hidden-region and URL/hex-escape passes. (Seen in the normalized text:
  // a superset of what the original holds, since normalization keeps every ASCII unit.)
  const ownTriggers: Record<string, readonly string[]> = { [MARKUP_TRIGGER]: ["<", "](", "[//]"], [PERCENT_TRIGGER]: ["%"], [HEX_ESCAPE_TRIGGER]: ["\\x"], [MORSE_TRIGGER]: [". .", ". -", "- .", "- -"],
    [REVERSED_TRIGGER]: READ_BACK_WORDS.map((w) => [...w].reverse().join("")),
    [ROT13_TRIGGER]: READ_BACK_WORDS.map(rot13Text),
  };
  for (const [scanner, triggers] of [...Object.entries(SCANNER_TRIGGERS), ...Object.entries(ownTriggers)]) {
    const bit = triggerBits.size;
    if (bit >= 31) throw new Error("lexicon: too many trigger bits");
    triggerBits.set(scanner, bit);
    for (const tr of triggers ?? []) {
      markerStrings.push(tr);
      markers.push({ concept: -1 - bit, before: 0, after: 0, length: tr.length });
    }
  }
  // Open-addressing word table, two Int32 per slot: [hash, id << 6 | length] (-1: empty). Kept
  // small (load ≤ 1/2, 8 bytes a slot) because every token of every text probes it: it stays in cache.
  let size = 1;
  while (size < words.length * 2) size <<= 1;
  const tableSlots = new Int32Array(size * 2);
  for (let h = 0; h < size; h++) tableSlots[2 * h + 1] = -1;
  for (let id = 0; id < words.length; id++) {
    if (words[id]!.length > 40) continue; // the tokenizer never looks longer words up
    const full = hashWord(words[id]!) | 0;
    let h = full & (size - 1);
    while (tableSlots[2 * h + 1]! !== -1) h = (h + 1) & (size - 1);
    tableSlots[2 * h] = full;
    tableSlots[2 * h + 1] = (id << 6) | words[id]!.length;
  }
  const wordOffset = new Int32Array(words.length + 1);
  for (let id = 0; id < words.length; id++) wordOffset[id + 1] = wordOffset[id]! + words[id]!.length;
  const wordChars = new Uint16Array(wordOffset[words.length]!);
  for (let id = 0; id < words.length; id++) for (let k = 0; k < words[id]!.length; k++) wordChars[wordOffset[id]! + k] = words[id]!.charCodeAt(k);
  // The units words of the lexicon are made of: ASCII letters, digits, apostrophe and underscore. The tokenizer
  // hashes every word as it reads it and looks up in the table only those made of these units.
  // (It once walked a trie of the words instead; with the lexicon at 17,000 trie states, a 1.1 MB table, the hash
  // is as fast: measured 18.60 against 18.76 ns a unit for the tokenizer, `npx tsx bench/tokenizer-ab.ts <trie ref> 6`.)
  const lexiconUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x5f;
  for (const w of words) {
    for (let k = 0; k < w.length; k++) if (!lexiconUnit(w.charCodeAt(k))) throw new Error(`lexicon: word ${JSON.stringify(w)} has a unit the tokenizer splits on`);
  }
  const leadWord = new Uint8Array(words.length);
  for (const ph of CONCEPTS.LEAD?.phrases ?? []) {
    const id = wordIds.get(ph);
    if (id !== undefined) leadWord[id] = 1;
  }
  const markerAutomaton = new AsciiAutomaton(markerStrings);
  const K = markerAutomaton.classes;
  if (K > 127) throw new Error("lexicon: too many marker character classes");
  // The tokenizer's copy of the marker automaton: 16-bit states, one 128-byte row each (classes
  // padded to 2^MARK_SHIFT), numbered breadth-first with the states that have outputs last, so a
  // hit is one comparison (state >= markerOutBase) and the shallow states sit together.
  if (K > 1 << MARK_SHIFT) throw new Error("lexicon: too many marker character classes");
  const nStates = markerAutomaton.delta.length / K;
  if (nStates > 0xffff) throw new Error("lexicon: marker automaton too large for 16-bit states");
  const bfs = [0];
  const seen = new Uint8Array(nStates);
  seen[0] = 1;
  for (let q = 0; q < bfs.length; q++) {
    for (let cls = 0; cls < K; cls++) {
      const nxt = markerAutomaton.delta[bfs[q]! * K + cls]!;
      if (seen[nxt] === 0) {
        seen[nxt] = 1;
        bfs.push(nxt);
      }
    }
  }
  const withOutput = bfs.filter((st) => markerAutomaton.hasOutput[st] === 1);
  const markOrder = [...bfs.filter((st) => markerAutomaton.hasOutput[st] !== 1), ...withOutput];
  if (markOrder[0] !== 0 || markOrder.length !== nStates) throw new Error("lexicon: marker automaton states unreachable");
  const markNumber = new Int32Array(nStates);
  markOrder.forEach((st, k) => (markNumber[st] = k));
  const markerOutBase = nStates - withOutput.length;
  const markerDelta = new Uint16Array(nStates << MARK_SHIFT);
  for (let k = 0; k < nStates; k++) {
    for (let cls = 0; cls < K; cls++) markerDelta[(k << MARK_SHIFT) | cls] = markNumber[markerAutomaton.delta[markOrder[k]! * K + cls]!]!;
  }
  const markerOutputs = markOrder.map((st) => markerAutomaton.outputs[st]!);
  const markerTriggers = new Int32Array(nStates);
  const markerHasConcept = new Uint8Array(nStates);
  markerOutputs.forEach((outs, st) => {
    for (const o of outs) {
      const cid = markers[o]!.concept;
      if (cid < 0) markerTriggers[st]! |= 1 << (-1 - cid);
      else markerHasConcept[st] = 1;
    }
  });
  const charInfo = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const gap = WORD_UNIT[c] === 1 ? 0 : c < 0x80 ? GAP[c]! : c === 0x2014 ? 2 : 1;
    const joiner = c === 0x2b || c === 0x2f || c === 0x2d ? JOINER_FLAG : 0;
    // (a word unit has no gap: bits 14 and 15 say whether it is a digit or a unit no lexicon word has)
    const wordBits = WORD_UNIT[c] !== 1 ? 0 : c >= 0x30 && c <= 0x39 ? WORD_DIGIT : lexiconUnit(c) ? 0 : WORD_OTHER;
    charInfo[c] = (gap << GAP_SHIFT) | wordBits | (c < 0x80 ? markerAutomaton.classOf[c]! : 0) | (WORD_UNIT[c] === 1 ? WORD_FLAG : 0) | joiner;
  }
  // (the apostrophe inside a word, "don't", is read with the word: its gap bits must not read as either)
  if ((charInfo[0x27]! & (WORD_DIGIT | WORD_OTHER)) !== 0) throw new Error("lexicon: apostrophe's gap collides with the word bits");
  // What the tokenizer needs of a word at its end, in one load: the phrase automaton's state from the
  // root, whether the word continues some phrase (then the automaton must step from its state), and
  // whether it leads a clause.
  const wordAutomaton = new SymbolAutomaton(phrases);
  // the override verbs that are one word ("ignore", "disregard", "vergiss"; not "stop" or "set": ordinary words
  // would fill the tokenizer's notes), where a sentence cut into pieces is looked for
  const cutWord = new Uint8Array(words.length);
  for (const ph of CONCEPTS.OVERRIDE?.phrases ?? []) {
    const toks = splitPhrase(ph.toLowerCase());
    const id = toks.length === 1 ? wordIds.get(toks[0]!) : undefined;
    if (id !== undefined) cutWord[id] = 1;
  }
  if (wordAutomaton.states > WORD_ROOT_MASK) throw new Error("lexicon: phrase automaton too large");
  const wordInfo = new Int32Array(words.length);
  for (let id = 0; id < words.length; id++) {
    const inPhrases = id < wordAutomaton.symSpace;
    wordInfo[id] = (inPhrases ? wordAutomaton.rootNext[id]! : 0) | (inPhrases && wordAutomaton.interior[id] === 1 ? WORD_INTERIOR : 0) | (leadWord[id] === 1 ? WORD_LEAD : 0) | (cutWord[id] === 1 ? WORD_CUT : 0);
  }
  LEXICON = {
    conceptIds,
    conceptNames,
    wordChars,
    wordOffset,
    tableMask: size - 1,
    tableSlots,
    words,
    wordAutomaton,
    phraseConcepts,
    phraseLengths: phrases.map((p) => {
      // (a length is 8 bits of a packed output, see CompiledKind.phraseRec)
      if (p.length > 0xff) throw new Error("lexicon: phrase too long");
      return p.length;
    }),
    markerDelta,
    markerOutBase,
    markerOutputs,
    markerTriggers,
    markerHasConcept,
    charInfo,
    markers,
    wordInfo,
    youConcept: conceptIds.get("YOU") ?? -1,
    attackTalkConcept: conceptIds.get("ATTACK_TALK") ?? -1,
    safeguardTalkConcept: conceptIds.get("SAFEGUARD_TALK") ?? -1,
    aiConcept: conceptIds.get("AI_SELF") ?? -1,
    aiAddressConcept: conceptIds.get("AI_ADDRESS") ?? -1,
    triggerBits,
    markupMask: 1 << triggerBits.get(MARKUP_TRIGGER)!,
    percentMask: 1 << triggerBits.get(PERCENT_TRIGGER)!,
    morseMask: 1 << triggerBits.get(MORSE_TRIGGER)!,
    reversedMask: 1 << triggerBits.get(REVERSED_TRIGGER)!,
    rot13Mask: 1 << triggerBits.get(ROT13_TRIGGER)!,
    hexEscapeMask: 1 << triggerBits.get(HEX_ESCAPE_TRIGGER)!,
  };
  return LEXICON;
}
