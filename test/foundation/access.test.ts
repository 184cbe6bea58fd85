// Access per route, enforced in one place (the pipeline) before any body is read: probed over a real
// socket with one route of each access kind, tokens from two trusted issuers of which only one may
// grant app roles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { loadSettings } from "../../shared/config/settings.ts";
import { MemoryAuditSink } from "../../shared/audit/stdout-sink.ts";
import { createServices } from "../../functions/services.ts";
import { createLocalServer } from "../../functions/local/host.ts";
import { ROUTES } from "../../functions/routes.ts";
import type { Access, RouteDefinition } from "../../functions/http/route.ts";
import { jsonResponse } from "../../functions/http/problem.ts";
import { startOidcDouble, type OidcDouble } from "../helpers/oidc-double.ts";
import { TEST_KEY_DIR } from "../helpers/edge.ts";

const AUDIENCE = "api://edge-under-test";
let roleIssuer: OidcDouble;
let otherIssuer: OidcDouble;
let server: Server;
let base: string;
const sink = new MemoryAuditSink();

const probe = (access: Access): RouteDefinition => ({
  name: `probe-${access}`,
  route: `probe/${access}`,
  methods: ["POST"],
  access,
  handler: async ({ principal }) => jsonResponse(200, { kind: principal?.kind ?? null }),
});

before(async () => {
  roleIssuer = await startOidcDouble();
  otherIssuer = await startOidcDouble();
  const settings = loadSettings(
    {
      PORT: "0",
      EDGE_TRUSTED_ISSUERS: `${roleIssuer.issuer},${otherIssuer.issuer}`,
      EDGE_ROLE_ISSUERS: roleIssuer.issuer,
      EDGE_AUDIENCES: AUDIENCE,
    },
    "local",
  );
  const services = await createServices(settings, { auditSink: sink, localKeyDir: TEST_KEY_DIR });
  const routes = [probe("anonymous"), probe("functionKey"), probe("screen"), probe("user"), probe("admin"), ...ROUTES];
  server = createLocalServer({ routes, getServices: async () => services, maxBodyBytes: settings.maxBodyBytes });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await roleIssuer.close();
  await otherIssuer.close();
});

const user = (issuer: OidcDouble, extra: Record<string, unknown> = {}) =>
  issuer.sign({ sub: "alice", aud: AUDIENCE, scp: "mcp.tools", azp: "client-app", ...extra });
const workload = (issuer: OidcDouble, roles: string[]) => issuer.sign({ sub: "apim", azp: "apim", idtyp: "app", aud: AUDIENCE, roles });

async function call(access: Access, token?: string): Promise<Response> {
  return fetch(`${base}/probe/${access}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: "{}",
  });
}

test("anonymous routes, and function-key routes locally, need no token", async () => {
  assert.equal((await call("anonymous")).status, 200);
  assert.equal((await call("functionKey")).status, 200);
});

test("no token → 401 with a bare Bearer challenge (RFC 6750 §3)", async () => {
  for (const access of ["screen", "user", "admin"] as const) {
    const response = await call(access);
    assert.equal(response.status, 401, access);
    assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="mcp-security-edge"');
    assert.equal(response.headers.get("content-type"), "application/problem+json");
  }
});

test("a token for another audience → 401 invalid_token", async () => {
  const token = await user(roleIssuer, { aud: "api://someone-else" });
  const response = await call("user", token);
  assert.equal(response.status, 401);
  assert.match(response.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
  assert.ok(sink.records.some((r) => r.action === "auth.token" && r.outcome === "deny" && r.owasp === "MCP07"));
});

test("a token from an untrusted issuer → 401, without any fetch to it", async () => {
  const stranger = await startOidcDouble();
  try {
    const response = await call("user", await user(stranger));
    assert.equal(response.status, 401);
    assert.equal(stranger.hits.size, 0, "no discovery for an unknown issuer (no SSRF)");
  } finally {
    await stranger.close();
  }
});

test("Edge.Admin from an issuer outside EDGE_ROLE_ISSUERS → 403 insufficient_scope", async () => {
  const response = await call("admin", await user(otherIssuer, { roles: ["Edge.Admin"] }));
  assert.equal(response.status, 403);
  assert.match(response.headers.get("www-authenticate") ?? "", /error="insufficient_scope"/);
  assert.equal((await call("admin", await user(roleIssuer, { roles: ["Edge.Admin"] }))).status, 200);
  assert.equal((await call("admin", await user(roleIssuer))).status, 403);
});

test("screen routes take a user, or a workload with Edge.Screen; user routes take only users", async () => {
  assert.equal((await call("screen", await user(otherIssuer))).status, 200);
  assert.equal((await call("screen", await workload(roleIssuer, ["Edge.Screen"]))).status, 200);
  assert.equal((await call("screen", await workload(roleIssuer, ["Edge.Exchange"]))).status, 403);
  assert.equal((await call("screen", await workload(otherIssuer, ["Edge.Screen"]))).status, 403, "roles only from role issuers");
  assert.equal((await call("user", await workload(roleIssuer, ["Edge.Screen"]))).status, 403);
  assert.equal((await call("admin", await workload(roleIssuer, ["Edge.Admin"]))).status, 403);
});

test("every protected route of the real table answers 401 without a token, before reading the body", async () => {
  for (const route of ROUTES) {
    if (!["screen", "user", "admin"].includes(route.access)) continue;
    const path = `/${route.route.replace(/\{[^}]+\}/g, "x")}`;
    const method = route.methods[0] as string;
    const response = await fetch(`${base}${path}`, { method, headers: { "Content-Type": "application/json" }, ...(method === "GET" || method === "DELETE" ? {} : { body: "{not json" }) });
    assert.equal(response.status, 401, `${method} ${path}`);
  }
});
