// Sessions in Azure Table Storage (issue 7). A session is never authentication: every call also needs
// a verified user token, and a session is found only under that user's partition.
//
// Row layout (table `sessions`):
//   PartitionKey  the hashed user key (UserPrincipal.userKeyHash): the `<user>:<session>` binding
//   RowKey        hex SHA-256 of the session id (the id itself is never stored)
//   createdAt, expiresAt (absolute), idleExpiresAt, lastSeenAt   Edm.DateTime
//   idleSeconds   the session's idle timeout
//   clientId, resource               plain strings chosen by the caller
//   backend       the MCP server's session id, AES-256-GCM under a key derived from the session id
//   revokedAt, revokeReason          set by revoke / revoke-all / the per-user limit
//   rotatedAt, graceUntil, replacedBy   set on the old row by rotate (same transaction as the new row)
//
// Expiry is enforced on every read (Table Storage has no TTL); purgeExpired() deletes dead rows.
import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import type { SessionSettings } from "../config/settings.ts";
import { statusOf, type TableStore } from "../tables/table-store.ts";
import { TABLE_NAMES } from "../tables/names.ts";
import { decryptBackendId, encryptBackendId } from "./backend-id-cipher.ts";
import { isSessionIdFormat, newSessionId, sessionHashPrefix, sessionRowKey } from "./session-id.ts";

/** Milliseconds since the epoch, like Date.now (injectable for tests). */
export type Clock = () => number;

export const SESSION_SCHEMA_VERSION = 1;
/** Bounds of what a caller may send (the maxima of the durations are the configured defaults). */
export const SESSION_INPUT_LIMITS = {
  clientIdMaxLength: 256,
  resourceMaxLength: 2048,
  backendSessionIdMaxLength: 1024,
  minIdleSeconds: 10,
  minLifetimeSeconds: 10,
} as const;

const TRANSACTION_MAX_OPERATIONS = 100;
const PAGE_SIZE = 1000;
const MAX_CONFLICT_RETRIES = 3;
const RECENT_SLIDES_MAX = 50_000;
const USER_KEY = /^[0-9a-f]{64}$/;

export interface SessionStoreOptions {
  readonly tables: TableStore;
  readonly settings: SessionSettings;
  readonly clock?: Clock;
  readonly tableName?: string;
}

export interface CreateSessionInput {
  readonly clientId?: string;
  readonly resource?: string;
  readonly backendSessionId?: string;
  readonly idleTimeoutSeconds?: number;
  readonly lifetimeSeconds?: number;
}

export interface IssuedSession {
  readonly sessionId: string;
  readonly hashPrefix: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleExpiresAt: number;
}

export interface CreatedSession extends IssuedSession {
  /** Hash prefixes of the oldest sessions revoked because the user was over the limit. */
  readonly revokedForLimit: readonly string[];
}

export interface SessionInfo {
  readonly hashPrefix: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleExpiresAt: number;
  readonly clientId?: string;
  readonly resource?: string;
  readonly backendSessionId?: string;
  /** Set while a rotated-away id is within its grace period. */
  readonly graceUntil?: number;
}

/** Why a session is not usable. Internal only (audit): callers all get the same 404. */
export type InvalidReason = "bad_format" | "not_found" | "expired" | "idle_expired" | "revoked" | "rotated" | "corrupt";

export type ValidationResult = { readonly ok: true; readonly session: SessionInfo } | { readonly ok: false; readonly reason: InvalidReason };
export type RotationResult =
  | { readonly ok: true; readonly session: IssuedSession; readonly previousHashPrefix: string }
  | { readonly ok: false; readonly reason: InvalidReason };
export type RevocationResult = { readonly ok: true; readonly hashPrefix: string } | { readonly ok: false; readonly reason: InvalidReason };

export interface RevokeAllResult {
  readonly revoked: number;
  readonly hashPrefixes: readonly string[];
}

export interface PurgeResult {
  readonly scanned: number;
  readonly deleted: number;
  readonly transactions: number;
  readonly partitions: number;
}

/** Counters for tests and benchmarks. */
export interface SessionStoreStats {
  /** Point reads sent to the table. */
  lookups: number;
  slideWrites: number;
  slideConflicts: number;
  slidesCoalesced: number;
  /** Rotations that lost an ETag race (or met a concurrent slide) and decided again. */
  rotateConflicts: number;
}

