// The README's settings table, generated from the SETTINGS table of the configuration module.
// `npx tsx scripts/settings-table.ts --write` rewrites it in README.md; a test checks they agree.
import { readFileSync, writeFileSync } from "node:fs";
import { SETTINGS } from "../shared/config/settings.ts";

const START = "<!-- settings-table:start -->";
const END = "<!-- settings-table:end -->";
const scope = { both: "Azure + local", azure: "Azure", local: "local only" } as const;

export function settingsTable(): string {
  const lines = ["| Setting | Default | Where | Meaning |", "|---|---|---|---|"];
  for (const spec of SETTINGS) {
    lines.push(`| \`${spec.name}\` | ${spec.default.replace(/\|/g, "\\|")} | ${scope[spec.scope]} | ${spec.description.replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n");
}

export function readmeTable(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start + START.length, end).trim();
}

if (process.argv[1]?.endsWith("settings-table.ts")) {
  if (process.argv.includes("--write")) {
    const path = new URL("../README.md", import.meta.url);
    const readme = readFileSync(path, "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    writeFileSync(path, `${readme.slice(0, start + START.length)}\n${settingsTable()}\n${readme.slice(end)}`);
  } else {
    console.log(settingsTable());
  }
}
