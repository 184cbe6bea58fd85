// The MCP middleware's edges, with a real MCP SDK server behind it and a scriptable edge double in front
// of nothing: token checks (kinds, algorithms, claims), RFC 9728 metadata, fail-closed behaviour when
// the edge is down (sessions, screening, JWKS), body limits, screening verdicts and the exchange cache.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyObject } from "jose";
import { z } from "zod";
import { createMcpEdgeMiddleware, EdgeClient, MCP_EDGE_ERROR, type McpEdgeMiddleware } from "mcp-security-edge/client";
import { startEdgeDouble, type EdgeDouble, type Recorded, type Scripted } from "./double.ts";

const ISSUER = "https://issuer.test/tenant";
const DOWNSTREAM = "https://api.test/downstream";
const allow = { status: 200, body: { verdict: "allow", findings: [], shield: { provider: "local", userPromptAttack: false, documentsAttack: [] } } };
const block = { status: 200, body: { verdict: "block", findings: [{ rule: "override.ignore_previous" }], shield: { provider: "local", userPromptAttack: true, documentsAttack: [] } } };

let double: EdgeDouble;
let http: Server;
let RESOURCE: string;
let protect: McpEdgeMiddleware;
let userKey: KeyObject;
let userJwk: JWK;
let edgeKey: KeyObject;
let edgeJwk: JWK;
let toolRuns = 0;
/** What the double answers per route (`METHOD /path`); tests replace entries. Sessions are kept in `sessions`. */
let routes: Record<string, (r: Recorded) => Scripted>;
const sessions = new Map<string, { resource?: string; backendSessionId?: string }>();

function defaultRoutes(): Record<string, (r: Recorded) => Scripted> {
  return {
    "POST /api/sessions": (r) => {
      const sessionId = `E${randomUUID().replaceAll("-", "")}`.padEnd(43, "x");
      sessions.set(sessionId, JSON.parse(r.body) as { resource?: string; backendSessionId?: string });
      return { status: 201, body: { sessionId, expiresAt: "2100-01-01T00:00:00Z", idleExpiresAt: "2100-01-01T00:00:00Z" } };
    },
    "POST /api/screen": () => allow,
    "POST /api/token-exchange": () => ({ status: 200, body: { access_token: `downstream-${randomUUID()}`, token_type: "Bearer", expires_in: 300, scope: "d.read" } }),
    "GET /.well-known/oauth-authorization-server": () => ({ status: 200, body: { issuer: double.url, token_endpoint: `${double.url}/api/token-exchange`, jwks_uri: `${double.url}/.well-known/jwks.json` } }),
    "GET /.well-known/jwks.json": () => ({ status: 200, body: { keys: [edgeJwk] } }),
  };
}

function answer(r: Recorded): Scripted {
  const key = `${r.method} ${r.path.split("?")[0]}`;
  const route = routes[key];
  if (route) return route(r);
  const id = /^\/api\/sessions\/([^/]+)$/.exec(r.path)?.[1];
  const session = id !== undefined ? sessions.get(id) : undefined;
  if (session && r.method === "GET") return { status: 200, body: { userKeyHash: "u", expiresAt: "2100-01-01T00:00:00Z", idleExpiresAt: "2100-01-01T00:00:00Z", ...session } };
  if (session && r.method === "DELETE") return sessions.delete(id as string), { status: 204 };
  return { status: 404, headers: { "Content-Type": "application/problem+json" }, body: { type: "urn:mcp-security-edge:problem:not-found" } };
}

/** The backend id the middleware registered for an edge session. */
const backendOf = (edgeId: string): string => sessions.get(edgeId)?.backendSessionId as string;

async function userToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: RESOURCE, sub: "alice", scp: "mcp.tools", azp: "client-app", iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "user-key", ...header })
    .sign(userKey);
}

/** A token jose would refuse to sign (unknown `crit`): the claims of `like`, signed by hand. */
async function signRaw(header: Record<string, unknown>, like: string): Promise<string> {
  const input = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${like.split(".")[1]}`;
  const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", userKey as unknown as Parameters<typeof crypto.subtle.sign>[1], new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString("base64url")}`;
}

async function edgeToken(claims: Record<string, unknown> = {}, typ = "at+jwt"): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: double.url, aud: RESOURCE, sub: "a".repeat(64), iat: now, exp: now + 300, client_id: "apim", scope: "weather.read", ...claims })
    .setProtectedHeader({ alg: "ES256", kid: "edge-key", typ })
    .sign(edgeKey);
}

