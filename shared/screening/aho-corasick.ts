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
 * (state, symbol), so a transition is a few integer operations.
 */
export class SymbolAutomaton {
  /** Dense transitions out of the root (the most frequent state: callers may step from it directly). */
  readonly rootNext: Int32Array;
  /** Transitions with the failure links already followed (a DFA), for the pairs whose target
   * differs from rootNext[sym]: key = state * symSpace + sym (-1: empty slot), value = next state.
   * A step is one probe sequence, with no walk along the failure chain. */
  private readonly edgeKeys: Int32Array;
  private readonly edgeVals: Int32Array;
  private readonly edgeMask: number;
  /** Per state, a 32-bit filter of the symbols with an entry (bit sym & 31). Most steps find none,
   * and the filter (one word a state) answers them without a probe (measured: 2-3% off the tokenizer). */
  private readonly edgeFilter: Int32Array;
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
    let maxSym = 0;
    for (const p of patterns) for (const sym of p) if (sym > maxSym) maxSym = sym;
    this.symSpace = maxSym + 1;
    if (next.length * this.symSpace >= 0x7fffffff) throw new Error("SymbolAutomaton: too large");
    this.rootNext = new Int32Array(maxSym + 1);
    this.interior = new Uint8Array(maxSym + 1);
    for (const p of patterns) for (let k = 1; k < p.length; k++) this.interior[p[k]!] = 1;
    for (const [sym, nxt] of next[0]!) this.rootNext[sym] = nxt;
    // closed transitions, in breadth-first order (a state's failure target is closed before it):
    // from s, the symbols with a goto edge, plus those its failure target leads off the root with
    const closed: Array<Map<number, number>> = new Array(next.length);
    closed[0] = new Map();
    let entries = 0;
    for (const s of queue) {
      const own = new Map(closed[fail[s]!]!);
      for (const [sym, nxt] of next[s]!) {
        if (nxt === this.rootNext[sym]) own.delete(sym);
        else own.set(sym, nxt);
      }
      closed[s] = own;
      entries += own.size;
    }
    let size = 16;
    while (size < entries * 3) size <<= 1;
    this.edgeKeys = new Int32Array(size).fill(-1);
    this.edgeVals = new Int32Array(size);
    this.edgeMask = size - 1;
    this.edgeFilter = new Int32Array(next.length);
    for (const s of queue) {
      for (const [sym, nxt] of closed[s]!) {
        this.edgeFilter[s]! |= 1 << (sym & 31);
        const key = s * this.symSpace + sym;
        let h = (Math.imul(key, 0x9e3779b1) >>> 0) & this.edgeMask;
        while (this.edgeKeys[h] !== -1) h = (h + 1) & this.edgeMask;
        this.edgeKeys[h] = key;
        this.edgeVals[h] = nxt;
      }
    }
  }

  /** One transition: O(1) expected (one probe sequence in the closed table). */
  step(state: number, sym: number): number {
    if (sym < 0 || sym >= this.symSpace) return 0;
    if (this.interior[sym] === 0 || state === 0) return this.rootNext[sym]!;
    if (((this.edgeFilter[state]! >>> (sym & 31)) & 1) === 0) return this.rootNext[sym]!;
    const key = state * this.symSpace + sym;
    const keys = this.edgeKeys;
    const mask = this.edgeMask;
    let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = keys[h]!;
      if (k === key) return this.edgeVals[h]!;
      if (k === -1) return this.rootNext[sym]!;
      h = (h + 1) & mask;
    }
  }
}
