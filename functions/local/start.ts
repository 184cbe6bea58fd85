// Starts the whole edge locally: settings, Azurite (unless a table store is configured), services and
// the node:http host. Used by `npm start`, the tests and the benchmarks.
import type { AddressInfo } from "node:net";
import { loadSettings, type Settings } from "../../shared/config/settings.ts";
import type { AuditSink } from "../../shared/audit/events.ts";
import { createServices, type ServiceOverrides, type Services } from "../services.ts";
import { ROUTES } from "../routes.ts";
import { TIMERS, type TimerDefinition } from "../timers.ts";
import { createLocalServer } from "./host.ts";
import { startAzurite, type AzuriteInstance } from "./azurite.ts";

export interface LocalEdge {
  readonly url: string;
  readonly settings: Settings;
  readonly services: Services;
  readonly azurite: AzuriteInstance | undefined;
  stop(): Promise<void>;
}

export interface StartOptions extends ServiceOverrides {
  readonly env?: Record<string, string | undefined>;
  readonly auditSink?: AuditSink;
  /** Fixed Azurite port (with EDGE_DATA_DIR, so that a restarted Azurite keeps its data). */
  readonly azuritePort?: number;
}

export async function startLocalEdge(options: StartOptions = {}): Promise<LocalEdge> {
  const env = { ...(options.env ?? process.env) };
  const initial = loadSettings(env, "local");
  let azurite: AzuriteInstance | undefined;
  if (!initial.tables.endpoint && !initial.tables.connectionString) {
    azurite = await startAzurite({
      ...(initial.dataDir ? { location: `${initial.dataDir}/azurite` } : {}),
      ...(options.azuritePort ? { port: options.azuritePort } : {}),
    });
    env.EDGE_TABLES_CONNECTION_STRING = azurite.connectionString;
  }
  try {
    let settings = loadSettings(env, "local");
    // Requests that arrive before the services exist wait for them.
    let resolveServices!: (services: Services) => void;
    const servicesReady = new Promise<Services>((resolve) => (resolveServices = resolve));
    const server = createLocalServer({ routes: ROUTES, getServices: () => servicesReady, maxBodyBytes: settings.maxBodyBytes });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(settings.port, settings.bind, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    if (settings.port === 0) {
      // An ephemeral port: the public URL (and so the minted tokens' issuer) follows the real one.
      env.PORT = String(port);
      if (!env.EDGE_PUBLIC_URL) env.EDGE_PUBLIC_URL = `http://127.0.0.1:${port}`;
      settings = loadSettings(env, "local");
    }
    const services = await createServices(settings, options);
    resolveServices(services);
    const stopTimers = TIMERS.map((timer) => scheduleLocally(timer, services));
    const host = settings.bind.includes(":") ? `[${settings.bind}]` : settings.bind;
    return {
      url: `http://${host}:${port}`,
      settings,
      services,
      azurite,
      async stop() {
        for (const stopTimer of stopTimers) stopTimer();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.audit.flush();
        await azurite?.stop();
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}

/**
 * Runs a timer of the timer table on the same schedule as on Azure: at every multiple of its interval
 * since the epoch (hourly = at the top of each UTC hour). Unref'd, never overlapping; failures are
 * audited by the timer itself. Returns the function that cancels it.
 */
function scheduleLocally(timer: TimerDefinition, services: Services): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    timer
      .run(services)
      .catch(() => undefined)
      .finally(() => (running = false));
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, timer.intervalMs);
    interval.unref();
  }, timer.intervalMs - (Date.now() % timer.intervalMs));
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