function buildServer(): McpServer {
  const server = new McpServer({ name: "mw-test", version: "1.0.0" });
  server.registerTool("echo", { inputSchema: { text: z.string() } }, async ({ text }) => {
    toolRuns += 1;
    return { content: [{ type: "text", text }] };
  });
  server.registerTool("downstream", { inputSchema: {} }, async () => ({ content: [{ type: "text", text: await protect.exchangeForDownstream(DOWNSTREAM) }] }));
  return server;
}

const transports = new Map<string, StreamableHTTPServerTransport>();
async function mcp(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
  const id = req.headers["mcp-session-id"];
  let transport = typeof id === "string" ? transports.get(id) : undefined;
  if (!transport) {
    const created = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sid) => void transports.set(sid, created) });
    await buildServer().connect(created);
    transport = created;
  }
  await transport.handleRequest(req, res, req.body);
}

before(async () => {
  double = await startEdgeDouble(answer);
  const user = await generateKeyPair("RS256", { extractable: true });
  userKey = user.privateKey;
  userJwk = { ...(await exportJWK(user.publicKey)), kid: "user-key", alg: "RS256" };
  const edge = await generateKeyPair("ES256", { extractable: true });
  edgeKey = edge.privateKey;
  edgeJwk = { ...(await exportJWK(edge.publicKey)), kid: "edge-key", alg: "ES256" };
  http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  RESOURCE = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
  protect = createMcpEdgeMiddleware({
    resource: RESOURCE,
    edge: new EdgeClient({ edgeUrl: double.url, getWorkloadToken: () => "workload", retries: 0 }),
    trustedIssuers: [{ issuer: ISSUER, jwks: { keys: [userJwk] } }],
    scopesSupported: ["mcp.tools"],
    maxBodyBytes: 64 * 1024,
  });
  http.on("request", (req, res) => protect(req, res, (error) => (error ? res.destroy() : void mcp(req, res))));
});

after(async () => {
  await Promise.all([...transports.values()].map((t) => t.close()));
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await double.close();
});

beforeEach(() => {
  routes = defaultRoutes();
  double.requests.length = 0;
});

const headers = (token?: string, extra: Record<string, string> = {}): Record<string, string> => ({
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...extra,
});
const initialize = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } });

async function connect(token: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: "t", version: "1" });
  const transport = new StreamableHTTPClientTransport(new URL(RESOURCE), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  return { client, transport };
}

test("RFC 9728 metadata at the path-inserted and root well-known locations", async () => {
  for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
    const response = await fetch(new URL(path, RESOURCE));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { resource: RESOURCE, authorization_servers: [ISSUER], bearer_methods_supported: ["header"], scopes_supported: ["mcp.tools"] });
  }
  const challenge = await fetch(RESOURCE, { method: "POST", headers: headers(), body: initialize });
  assert.equal(challenge.status, 401);
  assert.equal(challenge.headers.get("www-authenticate"), `Bearer resource_metadata="${new URL(RESOURCE).origin}/.well-known/oauth-protected-resource/mcp", scope="mcp.tools"`);
  await challenge.body?.cancel();
  assert.deepEqual(protect.metadataUrls, [`${new URL(RESOURCE).origin}/.well-known/oauth-protected-resource/mcp`, `${new URL(RESOURCE).origin}/.well-known/oauth-protected-resource`]);
});

