// Parity of setting names between the configuration module (shared/config/settings.ts, SETTINGS),
// the Function app's Bicep app settings and the README's settings table (issue 8, tests).
// Tolerant while the configuration module is being written: each comparison skips, with the reason,
// until its source exists; and a setting of the agreed list (expected.ts) that the configuration
// module doesn't read YET makes the test a TODO, not a failure. A setting the configuration module
// reads on Azure but Bicep doesn't set always fails.
//   config (minus local-only and platform settings) == Bicep edgeAppSettings (minus platform)
//   config == README table
// A SETTINGS entry with `scope: "local"` (or `localOnly: true`, or `azure: false`) is local-only.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { infraDir, objectEntriesOf, read, repoRoot } from "./bicep-source.ts";
import { EDGE_APP_SETTINGS, LOCAL_ONLY_SETTINGS, PLATFORM_SETTING_PATTERNS } from "./expected.ts";

const settingsModule = join(repoRoot, "shared", "config", "settings.ts");
const readmePath = join(repoRoot, "README.md");

interface SettingEntry {
  readonly name: string;
  readonly scope?: string;
  readonly localOnly?: boolean;
  readonly azure?: boolean;
}

function isLocalOnly(s: SettingEntry): boolean {
  return LOCAL_ONLY_SETTINGS.includes(s.name) || s.scope === "local" || s.localOnly === true || s.azure === false;
}

function isPlatform(name: string): boolean {
  return PLATFORM_SETTING_PATTERNS.some((p) => p.test(name));
}

async function configSettings(): Promise<{ entries: SettingEntry[] } | { skip: string }> {
  if (!existsSync(settingsModule)) return { skip: "shared/config/settings.ts does not exist yet" };
  const mod = (await import(pathToFileURL(settingsModule).href)) as { SETTINGS?: unknown };
  if (!Array.isArray(mod.SETTINGS)) return { skip: "shared/config/settings.ts does not export SETTINGS yet" };
  const entries = mod.SETTINGS.filter((s): s is SettingEntry => typeof s === "object" && s !== null && typeof (s as SettingEntry).name === "string");
  if (entries.length !== mod.SETTINGS.length) return { skip: "SETTINGS entries have no `name` yet" };
  return { entries };
}

/** Names in the first column of the README's settings table (rows like "| `NAME` | ..."). */
function readmeSettingNames(): string[] | null {
  if (!existsSync(readmePath)) return null;
  const names = new Set<string>();
  for (const line of read(readmePath).split("\n")) {
    const m = /^\|\s*`([A-Za-z][A-Za-z0-9_]*)`/.exec(line);
    if (m && /^[A-Z][A-Z0-9_]*$/.test(m[1]!)) names.add(m[1]!);
  }
  return names.size > 0 ? [...names] : null;
}

const bicepSettings = [...objectEntriesOf(read(join(infraDir, "modules", "function-app.bicep")), "edgeAppSettings").keys()];

test("settings: the Bicep app settings are the list agreed with the configuration module", () => {
  assert.deepEqual([...bicepSettings].sort(), [...EDGE_APP_SETTINGS].sort());
  for (const local of LOCAL_ONLY_SETTINGS) assert.ok(!bicepSettings.includes(local), `${local} is local only`);
});

test("settings: every setting the configuration module reads on Azure is a Function app setting, and vice versa", async (t) => {
  const config = await configSettings();
  if ("skip" in config) return t.skip(config.skip);
  const onAzure = config.entries
    .filter((s) => !isLocalOnly(s))
    .map((s) => s.name)
    .filter((n) => !isPlatform(n));
  const inBicep = bicepSettings.filter((n) => !isPlatform(n));
  const missingInBicep = onAzure.filter((n) => !inBicep.includes(n)).sort();
  const notReadByConfig = inBicep.filter((n) => !onAzure.includes(n)).sort();
  const pending = notReadByConfig.filter((n) => EDGE_APP_SETTINGS.includes(n));
  const unexpected = notReadByConfig.filter((n) => !EDGE_APP_SETTINGS.includes(n));
  assert.deepEqual({ missingInBicep, notReadByConfig: unexpected }, { missingInBicep: [], notReadByConfig: [] });
  if (pending.length > 0) t.todo(`agreed settings the configuration module does not read yet: ${pending.join(", ")}`);
});

test("settings: every setting the configuration module reads is in the README table, and vice versa", async (t) => {
  const config = await configSettings();
  if ("skip" in config) return t.skip(config.skip);
  const documented = readmeSettingNames();
  if (documented === null) return t.skip("README.md has no settings table yet");
  const names = config.entries.map((s) => s.name).filter((n) => !isPlatform(n));
  const table = documented.filter((n) => !isPlatform(n));
  assert.deepEqual(
    { undocumented: names.filter((n) => !table.includes(n)).sort(), notInConfig: table.filter((n) => !names.includes(n)).sort() },
    { undocumented: [], notInConfig: [] },
  );
});
