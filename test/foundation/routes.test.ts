// Route-table parity: what the Functions entry point registers with app.http is exactly what the
// local host serves, and each registration takes every method and the right auth level.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { HttpFunctionOptions, TimerFunctionOptions } from "../../functions/http/azure-functions.ts";
import { ALL_METHODS } from "../../functions/http/route.ts";
import { registerFunctions } from "../../functions/register.ts";
import { ROUTES } from "../../functions/routes.ts";
import { startTestEdge, type TestEdge } from "../helpers/edge.ts";

const registered = new Map<string, HttpFunctionOptions>();
const timers = new Map<string, TimerFunctionOptions>();
registerFunctions(
  {
    http: (name, options) => registered.set(name, options),
    timer: (name, options) => timers.set(name, options),
  },
  () => Promise.reject(new Error("not used")),
);

let edge: TestEdge;
before(async () => {
  edge = await startTestEdge();
});
after(() => edge.stop());

/** A concrete path for a route template. */
function samplePath(template: string): string {
  return `/${template.replace(/\{\*[^}]+\}/g, "").replace(/\{[^}]+\}/g, "sample-id")}`.replace(/\/+$/, "") || "/";
}

test("every route of the table is registered with app.http, once, for every method", () => {
  assert.deepEqual([...registered.keys()].sort(), ROUTES.map((r) => r.name).sort());
  for (const route of ROUTES) {
    const options = registered.get(route.name) as HttpFunctionOptions;
    assert.equal(options.route, route.route);
    assert.deepEqual(options.methods, ALL_METHODS);
    assert.equal(options.authLevel, route.access === "anonymous" ? "anonymous" : "function", route.name);
    assert.equal(typeof options.handler, "function");
  }
});

test("the catch-all is the last route and anonymous", () => {
  const last = ROUTES.at(-1);
  assert.equal(last?.route, "{*path}");
  assert.equal(ROUTES.filter((r) => r.route.includes("{*path}")).length, 1);
});

test("the local host serves every registered route (none falls through to the catch-all)", async () => {
  for (const [name, options] of registered) {
    if (name === "notFound") continue;
    const route = ROUTES.find((r) => r.name === name);
    assert.ok(route);
    const method = route.methods[0] as string;
    const response = await edge.fetch(samplePath(options.route as string), { method, headers: { "Content-Type": "application/json" }, body: method === "GET" || method === "DELETE" ? null : "{}" });
    const body = await response.text();
    assert.ok(!body.includes("problem:not-found") || !body.includes("no such route"), `${name} (${method} ${options.route}) fell through: ${response.status} ${body}`);
  }
});

test("TRACE, which no request object can carry, is a 405 problem, not a 500", async () => {
  const { request } = await import("node:http");
  const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(`${edge.url}/api/health`, { method: "TRACE" }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
  assert.equal(answer.status, 405);
  assert.match(answer.type, /problem\+json/);
  assert.ok(!answer.body.includes("internal"), answer.body);
});

test("a wrong method on a served route answers 405 with Allow naming the route's methods", async () => {
  for (const route of ROUTES) {
    if (route.name === "notFound") continue;
    const wrong = ["PATCH", "TRACE", "PUT", "OPTIONS"].find((m) => !route.methods.includes(m as never)) as string;
    const response = await edge.fetch(samplePath(route.route), { method: wrong });
    assert.equal(response.status, 405, route.name);
    assert.equal(response.headers.get("allow"), route.methods.join(", "), route.name);
  }
});
