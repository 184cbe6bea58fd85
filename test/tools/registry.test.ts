// The MCP server registry over real HTTP and real Azurite: admin-only access, CRUD with ETags,
// refusal of unknown/blocked/pending servers, 400 with nothing stored, audit events.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { bearer, devToken, problemOf, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { DEV_ISSUER } from "../../shared/config/settings.ts";
import { hashUserKey } from "../../shared/identity/principal.ts";
import {
  adminToken,
  approve,
  approveOk,
  ensureServer,
  page,
  putServer,
  screenToken,
  serverBody,
  snapshot,
  tableRows,
  tool,
  verify,
  verifyOk,
} from "./support.ts";

let edge: TestEdge;

before(async () => {
  edge = await startTestEdge();
});
after(async () => {
  await edge?.stop();
});

test("PUT creates (201, ETag, Location), GET reads, PUT replaces (200), list, DELETE (204) — audited", async () => {
  const token = await adminToken("registry-admin");
  const created = await putServer(edge, token, "github.tools_v1", serverBody({ displayName: "GitHub tools", policy: "strict" }));
  assert.equal(created.status, 201);
  assert.equal(created.headers.get("location"), "/api/servers/github.tools_v1");
  const etag = created.headers.get("etag");
  assert.ok(etag);
  const record = (await created.json()) as Record<string, unknown>;
  assert.equal(record.id, "github.tools_v1");
  assert.equal(record.state, "approved");
  assert.equal(record.policy, "strict");
  assert.equal(record.updatedBy, hashUserKey({ issuer: DEV_ISSUER, sub: "registry-admin" }));

  const read = await edge.fetch("/api/servers/github.tools_v1", { headers: bearer(token) });
  assert.equal(read.status, 200);
  assert.equal(read.headers.get("etag"), etag);
  const body = (await read.json()) as Record<string, unknown>;
  assert.equal(body.displayName, "GitHub tools");
  assert.equal(body.pins, null, "nothing approved yet");

  const replaced = await putServer(edge, token, "github.tools_v1", serverBody({ displayName: "GitHub", state: "pending" }));
  assert.equal(replaced.status, 200);
  const replacedBody = (await replaced.json()) as Record<string, unknown>;
  assert.equal(replacedBody.policy, "default", "a PUT replaces the whole record");
  assert.equal(replacedBody.createdAt, record.createdAt, "createdAt is kept");
  assert.notEqual(replaced.headers.get("etag"), etag);

  const list = (await (await edge.fetch("/api/servers", { headers: bearer(token) })).json()) as { servers: Array<{ id: string }> };
  assert.ok(list.servers.some((s) => s.id === "github.tools_v1"));

  assert.equal((await edge.fetch("/api/servers/github.tools_v1", { method: "DELETE", headers: bearer(token) })).status, 204);
  const gone = await edge.fetch("/api/servers/github.tools_v1", { headers: bearer(token) });
  assert.equal(gone.status, 404);
  assert.equal((await problemOf(gone)).type, "urn:mcp-security-edge:problem:server-unknown");
  assert.equal((await edge.fetch("/api/servers/github.tools_v1", { method: "DELETE", headers: bearer(token) })).status, 404);

  const events = edge.auditRecords.filter((r) => r.action.startsWith("servers.") && (r.details as { serverId?: string })?.serverId === "github.tools_v1");
  assert.deepEqual(
    events.map((e) => [e.action, e.outcome, e.reason ?? null]),
    [
      ["servers.put", "allow", "created"],
      ["servers.put", "allow", "updated"],
      ["servers.delete", "allow", null],
    ],
  );
  assert.ok(events.every((e) => e.owasp === "MCP09" && e.subject === hashUserKey({ issuer: DEV_ISSUER, sub: "registry-admin" })));
  assert.equal((events[1]?.details as { previousState?: string }).previousState, "approved");
});