/** What is stored (dates as Edm.DateTime). A type, not an interface: table entities are records. */
type StoredSession = {
  v: number;
  createdAt: Date;
  expiresAt: Date;
  idleExpiresAt: Date;
  lastSeenAt: Date;
  idleSeconds: number;
  clientId?: string;
  resource?: string;
  backend?: string;
  revokedAt?: Date;
  revokeReason?: string;
  rotatedAt?: Date;
  graceUntil?: Date;
  replacedBy?: string;
};

/** A row as the store works with it (times in ms). */
export interface Row {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleExpiresAt: number;
  readonly lastSeenAt: number;
  readonly idleSeconds: number;
  readonly clientId?: string;
  readonly resource?: string;
  readonly backend?: string;
  readonly revokedAt?: number;
  readonly rotatedAt?: number;
  readonly graceUntil?: number;
}

export type RowState = "valid" | Exclude<InvalidReason, "bad_format" | "not_found">;

const LIST_SELECT = ["partitionKey", "rowKey", "createdAt", "expiresAt", "idleExpiresAt", "lastSeenAt", "idleSeconds", "revokedAt", "rotatedAt", "graceUntil"];

export class SessionStore {
  readonly stats: SessionStoreStats = { lookups: 0, slideWrites: 0, slideConflicts: 0, slidesCoalesced: 0, rotateConflicts: 0 };
  private readonly tables: TableStore;
  private readonly settings: SessionSettings;
  private readonly clock: Clock;
  private readonly table: string;
  /** Per session (partition/row): when this process last wrote (or is writing) its idle slide. */
  private readonly recentSlides = new Map<string, number>();

  constructor(options: SessionStoreOptions) {
    this.tables = options.tables;
    this.settings = options.settings;
    this.clock = options.clock ?? Date.now;
    this.table = options.tableName ?? TABLE_NAMES.sessions;
  }

  /** Issues a new session for the user; revokes the user's oldest sessions beyond the limit. */
  async create(userKey: string, input: CreateSessionInput = {}): Promise<CreatedSession> {
    assertUserKey(userKey);
    const idleSeconds = this.bounded("idleTimeoutSeconds", input.idleTimeoutSeconds, SESSION_INPUT_LIMITS.minIdleSeconds, this.settings.idleSeconds);
    const lifetimeSeconds = this.bounded(
      "lifetimeSeconds",
      input.lifetimeSeconds,
      SESSION_INPUT_LIMITS.minLifetimeSeconds,
      this.settings.lifetimeSeconds,
    );
    const now = this.clock();
    const expiresAt = now + lifetimeSeconds * 1000;
    const idleExpiresAt = Math.min(now + idleSeconds * 1000, expiresAt);
    for (let attempt = 0; ; attempt += 1) {
      const sessionId = newSessionId();
      const rowKey = sessionRowKey(sessionId);
      const entity: StoredSession & { partitionKey: string; rowKey: string } = {
        partitionKey: userKey,
        rowKey,
        v: SESSION_SCHEMA_VERSION,
        createdAt: new Date(now),
        expiresAt: new Date(expiresAt),
        idleExpiresAt: new Date(idleExpiresAt),
        lastSeenAt: new Date(now),
        idleSeconds,
        ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
        ...(input.resource !== undefined ? { resource: input.resource } : {}),
        ...(input.backendSessionId !== undefined
          ? { backend: encryptBackendId(input.backendSessionId, sessionId, { partitionKey: userKey, rowKey }) }
          : {}),
      };
      try {
        await this.tables.call(this.table, (client, abortSignal) => client.createEntity(entity, { abortSignal }));
      } catch (error) {
        // A collision of 256-bit random ids does not happen; if it ever did, the other row is untouched.
        if (statusOf(error) === 409 && attempt < 2) continue;
        throw error;
      }
      const revokedForLimit = await this.enforceLimit(userKey, rowKey);
      return { sessionId, hashPrefix: sessionHashPrefix(rowKey), createdAt: now, expiresAt, idleExpiresAt, revokedForLimit };
    }
  }

  /**
   * The session, when the id has the exact format, exists under this user, and is neither expired nor
   * revoked. Slides the idle expiry: at most one write per session per slide interval in this process,
   * with ETag concurrency across processes.
   */
  async validate(userKey: string, sessionId: string): Promise<ValidationResult> {
    assertUserKey(userKey);
    if (!isSessionIdFormat(sessionId)) return { ok: false, reason: "bad_format" };
    const rowKey = sessionRowKey(sessionId);
    const row = await this.read(userKey, rowKey);
    if (!row) return { ok: false, reason: "not_found" };
    const now = this.clock();
    const state = stateOf(row, now);
    if (state !== "valid") return { ok: false, reason: state };
    const slid = await this.slide(row, now);
    if (!slid.ok) return slid;
    return this.info(slid.row, sessionId);
  }

