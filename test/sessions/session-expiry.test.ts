// Expiry with an injected clock (idle, absolute, rotation grace) and the purge timer, over real HTTP
// on real Azurite. Tokens use real time; only the edge's clock moves.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { devToken, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { DEV_ISSUER } from "../../shared/config/settings.ts";
import { hashUserKey } from "../../shared/identity/principal.ts";
import { TIMERS } from "../../functions/timers.ts";
import { createSession, getSession, revoke, rotate, statusOf, tableRows, TestClock } from "./support.ts";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("expiry (injected clock)", () => {
  const clock = new TestClock();
  let edge: TestEdge;
  let token: string;
  before(async () => {
    edge = await startTestEdge({}, { now: clock.now });
    token = await devToken({ sub: "expiry-user" });
  });
  after(async () => {
    await edge?.stop();
  });

  test("idle: use within the idle timeout keeps a session alive; idle past it → 404", async () => {
    const created = await createSession(edge, token, { idleTimeoutSeconds: 60 });
    for (let i = 0; i < 4; i += 1) {
      clock.advance(59);
      const response = await getSession(edge, token, created.sessionId);
      assert.equal(response.status, 200, `use ${i}`);
      const body = (await response.json()) as { idleExpiresAt: string };
      assert.equal(Date.parse(body.idleExpiresAt), clock.ms + 60_000, "the check slid the idle expiry");
    }
    clock.advance(60);
    assert.equal(await statusOf(edge, token, created.sessionId), 404);
    clock.advance(-60);
    assert.equal(await statusOf(edge, token, created.sessionId), 200, "the row is intact: expiry is a decision, not a deletion");
    clock.advance(60);
  });

  test("absolute: a session in steady use still ends at its lifetime", async () => {
    const created = await createSession(edge, token, { idleTimeoutSeconds: 60, lifetimeSeconds: 100 });
    clock.advance(50);
    assert.equal(await statusOf(edge, token, created.sessionId), 200);
    clock.advance(49);
    const response = await getSession(edge, token, created.sessionId);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { idleExpiresAt: string; expiresAt: string };
    assert.ok(Date.parse(body.idleExpiresAt) <= Date.parse(body.expiresAt), "the idle expiry never passes the absolute one");
    clock.advance(1);
    assert.equal(await statusOf(edge, token, created.sessionId), 404);
  });

  test("rotation does not extend the lifetime", async () => {
    const created = await createSession(edge, token, { idleTimeoutSeconds: 60, lifetimeSeconds: 100 });
    clock.advance(40);
    const rotated = (await (await rotate(edge, token, created.sessionId)).json()) as { sessionId: string; expiresAt: string };
    assert.equal(rotated.expiresAt, created.expiresAt);
    clock.advance(40);
    assert.equal(await statusOf(edge, token, rotated.sessionId), 200);
    clock.advance(20);
    assert.equal(await statusOf(edge, token, rotated.sessionId), 404);
  });

  test("the slide is written at most once per interval (default 60 s, at most half the idle timeout)", async () => {
    const store = edge.services.sessions;
    assert.ok(store);
    const created = await createSession(edge, token, { idleTimeoutSeconds: 600 });
    const writes = store.stats.slideWrites;
    for (let i = 0; i < 5; i += 1) {
      clock.advance(10);
      assert.equal(await statusOf(edge, token, created.sessionId), 200);
    }
    assert.equal(store.stats.slideWrites, writes, "no write within the interval");
    clock.advance(11);
    assert.equal(await statusOf(edge, token, created.sessionId), 200);
    assert.equal(store.stats.slideWrites, writes + 1);
  });
});