test("without Edge.Admin → 403 on every registry and approval route; without a token → 401", async () => {
  await ensureServer(edge, "guarded");
  const before = await snapshot(edge);
  const plainUser = await devToken({ sub: "mallory" });
  const workloadAdmin = await devToken({ client: "apim", roles: ["Edge.Admin"] });
  const screen = await screenToken();
  for (const token of [plainUser, workloadAdmin, screen]) {
    const calls: Array<[string, RequestInit]> = [
      ["/api/servers", { method: "GET" }],
      ["/api/servers/guarded", { method: "GET" }],
      ["/api/servers/guarded", { method: "PUT", body: JSON.stringify(serverBody({ state: "blocked" })) }],
      ["/api/servers/guarded", { method: "DELETE" }],
      ["/api/servers/guarded/tools/approve", { method: "POST", body: JSON.stringify(page([tool("t", "d")])) }],
    ];
    for (const [path, init] of calls) {
      const response = await edge.fetch(path, { ...init, headers: bearer(token, { "Content-Type": "application/json" }) });
      assert.equal(response.status, 403, `${init.method} ${path}`);
      assert.match(response.headers.get("www-authenticate") ?? "", /insufficient_scope/);
      assert.equal((await problemOf(response)).type, "urn:mcp-security-edge:problem:insufficient-scope");
    }
  }
  assert.equal((await edge.fetch("/api/servers/guarded", { method: "PUT", headers: { "Content-Type": "application/json" }, body: "{}" })).status, 401);
  // A user without the admin role may still verify (screen access), and the workload with Edge.Screen too.
  assert.equal((await verify(edge, plainUser, "guarded", page([]))).status, 200);
  assert.equal((await verify(edge, screen, "guarded", page([]))).status, 200);
  assert.equal((await verify(edge, await devToken({ client: "other", roles: ["Edge.Exchange"] }), "guarded", page([]))).status, 403);
  assert.equal(await snapshot(edge), before, "nothing was changed by the refused calls");
});

test("400 for invalid server ids and bodies, with nothing stored", async () => {
  const token = await adminToken();
  await ensureServer(edge, "valid-one");
  const before = await snapshot(edge);
  const badIds = ["a%23b", "a%2Fb", "a%5Cb", "a%3Fb", "a%0Ab", "a%00b", "-leading", "_leading", "x".repeat(65), "caf%C3%A9", "a%20b", "a:b", "a'b"];
  for (const id of badIds) {
    for (const [method, path] of [
      ["PUT", `/api/servers/${id}`],
      ["GET", `/api/servers/${id}`],
      ["DELETE", `/api/servers/${id}`],
      ["POST", `/api/servers/${id}/tools/approve`],
      ["POST", `/api/servers/${id}/tools/verify`],
    ] as const) {
      const body = method === "PUT" ? JSON.stringify(serverBody()) : method === "POST" ? JSON.stringify(page([tool("t", "d")])) : null;
      const response = await edge.fetch(path, { method, headers: bearer(token, { "Content-Type": "application/json" }), body });
      assert.equal(response.status, 400, `${method} ${path}`);
      assert.equal((await problemOf(response)).type, "urn:mcp-security-edge:problem:invalid-server-id", `${method} ${path}`);
    }
  }
  const badBodies: unknown[] = [
    [],
    JSON.stringify("just a string"),
    {},
    serverBody({ displayName: "" }),
    serverBody({ displayName: "x".repeat(201) }),
    serverBody({ displayName: "evil\u202eeman" }),
    serverBody({ owner: "line\nbreak" }),
    serverBody({ baseUrl: "not a url" }),
    serverBody({ baseUrl: "http://mcp.example.com/mcp" }),
    serverBody({ baseUrl: "https://user:pw@mcp.example.com/mcp" }),
    serverBody({ baseUrl: "https://mcp.example.com/mcp#frag" }),
    serverBody({ baseUrl: "file:///etc/passwd" }),
    serverBody({ state: "trusted" }),
    serverBody({ state: undefined }),
    serverBody({ policy: "lenient" }),
    serverBody({ extra: true }),
    serverBody({ id: "someone-else" }),
  ];
  for (const body of badBodies) {
    const response = await putServer(edge, token, "new-server", body);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal((await problemOf(response)).type, "urn:mcp-security-edge:problem:invalid-server", JSON.stringify(body));
  }
  const malformed = await putServer(edge, token, "new-server", "{not json");
  assert.equal(malformed.status, 400);
  assert.equal(await snapshot(edge), before, "no row was written or changed");
  // Loopback http is accepted (local MCP servers).
  assert.equal((await putServer(edge, token, "local-dev", serverBody({ baseUrl: "http://127.0.0.1:3000/mcp" }))).status, 201);
});

