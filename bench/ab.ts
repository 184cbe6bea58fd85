// What the two A/B tools share: alternating fresh processes and the median of each side.
import { spawnSync } from "node:child_process";

/** Runs `script --child root` in a fresh Node process (with `nodeArgs`) and returns the number it prints. */
export function childNumber(script: string, root: string, cwd: string, nodeArgs: readonly string[] = [], extra: readonly string[] = []): number {
  const r = spawnSync(process.execPath, [...nodeArgs, "--import", "tsx", script, "--child", root, ...extra], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/** A then B, `rounds` times: a slow spell of a shared machine falls on both sides. */
export function alternate(rounds: number, a: () => number, b: () => number): { a: number[]; b: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < rounds; k++) {
    xs.push(a());
    ys.push(b());
  }
  return { a: xs, b: ys };
}

export const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
