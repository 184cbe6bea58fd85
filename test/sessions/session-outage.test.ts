// Table Storage outage: with its own persistent Azurite on a fixed port, the edge answers 503
// problem+json while Azurite is down (never granting a session), and after Azurite restarts from the
// same location no session is lost and none is resurrected.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startAzurite, type AzuriteInstance } from "../../functions/local/azurite.ts";
import { bearer, devToken, problemOf, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { DEV_ISSUER } from "../../shared/config/settings.ts";
import { hashUserKey } from "../../shared/identity/principal.ts";
import { createSession, getSession, revoke, rotate, statusOf, tableRows } from "./support.ts";

let location: string;
let port: number;
let azurite: AzuriteInstance | undefined;
let edge: TestEdge;

before(async () => {
  location = mkdtempSync(join(tmpdir(), "edge-sessions-outage-"));
  port = await freePort();
  azurite = await startAzurite({ location, port });
  edge = await startTestEdge({ EDGE_TABLES_CONNECTION_STRING: azurite.connectionString });
});
after(async () => {
  await edge?.stop();
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

/**
 * Azurite persists with LokiJS autosave (every 5 s) and saves on SIGINT only, while
 * AzuriteInstance.stop() sends SIGTERM: wait until its file holds the last write, so that what the
 * test checks after the restart is the edge's behaviour, not the emulator dropping unsaved writes.
 */
async function waitForAzuriteSave(lastRowKey: string): Promise<void> {
  const file = join(location, "__azurite_db_table__.json");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      if (readFileSync(file, "utf8").includes(lastRowKey)) return;
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Azurite did not save its data within 15 s");
}

async function expect503(response: Response, what: string): Promise<void> {
  assert.equal(response.status, 503, what);
  const problem = await problemOf(response);
  assert.equal(problem.type, "urn:mcp-security-edge:problem:dependency-unavailable", what);
  assert.equal(response.headers.get("retry-after"), "5");
  assert.ok(!JSON.stringify(problem).includes("sessionId"), what);
}

test("Azurite down → 503 for every session call; back up → nothing lost, nothing resurrected", async () => {
  const token = await devToken({ sub: "outage-user" });
  const userKey = hashUserKey({ issuer: DEV_ISSUER, sub: "outage-user" });
  const live = await createSession(edge, token, { backendSessionId: "backend-live" });
  const revokedBefore = await createSession(edge, token);
  assert.equal((await revoke(edge, token, revokedBefore.sessionId)).status, 204);
  const rotatedAway = await createSession(edge, token);
  const rotatedTo = (await (await rotate(edge, token, rotatedAway.sessionId)).json()) as { sessionId: string };
  const revokeAttempted = await createSession(edge, token);
  const rowsBefore = (await tableRows(edge, userKey)).length;

  await waitForAzuriteSave(createHash("sha256").update(revokeAttempted.sessionId).digest("hex"));
  await azurite?.stop();
  azurite = undefined;

  const started = performance.now();
  await expect503(await getSession(edge, token, live.sessionId), "validate");
  await expect503(await getSession(edge, token, revokedBefore.sessionId), "validate a revoked id");
  await expect503(
    await edge.fetch("/api/sessions", { method: "POST", headers: bearer(token, { "Content-Type": "application/json" }), body: "{}" }),
    "create",
  );
  await expect503(await rotate(edge, token, live.sessionId), "rotate");
  await expect503(await revoke(edge, token, revokeAttempted.sessionId), "revoke");
  await expect503(await edge.fetch("/api/sessions", { method: "DELETE", headers: bearer(token) }), "revoke all");
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 6 * 5_000, `answers within the table deadline (${Math.round(elapsed)} ms for six calls)`);
  // Even during the outage, a malformed id is answered without the table.
  assert.equal(await statusOf(edge, token, "nope"), 404);
  const unavailable = edge.auditRecords.filter((r) => r.action === "dependency.unavailable");
  assert.ok(unavailable.length >= 6);

  azurite = await startAzurite({ location, port });

  const response = await getSession(edge, token, live.sessionId);
  assert.equal(response.status, 200, "the live session survived");
  assert.equal(((await response.json()) as { backendSessionId: string }).backendSessionId, "backend-live");
  assert.equal(await statusOf(edge, token, rotatedTo.sessionId), 200, "the rotated-to session survived");
  assert.equal(await statusOf(edge, token, revokeAttempted.sessionId), 200, "a revocation that answered 503 did not happen");
  assert.equal(await statusOf(edge, token, revokedBefore.sessionId), 404, "a revoked session stays revoked");
  assert.equal(await statusOf(edge, token, rotatedAway.sessionId), 404, "a rotated-away id stays dead");
  assert.equal((await tableRows(edge, userKey)).length, rowsBefore, "no session was created during the outage");
  const created = await createSession(edge, token);
  assert.equal(await statusOf(edge, token, created.sessionId), 200, "the edge works again");
});
