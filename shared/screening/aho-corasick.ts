// Aho–Corasick automata. Matching is O(input + matches): every input symbol takes one transition
// of a precomputed automaton, and outputs are reported per state.

/**
 * Dense automaton over 7-bit ASCII code units (a complete DFA, failure links folded in). The
 * alphabet is compressed to the characters that occur in the patterns (every other unit is one
 * class), which keeps the transition table small enough to stay in cache. Any unit ≥ 0x80 sends
 * the automaton back to the root.
 */
export class AsciiAutomaton {
  /** Transition table over character classes: delta[state * classes + classOf[c]]. */
  readonly delta: Int32Array;
  /** Character class of each ASCII unit (0: a unit that occurs in no pattern). */
  readonly classOf: Uint8Array;
  readonly classes: number;
  /** outputs[state] = pattern indices ending here (including those reached through failure links). */
  readonly outputs: ReadonlyArray<readonly number[]>;
  /** 1 when outputs[state] is not empty (lets hot loops skip the array access). */
  readonly hasOutput: Uint8Array;
  readonly patternLengths: readonly number[];

  constructor(patterns: readonly string[]) {
    const classOf = new Uint8Array(128);
    let classes = 1;
    for (const p of patterns) {
      for (let k = 0; k < p.length; k++) {
        const c = p.charCodeAt(k);
        if (c >= 0x80) throw new Error(`AsciiAutomaton: non-ASCII pattern ${JSON.stringify(p)}`);
        if (classOf[c] === 0) classOf[c] = classes++;
      }
    }
    const gotoT: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((p, idx) => {
      let s = 0;
      for (let k = 0; k < p.length; k++) {
        const c = classOf[p.charCodeAt(k)]!;
        let nxt = gotoT[s]!.get(c);
        if (nxt === undefined) {
          nxt = gotoT.length;
          gotoT.push(new Map());
          out.push([]);
          gotoT[s]!.set(c, nxt);
        }
        s = nxt;
      }
      out[s]!.push(idx);
    });
    const states = gotoT.length;
    const K = classes;
    const delta = new Int32Array(states * K);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 1; c < K; c++) {
      const nxt = gotoT[0]!.get(c);
      if (nxt !== undefined) {
        delta[c] = nxt;
        fail[nxt] = 0;
        queue.push(nxt);
      } else delta[c] = 0;
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      for (const o of out[f]!) if (!out[s]!.includes(o)) out[s]!.push(o);
      for (let c = 1; c < K; c++) {
        const nxt = gotoT[s]!.get(c);
        if (nxt !== undefined) {
          fail[nxt] = delta[f * K + c]!;
          delta[s * K + c] = nxt;
          queue.push(nxt);
        } else delta[s * K + c] = delta[f * K + c]!;
      }
      // class 0 (a unit in no pattern) always leads back to the root: delta[s * K] stays 0
    }
    this.delta = delta;
    this.classOf = classOf;
    this.classes = K;
    this.outputs = out;
    this.hasOutput = Uint8Array.from(out, (o) => (o.length > 0 ? 1 : 0));
    this.patternLengths = patterns.map((p) => p.length);
  }

  /** Calls onMatch(patternIndex, endExclusive) for every occurrence of every pattern in text. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void {
    const delta = this.delta;
    const classOf = this.classOf;
    const K = this.classes;
    const outputs = this.outputs;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      s = c < 0x80 ? delta[s * K + classOf[c]!]! : 0;
      if (this.hasOutput[s] === 1) {
        const o = outputs[s]!;
        for (let k = 0; k < o.length; k++) onMatch(o[k]!, i + 1);
      }
    }
  }
}

/**
 * Sparse automaton over integer symbols (word ids). Symbol -1 (a word outside the lexicon) and
 * reset() return to the root. The goto edges live in one open-addressing hash table keyed by
 * (state, symbol); a missing edge follows the failure link (amortized O(1) per symbol, as in any
 * Aho–Corasick automaton). Only the goto edges are stored, not the closed DFA: its table was six
 * times larger (85,000 entries against 14,000 for the lexicon's phrases) and, larger than the L2
 * cache, cost a cache miss per probe.
 */
