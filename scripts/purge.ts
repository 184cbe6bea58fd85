// `npm run purge`: runs the session purge (the hourly timer function) once against the configured
// Table Storage, prints what it did, and exits. Needs a store: EDGE_TABLES_CONNECTION_STRING
// (Azurite, e.g. the one `npm start` runs with EDGE_DATA_DIR) or EDGE_TABLES_ENDPOINT (Azure).
import { ConfigError, loadSettings } from "../shared/config/settings.ts";
import { createServices } from "../functions/services.ts";
import { purgeSessions } from "../functions/timers.ts";

try {
  const settings = loadSettings(process.env);
  if (!settings.tables.endpoint && !settings.tables.connectionString) {
    process.stderr.write(
      [
        "npm run purge needs a Table Storage to purge: set EDGE_TABLES_CONNECTION_STRING (an emulator such as Azurite)",
        "or EDGE_TABLES_ENDPOINT (Azure, with the managed identity). Without either, the local host keeps sessions in an",
        "Azurite it starts itself (in memory unless EDGE_DATA_DIR is set), which its own hourly timer already purges.",
        "",
      ].join("\n"),
    );
    process.exit(2);
  }
  const services = await createServices(settings);
  const result = await purgeSessions(services);
  await services.audit.flush();
  process.stderr.write(
    result
      ? `purged ${result.deleted} expired or revoked session(s): ${result.scanned} scanned, ${result.transactions} transaction(s) over ${result.partitions} user(s)\n`
      : "no session store configured\n",
  );
  process.exit(0);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`purge failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
