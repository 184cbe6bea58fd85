// JSON-RPC shapes /api/screen needs to recognise for tool integrity (MCP 2025-11-25).

/** `{ "jsonrpc": "2.0", "method": "notifications/tools/list_changed", ... }` (a notification: no id). */
export function isToolsListChangedNotification(message: unknown): boolean {
  if (typeof message !== "object" || message === null || Array.isArray(message)) return false;
  const record = message as Record<string, unknown>;
  return record.jsonrpc === "2.0" && record.method === "notifications/tools/list_changed" && !("id" in record);
}
