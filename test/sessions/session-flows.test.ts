// Session endpoints over real HTTP on real Azurite: create / validate / rotate / revoke / revoke-all,
// user binding, no oracle, format checks without lookups, body validation, access, limits, storage.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { bearer, devToken, problemOf, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import {
  createSession,
  getSession,
  problemWithoutCorrelation,
  revoke,
  rotate,
  statusOf,
  tableRows,
} from "./support.ts";

let edge: TestEdge;
let alice: string;
let bob: string;

before(async () => {
  edge = await startTestEdge({ EDGE_SESSION_MAX_PER_USER: "3" });
  alice = await devToken({ sub: "alice" });
  bob = await devToken({ sub: "bob" });
});
after(async () => {
  await edge?.stop();
});

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("session lifecycle", () => {
  test("create → 201 with a 43-character base64url id, expiry times; validate → 200 with metadata and backendSessionId", async () => {
    const created = await createSession(edge, alice, { resource: "https://mcp.example/mcp", backendSessionId: "backend-1", clientId: "vscode" });
    assert.match(created.sessionId, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(Date.parse(created.expiresAt) > Date.now());
    assert.ok(Date.parse(created.idleExpiresAt) <= Date.parse(created.expiresAt));
    const response = await getSession(edge, alice, created.sessionId);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.backendSessionId, "backend-1");
    assert.equal(body.resource, "https://mcp.example/mcp");
    assert.equal(body.clientId, "vscode");
    assert.match(String(body.userKeyHash), /^[0-9a-f]{64}$/);
    assert.equal(body.expiresAt, created.expiresAt);
  });

  test("an empty POST creates a session with the configured defaults and the token's client", async () => {
    const created = await createSession(edge, bob);
    const idle = Date.parse(created.idleExpiresAt) - Date.now();
    const life = Date.parse(created.expiresAt) - Date.now();
    assert.ok(Math.abs(idle - 1800_000) < 60_000, `idle ${idle}`);
    assert.ok(Math.abs(life - 28_800_000) < 60_000, `lifetime ${life}`);
    const body = (await (await getSession(edge, bob, created.sessionId)).json()) as Record<string, unknown>;
    assert.equal(body.clientId, "mcp-dev-client");
    assert.equal(body.backendSessionId, undefined);
  });

  test("rotate → a new id with the same binding and backendSessionId; the old id is dead and cannot rotate again", async () => {
    const created = await createSession(edge, alice, { backendSessionId: "backend-rot", lifetimeSeconds: 3600 });
    const response = await rotate(edge, alice, created.sessionId);
    assert.equal(response.status, 200);
    const rotated = (await response.json()) as { sessionId: string; expiresAt: string };
    assert.notEqual(rotated.sessionId, created.sessionId);
    assert.equal(rotated.expiresAt, created.expiresAt, "rotation keeps the absolute expiry");
    assert.equal(await statusOf(edge, alice, created.sessionId), 404);
    const body = (await (await getSession(edge, alice, rotated.sessionId)).json()) as Record<string, unknown>;
    assert.equal(body.backendSessionId, "backend-rot");
    const again = await rotate(edge, alice, created.sessionId);
    assert.equal(again.status, 404);
    assert.equal((await problemOf(again)).type, "urn:mcp-security-edge:problem:session-not-found");
    assert.equal(await statusOf(edge, bob, rotated.sessionId), 404, "the new id is bound to the same user");
  });

  test("revoke → 204, then 404 for validate, rotate and a second revoke", async () => {
    const created = await createSession(edge, alice);
    const response = await revoke(edge, alice, created.sessionId);
    assert.equal(response.status, 204);
    assert.equal(await response.text(), "");
    assert.equal(await statusOf(edge, alice, created.sessionId), 404);
    assert.equal((await rotate(edge, alice, created.sessionId)).status, 404);
    assert.equal((await revoke(edge, alice, created.sessionId)).status, 404);
  });

  test("revoke-all (sign-out everywhere) answers the count and leaves other users alone", async () => {
    const carol = await devToken({ sub: "carol-all" });
    const dave = await devToken({ sub: "dave-all" });
    const mine = [await createSession(edge, carol), await createSession(edge, carol), await createSession(edge, carol)];
    const theirs = await createSession(edge, dave);
    const response = await edge.fetch("/api/sessions", { method: "DELETE", headers: bearer(carol) });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { revoked: 3 });
    for (const session of mine) assert.equal(await statusOf(edge, carol, session.sessionId), 404);
    assert.equal(await statusOf(edge, dave, theirs.sessionId), 200);
    const again = await edge.fetch("/api/sessions", { method: "DELETE", headers: bearer(carol) });
    assert.deepEqual(await again.json(), { revoked: 0 });
    const audit = edge.auditRecords.filter((r) => r.action === "session.revoke_all");
    assert.ok(audit.some((r) => (r.details as { revoked?: number }).revoked === 3));
  });
});