export class SymbolAutomaton {
  /** Dense transitions out of the root (the most frequent state: callers may step from it directly). */
  readonly rootNext: Int32Array;
  /** Goto edges out of the other states: (key, next state) pairs side by side, key = state * symSpace + sym
   * (-1: empty slot), so a probe reads one cache line. */
  readonly edges: Int32Array;
  readonly edgeMask: number;
  /** Per state, a 32-bit filter of the symbols with an edge (bit sym & 31). Most steps find none,
   * and the filter (one word a state) answers them without a probe. */
  readonly edgeFilter: Int32Array;
  readonly fail: Int32Array;
  /** symbols are [0, symSpace) */
  readonly symSpace: number;
  /** 1 for symbols that occur after the first position of some pattern; from any state, any other
   * symbol leads where it leads from the root (only the root has an edge for it) */
  readonly interior: Uint8Array;
  readonly outputs: ReadonlyArray<readonly number[]>;
  readonly states: number;

  constructor(patterns: ReadonlyArray<readonly number[]>) {
    const next: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((p, idx) => {
      let s = 0;
      for (const sym of p) {
        let nxt = next[s]!.get(sym);
        if (nxt === undefined) {
          nxt = next.length;
          next.push(new Map());
          out.push([]);
          next[s]!.set(sym, nxt);
        }
        s = nxt;
      }
      out[s]!.push(idx);
    });
    const fail = new Int32Array(next.length);
    const queue: number[] = [];
    for (const nxt of next[0]!.values()) {
      fail[nxt] = 0;
      queue.push(nxt);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [sym, nxt] of next[s]!) {
        let f = fail[s]!;
        while (f !== 0 && !next[f]!.has(sym)) f = fail[f]!;
        const g = next[f]!.get(sym);
        fail[nxt] = g !== undefined && g !== nxt ? g : 0;
        for (const o of out[fail[nxt]!]!) if (!out[nxt]!.includes(o)) out[nxt]!.push(o);
        queue.push(nxt);
      }
    }
    this.outputs = out;
    this.states = next.length;
    this.fail = fail;
    let maxSym = 0;
    for (const p of patterns) for (const sym of p) if (sym > maxSym) maxSym = sym;
    this.symSpace = maxSym + 1;
    if (next.length * this.symSpace >= 0x7fffffff) throw new Error("SymbolAutomaton: too large");
    this.rootNext = new Int32Array(maxSym + 1);
    this.interior = new Uint8Array(maxSym + 1);
    for (const p of patterns) for (let k = 1; k < p.length; k++) this.interior[p[k]!] = 1;
    for (const [sym, nxt] of next[0]!) this.rootNext[sym] = nxt;
    let entries = 0;
    for (let s = 1; s < next.length; s++) entries += next[s]!.size;
    let size = 16;
    while (size < entries * 2) size <<= 1;
    this.edges = new Int32Array(size * 2).fill(-1);
    this.edgeMask = size - 1;
    this.edgeFilter = new Int32Array(next.length);
    for (let s = 1; s < next.length; s++) {
      for (const [sym, nxt] of next[s]!) {
        this.edgeFilter[s]! |= 1 << (sym & 31);
        const key = s * this.symSpace + sym;
        let h = (Math.imul(key, 0x9e3779b1) >>> 0) & this.edgeMask;
        while (this.edges[2 * h] !== -1) h = (h + 1) & this.edgeMask;
        this.edges[2 * h] = key;
        this.edges[2 * h + 1] = nxt;
      }
    }
  }

  /** One transition: O(1) amortized (a probe per state on the failure chain, most answered by the filter). */
  step(state: number, sym: number): number {
    if (sym < 0 || sym >= this.symSpace) return 0;
    if (this.interior[sym] === 0) return this.rootNext[sym]!;
    const edges = this.edges;
    const mask = this.edgeMask;
    const space = this.symSpace;
    const bit = sym & 31;
    for (let s = state; s !== 0; s = this.fail[s]!) {
      if (((this.edgeFilter[s]! >>> bit) & 1) === 0) continue;
      const key = s * space + sym;
      let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      for (;;) {
        const k = edges[2 * h]!;
        if (k === key) return edges[2 * h + 1]!;
        if (k === -1) break;
        h = (h + 1) & mask;
      }
    }
    return this.rootNext[sym]!;
  }
}
