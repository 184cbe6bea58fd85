// The Application Insights sink: audit events arrive at the ingestion endpoint as custom events
// named edge.audit.<action>, redacted; an export failure makes /api/ready answer 503.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { AppInsightsAuditSink } from "../../shared/audit/app-insights-sink.ts";
import { createServer as createHttpServer } from "node:http";
import { devToken, problemOf, startTestEdge } from "../helpers/edge.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const root = new URL("../..", import.meta.url).pathname;

test("audit events reach the ingestion endpoint as edge.audit.* custom events, with no token in them", async () => {
  const dir = tempDir("ai-double-");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
  const bodies: string[] = [];
  const server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      bodies.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString());
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const jwt = await devToken({ sub: "mallory" });
    const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/emit-app-insights.ts", endpoint, jwt], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, "cert.pem") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.once("exit", resolve));
    const all = bodies.join("\n");
    assert.match(all, /edge\.audit\.auth\.token/, `no custom event received: ${out}`);
    assert.match(all, /"owasp":"MCP07"/);
    assert.ok(!all.includes(jwt.split(".")[2] as string), "the token never reaches telemetry");
    assert.match(out, /lastError=none/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("an export failure is reported by /api/ready", async () => {
  // An endpoint that does not speak TLS: every export fails at once.
  const plain = createHttpServer((_req, res) => res.end("not an ingestion endpoint"));
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  const port = (plain.address() as AddressInfo).port;
  const sink = new AppInsightsAuditSink({ connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://127.0.0.1:${port}/` });
  const edge = await startTestEdge({}, { auditSink: sink });
  try {
    await edge.fetch("/api/nope");
    sink.emit({ action: "probe", outcome: "info", owasp: "MCP08", time: new Date().toISOString() });
    await sink.flush();
    for (let i = 0; i < 200 && !sink.lastError(); i += 1) await new Promise((r) => setTimeout(r, 100));
    const ready = await edge.fetch("/api/ready");
    assert.equal(ready.status, 503);
    assert.match(String((await problemOf(ready)).detail), /telemetry/);
  } finally {
    await edge.stop();
    plain.closeAllConnections();
    plain.close();
  }
});
