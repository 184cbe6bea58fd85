// Mixed load with Table Storage (Azurite) stopped in the middle: only session paths fail, with 503;
// no 500s; success resumes within 5 s of the restart; no session created is lost.
// A shorter run than `npm run load:faults` (60 s, 10 s outage), same code and checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatReport, runLoadFaults } from "../../scripts/load-faults.ts";

test("load with a table outage: fail closed for sessions only, recover, lose nothing", { timeout: 120_000 }, async () => {
  const report = await runLoadFaults({ seconds: 16, outageSeconds: 5, rate: 30 });
  const text = formatReport(report);
  assert.deepEqual(report.problems, [], text);
  assert.equal(report.sessionsLost, 0, text);
  assert.ok(report.sessionsCreated > 50, text);
  const outage = report.counts["session-get"].outage;
  assert.ok((outage["503"] ?? 0) > 0, `the outage was observed: ${text}`);
  for (const op of ["exchange", "screen"] as const) {
    assert.deepEqual(Object.keys(report.counts[op].outage), ["200"], `${op} is unaffected by the table outage: ${text}`);
  }
});
