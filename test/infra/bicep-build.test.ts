// Compiles infra/main.bicep with the Bicep CLI when a `bicep` binary is on PATH (CI images that have
// it); skipped otherwise, since the CLI can't be downloaded on machines without internet. The Graph
// extension (infra/bicepconfig.json) is fetched from mcr.microsoft.com by the CLI on first use.
// Locally: `az bicep build --file infra/main.bicep` or `azd provision --preview`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { infraDir, repoRoot } from "./bicep-source.ts";

const probe = spawnSync("bicep", ["--version"], { encoding: "utf8" });
const available = !probe.error && probe.status === 0;

test("bicep build infra/main.bicep", { skip: available ? false : "no `bicep` binary on PATH" }, () => {
  const result = spawnSync("bicep", ["build", join(infraDir, "main.bicep"), "--stdout"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.status, 0, `bicep build failed:\n${result.stderr}`);
  // Linter errors (bicepconfig.json raises several rules to "error") fail the build above; warnings are shown.
  if (result.stderr.trim()) console.log(result.stderr);
  const template = JSON.parse(result.stdout) as { resources?: unknown };
  assert.ok(template.resources, "an ARM template came out");
});
