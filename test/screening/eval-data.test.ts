// Regression guard on the labelled development set in ../shared/eval (read-only team kit beside
// the repository). The product never reads it; this test does, and says so clearly when it is absent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decideVerdict, screenTexts, type TextKind } from "../../shared/screening/index.ts";

const DEV = fileURLToPath(new URL("../../../shared/eval/screening-dev.jsonl", import.meta.url));

interface Row {
  id: string;
  kind: TextKind;
  text: string;
  label: "attack" | "benign";
  category: string;
}

test("development set: F1 and false-positive rates stay within the goals", () => {
  assert.ok(
    existsSync(DEV),
    `screening dev set not found at ${DEV}: this test needs the team kit checked out beside the repository (../shared/eval/screening-dev.jsonl)`,
  );
  const rows = readFileSync(DEV, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  assert.ok(rows.length > 100, "dev set looks truncated");
  let tp = 0, fp = 0, fn = 0, benign = 0, benignFp = 0, hard = 0, hardFp = 0;
  for (const r of rows) {
    const positive = decideVerdict(screenTexts([{ field: "text", kind: r.kind, text: r.text }]).findings) !== "allow";
    if (r.label === "attack") positive ? tp++ : fn++;
    else {
      if (positive) fp++;
      if (r.category === "benign") {
        benign++;
        if (positive) benignFp++;
      } else {
        hard++;
        if (positive) hardFp++;
      }
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  assert.ok(f1 >= 0.88, `F1 ${f1.toFixed(3)} below 0.88`);
  assert.ok(benignFp / benign <= 0.03, `benign FPR ${(benignFp / benign).toFixed(3)} above 3%`);
  assert.ok(hardFp / hard <= 0.05, `hard-benign FPR ${(hardFp / hard).toFixed(3)} above 5%`);
});
