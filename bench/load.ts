// Shared helpers of the benchmarks: run autocannon against a URL, start a server in a child process
// (so that the load generator and the server under test never share a core's event loop).
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly method?: "GET" | "POST";
  readonly headers?: Record<string, string>;
  /** A body per request, rotated through (e.g. distinct tokens). */
  readonly bodies?: readonly string[];
  /** Headers per request, rotated through. */
  readonly headerSets?: ReadonlyArray<Record<string, string>>;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const n = i++;
          const out: autocannon.Request = { ...request };
          if (options.bodies) out.body = options.bodies[n % options.bodies.length] as string;
          if (options.headerSets) out.headers = { ...request.headers, ...options.headerSets[n % options.headerSets.length] };
          return out;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export interface ChildServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `tsx <script> ...args` and waits for a line `LISTENING <url>` on its stdout. */
export function startChild(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", script, ...args], {
      env: { ...process.env, EDGE_LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /LISTENING (\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1] as string,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

export function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}