  /**
   * Replaces the session with a new id bound to the same user, in one transaction: the new row is
   * created and the old one marked rotated with its ETag, so of two concurrent rotations exactly one
   * wins. The old id stays valid for the configured grace period (default 0). The absolute expiry is
   * kept: rotation never extends a session's lifetime.
   */
  async rotate(userKey: string, sessionId: string): Promise<RotationResult> {
    assertUserKey(userKey);
    if (!isSessionIdFormat(sessionId)) return { ok: false, reason: "bad_format" };
    const oldRowKey = sessionRowKey(sessionId);
    let row = await this.read(userKey, oldRowKey);
    for (let attempt = 0; ; attempt += 1) {
      if (!row) return { ok: false, reason: "not_found" };
      const now = this.clock();
      const state = stateOf(row, now);
      if (state !== "valid") return { ok: false, reason: state };
      if (row.rotatedAt !== undefined) return { ok: false, reason: "rotated" };
      let backendSessionId: string | undefined;
      if (row.backend !== undefined) {
        backendSessionId = decryptBackendId(row.backend, sessionId, row);
        if (backendSessionId === undefined) return { ok: false, reason: "corrupt" };
      }
      const newId = newSessionId();
      const newRowKey = sessionRowKey(newId);
      const idleExpiresAt = Math.min(now + row.idleSeconds * 1000, row.expiresAt);
      const created: StoredSession & { partitionKey: string; rowKey: string } = {
        partitionKey: userKey,
        rowKey: newRowKey,
        v: SESSION_SCHEMA_VERSION,
        createdAt: new Date(now),
        expiresAt: new Date(row.expiresAt),
        idleExpiresAt: new Date(idleExpiresAt),
        lastSeenAt: new Date(now),
        idleSeconds: row.idleSeconds,
        ...(row.clientId !== undefined ? { clientId: row.clientId } : {}),
        ...(row.resource !== undefined ? { resource: row.resource } : {}),
        ...(backendSessionId !== undefined ? { backend: encryptBackendId(backendSessionId, newId, { partitionKey: userKey, rowKey: newRowKey }) } : {}),
      };
      const retired = {
        partitionKey: userKey,
        rowKey: oldRowKey,
        rotatedAt: new Date(now),
        graceUntil: new Date(now + this.settings.rotateGraceSeconds * 1000),
        replacedBy: sessionHashPrefix(newRowKey),
      };
      const actions: TransactionAction[] = [
        ["create", created],
        ["update", retired, "Merge", { etag: row.etag }],
      ];
      try {
        await this.tables.call(this.table, (client, abortSignal) => client.submitTransaction(actions, { abortSignal }));
        return {
          ok: true,
          previousHashPrefix: sessionHashPrefix(oldRowKey),
          session: { sessionId: newId, hashPrefix: sessionHashPrefix(newRowKey), createdAt: now, expiresAt: row.expiresAt, idleExpiresAt },
        };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return { ok: false, reason: "not_found" };
        // 412: the old row changed since it was read (another rotation, a revocation, or only an
        // idle slide). Nothing was written; decide again from a fresh read.
        if (status !== 412 || attempt >= MAX_CONFLICT_RETRIES) {
          if (status === 412) return { ok: false, reason: "rotated" };
          throw error;
        }
        this.stats.rotateConflicts += 1;
        row = await this.read(userKey, oldRowKey);
      }
    }
  }

  /** Revokes one of the user's sessions (it must be currently usable). */
  async revoke(userKey: string, sessionId: string, reason = "user"): Promise<RevocationResult> {
    assertUserKey(userKey);
    if (!isSessionIdFormat(sessionId)) return { ok: false, reason: "bad_format" };
    const rowKey = sessionRowKey(sessionId);
    const row = await this.read(userKey, rowKey);
    if (!row) return { ok: false, reason: "not_found" };
    const state = stateOf(row, this.clock());
    if (state !== "valid") return { ok: false, reason: state };
    const done = await this.markRevoked(row, reason);
    return done ? { ok: true, hashPrefix: sessionHashPrefix(rowKey) } : { ok: false, reason: "revoked" };
  }

