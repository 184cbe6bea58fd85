/** Every table the edge uses, named in one place (the Bicep storage module declares the same). */
export const TABLE_NAMES = {
  sessions: "sessions",
  servers: "servers",
  tools: "tools",
} as const;
