// Table Storage down: every tool-integrity call answers 503 problem+json — verification never falls
// back to "allow", approval never half-commits — and the domain function /api/screen calls rejects
// with DependencyUnavailableError (which the pipeline answers with 503).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startAzurite, type AzuriteInstance } from "../../functions/local/azurite.ts";
import { bearer, problemOf, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { DependencyUnavailableError } from "../../shared/identity/errors.ts";
import { adminToken, approve, approveOk, ensureServer, page, putServer, screenToken, tool, verify, verifyOk } from "./support.ts";

let azurite: AzuriteInstance | undefined;
let edge: TestEdge;

before(async () => {
  azurite = await startAzurite();
  edge = await startTestEdge({ EDGE_TABLES_CONNECTION_STRING: azurite.connectionString });
});
after(async () => {
  await edge?.stop();
  await azurite?.stop();
});

async function expect503(response: Response, what: string): Promise<void> {
  assert.equal(response.status, 503, what);
  const problem = await problemOf(response);
  assert.equal(problem.type, "urn:mcp-security-edge:problem:dependency-unavailable", what);
  assert.equal(response.headers.get("retry-after"), "5", what);
  assert.ok(!("verdict" in problem), `${what}: no verdict in a 503`);
}

test("Azurite down → 503 for registry, approve and verify; never an allow", async () => {
  const list = page([tool("outage_lookup", "Looks up a record.")]);
  await ensureServer(edge, "outage");
  await approveOk(edge, "outage", list);
  assert.equal((await verifyOk(edge, "outage", list)).verdict, "allow");

  await azurite?.stop();
  azurite = undefined;
  const recordsBefore = edge.auditRecords.length;

  const admin = await adminToken();
  const screen = await screenToken();
  const started = performance.now();
  await expect503(await verify(edge, screen, "outage", list), "verify the pinned list");
  await expect503(await verify(edge, screen, "outage", page([tool("outage_lookup", "Changed.")])), "verify a changed list");
  await expect503(await approve(edge, admin, "outage", list), "approve");
  await expect503(await putServer(edge, admin, "outage-new"), "PUT");
  await expect503(await edge.fetch("/api/servers/outage", { headers: bearer(admin) }), "GET");
  await expect503(await edge.fetch("/api/servers", { headers: bearer(admin) }), "list");
  await expect503(await edge.fetch("/api/servers/outage", { method: "DELETE", headers: bearer(admin) }), "DELETE");
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 7 * 5_000, `answers within the table deadline (${Math.round(elapsed)} ms for seven calls)`);

  // Input is still validated first: bad input is 400 even during an outage (nothing to store anyway).
  assert.equal((await verify(edge, screen, "outage", { nope: true })).status, 400);
  assert.equal((await verify(edge, screen, "bad%23id", list)).status, 400);

  // The domain function that /api/screen calls rejects; it never resolves to a verdict.
  const integrity = edge.services.tools;
  assert.ok(integrity);
  await assert.rejects(integrity.verify("outage", list), DependencyUnavailableError);
  await assert.rejects(integrity.toolsListChanged("outage"), DependencyUnavailableError);

  assert.ok(edge.auditRecords.filter((r) => r.action === "dependency.unavailable").length >= 7);
  const verdictsDuringOutage = edge.auditRecords.slice(recordsBefore).filter((r) => r.action === "tools.verify" && r.outcome !== "deny");
  assert.deepEqual(verdictsDuringOutage, [], "no verification verdict was produced during the outage");
});
