// `npm run bench -- middleware`: the cost of the edge middleware per MCP tools/call — the example
// server (SDK McpServer, Streamable HTTP) with the middleware (token validation, session mapping
// through the edge, screening of the arguments and of the result) next to the same tool on the same
// SDK without it. The SDK's own client calls the tool one call after another for a fixed time.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { EdgeClient } from "mcp-security-edge/client";
import { createWeatherMcpServer } from "../examples/protected-mcp-server/server.ts";
import { DEV_ISSUER, LOCAL_AUDIENCE } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../shared/identity/dev-issuer.ts";
import { startLocalEdge } from "../functions/local/start.ts";
import { freePort } from "../functions/local/azurite.ts";
import { report } from "./report.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const NOTE = "Welcome to the weather desk. Forecasts come from the forecast API; notes are plain text.";

/** The same tool on the same SDK, without the middleware. */
function plainServer(): RequestListener {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as unknown) : undefined;
      const id = req.headers["mcp-session-id"];
      let transport = typeof id === "string" ? transports.get(id) : undefined;
      if (!transport && isInitializeRequest(body)) {
        const created = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sid) => void transports.set(sid, created) });
        const server = new McpServer({ name: "plain", version: "0.1.0" });
        server.registerTool("read_note", { description: "Returns a stored note by id.", inputSchema: { id: z.string() } }, async () => ({ content: [{ type: "text", text: NOTE }] }));
        await server.connect(created);
        transport = created;
      }
      if (!transport) return void res.writeHead(400).end();
      await transport.handleRequest(req, res, body);
    });
  };
}

async function listen(listener: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function connect(url: string, token: string | undefined): Promise<Client> {
  const client = new Client({ name: "bench", version: "0.1.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}));
  return client;
}

async function measure(url: string, token: string | undefined): Promise<{ calls: number; mean: number; p50: number; p99: number }> {
  let client = await connect(url, token);
  for (let i = 0; i < 200; i += 1) await client.callTool({ name: "read_note", arguments: { id: "welcome" } }); // warm-up
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    // The SDK's client transport adds an abort listener per request to one long-lived signal:
    // a new session every 1,000 calls keeps that from growing without bound (not timed).
    if (times.length > 0 && times.length % 1000 === 0) {
      await client.close();
      client = await connect(url, token);
    }
    const started = performance.now();
    const result = await client.callTool({ name: "read_note", arguments: { id: "welcome" } });
    if (result.isError) throw new Error("the tool failed");
    times.push(performance.now() - started);
  }
  await client.close();
  times.sort((a, b) => a - b);
  return {
    calls: times.length,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p50: times[Math.floor(times.length * 0.5)] as number,
    p99: times[Math.floor(times.length * 0.99)] as number,
  };
}

const keyDir = mkdtempSync(join(tmpdir(), "bench-middleware-"));
const protectedPort = await freePort();
const resource = `http://127.0.0.1:${protectedPort}/mcp`;
const edge = await startLocalEdge({ env: { PORT: "0", EDGE_LOG_LEVEL: "silent", EDGE_AUDIENCES: `${LOCAL_AUDIENCE},${resource}` }, localKeyDir: keyDir });
const devKey = await loadOrCreateDevIssuerKey(keyDir);
const workload = await mintDevToken(devKey, { client: "weather-mcp", roles: ["Edge.Exchange", "Edge.Screen"], audience: LOCAL_AUDIENCE });
const weather = createWeatherMcpServer({
  resource,
  edge: new EdgeClient({ edgeUrl: edge.url, getWorkloadToken: async () => workload }),
  trustedIssuers: [{ issuer: DEV_ISSUER, jwks: devKey.jwks }],
  forecastApi: "http://127.0.0.1:9/forecast",
});
const protectedServer = createServer(weather.listener);
await new Promise<void>((resolve) => protectedServer.listen(protectedPort, "127.0.0.1", resolve));
const plain = await listen(plainServer());
const user = await mintDevToken(devKey, { sub: "alice", audience: resource, scopes: ["mcp.tools"] });

try {
  const without = await measure(`http://127.0.0.1:${plain.port}/mcp`, undefined);
  const withMiddleware = await measure(resource, user);
  const fmt = (r: typeof without) => `mean ${r.mean.toFixed(2)} ms, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.calls} calls)`;
  report({ bench: "middleware", metric: "tools/call without the middleware", value: fmt(without) });
  report({ bench: "middleware", metric: "tools/call with the middleware (validate, session check, screen in and out)", value: fmt(withMiddleware) });
  report({ bench: "middleware", metric: "overhead per tools/call", value: `${(withMiddleware.mean - without.mean).toFixed(2)} ms mean, ${(withMiddleware.p99 - without.p99).toFixed(2)} ms at p99` });
} finally {
  await weather.close();
  protectedServer.closeAllConnections();
  protectedServer.close();
  plain.server.closeAllConnections();
  plain.server.close();
  await edge.stop();
}
