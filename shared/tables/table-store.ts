// Table Storage access for every store of the edge: one TableClient per table, created on first use,
// with bounded retries and a per-call deadline. Managed identity on Azure; a connection string only
// for emulators (Azurite).
import { TableClient, type TableServiceClientOptions } from "@azure/data-tables";
import { DependencyUnavailableError } from "../identity/errors.ts";

export interface TableStoreOptions {
  readonly endpoint?: string;
  readonly connectionString?: string;
  /** Client id of the user-assigned managed identity (with `endpoint`). */
  readonly managedIdentityClientId?: string;
  /** Deadline of one call, retries included. */
  readonly timeoutMs?: number;
}

export class TableStore {
  private readonly clients = new Map<string, Promise<TableClient>>();
  readonly timeoutMs: number;

  constructor(private readonly options: TableStoreOptions) {
    if (!options.endpoint && !options.connectionString) throw new Error("a table endpoint or connection string is required");
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  /** The client of `name`, creating the table once. Fails with DependencyUnavailableError. */
  table(name: string): Promise<TableClient> {
    let client = this.clients.get(name);
    if (!client) {
      client = this.create(name);
      this.clients.set(name, client);
      // A failed creation is retried on the next call rather than cached.
      client.catch(() => this.clients.delete(name));
    }
    return client;
  }

  /** Runs one table call under the deadline, mapping transport failures to DependencyUnavailableError. */
  async call<T>(name: string, operation: (client: TableClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const client = await this.table(name);
    return withDeadline(this.timeoutMs, (signal) => operation(client, signal));
  }

  /** For /api/ready: the table service answers. */
  async ping(name: string): Promise<void> {
    await this.call(name, async (client, abortSignal) => {
      const page = client.listEntities({ queryOptions: { select: ["PartitionKey"] } }).byPage({ maxPageSize: 1 });
      await page.next();
      void abortSignal;
    });
  }

  private async create(name: string): Promise<TableClient> {
    const clientOptions: TableServiceClientOptions = {
      retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 800 },
    };
    let client: TableClient;
    if (this.options.connectionString) {
      const isEmulator = /UseDevelopmentStorage=true|127\.0\.0\.1|localhost/i.test(this.options.connectionString);
      client = TableClient.fromConnectionString(this.options.connectionString, name, {
        ...clientOptions,
        allowInsecureConnection: isEmulator,
      });
    } else {
      // Loaded only on this path: a local run with Azurite never needs @azure/identity.
      const { ManagedIdentityCredential } = await import("@azure/identity");
      const credential = this.options.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: this.options.managedIdentityClientId })
        : new ManagedIdentityCredential();
      client = new TableClient(this.options.endpoint as string, name, credential, clientOptions);
    }
    await withDeadline(this.timeoutMs, async (abortSignal) => {
      try {
        await client.createTable({ abortSignal });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    });
    return client;
  }
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "statusCode" in error ? (error as { statusCode?: number }).statusCode : undefined;
}

/**
 * Runs `operation` with an abort signal that fires after `timeoutMs`. Errors with an HTTP status
 * (404, 409, 412...) are the caller's to interpret; transport failures and timeouts become
 * DependencyUnavailableError so that the edge answers 503 and never grants anything.
 */
export async function withDeadline<T>(timeoutMs: number, operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await operation(signal);
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status > 0 && status < 500 && status !== 408 && status !== 429) throw error;
    if (error instanceof DependencyUnavailableError) throw error;
    throw new DependencyUnavailableError("table", signal.aborted ? "timeout" : status ? `status ${status}` : "unreachable");
  }
}
