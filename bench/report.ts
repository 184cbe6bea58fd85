// How a benchmark reports a figure: a line `RESULT {json}` on stdout, collected by bench/run.ts into
// bench/results.md. Human-readable lines go to stdout as usual.

export interface BenchResult {
  readonly bench: string;
  readonly metric: string;
  readonly value: string;
  /** The goal and whether it is met, e.g. "≥ 50 MB/s: met". */
  readonly goal?: string;
}

export function report(result: BenchResult): void {
  console.log(`${result.bench}: ${result.metric} = ${result.value}${result.goal ? `   [${result.goal}]` : ""}`);
  console.log(`RESULT ${JSON.stringify(result)}`);
}