  /** Sign-out everywhere: revokes every usable session of the user and answers how many. */
  async revokeAll(userKey: string, reason = "user_all"): Promise<RevokeAllResult> {
    assertUserKey(userKey);
    const now = this.clock();
    const live = (await this.listPartition(userKey)).filter((row) => stateOf(row, now) === "valid");
    const revoked: string[] = [];
    for (let i = 0; i < live.length; i += TRANSACTION_MAX_OPERATIONS) {
      const chunk = live.slice(i, i + TRANSACTION_MAX_OPERATIONS);
      const actions: TransactionAction[] = chunk.map((row) => [
        "update",
        { partitionKey: row.partitionKey, rowKey: row.rowKey, revokedAt: new Date(now), revokeReason: reason },
        "Merge",
        { etag: row.etag },
      ]);
      try {
        await this.tables.call(this.table, (client, abortSignal) => client.submitTransaction(actions, { abortSignal }));
        revoked.push(...chunk.map((row) => sessionHashPrefix(row.rowKey)));
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 404) throw error;
        // One of them changed meanwhile (a slide, a rotation, a revocation): one by one instead.
        for (const row of chunk) {
          if (await this.markRevoked(row, reason)) revoked.push(sessionHashPrefix(row.rowKey));
        }
      }
    }
    return { revoked: revoked.length, hashPrefixes: revoked };
  }

  /**
   * Deletes expired, revoked and rotated-away rows across all users, in entity group transactions of
   * at most 100 deletions within one partition. Usable sessions are never touched.
   */
  async purgeExpired(): Promise<PurgeResult> {
    const now = this.clock();
    const at = new Date(now);
    // Pre-filter on the server (a missing property compares false); every row is re-checked below.
    const filter = odata`expiresAt le ${at} or idleExpiresAt le ${at} or revokedAt ge ${new Date(0)} or graceUntil le ${at}`;
    let scanned = 0;
    let deleted = 0;
    let transactions = 0;
    const partitions = new Set<string>();
    let continuationToken: string | undefined;
    do {
      const token = continuationToken;
      const page = await this.tables.call(this.table, async (client, abortSignal) => {
        const pages = client
          .listEntities<StoredSession>({ queryOptions: { filter, select: LIST_SELECT }, abortSignal })
          .byPage({ maxPageSize: PAGE_SIZE, ...(token ? { continuationToken: token } : {}) });
        const next = await pages.next();
        return next.done ? undefined : next.value;
      });
      continuationToken = page?.continuationToken;
      const dead = new Map<string, string[]>();
      for (const entity of page ?? []) {
        scanned += 1;
        const row = toRow(entity);
        if (row && stateOf(row, now) === "valid") continue;
        const partitionKey = entity.partitionKey as string;
        const rowKey = entity.rowKey as string;
        const list = dead.get(partitionKey) ?? [];
        list.push(rowKey);
        dead.set(partitionKey, list);
      }
      for (const [partitionKey, rowKeys] of dead) {
        partitions.add(partitionKey);
        for (let i = 0; i < rowKeys.length; i += TRANSACTION_MAX_OPERATIONS) {
          const chunk = rowKeys.slice(i, i + TRANSACTION_MAX_OPERATIONS);
          deleted += await this.deleteBatch(partitionKey, chunk);
          transactions += 1;
        }
      }
    } while (continuationToken);
    return { scanned, deleted, transactions, partitions: partitions.size };
  }

  // ---- internals ----------------------------------------------------------------------------

  private bounded(name: string, value: number | undefined, min: number, max: number): number {
    if (value === undefined) return max;
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer between ${min} and ${max}`);
    return value;
  }

  private async read(partitionKey: string, rowKey: string): Promise<Row | undefined> {
    let entity: object;
    this.stats.lookups += 1;
    try {
      entity = await this.tables.call(this.table, (client, abortSignal) => client.getEntity<StoredSession>(partitionKey, rowKey, { abortSignal }));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    // A row that does not have the expected shape is treated as not found (fail closed).
    return toRow(entity);
  }

  private info(row: Row, sessionId: string): ValidationResult {
    let backendSessionId: string | undefined;
    if (row.backend !== undefined) {
      backendSessionId = decryptBackendId(row.backend, sessionId, row);
      if (backendSessionId === undefined) return { ok: false, reason: "corrupt" };
    }
    return {
      ok: true,
      session: {
        hashPrefix: sessionHashPrefix(row.rowKey),
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        idleExpiresAt: row.idleExpiresAt,
        ...(row.clientId !== undefined ? { clientId: row.clientId } : {}),
        ...(row.resource !== undefined ? { resource: row.resource } : {}),
        ...(backendSessionId !== undefined ? { backendSessionId } : {}),
        ...(row.rotatedAt !== undefined && row.graceUntil !== undefined ? { graceUntil: row.graceUntil } : {}),
      },
    };
  }

  /** Slides the idle expiry when the last write is older than the slide interval (coalesced). */
  private async slide(row: Row, now: number): Promise<{ ok: true; row: Row } | { ok: false; reason: InvalidReason }> {
    const idleMs = row.idleSeconds * 1000;
    // Slide at most every half idle timeout, so that a session in steady use never expires idle.
    const intervalMs = Math.min(this.settings.slideIntervalSeconds * 1000, Math.floor(idleMs / 2));
    if (now - row.lastSeenAt < intervalMs) return { ok: true, row };
    const key = `${row.partitionKey}/${row.rowKey}`;
    const recent = this.recentSlides.get(key);
    if (recent !== undefined && now - recent < intervalMs && now >= recent) {
      // This process wrote (or is writing) the slide within the interval: no second write.
      this.stats.slidesCoalesced += 1;
      return { ok: true, row: { ...row, lastSeenAt: recent, idleExpiresAt: Math.max(row.idleExpiresAt, Math.min(recent + idleMs, row.expiresAt)) } };
    }
    this.rememberSlide(key, now);
    const idleExpiresAt = Math.min(now + idleMs, row.expiresAt);
    try {
      await this.tables.call(this.table, (client, abortSignal) =>
        client.updateEntity(
          { partitionKey: row.partitionKey, rowKey: row.rowKey, idleExpiresAt: new Date(idleExpiresAt), lastSeenAt: new Date(now) },
          "Merge",
          { etag: row.etag, abortSignal },
        ),
      );
      this.stats.slideWrites += 1;
      return { ok: true, row: { ...row, idleExpiresAt, lastSeenAt: now } };
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return { ok: false, reason: "not_found" };
      if (status !== 412) {
        this.recentSlides.delete(key);
        throw error;
      }
      // Changed since read: another instance slid it, or it was revoked or rotated. Decide again.
      this.stats.slideConflicts += 1;
      const fresh = await this.read(row.partitionKey, row.rowKey);
      if (!fresh) return { ok: false, reason: "not_found" };
      const state = stateOf(fresh, now);
      return state === "valid" ? { ok: true, row: fresh } : { ok: false, reason: state };
    }
  }

  private rememberSlide(key: string, now: number): void {
    this.recentSlides.delete(key);
    this.recentSlides.set(key, now);
    if (this.recentSlides.size <= RECENT_SLIDES_MAX) return;
    // Oldest first (insertion order): drop the older half.
    let drop = this.recentSlides.size - RECENT_SLIDES_MAX / 2;
    for (const stale of this.recentSlides.keys()) {
      if (drop-- <= 0) break;
      this.recentSlides.delete(stale);
    }
  }

  /** Marks a row revoked with its ETag; on a conflict re-reads and retries while it is still usable. */
  private async markRevoked(row: Row, reason: string): Promise<boolean> {
    let current: Row | undefined = row;
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES && current; attempt += 1) {
      const now = this.clock();
      if (stateOf(current, now) !== "valid") return false;
      const target: Row = current;
      try {
        await this.tables.call(this.table, (client, abortSignal) =>
          client.updateEntity({ partitionKey: target.partitionKey, rowKey: target.rowKey, revokedAt: new Date(now), revokeReason: reason }, "Merge", {
            etag: target.etag,
            abortSignal,
          }),
        );
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return false;
        if (status !== 412) throw error;
        current = await this.read(target.partitionKey, target.rowKey);
      }
    }
    return false;
  }

  /** Keeps the newest `maxPerUser` usable sessions; never revokes the one just created. */
  private async enforceLimit(userKey: string, ownRowKey: string): Promise<string[]> {
    const now = this.clock();
    const live = (await this.listPartition(userKey)).filter((row) => stateOf(row, now) === "valid" && row.rotatedAt === undefined);
    let excess = live.length - this.settings.maxPerUser;
    if (excess <= 0) return [];
    live.sort((a, b) => a.createdAt - b.createdAt || (a.rowKey < b.rowKey ? -1 : 1));
    const revoked: string[] = [];
    for (const row of live) {
      if (excess <= 0) break;
      if (row.rowKey === ownRowKey) continue;
      excess -= 1;
      if (await this.markRevoked(row, "limit")) revoked.push(sessionHashPrefix(row.rowKey));
    }
    return revoked;
  }

  private async listPartition(userKey: string): Promise<Row[]> {
    const rows: Row[] = [];
    let continuationToken: string | undefined;
    do {
      const token = continuationToken;
      const page = await this.tables.call(this.table, async (client: TableClient, abortSignal) => {
        const pages = client
          .listEntities<StoredSession>({ queryOptions: { filter: odata`PartitionKey eq ${userKey}`, select: LIST_SELECT }, abortSignal })
          .byPage({ maxPageSize: PAGE_SIZE, ...(token ? { continuationToken: token } : {}) });
        const next = await pages.next();
        return next.done ? undefined : next.value;
      });
      continuationToken = page?.continuationToken;
      for (const entity of page ?? []) {
        const row = toRow(entity);
        if (row) rows.push(row);
      }
    } while (continuationToken);
    return rows;
  }

  /** Deletes rows of one partition in one transaction; falls back to one by one when one is gone. */
  private async deleteBatch(partitionKey: string, rowKeys: readonly string[]): Promise<number> {
    const actions: TransactionAction[] = rowKeys.map((rowKey) => ["delete", { partitionKey, rowKey }]);
    try {
      await this.tables.call(this.table, (client, abortSignal) => client.submitTransaction(actions, { abortSignal }));
      return rowKeys.length;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    let deleted = 0;
    for (const rowKey of rowKeys) {
      try {
        await this.tables.call(this.table, (client, abortSignal) => client.deleteEntity(partitionKey, rowKey, { abortSignal }));
        deleted += 1;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return deleted;
  }
}

function assertUserKey(userKey: string): void {
  // The partition key is always a hashed user key from a verified token, never raw input.
  if (!USER_KEY.test(userKey)) throw new TypeError("the user key must be a hex SHA-256 hash");
}

/** Exported for tests. */
export function stateOf(row: Row, now: number): RowState {
  if (row.revokedAt !== undefined) return "revoked";
  if (row.rotatedAt !== undefined && !(row.graceUntil !== undefined && now < row.graceUntil)) return "rotated";
  if (now >= row.expiresAt) return "expired";
  if (now >= row.idleExpiresAt) return "idle_expired";
  return "valid";
}

function time(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

/** A stored entity as a row, or undefined when it lacks what every session has. Exported for tests. */
export function toRow(stored: object): Row | undefined {
  const entity = stored as Record<string, unknown>;
  const { partitionKey, rowKey, etag, idleSeconds, clientId, resource, backend } = entity;
  const createdAt = time(entity.createdAt);
  const expiresAt = time(entity.expiresAt);
  const idleExpiresAt = time(entity.idleExpiresAt);
  const lastSeenAt = time(entity.lastSeenAt);
  if (
    typeof partitionKey !== "string" ||
    typeof rowKey !== "string" ||
    typeof etag !== "string" ||
    typeof idleSeconds !== "number" ||
    createdAt === undefined ||
    expiresAt === undefined ||
    idleExpiresAt === undefined ||
    lastSeenAt === undefined
  ) {
    return undefined;
  }
  // A property named in `select` that a row lacks comes back as null: absent, not set. A value that is
  // present but not a date still counts as set (fail closed: revoked / rotated).
  const revokedAt = entity.revokedAt === undefined || entity.revokedAt === null ? undefined : (time(entity.revokedAt) ?? 0);
  const rotatedAt = entity.rotatedAt === undefined || entity.rotatedAt === null ? undefined : (time(entity.rotatedAt) ?? 0);
  const graceUntil = time(entity.graceUntil);
  return {
    partitionKey,
    rowKey,
    etag,
    createdAt,
    expiresAt,
    idleExpiresAt,
    lastSeenAt,
    idleSeconds,
    ...(typeof clientId === "string" ? { clientId } : {}),
    ...(typeof resource === "string" ? { resource } : {}),
    ...(typeof backend === "string" ? { backend } : {}),
    ...(revokedAt !== undefined ? { revokedAt } : {}),
    ...(rotatedAt !== undefined ? { rotatedAt } : {}),
    ...(graceUntil !== undefined ? { graceUntil } : {}),
  };
}
