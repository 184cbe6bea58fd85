// Each error status of the foundation, over a real socket: problem+json for every route, the OAuth
// format for the token endpoint; no stack trace, no 500 from anything a caller sends.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { startTestEdge, problemOf, type TestEdge } from "../helpers/edge.ts";

let edge: TestEdge;
before(async () => {
  edge = await startTestEdge({ EDGE_MAX_BODY_BYTES: "4096" });
});
after(() => edge.stop());

function assertProblemShape(body: Record<string, unknown>, status: number): void {
  assert.equal(body.status, status);
  assert.equal(typeof body.type, "string");
  assert.equal(typeof body.title, "string");
  assert.equal(typeof body.detail, "string");
  assert.match(String(body.correlationId), /^[0-9a-f]{32}$/);
  assert.ok(!JSON.stringify(body).includes("    at "), "no stack trace");
}

test("unknown route → 404 problem+json", async () => {
  for (const path of ["/api/nope", "/", "/api", "/api/health/extra", "/%E0%A4%A", "//", "//evil.example/x", "/api//health"]) {
    const response = await edge.fetch(path);
    assert.equal(response.status, 404, path);
    assertProblemShape(await problemOf(response), 404);
  }
});

test("the correlation id follows the caller's traceparent", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const response = await edge.fetch("/api/nope", { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
  assert.equal((await problemOf(response)).correlationId, traceId);
  assert.match(response.headers.get("traceparent") ?? "", new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
});

test("wrong method → 405 with Allow", async () => {
  const response = await edge.fetch("/api/health", { method: "DELETE" });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "GET");
  assertProblemShape(await problemOf(response), 405);
});

const form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange";

test("token endpoint: wrong content type → 415 in the OAuth format", async () => {
  const response = await edge.fetch("/api/token-exchange", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  assert.equal(response.status, 415);
  assert.equal(response.headers.get("content-type"), "application/json");
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.error, "invalid_request");
});

test("token endpoint: body over the limit → 413 in the OAuth format", async () => {
  const response = await edge.fetch("/api/token-exchange", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: `${form}&pad=${"a".repeat(5000)}`,
  });
  assert.equal(response.status, 413);
  assert.equal(((await response.json()) as Record<string, unknown>).error, "invalid_request");
});

test("token endpoint: wrong method → 405 in the OAuth format", async () => {
  const response = await edge.fetch("/api/token-exchange");
  assert.equal(response.status, 405);
  assert.equal(response.headers.get("allow"), "POST");
  assert.equal(((await response.json()) as Record<string, unknown>).error, "invalid_request");
});

test("a chunked body without Content-Length is cut at the limit → 413, the host stops reading", async () => {
  const url = new URL(`${edge.url}/api/token-exchange`);
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    // Keep sending well past the limit; the host must answer without waiting for the end.
    let sent = 0;
    const pump = (): void => {
      while (sent < 1_000_000) {
        sent += 1024;
        if (!req.write("a".repeat(1024))) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
  assert.equal(status, 413);
});

test("malformed JSON → 400 problem+json, invalid UTF-8 → 400", async () => {
  const { devToken, bearer } = await import("../helpers/edge.ts");
  const token = await devToken();
  const jsonRoute = "/api/sessions";
  const bad = await edge.fetch(jsonRoute, { method: "POST", headers: bearer(token, { "Content-Type": "application/json" }), body: "{nope" });
  assert.equal(bad.status, 400);
  assertProblemShape(await problemOf(bad), 400);
  const invalid = await edge.fetch(jsonRoute, { method: "POST", headers: bearer(token, { "Content-Type": "application/json" }), body: new Uint8Array([0x7b, 0xff, 0x7d]) });
  assert.equal(invalid.status, 400);
  const wrongType = await edge.fetch(jsonRoute, { method: "POST", headers: bearer(token, { "Content-Type": "text/plain" }), body: "{}" });
  assert.equal(wrongType.status, 415);
  assertProblemShape(await problemOf(wrongType), 415);
  const large = await edge.fetch(jsonRoute, { method: "POST", headers: bearer(token, { "Content-Type": "application/json" }), body: JSON.stringify({ pad: "a".repeat(5000) }) });
  assert.equal(large.status, 413);
  assertProblemShape(await problemOf(large), 413);
});

test("garbage of every kind never produces a 500", async () => {
  const bodies = ["", "\u0000\u0001", "[]", "null", "1e99999", '{"__proto__":{"x":1}}', "%%%", "a=".repeat(500)];
  const paths = ["/api/token-exchange", "/api/sessions", "/api/ready", "/api/health", "/.well-known/jwks.json"];
  for (const path of paths) {
    for (const body of bodies) {
      for (const type of ["application/json", "application/x-www-form-urlencoded", "text/plain"]) {
        const response = await edge.fetch(path, { method: "POST", headers: { "Content-Type": type, Authorization: "Bearer garbage" }, body });
        assert.ok(response.status < 500, `${path} ${type} ${JSON.stringify(body)} → ${response.status}`);
        await response.arrayBuffer();
      }
    }
  }
});
