// `npm run bench -- sessions`: session validations per second through the edge (GET
// /api/sessions/{id} with the user's token: token verification + one Table Storage point read) next
// to raw @azure/data-tables getEntity calls on the same rows of the same Azurite, at the same
// concurrency. Goal: the edge reaches ≥ 50% of raw. The edge runs in a child process, Azurite in
// another, the load generator and the raw client here.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { TableClient } from "@azure/data-tables";
import { startAzurite } from "../functions/local/azurite.ts";
import { DEV_ISSUER, LOCAL_AUDIENCE } from "../shared/config/settings.ts";
import { loadOrCreateDevIssuerKey, mintDevToken } from "../shared/identity/dev-issuer.ts";
import { hashUserKey } from "../shared/identity/principal.ts";
import { sessionRowKey } from "../shared/sessions/session-id.ts";
import { TABLE_NAMES } from "../shared/tables/names.ts";
import { fmt, startChild } from "./load.ts";
import { report } from "./report.ts";

const here = new URL(import.meta.url).pathname;

interface BenchSession {
  readonly token: string;
  readonly sessionId: string;
  readonly partitionKey: string;
  readonly rowKey: string;
}

export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly goal?: string;
}

interface Rate {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}

async function serveEdge(keyDir: string, connectionString: string): Promise<void> {
  const { startLocalEdge } = await import("../functions/local/start.ts");
  const edge = await startLocalEdge({
    env: { ...process.env, PORT: "0", EDGE_LOG_LEVEL: "silent", EDGE_TABLES_CONNECTION_STRING: connectionString },
    localKeyDir: keyDir,
  });
  console.log(`LISTENING ${edge.url}`);
}

/** autocannon over the sessions, round robin: each request its own session id and token. */
async function edgeRate(url: string, sessions: readonly BenchSession[], connections: number, seconds: number): Promise<Rate> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const session = sessions[i++ % sessions.length] as BenchSession;
          return { ...request, path: `/api/sessions/${session.sessionId}`, headers: { ...request.headers, Authorization: `Bearer ${session.token}` } };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`edge: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** `connections` concurrent loops of getEntity over the same rows, for `seconds`. */
async function rawRate(client: TableClient, sessions: readonly BenchSession[], connections: number, seconds: number): Promise<Rate> {
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const session = sessions[next++ % sessions.length] as BenchSession;
        const t0 = performance.now();
        await client.getEntity(session.partitionKey, session.rowKey);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99) };
}

/** Linux only: the pid whose command line contains `needle` (to report CPU per request), if any. */
function pidOf(needle: string): number | undefined {
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").includes(needle)) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return undefined;
}

/** CPU time (user + system) of a process in ms, from /proc (Linux), or 0. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface CpuProbe {
  readonly pids: Record<string, number | undefined>;
}

async function withCpu<T extends Rate>(probe: CpuProbe, measure: () => Promise<T>, seconds: number): Promise<T & { cpu: string }> {
  const before = Object.fromEntries(Object.entries(probe.pids).map(([name, pid]) => [name, cpuMs(pid)]));
  const result = await measure();
  const requests = result.rps * seconds;
  const cpu = Object.entries(probe.pids)
    .filter(([, pid]) => pid !== undefined)
    .map(([name, pid]) => `${name} ${fmt((cpuMs(pid) - (before[name] ?? 0)) / Math.max(1, requests), 3)}`)
    .join(", ");
  return { ...result, cpu: cpu ? `CPU ms/req: ${cpu}` : "" };
}

export async function run(seconds = Number(process.env.BENCH_SECONDS ?? 10)): Promise<BenchRow[]> {
  const users = Number(process.env.BENCH_SESSION_USERS ?? 100);
  const keyDir = mkdtempSync(join(tmpdir(), "bench-sessions-"));
  const devKey = await loadOrCreateDevIssuerKey(keyDir);
  const azurite = await startAzurite();
  const server = await startChild(here, ["--serve", keyDir, azurite.connectionString]);
  try {
    // One session per user, created through the edge.
    const sessions: BenchSession[] = [];
    for (let u = 0; u < users; u += 1) {
      const sub = `bench-user-${u}`;
      const token = await mintDevToken(devKey, { sub, audience: LOCAL_AUDIENCE, scopes: ["mcp.tools"] });
      const response = await fetch(`${server.url}/api/sessions`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ resource: "https://mcp.example/mcp", backendSessionId: `backend-${u}` }),
      });
      if (response.status !== 201) throw new Error(`create answered ${response.status}`);
      const { sessionId } = (await response.json()) as { sessionId: string };
      sessions.push({ token, sessionId, partitionKey: hashUserKey({ issuer: DEV_ISSUER, sub }), rowKey: sessionRowKey(sessionId) });
    }
    const client = TableClient.fromConnectionString(azurite.connectionString, TABLE_NAMES.sessions, { allowInsecureConnection: true });
    const one = sessions.slice(0, 1);
    const probe: CpuProbe = {
      pids: { azurite: pidOf(`--tablePort ${azurite.port} `), edge: pidOf(`--serve ${keyDir}`), "load/raw client": process.pid },
    };

    // Warm-up (JIT, connection pools), then raw and edge alternately at the same concurrency.
    await rawRate(client, sessions, 10, 2);
    await edgeRate(server.url, sessions, 10, 2);
    const rows: BenchRow[] = [];
    for (const connections of [50, 10]) {
      const raw = await withCpu(probe, () => rawRate(client, sessions, connections, seconds), seconds);
      const edge = await withCpu(probe, () => edgeRate(server.url, sessions, connections, seconds), seconds);
      const ratio = edge.rps / raw.rps;
      rows.push({ name: `sessions raw getEntity, ${connections} conn`, value: `${raw.rps} req/s (p50 ${raw.p50} ms, p99 ${raw.p99} ms) ${raw.cpu}` });
      rows.push({
        name: `sessions edge validate, ${connections} conn`,
        value: `${edge.rps} req/s (p50 ${edge.p50} ms, p99 ${edge.p99} ms) ${edge.cpu}`,
        goal: `≥ 50% of raw: ${fmt(ratio * 100)}% ${ratio >= 0.5 ? "met" : "NOT met"}`,
      });
    }
    const hotRaw = await rawRate(client, one, 50, seconds);
    const hotEdge = await edgeRate(server.url, one, 50, seconds);
    rows.push({ name: "one hot session raw getEntity, 50 conn", value: `${hotRaw.rps} req/s (p99 ${hotRaw.p99} ms)` });
    rows.push({
      name: "one hot session edge validate, 50 conn",
      value: `${hotEdge.rps} req/s (p99 ${hotEdge.p99} ms)`,
      goal: `≥ 50% of raw: ${fmt((hotEdge.rps / hotRaw.rps) * 100)}%`,
    });
    return rows;
  } finally {
    await server.stop();
    await azurite.stop();
  }
}

const args = process.argv.slice(2);
if (args[0] === "--serve") {
  process.once("SIGTERM", () => process.exit(0));
  await serveEdge(args[1] as string, args[2] as string);
} else if (process.argv[1] === here) {
  console.log(`sessions: ${process.env.BENCH_SESSION_USERS ?? 100} users, one session each; ${process.env.BENCH_SECONDS ?? 10} s per run`);
  for (const row of await run()) report({ bench: "sessions", metric: row.name, value: row.value, ...(row.goal ? { goal: row.goal } : {}) });
}
