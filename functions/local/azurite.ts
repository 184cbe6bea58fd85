// Starts Azurite's Table service (npm package `azurite`) as a child process on a loopback port:
// in memory, or persisted under a folder. The local host, the tests and the benchmarks use it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, connect } from "node:net";
import { dirname, join } from "node:path";

// Azurite's well-known development account (public, documented; it only ever guards an emulator).
const AZURITE_ACCOUNT = "devstoreaccount1";
const AZURITE_ACCOUNT_KEY = ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", "K1SZFPTOtr", "KBHBeksoGMGw=="].join("/");

export interface AzuriteOptions {
  /** Persist data here; in memory when unset. */
  readonly location?: string;
  /** Fixed port; a free one when unset. */
  readonly port?: number;
}

export interface AzuriteInstance {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return [
    "DefaultEndpointsProtocol=http",
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_ACCOUNT_KEY}`,
    `TableEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`,
  ].join(";");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("azurite/package.json")), "dist", "src", "table", "main.js");
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteInstance> {
  for (let attempt = 0; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      const child = await launch(port, options.location);
      return {
        port,
        connectionString: azuriteConnectionString(port),
        stop: () => stopChild(child),
      };
    } catch (error) {
      // Another process may have taken the free port in between: try another one.
      if (options.port !== undefined || attempt >= 2) throw error;
    }
  }
}

async function launch(port: number, location: string | undefined): Promise<ChildProcess> {
  const args = [azuriteTableMain(), "--tableHost", "127.0.0.1", "--tablePort", String(port), "--silent", "--disableTelemetry", "--skipApiVersionCheck"];
  if (location) {
    mkdirSync(location, { recursive: true });
    args.push("--location", location);
  } else {
    args.push("--inMemoryPersistence");
  }
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  // Never leave an orphaned emulator behind when this process exits without stopping it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited: ${output.trim()}`);
    if (await canConnect(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`Azurite did not start on port ${port}: ${output.trim()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // Azurite saves its database on SIGINT only (SIGTERM would lose the writes since its last autosave).
    child.kill("SIGINT");
  });
}
