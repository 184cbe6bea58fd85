// Aho–Corasick automata. Matching is O(input + matches): every input symbol takes one transition
// of a precomputed automaton, and outputs are reported per state.

/**
 * Dense automaton over 7-bit ASCII code units (a complete DFA: 128 transitions per state, failure
 * links folded in). Any unit ≥ 0x80 sends the automaton back to the root.
 */
export class AsciiAutomaton {
  readonly delta: Int32Array;
  /** outputs[state] = pattern indices ending here (including those reached through failure links). */
  readonly outputs: ReadonlyArray<readonly number[]>;
  /** 1 when outputs[state] is not empty (lets hot loops skip the array access). */
  readonly hasOutput: Uint8Array;
  readonly patternLengths: readonly number[];

  constructor(patterns: readonly string[]) {
    const gotoT: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((p, idx) => {
      let s = 0;
      for (let k = 0; k < p.length; k++) {
        const c = p.charCodeAt(k);
        if (c >= 0x80) throw new Error(`AsciiAutomaton: non-ASCII pattern ${JSON.stringify(p)}`);
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
    const delta = new Int32Array(states * 128);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 0; c < 128; c++) {
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
      for (let c = 0; c < 128; c++) {
        const nxt = gotoT[s]!.get(c);
        if (nxt !== undefined) {
          fail[nxt] = delta[f * 128 + c]!;
          delta[s * 128 + c] = nxt;
          queue.push(nxt);
        } else delta[s * 128 + c] = delta[f * 128 + c]!;
      }
    }
    this.delta = delta;
    this.outputs = out;
    this.hasOutput = Uint8Array.from(out, (o) => (o.length > 0 ? 1 : 0));
    this.patternLengths = patterns.map((p) => p.length);
  }

  /** Calls onMatch(patternIndex, endExclusive) for every occurrence of every pattern in text. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void {
    const delta = this.delta;
    const outputs = this.outputs;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      s = c < 0x80 ? delta[s * 128 + c]! : 0;
      if (this.hasOutput[s] === 1) {
        const o = outputs[s]!;
        for (let k = 0; k < o.length; k++) onMatch(o[k]!, i + 1);
      }
    }
  }
}

/**
 * Sparse automaton over integer symbols (word ids). Symbol -1 (a word outside the lexicon) and
 * reset() return to the root.
 */
export class SymbolAutomaton {
  private readonly next: Array<Map<number, number>>;
  private readonly fail: Int32Array;
  /** Dense transitions out of the root (the most frequent state). */
  private readonly rootNext: Int32Array;
  readonly outputs: ReadonlyArray<readonly number[]>;

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
    this.next = next;
    this.fail = fail;
    this.outputs = out;
    let maxSym = 0;
    for (const p of patterns) for (const sym of p) if (sym > maxSym) maxSym = sym;
    this.rootNext = new Int32Array(maxSym + 1);
    for (const [sym, nxt] of next[0]!) this.rootNext[sym] = nxt;
  }

  /** One transition. Amortized O(1) (failure links). */
  step(state: number, sym: number): number {
    if (sym < 0) return 0;
    let s = state;
    while (s !== 0) {
      const g = this.next[s]!.get(sym);
      if (g !== undefined) return g;
      s = this.fail[s]!;
    }
    return sym < this.rootNext.length ? this.rootNext[sym]! : 0;
  }
}
