// `npm run bench -- token-exchange`: the edge's token exchange against its ceiling — a bare node:http
// server doing only what the exchange cannot avoid (jose.jwtVerify of the subject token and the
// client assertion, SignJWT with the same keys) — each at saturation (50 connections, throughput)
// and at 4 connections (latency). A pool of 1,000 distinct RS256 subject tokens; ES256 out.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalJWKSet, jwtVerify, SignJWT, importJWK, type CryptoKey } from "jose";
import { DEV_ISSUER, LOCAL_AUDIENCE } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../shared/identity/dev-issuer.ts";
import { LocalSigningKeySource } from "../shared/tokens/local-signing-keys.ts";
import { fmt, load, startChild, type LoadResult } from "./load.ts";
import { report } from "./report.ts";

const RESOURCE = "https://mcp.contoso.example/weather";
const POLICY = JSON.stringify({ [RESOURCE]: { scopes: ["weather.read"], defaultScopes: ["weather.read"], requiredInboundScopes: ["mcp.tools"] } });
const here = new URL(import.meta.url).pathname;

async function serveCeiling(keyDir: string): Promise<void> {
  const devKey = await loadOrCreateDevIssuerKey(keyDir);
  const jwks = createLocalJWKSet(devKey.jwks);
  const [version] = await new LocalSigningKeySource(keyDir).versions();
  const signingKey = (await importJWK(version!.privateJwk, "ES256")) as CryptoKey;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        const options = { issuer: DEV_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ["RS256"] };
        await jwtVerify(form.get("client_assertion") ?? "", jwks, options);
        const { payload } = await jwtVerify(form.get("subject_token") ?? "", jwks, options);
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ client_id: "apim", scope: "weather.read" })
          .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: version!.kid })
          .setIssuer("http://127.0.0.1")
          .setAudience(RESOURCE)
          .setSubject(String(payload.sub))
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .sign(signingKey);
        const body = JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 300 });
        res.writeHead(200, { "Content-Type": "application/json" }).end(body);
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  server.listen(0, "127.0.0.1", () => console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}/api/token-exchange`));
}

async function serveEdge(keyDir: string): Promise<void> {
  const { startLocalEdge } = await import("../functions/local/start.ts");
  const edge = await startLocalEdge({ env: { ...process.env, PORT: "0", EDGE_RESOURCES: POLICY, EDGE_LOG_LEVEL: "silent" }, localKeyDir: keyDir });
  console.log(`LISTENING ${edge.url}/api/token-exchange`);
}

export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly goal?: string;
}

export async function run(seconds = Number(process.env.BENCH_SECONDS ?? 10)): Promise<BenchRow[]> {
  const keyDir = mkdtempSync(join(tmpdir(), "bench-exchange-"));
  const devKey = await loadOrCreateDevIssuerKey(keyDir);
  await new LocalSigningKeySource(keyDir).versions();
  const assertion = await mintDevToken(devKey, { client: "apim", roles: ["Edge.Exchange"], audience: LOCAL_AUDIENCE });
  const bodies: string[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const subject = await mintDevToken(devKey, { sub: `user-${i}`, audience: LOCAL_AUDIENCE, scopes: ["mcp.tools"] });
    bodies.push(
      new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: subject,
        subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
        resource: RESOURCE,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
      }).toString(),
    );
  }
  const measure = async (mode: "ceiling" | "edge"): Promise<{ sat: LoadResult; lat: LoadResult }> => {
    const server = await startChild(here, ["--serve", mode, keyDir]);
    try {
      const common = { url: server.url, method: "POST" as const, headers: { "Content-Type": "application/x-www-form-urlencoded" }, bodies };
      await load({ ...common, connections: 10, durationSeconds: 2 }); // warm-up (JIT, caches)
      const sat = await load({ ...common, connections: 50, durationSeconds: seconds });
      const lat = await load({ ...common, connections: 4, durationSeconds: seconds });
      if (sat.non2xx + lat.non2xx > 0) throw new Error(`${mode}: ${sat.non2xx + lat.non2xx} non-2xx answers`);
      return { sat, lat };
    } finally {
      await server.stop();
    }
  };
  const ceiling = await measure("ceiling");
  const edge = await measure("edge");
  const ratio = edge.sat.rps / ceiling.sat.rps;
  const rows: BenchRow[] = [
    { name: "token-exchange ceiling, 50 conn", value: `${ceiling.sat.rps} req/s (p99 ${ceiling.sat.p99} ms)` },
    { name: "token-exchange edge, 50 conn", value: `${edge.sat.rps} req/s (p99 ${edge.sat.p99} ms)`, goal: `≥ 50% of ceiling: ${fmt(ratio * 100)}%` },
    { name: "token-exchange ceiling, 4 conn", value: `p50 ${ceiling.lat.p50} ms, p99 ${ceiling.lat.p99} ms, ${ceiling.lat.rps} req/s` },
    {
      name: "token-exchange edge, 4 conn",
      value: `p50 ${edge.lat.p50} ms, p99 ${edge.lat.p99} ms, ${edge.lat.rps} req/s`,
      goal: `p99 ≤ 5 ms and ≤ ceiling + 2 ms: ${edge.lat.p99 <= 5 && edge.lat.p99 <= ceiling.lat.p99 + 2 ? "met" : "NOT met"}`,
    },
  ];
  return rows;
}

const args = process.argv.slice(2);
if (args[0] === "--serve") {
  process.once("SIGTERM", () => process.exit(0)); // a clean exit writes --cpu-prof output
  const keyDir = args[2] as string;
  await (args[1] === "ceiling" ? serveCeiling(keyDir) : serveEdge(keyDir));
} else if (process.argv[1] === here) {
  for (const row of await run()) report({ bench: "token-exchange", metric: row.name.replace(/^token-exchange /, ""), value: row.value, ...(row.goal ? { goal: row.goal } : {}) });
}
