// A repository's instructions file for coding agents (AGENTS.md, CLAUDE.md, GEMINI.md, .github/copilot-instructions.md,
// .cursorrules …). Addressing the agent is what such a file is for: "Instructions for AI coding agents working in this
// repository", "stop and tell the user", "never hide a failing test". The rules that read an address to an agent or an
// order about what it tells its user (Rule.agentFile) are lowered in one; sending data away, secrets, dangerous code and
// reading sensitive files keep their rules' severities there.

/** The names such files go by (lower case, with the extension where they have one). */
const AGENT_FILE_NAMES = ["agents.md", "agent.md", "claude.md", "gemini.md", "copilot-instructions.md", ".cursorrules", ".windsurfrules", ".clinerules", "conventions.md"];

/** Most units of the text looked at for its first line. */
const FIRST_LINE_MAX = 160;

/**
 * Does the text open with a line that names an agent instructions file, alone or as a heading ("# AGENTS.md",
 * "# .github/copilot-instructions.md", "CLAUDE.md — house rules")? Only the first non-blank line counts: a file quoted
 * further down is not the text's own name.
 */
export function isAgentInstructionsFile(text: string): boolean {
  let s = 0;
  const n = Math.min(text.length, FIRST_LINE_MAX);
  while (s < n && (text.charCodeAt(s) === 0x20 || text.charCodeAt(s) === 0x0a || text.charCodeAt(s) === 0x0d || text.charCodeAt(s) === 0x09)) s++;
  while (s < n && text.charCodeAt(s) === 0x23) s++;
  while (s < n && text.charCodeAt(s) === 0x20) s++;
  let e = s;
  while (e < n && text.charCodeAt(e) !== 0x0a && text.charCodeAt(e) !== 0x20) e++;
  // (a path's last segment: ".github/copilot-instructions.md")
  const word = text.slice(s, e).toLowerCase();
  const name = word.slice(word.lastIndexOf("/") + 1);
  if (!AGENT_FILE_NAMES.includes(name)) return false;
  // the name alone on its line, or followed by a dash or a colon and a title ("CLAUDE.md — house rules")
  if (e >= text.length || text.charCodeAt(e) === 0x0a) return true;
  const after = text.slice(e, Math.min(text.length, e + 4)).trimStart();
  return after.startsWith("—") || after.startsWith("-") || after.startsWith(":") || after.startsWith("–");
}
