#!/usr/bin/env node
// The `mcp-edge` command: registers tsx so the TypeScript CLI runs as is, then starts it.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./scan.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`mcp-edge: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
