import { test } from "node:test";
import assert from "node:assert/strict";
import { AsciiAutomaton, SymbolAutomaton } from "../../shared/screening/aho-corasick.ts";

// A small deterministic generator, so that a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every (pattern, end) pair, found the slow way. */
function naive(patterns: ReadonlyArray<readonly number[]>, input: readonly number[]): string[] {
  const out: string[] = [];
  for (let end = 1; end <= input.length; end++) {
    patterns.forEach((p, idx) => {
      if (p.length <= end && p.every((sym, k) => input[end - p.length + k] === sym)) out.push(`${idx}@${end}`);
    });
  }
  return out.sort();
}

test("the phrase automaton finds every occurrence of every phrase, overlapping and nested ones too", () => {
  const next = rng(7);
  for (let round = 0; round < 200; round++) {
    // a small alphabet makes shared prefixes, suffixes and failure chains common
    const alphabet = 2 + Math.floor(next() * 6);
    const patterns = Array.from({ length: 1 + Math.floor(next() * 12) }, () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => Math.floor(next() * alphabet)));
    const ac = new SymbolAutomaton(patterns);
    // symbols outside the patterns' alphabet (and -1, a word outside the lexicon) return to the root
    const input = Array.from({ length: 60 }, () => Math.floor(next() * (alphabet + 2)) - 1);
    const found: string[] = [];
    let state = 0;
    input.forEach((sym, i) => {
      state = ac.step(state, sym);
      for (const idx of ac.outputs[state]!) found.push(`${idx}@${i + 1}`);
    });
    assert.deepEqual(found.sort(), naive(patterns, input), `round ${round}: ${JSON.stringify({ patterns, input })}`);
  }
});

test("the character automaton finds every occurrence of every marker", () => {
  const ac = new AsciiAutomaton(["he", "she", "his", "hers", "<!--"]);
  const found: string[] = [];
  ac.scan("ushers <!-- his", (p, end) => found.push(`${p}@${end}`));
  assert.deepEqual(found, ["1@4", "0@4", "3@6", "4@11", "2@15"]);
});
