// Concurrency on real Azurite: two rotations of one id (exactly one wins, nothing left behind by the
// loser) and 1,000 concurrent validations of one session (the idle slide is written once).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { bearer, devToken, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { DEV_ISSUER } from "../../shared/config/settings.ts";
import { hashUserKey } from "../../shared/identity/principal.ts";
import { SessionStore } from "../../shared/sessions/session-store.ts";
import { TableStore } from "../../shared/tables/table-store.ts";
import { concurrentGets, createSession, rotate, statusOf, tableRows, TestClock } from "./support.ts";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const clock = new TestClock();
let edge: TestEdge;

before(async () => {
  edge = await startTestEdge({}, { now: clock.now });
});
after(async () => {
  await edge?.stop();
});

describe("rotate race", () => {
  test("two concurrent rotations of one id over HTTP: exactly one wins, the loser writes nothing", async () => {
    const token = await devToken({ sub: "race-http" });
    const userKey = hashUserKey({ issuer: DEV_ISSUER, sub: "race-http" });
    for (let round = 0; round < 10; round += 1) {
      const created = await createSession(edge, token, { backendSessionId: `b-${round}` });
      const responses = await Promise.all([rotate(edge, token, created.sessionId), rotate(edge, token, created.sessionId)]);
      const statuses = responses.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 404], `round ${round}`);
      const winner = responses.find((r) => r.status === 200) as Response;
      const { sessionId } = (await winner.json()) as { sessionId: string };
      for (const r of responses) await r.body?.cancel().catch(() => undefined);
      assert.equal(await statusOf(edge, token, sessionId), 200);
      assert.equal(await statusOf(edge, token, created.sessionId), 404);
      // Per round: the old row and the winner's new row, nothing else.
      assert.equal((await tableRows(edge, userKey)).length, 2 * (round + 1));
    }
  });

  test("both rotations read the same ETag before either writes: the transaction lets exactly one through", async () => {
    // A table store whose point reads wait for each other, so that the two rotations certainly race.
    let barrierArmed = false;
    let waiting: Array<() => void> = [];
    const barrier = (): Promise<void> =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 2) {
          barrierArmed = false; // only the first two reads wait (the loser's re-read does not)
          for (const release of waiting) release();
          waiting = [];
        }
      });
    class BarrierTables extends TableStore {
      override call<T>(name: string, operation: (client: TableClient, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
        return super.call(name, (client, abortSignal) => {
          const racing = new Proxy(client, {
            get(target, property, receiver) {
              const value = Reflect.get(target, property, receiver) as unknown;
              if (property !== "getEntity" || !barrierArmed || typeof value !== "function") return value;
              return async (...args: unknown[]) => {
                const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
                await barrier();
                return result;
              };
            },
          });
          return operation(racing, abortSignal);
        });
      }
    }
    const connectionString = edge.settings.tables.connectionString as string;
    const store = new SessionStore({ tables: new BarrierTables({ connectionString }), settings: edge.settings.sessions, clock: clock.now });
    const userKey = hashUserKey({ issuer: DEV_ISSUER, sub: "race-store" });
    for (let round = 0; round < 5; round += 1) {
      const created = await store.create(userKey, { backendSessionId: "b" });
      const conflicts = store.stats.rotateConflicts;
      barrierArmed = true;
      const results = await Promise.all([store.rotate(userKey, created.sessionId), store.rotate(userKey, created.sessionId)]);
      assert.equal(results.filter((r) => r.ok).length, 1, `round ${round}`);
      const loser = results.find((r) => !r.ok);
      assert.deepEqual(loser, { ok: false, reason: "rotated" });
      assert.equal(store.stats.rotateConflicts, conflicts + 1, "the loser met the ETag conflict");
      const winner = results.find((r) => r.ok);
      assert.ok(winner?.ok);
      assert.equal((await store.validate(userKey, winner.session.sessionId)).ok, true);
      assert.deepEqual(await store.validate(userKey, created.sessionId), { ok: false, reason: "rotated" });
    }
    assert.equal((await tableRows(edge, userKey)).length, 10);
  });
});

describe("hot session", () => {
  test("1,000 concurrent validations of one session over HTTP: all 200, the idle slide written once", async () => {
    const token = await devToken({ sub: "hot-http" });
    const created = await createSession(edge, token, { idleTimeoutSeconds: 600 });
    const store = edge.services.sessions;
    assert.ok(store);
    clock.advance(120); // past the slide interval: every one of them would slide
    const writes = store.stats.slideWrites;
    const statuses = await concurrentGets(`${edge.url}/api/sessions/${created.sessionId}`, bearer(token), 1000, 200);
    const counts: Record<number, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    assert.deepEqual(counts, { 200: 1000 });
    const written = store.stats.slideWrites - writes;
    assert.equal(written, 1, `slide writes: ${written}`);
    const [row] = await tableRows(edge, hashUserKey({ issuer: DEV_ISSUER, sub: "hot-http" }));
    assert.equal((row?.idleExpiresAt as Date).getTime(), clock.ms + 600_000);
    assert.equal(row?.rowKey, sha256(created.sessionId));
  });

  test("1,000 concurrent validate() calls in the store: one write, the rest coalesced or already slid", async () => {
    // 1,000 reads at once open up to 1,000 connections to Azurite: on a busy CI machine some take longer
    // than the edge's 3 s table deadline, which is not what this test is about.
    const connectionString = edge.settings.tables.connectionString as string;
    const store = new SessionStore({ tables: new TableStore({ connectionString, timeoutMs: 30_000 }), settings: edge.settings.sessions, clock: clock.now });
    const userKey = hashUserKey({ issuer: DEV_ISSUER, sub: "hot-store" });
    const created = await store.create(userKey, { idleTimeoutSeconds: 600 });
    clock.advance(120);
    const writes = store.stats.slideWrites;
    const results = await Promise.all(Array.from({ length: 1000 }, () => store.validate(userKey, created.sessionId)));
    assert.equal(results.filter((r) => r.ok).length, 1000);
    assert.equal(store.stats.slideWrites - writes, 1);
  });
});
