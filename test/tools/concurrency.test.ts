// Concurrent approvals over real HTTP and real Azurite: no update is ever lost silently. Every
// approval that answered 200 committed its own version (all distinct, consecutive), and the final pin
// set is exactly what those commits, in version order, produce; a 409 (retries exhausted) committed nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { bearer, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { adminToken, approve, ensureServer, page, tool, type ApproveBody } from "./support.ts";

let edge: TestEdge;

before(async () => {
  edge = await startTestEdge();
});
after(async () => {
  await edge?.stop();
});

async function pinsOf(serverId: string): Promise<{ version: number; tools: Array<{ name: string; hash: string; approvedBy: string }> }> {
  const response = await edge.fetch(`/api/servers/${serverId}`, { headers: bearer(await adminToken()) });
  const body = (await response.json()) as { pins: { version: number; tools: Array<{ name: string; hash: string; approvedBy: string }> } };
  return body.pins;
}

test("concurrent partial approvals by different admins: every answered approval is in the pin set", async () => {
  await ensureServer(edge, "busy");
  const admins = await Promise.all(Array.from({ length: 8 }, (_, i) => adminToken(`admin-${i}`)));
  // Each admin approves one page of a longer list (nextCursor set → incomplete → merged into the pins).
  const responses = await Promise.all(admins.map((token, i) => approve(edge, token, "busy", page([tool(`busy_tool_${i}`, `Tool number ${i}.`)], `after-${i}`))));
  const statuses = responses.map((r) => r.status);
  assert.ok(statuses.every((s) => s === 200 || s === 409), String(statuses));
  const bodies = await Promise.all(responses.map(async (r) => (r.status === 200 ? ((await r.json()) as ApproveBody) : undefined)));
  const committed = bodies.flatMap((body, i) => (body ? [{ i, version: body.version }] : []));
  assert.ok(committed.length >= 1);
  const versions = committed.map((c) => c.version).sort((a, b) => a - b);
  assert.deepEqual(versions, Array.from({ length: committed.length }, (_, k) => k + 1), "one distinct version per committed approval");

  const pins = await pinsOf("busy");
  assert.equal(pins.version, committed.length);
  const pinned = new Set(pins.tools.map((t) => t.name));
  for (let i = 0; i < admins.length; i += 1) {
    const answered: boolean = statuses[i] === 200;
    assert.equal(pinned.has(`busy_tool_${i}`), answered, `tool ${i}: pinned iff its approval answered 200`);
  }
  const attempts = edge.auditRecords.filter((r) => r.action === "tools.approve" && r.outcome === "allow").map((r) => (r.details as { attempts: number }).attempts);
  assert.ok(attempts.some((n) => n > 1), `the race happened and was retried (attempts: ${attempts})`);
  const conflicts = edge.auditRecords.filter((r) => r.action === "tools.approve" && r.reason === "approval_conflict").length;
  assert.equal(conflicts, statuses.filter((s) => s === 409).length);
});

test("concurrent complete approvals: serialized; the last commit defines the set and reports what it unpinned", async () => {
  await ensureServer(edge, "racing");
  const lists = Array.from({ length: 6 }, (_, i) => page([tool("shared_tool", "Same in every list."), tool(`racing_only_${i}`, `Only in list ${i}.`)]));
  const tokens = await Promise.all(lists.map((_, i) => adminToken(`racer-${i}`)));
  const responses = await Promise.all(lists.map((list, i) => approve(edge, tokens[i] as string, "racing", list)));
  const bodies: Array<ApproveBody & { index: number }> = [];
  for (const [index, response] of responses.entries()) {
    assert.ok(response.status === 200 || response.status === 409, String(response.status));
    if (response.status === 200) bodies.push({ ...((await response.json()) as ApproveBody), index });
  }
  bodies.sort((a, b) => a.version - b.version);
  assert.deepEqual(bodies.map((b) => b.version), Array.from({ length: bodies.length }, (_, k) => k + 1));
  const last = bodies.at(-1) as ApproveBody & { index: number };
  const pins = await pinsOf("racing");
  assert.deepEqual(pins.tools.map((t) => t.name).sort(), ["shared_tool", `racing_only_${last.index}`].sort(), "the set is the last committed list");
  // Each commit's answer names exactly the tools it unpinned from the version it replaced.
  for (let k = 1; k < bodies.length; k += 1) {
    const previous = bodies[k - 1] as ApproveBody & { index: number };
    assert.deepEqual(bodies[k]?.unpinned.map((u) => u.name), [`racing_only_${previous.index}`], `version ${bodies[k]?.version}`);
    assert.deepEqual(bodies[k]?.tools.map((t) => t.status), ["unchanged", "new"]);
  }
  // The shared tool kept its first approver: re-approving the same definition is not a new approval.
  const first = bodies[0] as ApproveBody & { index: number };
  const shared = pins.tools.find((t) => t.name === "shared_tool");
  assert.ok(shared);
  const { hashUserKey } = await import("../../shared/identity/principal.ts");
  const { DEV_ISSUER } = await import("../../shared/config/settings.ts");
  assert.equal(shared.approvedBy, hashUserKey({ issuer: DEV_ISSUER, sub: `racer-${first.index}` }));
});

test("concurrent approval and verification: verification sees one committed version or the other, never a mix", async () => {
  await ensureServer(edge, "mixed");
  const v1 = page([tool("mixed_a", "Version one of a."), tool("mixed_b", "Version one of b.")]);
  const v2 = page([tool("mixed_a", "Version two of a."), tool("mixed_b", "Version two of b.")]);
  const admin = await adminToken();
  assert.equal((await approve(edge, admin, "mixed", v1)).status, 200);
  const { screenToken, verify } = await import("./support.ts");
  const screen = await screenToken();
  const [approval, ...checks] = await Promise.all([approve(edge, admin, "mixed", v2), ...Array.from({ length: 10 }, () => verify(edge, screen, "mixed", v1))]);
  assert.equal(approval.status, 200);
  for (const check of checks) {
    const body = (await check.json()) as { verdict: string; tools: Array<{ status: string }> };
    const statuses = new Set(body.tools.map((t) => t.status));
    assert.equal(statuses.size, 1, `all pinned (before) or all changed (after): ${[...statuses]}`);
    assert.equal(body.verdict, statuses.has("pinned") ? "allow" : "block");
  }
});