describe("binding, no oracle, format", () => {
  test("another user's token on my session → 404 for validate, rotate and revoke; my session is untouched", async () => {
    const created = await createSession(edge, alice, { backendSessionId: "secret-backend" });
    const get = await getSession(edge, bob, created.sessionId);
    assert.equal(get.status, 404);
    assert.ok(!(await get.text()).includes("secret-backend"));
    assert.equal((await rotate(edge, bob, created.sessionId)).status, 404);
    assert.equal((await revoke(edge, bob, created.sessionId)).status, 404);
    assert.equal(await statusOf(edge, alice, created.sessionId), 200);
  });

  test("unknown, malformed, revoked, rotated-away and other users' ids all get the same 404 body", async () => {
    const revoked = await createSession(edge, alice);
    await revoke(edge, alice, revoked.sessionId);
    const rotated = await createSession(edge, alice);
    await rotate(edge, alice, rotated.sessionId);
    const someoneElses = await createSession(edge, bob);
    const cases: Array<[string, string]> = [
      ["unknown", randomBytes(32).toString("base64url")],
      ["malformed", "not-a-session-id"],
      ["revoked", revoked.sessionId],
      ["rotated", rotated.sessionId],
      ["other user", someoneElses.sessionId],
    ];
    const bodies = [];
    for (const [name, id] of cases) {
      const response = await getSession(edge, alice, id);
      assert.equal(response.status, 404, name);
      assert.equal(response.headers.get("content-type"), "application/problem+json", name);
      bodies.push(await problemWithoutCorrelation(response));
    }
    for (const body of bodies) assert.deepEqual(body, bodies[0]);
  });

  test("ids of the wrong format get 404 without any table lookup", async () => {
    const store = edge.services.sessions;
    assert.ok(store);
    const valid = randomBytes(32).toString("base64url");
    const malformed = [
      "abc",
      valid.slice(0, 42),
      `${valid}A`,
      `${valid.slice(0, 42)}B`, // 43 characters, but the last one would carry non-zero padding bits
      `${valid.slice(0, 42)}=`,
      `${valid.slice(0, 41)}+/`.replace("/", "%2F"),
      encodeURIComponent(`${valid.slice(0, 42)}.`),
      "%00".repeat(43),
    ];
    for (const id of malformed) {
      const lookups: number = store.stats.lookups;
      for (const response of [await getSession(edge, alice, id), await rotate(edge, alice, id), await revoke(edge, alice, id)]) {
        assert.equal(response.status, 404, id);
        await response.body?.cancel();
      }
      assert.equal(store.stats.lookups, lookups, `no lookup for ${id}`);
    }
    const lookups: number = store.stats.lookups;
    assert.equal(await statusOf(edge, alice, valid), 404);
    assert.equal(store.stats.lookups, lookups + 1, "a well-formed id is looked up");
  });
});