test("If-Match: a stale ETag → 412 and nothing written; the current one → 200", async () => {
  const token = await adminToken();
  const created = await putServer(edge, token, "etag-server");
  const first = created.headers.get("etag") as string;
  const second = await putServer(edge, token, "etag-server", serverBody({ owner: "someone" }), { "If-Match": first });
  assert.equal(second.status, 200);
  const stale = await putServer(edge, token, "etag-server", serverBody({ state: "blocked" }), { "If-Match": first });
  assert.equal(stale.status, 412);
  assert.equal((await problemOf(stale)).type, "urn:mcp-security-edge:problem:precondition-failed");
  const current = (await (await edge.fetch("/api/servers/etag-server", { headers: bearer(token) })).json()) as Record<string, unknown>;
  assert.equal(current.state, "approved");
  assert.equal(current.owner, "someone");
  assert.equal((await putServer(edge, token, "etag-new", serverBody(), { "If-Match": "*" })).status, 412, "If-Match * needs an existing row");
  const staleDelete = await edge.fetch("/api/servers/etag-server", { method: "DELETE", headers: bearer(token, { "If-Match": first }) });
  assert.equal(staleDelete.status, 412);
  assert.equal((await edge.fetch("/api/servers/etag-server", { headers: bearer(token) })).status, 200);
});

test("a new server id confusable with a registered one → 409 (shadow server)", async () => {
  const token = await adminToken();
  await ensureServer(edge, "paypal-payments");
  for (const id of ["PayPal-Payments", "paypa1_payments", "paypal.payments"]) {
    const response = await putServer(edge, token, id);
    assert.equal(response.status, 409, id);
    const problem = await problemOf(response);
    assert.equal(problem.type, "urn:mcp-security-edge:problem:server-id-conflict");
    assert.equal(problem.conflictsWith, "paypal-payments");
  }
  assert.ok(edge.auditRecords.some((r) => r.action === "servers.put" && r.outcome === "deny" && r.reason === "confusable_server_id" && r.owasp === "MCP09"));
});

test("unknown → 404, blocked → 403 (approve and verify), pending → 403 for verify but approvable", async () => {
  const admin = await adminToken();
  const list = page([tool("search", "Searches the catalogue.")]);
  const unknown = await verify(edge, await screenToken(), "never-registered", list);
  assert.equal(unknown.status, 404);
  assert.equal((await problemOf(unknown)).type, "urn:mcp-security-edge:problem:server-unknown");
  assert.equal((await approve(edge, admin, "never-registered", list)).status, 404);

  await ensureServer(edge, "blocked-server", { state: "blocked" });
  for (const response of [await approve(edge, admin, "blocked-server", list), await verify(edge, await screenToken(), "blocked-server", list)]) {
    assert.equal(response.status, 403);
    assert.equal((await problemOf(response)).type, "urn:mcp-security-edge:problem:server-blocked");
  }
  assert.equal((await tableRows(edge, "tools", "m")).filter((row) => row.rowKey === "blocked-server").length, 0, "nothing pinned for a blocked server");

  await ensureServer(edge, "pending-server", { state: "pending" });
  const pendingVerify = await verify(edge, await screenToken(), "pending-server", list);
  assert.equal(pendingVerify.status, 403);
  assert.equal((await problemOf(pendingVerify)).type, "urn:mcp-security-edge:problem:server-pending");
  await approveOk(edge, "pending-server", list);
  await ensureServer(edge, "pending-server", { state: "approved" });
  assert.equal((await verifyOk(edge, "pending-server", list)).verdict, "allow");

  const refusals = edge.auditRecords.filter((r) => r.action === "tools.verify" && r.outcome === "deny" && r.owasp === "MCP09");
  assert.deepEqual(new Set(refusals.map((r) => r.reason)), new Set(["unknown_server", "blocked_server", "pending_server"]));
});

test("deleting a server drops its pins: a server re-created under the same id starts unapproved", async () => {
  const list = page([tool("read_notes", "Reads the user's notes.")]);
  await ensureServer(edge, "recreated");
  await approveOk(edge, "recreated", list);
  assert.equal((await verifyOk(edge, "recreated", list)).verdict, "allow");
  const token = await adminToken();
  assert.equal((await edge.fetch("/api/servers/recreated", { method: "DELETE", headers: bearer(token) })).status, 204);
  assert.equal((await tableRows(edge, "tools", "d:recreated")).length, 0, "definitions removed");
  assert.equal((await tableRows(edge, "tools", "m")).filter((row) => row.rowKey === "recreated").length, 0, "manifest removed");
  await ensureServer(edge, "recreated");
  const result = await verifyOk(edge, "recreated", list);
  assert.equal(result.verdict, "flag");
  assert.deepEqual(result.tools.map((t) => t.status), ["new"]);
});
