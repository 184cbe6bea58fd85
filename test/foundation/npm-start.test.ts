// `npm start` from a checkout answers /api/health with no settings at all; a bad setting stops it
// with a message naming the setting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { freePort } from "../../functions/local/azurite.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const root = new URL("../..", import.meta.url).pathname;

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("EDGE_") && !name.startsWith("AZURE_")) env[name] = value;
  return { ...env, ...extra };
}

test("npm start serves /api/health and prints the URL, settings and an example", async () => {
  const port = await freePort();
  const child = spawn("npm", ["start"], { cwd: root, env: cleanEnv({ PORT: String(port), EDGE_DATA_DIR: tempDir("edge-start-") }), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let banner = "";
  child.stderr.on("data", (chunk: Buffer) => (banner += chunk.toString()));
  child.stdout.on("data", () => undefined);
  try {
    const deadline = Date.now() + 60_000;
    while (!banner.includes("Try it:") && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    assert.match(banner, new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`));
    assert.match(banner, /EDGE_AUDIENCES/);
    assert.match(banner, /npm run -s token/);
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
    assert.equal(ready.status, 200, await ready.text());
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
});

test("npm start with a bad setting exits 2 naming it", async () => {
  const child = spawn("npm", ["start"], { cwd: root, env: cleanEnv({ PORT: "not-a-port" }), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  assert.equal(code, 2);
  assert.match(stderr, /configuration error: PORT /);
});