describe("requests are checked", () => {
  const invalidBodies: Array<[string, string]> = [
    ["unknown field", JSON.stringify({ sessionId: "x" })],
    ["array", "[]"],
    ["null", "null"],
    ["string", '"x"'],
    ["clientId empty", JSON.stringify({ clientId: "" })],
    ["clientId too long", JSON.stringify({ clientId: "c".repeat(257) })],
    ["clientId control characters", JSON.stringify({ clientId: "a\nb" })],
    ["clientId not a string", JSON.stringify({ clientId: 7 })],
    ["resource not a URI", JSON.stringify({ resource: "mcp server" })],
    ["resource with a fragment", JSON.stringify({ resource: "https://mcp.example/#x" })],
    ["resource too long", JSON.stringify({ resource: `https://mcp.example/${"r".repeat(2048)}` })],
    ["backendSessionId too long", JSON.stringify({ backendSessionId: "b".repeat(1025) })],
    ["backendSessionId not visible ASCII", JSON.stringify({ backendSessionId: "é" })],
    ["idle over the maximum", JSON.stringify({ idleTimeoutSeconds: 1801 })],
    ["idle under the minimum", JSON.stringify({ idleTimeoutSeconds: 9 })],
    ["idle fractional", JSON.stringify({ idleTimeoutSeconds: 60.5 })],
    ["idle as a string", JSON.stringify({ idleTimeoutSeconds: "60" })],
    ["lifetime over the maximum", JSON.stringify({ lifetimeSeconds: 28_801 })],
    ["lifetime negative", JSON.stringify({ lifetimeSeconds: -1 })],
    ["malformed JSON", "{"],
  ];
  for (const [name, body] of invalidBodies) {
    test(`POST /api/sessions: ${name} → 400 problem+json, nothing created`, async () => {
      const eve = await devToken({ sub: "eve-400" });
      const response = await edge.fetch("/api/sessions", { method: "POST", headers: bearer(eve, { "Content-Type": "application/json" }), body });
      assert.equal(response.status, 400);
      const problem = await problemOf(response);
      assert.equal(problem.status, 400);
      assert.ok(!JSON.stringify(problem).includes("b".repeat(100)));
    });
  }

  test("the maxima themselves are accepted", async () => {
    const created = await createSession(edge, await devToken({ sub: "max-ok" }), {
      idleTimeoutSeconds: 1800,
      lifetimeSeconds: 28_800,
      clientId: "c".repeat(256),
      backendSessionId: "b".repeat(1024),
    });
    assert.ok(created.sessionId);
    const eve = await devToken({ sub: "eve-400" });
    const count = await edge.fetch("/api/sessions", { method: "DELETE", headers: bearer(eve) });
    assert.deepEqual(await count.json(), { revoked: 0 }, "no invalid request created a session");
  });

  test("wrong content type → 415; rotate with unknown fields → 400", async () => {
    const plain = await edge.fetch("/api/sessions", { method: "POST", headers: bearer(alice, { "Content-Type": "text/plain" }), body: "{}" });
    assert.equal(plain.status, 415);
    await problemOf(plain);
    const created = await createSession(edge, alice);
    const response = await edge.fetch(`/api/sessions/${created.sessionId}/rotate`, {
      method: "POST",
      headers: bearer(alice, { "Content-Type": "application/json" }),
      body: JSON.stringify({ lifetimeSeconds: 10 }),
    });
    assert.equal(response.status, 400);
    await problemOf(response);
    assert.equal(await statusOf(edge, alice, created.sessionId), 200, "a rejected rotation changes nothing");
    const empty = await edge.fetch(`/api/sessions/${created.sessionId}/rotate`, {
      method: "POST",
      headers: bearer(alice, { "Content-Type": "application/json" }),
      body: "{}",
    });
    assert.equal(empty.status, 200);
  });

  test("no token → 401 with WWW-Authenticate on every session route; a workload token → 403; wrong method → 405", async () => {
    const id = randomBytes(32).toString("base64url");
    const calls: Array<[string, string]> = [
      ["POST", "/api/sessions"],
      ["DELETE", "/api/sessions"],
      ["GET", `/api/sessions/${id}`],
      ["DELETE", `/api/sessions/${id}`],
      ["POST", `/api/sessions/${id}/rotate`],
    ];
    const workload = await devToken({ client: "some-daemon", roles: ["Edge.Screen"] });
    for (const [method, path] of calls) {
      const anonymous = await edge.fetch(path, { method });
      assert.equal(anonymous.status, 401, `${method} ${path}`);
      assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer /);
      await problemOf(anonymous);
      const forged = await edge.fetch(path, { method, headers: bearer(`${alice.slice(0, -4)}AAAA`) });
      assert.equal(forged.status, 401, `${method} ${path} with a bad signature`);
      await forged.body?.cancel();
      const app = await edge.fetch(path, { method, headers: bearer(workload) });
      assert.equal(app.status, 403, `${method} ${path} with an app-only token`);
      await app.body?.cancel();
    }
    const wrong = await edge.fetch(`/api/sessions/${id}`, { method: "PUT", headers: bearer(alice) });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get("allow"), "GET, DELETE");
    await wrong.body?.cancel();
  });
});