test("bad tokens → 401 invalid_token, with no detail for the caller", async () => {
  const now = Math.floor(Date.now() / 1000);
  const [h, p] = (await userToken()).split(".") as [string, string];
  const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${p}.`;
  const bad = [
    "garbage",
    unsigned,
    `${h}.${p}.${"A".repeat(342)}`,
    await userToken({ exp: now - 120 }),
    await userToken({ iat: now + 600 }),
    await userToken({ aud: "https://another.example/mcp" }),
    await userToken({ iss: "https://evil.example" }),
    await userToken({ exp: undefined }),
    await userToken({ sub: undefined }),
    await signRaw({ alg: "RS256", kid: "user-key", crit: ["x-unknown"], "x-unknown": 1 }, await userToken()),
    await edgeToken({}, "JWT"), // an edge token must be typ at+jwt
    await edgeToken({ aud: "https://another.example/mcp" }),
  ];
  for (const token of bad) {
    const response = await fetch(RESOURCE, { method: "POST", headers: headers(token), body: initialize });
    assert.equal(response.status, 401, token.slice(0, 40));
    assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer error="invalid_token", error_description="the access token is not valid", resource_metadata="/);
    assert.deepEqual(await response.json(), { error: "invalid_token", error_description: "the access token is not valid" });
  }
  assert.equal(toolRuns, 0);
  // Over 16 KiB: refused before parsing (Node's own header limit would usually answer 431 first).
  await assert.rejects(protect.verifier.verify(`${await userToken()}${"x".repeat(17 * 1024)}`), { name: "InvalidAccessTokenError", reason: "too_large" });
});

test("an edge-minted token is checked against the edge's JWKS; no sessions are mapped for it", async () => {
  const { client, transport } = await connect(await edgeToken());
  try {
    assert.match(transport.sessionId as string, /^[0-9a-f-]{36}$/);
    const result = await client.callTool({ name: "echo", arguments: { text: "hello" } });
    assert.deepEqual(result.content, [{ type: "text", text: "hello" }]);
  } finally {
    await client.close();
  }
  assert.ok(!double.requests.some((r) => r.path.startsWith("/api/sessions")));
});

test("the edge's metadata or JWKS down → 503 (fail closed), never 401 and never allowed", async () => {
  const verifier = createMcpEdgeMiddleware({ resource: RESOURCE, edge: new EdgeClient({ edgeUrl: double.url, getWorkloadToken: () => "w", retries: 0 }) }).verifier;
  routes["GET /.well-known/oauth-authorization-server"] = () => ({ status: 503, headers: { "Retry-After": "3" } });
  await assert.rejects(verifier.verify(await edgeToken()), (error: Error) => error.name === "EdgeUnavailableError");
  routes = defaultRoutes();
  routes["GET /.well-known/jwks.json"] = () => ({ status: 503 });
  await assert.rejects(verifier.verify(await edgeToken()), (error: Error) => error.name === "EdgeUnavailableError");
  routes["GET /.well-known/jwks.json"] = () => ({ status: 200, body: "not a jwks" });
  const fresh = createMcpEdgeMiddleware({ resource: RESOURCE, edge: new EdgeClient({ edgeUrl: double.url, getWorkloadToken: () => "w", retries: 0 }) });
  await assert.rejects(fresh.verifier.verify(await edgeToken()), (error: Error) => error.name === "EdgeUnavailableError");
  // Through HTTP, on a middleware that has not cached the edge's keys.
  const server = createServer((req, res) => fresh(req, res, () => res.end("should not get here")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, { method: "POST", headers: headers(await edgeToken()), body: initialize });
    assert.equal(response.status, 503);
    assert.ok(Number(response.headers.get("retry-after")) >= 1);
    assert.equal(((await response.json()) as { error: { code: number } }).error.code, MCP_EDGE_ERROR.unavailable);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("required scopes: a token without them → 403 insufficient_scope", async () => {
  const strict = createMcpEdgeMiddleware({
    resource: RESOURCE,
    edge: new EdgeClient({ edgeUrl: double.url, getWorkloadToken: () => "w" }),
    trustedIssuers: [{ issuer: ISSUER, jwks: { keys: [userJwk] } }],
    requiredScopes: ["mcp.admin"],
  });
  const server = createServer((req, res) => strict(req, res, () => res.end("ok")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, { method: "POST", headers: headers(await userToken()), body: initialize });
    assert.equal(response.status, 403);
    assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer error="insufficient_scope", scope="mcp.admin", resource_metadata=/);
    await response.body?.cancel();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("the edge down while a session is created → 503 with Retry-After, and the server's id never leaks", async () => {
  routes["POST /api/sessions"] = () => ({ status: 503, headers: { "Retry-After": "7" }, body: { type: "urn:mcp-security-edge:problem:dependency-unavailable" } });
  const response = await fetch(RESOURCE, { method: "POST", headers: headers(await userToken()), body: initialize });
  assert.equal(response.status, 503);
  assert.equal(response.headers.get("retry-after"), "7");
  assert.equal(response.headers.get("mcp-session-id"), null);
  const body = (await response.json()) as { error: { code: number } };
  assert.equal(body.error.code, MCP_EDGE_ERROR.unavailable);
  assert.ok(!JSON.stringify(body).match(/[0-9a-f]{8}-[0-9a-f]{4}-/), "no backend session id in the body");

  // The edge refusing (e.g. a resource missing from EDGE_AUDIENCES) is a 403, not a session.
  routes["POST /api/sessions"] = () => ({ status: 401, headers: { "Content-Type": "application/problem+json" }, body: { type: "urn:mcp-security-edge:problem:invalid-token" } });
  const refused = await fetch(RESOURCE, { method: "POST", headers: headers(await userToken()), body: initialize });
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get("mcp-session-id"), null);
  assert.equal(((await refused.json()) as { error: { code: number } }).error.code, MCP_EDGE_ERROR.refused);
});

test("sessions: the edge's id goes to the client; a session of another resource, or without a backend id, is 404", async () => {
  const { client, transport } = await connect(await userToken());
  const edgeId = transport.sessionId as string;
  const backendId = backendOf(edgeId);
  try {
    assert.match(edgeId, /^E[0-9a-f]{32}x+$/);
    assert.match(backendId, /^[0-9a-f-]{36}$/);
    const validated = (over: Record<string, unknown>): Scripted => ({ status: 200, body: { userKeyHash: "u", expiresAt: "2100-01-01T00:00:00Z", idleExpiresAt: "2100-01-01T00:00:00Z", resource: RESOURCE, backendSessionId: backendId, ...over } });
    assert.deepEqual((await client.callTool({ name: "echo", arguments: { text: "a" } })).content, [{ type: "text", text: "a" }]);

    // The client's own GET event stream went through the mapping: a second one is refused by the SDK
    // (one stream per session), which shows the backend session was found — and the id stays hidden.
    const second = await fetch(RESOURCE, { headers: { Authorization: `Bearer ${await userToken({ jti: "g" })}`, Accept: "text/event-stream", "Mcp-Session-Id": edgeId, "Mcp-Protocol-Version": "2025-06-18" } });
    assert.equal(second.status, 409);
    assert.notEqual(second.headers.get("mcp-session-id"), backendId);
    await second.body?.cancel();

    for (const other of [validated({ resource: "https://other.example/mcp" }), validated({ backendSessionId: undefined }), { status: 404 }]) {
      routes[`GET /api/sessions/${edgeId}`] = () => other;
      const response = await fetch(RESOURCE, {
        method: "POST",
        headers: headers(await userToken({ jti: randomUUID() }), { "Mcp-Session-Id": edgeId, "Mcp-Protocol-Version": "2025-06-18" }),
        body: JSON.stringify({ jsonrpc: "2.0", id: 3, method: "ping" }),
      });
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: number } }).error.code, MCP_EDGE_ERROR.sessionNotFound);
    }
  } finally {
    await client.close();
  }
});

test("a GET event stream is mapped too and streams (not buffered): the header carries the edge's id", async () => {
  const token = await userToken({ jti: "raw-stream" });
  const init = await fetch(RESOURCE, { method: "POST", headers: headers(token), body: initialize });
  assert.equal(init.status, 200);
  const edgeId = init.headers.get("mcp-session-id") as string;
  await init.text();
  assert.match(edgeId, /^E[0-9a-f]{32}x+$/);
  const session = { "Mcp-Session-Id": edgeId, "Mcp-Protocol-Version": "2025-06-18" };
  const initialized = await fetch(RESOURCE, { method: "POST", headers: headers(token, session), body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) });
  assert.equal(initialized.status, 202);
  const stream = new AbortController();
  const get = await fetch(RESOURCE, { headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream", ...session }, signal: stream.signal });
  assert.equal(get.status, 200, "the head arrives while the stream stays open");
  assert.equal(get.headers.get("content-type"), "text/event-stream");
  assert.equal(get.headers.get("mcp-session-id"), edgeId);
  stream.abort();
  const closed = await fetch(RESOURCE, { method: "DELETE", headers: { Authorization: `Bearer ${token}`, ...session } });
  assert.equal(closed.status, 200);
  assert.notEqual(closed.headers.get("mcp-session-id"), backendOf(edgeId) ?? "gone");
  assert.ok(double.requests.some((r) => r.method === "DELETE" && r.path === `/api/sessions/${edgeId}`), "the edge session was revoked");
  assert.equal(sessions.has(edgeId), false);
});

test("screening: block and unavailable on the way in stop the call before the tool runs; flag passes", async () => {
  const { client, transport } = await connect(await userToken());
  const runs = toolRuns;
  try {
    routes["POST /api/screen"] = (r) => (r.body.includes('"method":"tools/call"') ? block : allow);
    await assert.rejects(client.callTool({ name: "echo", arguments: { text: "x" } }), (e: unknown) => e instanceof McpError && e.code === MCP_EDGE_ERROR.blocked);
    routes["POST /api/screen"] = () => ({ status: 503, headers: { "Retry-After": "2" } });
    await assert.rejects(client.callTool({ name: "echo", arguments: { text: "x" } }), (e: unknown) => (e as { code?: unknown }).code === 503);
    assert.equal(toolRuns, runs, "the tool never ran");
    // A tools/call without an id (notification-shaped) is screened as well.
    routes["POST /api/screen"] = () => block;
    const note = await fetch(RESOURCE, {
      method: "POST",
      headers: headers(await userToken({ jti: "notification" }), { "Mcp-Session-Id": transport.sessionId as string, "Mcp-Protocol-Version": "2025-06-18" }),
      body: JSON.stringify({ jsonrpc: "2.0", method: "tools/call", params: { name: "echo", arguments: { text: "x" } } }),
    });
    assert.equal(note.status, 400);
    assert.equal(((await note.json()) as { error: { code: number } }).error.code, MCP_EDGE_ERROR.blocked);
    assert.equal(toolRuns, runs);
    routes["POST /api/screen"] = () => ({ ...allow, body: { ...allow.body, verdict: "flag" } });
    assert.deepEqual((await client.callTool({ name: "echo", arguments: { text: "flagged is allowed" } })).content, [{ type: "text", text: "flagged is allowed" }]);
    const screened = double.requests.filter((r) => r.path === "/api/screen");
    assert.ok(screened.every((r) => r.headers["x-mcp-method"] === "tools/call" && r.headers.authorization === "Bearer workload"));
  } finally {
    await client.close();
  }
});

test("screening on the way out: a blocked or unscreenable result becomes a JSON-RPC error and never reaches the client", async () => {
  const { client } = await connect(await userToken());
  try {
    routes["POST /api/screen"] = (r) => (JSON.parse(r.body).result ? block : allow);
    const blocked = await client.callTool({ name: "echo", arguments: { text: "SECRET-RESULT" } }).then(
      () => assert.fail("not blocked"),
      (e: unknown) => e as McpError,
    );
    assert.equal(blocked.code, MCP_EDGE_ERROR.blocked);
    assert.deepEqual(blocked.data, { verdict: "block", rules: ["override.ignore_previous"] });
    assert.ok(!JSON.stringify(blocked).includes("SECRET-RESULT"));
    routes["POST /api/screen"] = (r) => (JSON.parse(r.body).result ? { status: 503 } : allow);
    const unavailable = await client.callTool({ name: "echo", arguments: { text: "SECRET-RESULT" } }).then(
      () => assert.fail("not blocked"),
      (e: unknown) => e as McpError,
    );
    assert.equal(unavailable.code, MCP_EDGE_ERROR.unavailable);
    // Results are screened as tools/call results, by the workload.
    const outbound = double.requests.filter((r) => r.path === "/api/screen" && JSON.parse(r.body).result);
    assert.ok(outbound.length >= 2 && outbound.every((r) => r.headers["x-mcp-method"] === "tools/call"));
  } finally {
    await client.close();
  }
});

test("bodies: over the limit → 413, not JSON → 400 parse error, neither reaches the server", async () => {
  const token = await userToken();
  const big = await fetch(RESOURCE, { method: "POST", headers: headers(token), body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(70 * 1024) } }) });
  assert.equal(big.status, 413);
  await big.body?.cancel();
  const garbage = await fetch(RESOURCE, { method: "POST", headers: headers(token), body: "{not json" });
  assert.equal(garbage.status, 400);
  assert.equal(((await garbage.json()) as { error: { code: number } }).error.code, -32700);
});

test("exchangeForDownstream: the current request's token, exchanged once and cached; refused outside a request", async () => {
  await assert.rejects(protect.exchangeForDownstream(DOWNSTREAM), /no inbound token/);
  const token = await userToken({ jti: "exchange-cache" });
  const { client } = await connect(token);
  try {
    const first = await client.callTool({ name: "downstream", arguments: {} });
    const second = await client.callTool({ name: "downstream", arguments: {} });
    assert.deepEqual(first.content, second.content);
    const exchanges = double.requests.filter((r) => r.path === "/api/token-exchange");
    assert.equal(exchanges.length, 1);
    const form = new URLSearchParams(exchanges[0]?.body);
    assert.equal(form.get("subject_token"), token, "the subject is the inbound token of this very request");
    assert.equal(form.get("resource"), DOWNSTREAM);
    assert.equal(form.get("client_assertion"), "workload");
  } finally {
    await client.close();
  }
});