describe("rotation grace (EDGE_SESSION_ROTATE_GRACE_SECONDS)", () => {
  const clock = new TestClock();
  let edge: TestEdge;
  let token: string;
  before(async () => {
    edge = await startTestEdge({ EDGE_SESSION_ROTATE_GRACE_SECONDS: "30" }, { now: clock.now });
    token = await devToken({ sub: "grace-user" });
  });
  after(async () => {
    await edge?.stop();
  });

  test("the old id serves in-flight requests during the grace period only, and cannot rotate again", async () => {
    const created = await createSession(edge, token, { backendSessionId: "b-grace" });
    const rotated = (await (await rotate(edge, token, created.sessionId)).json()) as { sessionId: string };
    const during = await getSession(edge, token, created.sessionId);
    assert.equal(during.status, 200);
    assert.equal(((await during.json()) as { backendSessionId: string }).backendSessionId, "b-grace");
    assert.equal((await rotate(edge, token, created.sessionId)).status, 404, "a second rotation of the old id fails, even in grace");
    clock.advance(30);
    assert.equal(await statusOf(edge, token, created.sessionId), 404);
    assert.equal(await statusOf(edge, token, rotated.sessionId), 200);
  });
});

describe("purge", () => {
  const clock = new TestClock();
  let edge: TestEdge;
  before(async () => {
    edge = await startTestEdge({ EDGE_SESSION_MAX_PER_USER: "1000" }, { now: clock.now });
  });
  after(async () => {
    await edge?.stop();
  });

  test("the hourly timer deletes exactly the expired, revoked and rotated-away rows, in batches of ≤ 100 per user", async () => {
    const alice = await devToken({ sub: "purge-alice" });
    const bob = await devToken({ sub: "purge-bob" });
    const live = [
      await createSession(edge, alice),
      await createSession(edge, alice, { idleTimeoutSeconds: 600, lifetimeSeconds: 700 }),
      await createSession(edge, bob),
    ];
    const dead = [
      await createSession(edge, alice, { idleTimeoutSeconds: 60 }),
      await createSession(edge, alice, { idleTimeoutSeconds: 10, lifetimeSeconds: 10 }),
      await createSession(edge, bob, { idleTimeoutSeconds: 60 }),
    ];
    const revoked = await createSession(edge, alice);
    assert.equal((await revoke(edge, alice, revoked.sessionId)).status, 204);
    dead.push(revoked);
    const original = await createSession(edge, bob);
    const rotated = (await (await rotate(edge, bob, original.sessionId)).json()) as { sessionId: string; expiresAt: string; idleExpiresAt: string };
    live.push(rotated);
    dead.push(original);
    // 150 dead sessions of one user: two transactions (100 + 50) for that partition.
    const store = edge.services.sessions;
    assert.ok(store);
    const carolKey = hashUserKey({ issuer: DEV_ISSUER, sub: "purge-carol" });
    for (let i = 0; i < 150; i += 1) await store.create(carolKey, { idleTimeoutSeconds: 10, lifetimeSeconds: 10 });

    clock.advance(61);
    const before = await tableRows(edge);
    assert.equal(before.length, live.length + dead.length + 150);

    const timer = TIMERS.find((t) => t.name === "sessionsPurge");
    assert.ok(timer);
    assert.equal(timer.schedule, "0 0 * * * *");
    const result = (await timer.run(edge.services)) as { deleted: number; transactions: number; partitions: number };
    assert.equal(result.deleted, dead.length + 150);
    assert.ok(result.transactions >= 4, `transactions: ${result.transactions}`);
    assert.equal(result.partitions, 3);

    const remaining = new Set((await tableRows(edge)).map((row) => row.rowKey as string));
    assert.deepEqual(remaining, new Set(live.map((s) => sha256(s.sessionId))));
    for (const [session, who] of [[live[0], alice], [live[1], alice], [live[2], bob], [live[3], bob]] as const) {
      assert.equal(await statusOf(edge, who, (session as { sessionId: string }).sessionId), 200);
    }
    const event = edge.auditRecords.find((r) => r.action === "session.purge");
    assert.ok(event);
    assert.equal((event.details as { deleted: number }).deleted, dead.length + 150);

    const again = (await timer.run(edge.services)) as { deleted: number };
    assert.equal(again.deleted, 0, "a second run finds nothing");
  });
});