describe("limits, storage and audit", () => {
  test("over the per-user maximum, the oldest session is revoked, and that is audited", async () => {
    const frank = await devToken({ sub: "frank-limit" });
    const sessions = [];
    for (let i = 0; i < 4; i += 1) sessions.push(await createSession(edge, frank));
    const statuses = [];
    for (const s of sessions) statuses.push(await statusOf(edge, frank, s.sessionId));
    assert.deepEqual(statuses, [404, 200, 200, 200]);
    const oldest = sha256((sessions[0] as { sessionId: string }).sessionId).slice(0, 12);
    const event = edge.auditRecords.find((r) => r.action === "session.revoke" && r.reason === "limit" && (r.details as { sessionHash?: string }).sessionHash === oldest);
    assert.ok(event, "the limit revocation is audited with the hash prefix");
    assert.equal(event.owasp, "MCP07");
  });

  test("the table holds only hashes: no session id and no backendSessionId in clear; RowKey = SHA-256 of the id", async () => {
    const backend = `backend-${randomBytes(12).toString("hex")}`;
    const gina = await devToken({ sub: "gina-storage" });
    const created = await createSession(edge, gina, { backendSessionId: backend });
    const userKeyHash = ((await (await getSession(edge, gina, created.sessionId)).json()) as { userKeyHash: string }).userKeyHash;
    const rows = await tableRows(edge, userKeyHash);
    assert.equal(rows.length, 1);
    const row = rows[0] as Record<string, unknown>;
    assert.equal(row.partitionKey, userKeyHash);
    assert.equal(row.rowKey, sha256(created.sessionId));
    const everything = JSON.stringify(await tableRows(edge));
    assert.ok(!everything.includes(created.sessionId), "no session id is stored");
    assert.ok(!everything.includes(backend), "the backend session id is encrypted");
    assert.match(String(row.backend), /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  test("audit events carry hash prefixes, never a session id or a backendSessionId", async () => {
    const henry = await devToken({ sub: "henry-audit" });
    const created = await createSession(edge, henry, { backendSessionId: "backend-audit-xyz" });
    const rotated = (await (await rotate(edge, henry, created.sessionId)).json()) as { sessionId: string };
    await getSession(edge, henry, created.sessionId);
    await revoke(edge, henry, rotated.sessionId);
    const log = JSON.stringify(edge.auditRecords);
    assert.ok(!log.includes(created.sessionId));
    assert.ok(!log.includes(rotated.sessionId));
    assert.ok(!log.includes("backend-audit-xyz"));
    for (const action of ["session.create", "session.rotate", "session.validate", "session.revoke"]) {
      const event = edge.auditRecords.find((r) => r.action === action && r.details && (r.details as { sessionHash?: string }).sessionHash === sha256(created.sessionId).slice(0, 12))
        ?? edge.auditRecords.find((r) => r.action === action && r.details && (r.details as { sessionHash?: string }).sessionHash === sha256(rotated.sessionId).slice(0, 12));
      assert.ok(event, action);
      assert.equal(event.owasp, "MCP07");
    }
  });
});
