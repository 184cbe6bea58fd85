// Structural checks of APIM policy expressions (C# inside "@(...)" and "@{...}") as they come out of
// the XML parser: delimiters balance outside string and character literals, and the expression is the
// whole value (nothing after its closing delimiter). Not a C# compiler; it catches the mistakes that
// XML escaping and hand editing produce (a lost parenthesis, an unterminated string, a stray quote).

export interface ExpressionProblem {
  readonly message: string;
}

const CLOSERS: Readonly<Record<string, string>> = { "(": ")", "{": "}", "[": "]" };

/** Returns null when `value` is not a policy expression, else the list of problems (empty = fine). */
export function checkPolicyExpression(value: string): ExpressionProblem[] | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith("@(") && !trimmed.startsWith("@{")) return null;
  const problems: ExpressionProblem[] = [];
  const stack: string[] = [];
  let i = 1; // at the opening delimiter
  let closedAt = -1;
  while (i < trimmed.length) {
    const ch = trimmed[i]!;
    if (ch === '"' || (ch === "@" && trimmed[i + 1] === '"') || (ch === "$" && trimmed[i + 1] === '"')) {
      const verbatim = ch === "@";
      const interpolated = ch === "$";
      i += ch === '"' ? 1 : 2;
      let closed = false;
      while (i < trimmed.length) {
        const c = trimmed[i]!;
        if (verbatim) {
          if (c === '"' && trimmed[i + 1] === '"') {
            i += 2;
            continue;
          }
        } else if (c === "\\") {
          i += 2;
          continue;
        }
        if (interpolated && c === "{" && trimmed[i + 1] !== "{") {
          // Interpolation holes may contain anything but are rare in policies; require balance only.
          let depth = 1;
          i++;
          while (i < trimmed.length && depth > 0) {
            if (trimmed[i] === "{") depth++;
            else if (trimmed[i] === "}") depth--;
            i++;
          }
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (!verbatim && (c === "\n" || c === "\r")) break;
        i++;
      }
      if (!closed) problems.push({ message: "unterminated string literal" });
      continue;
    }
    if (ch === "'") {
      const end = trimmed[i + 1] === "\\" ? trimmed.indexOf("'", i + 3) : trimmed.indexOf("'", i + 1);
      if (end < 0 || end - i > 8) problems.push({ message: "malformed character literal" });
      i = end < 0 ? trimmed.length : end + 1;
      continue;
    }
    if (ch === "/" && trimmed[i + 1] === "/") {
      // A line comment would swallow the rest once XML turns newlines in attributes into spaces.
      problems.push({ message: "line comments (//) are not safe in policy expressions" });
    }
    if (ch in CLOSERS) {
      stack.push(CLOSERS[ch]!);
    } else if (ch === ")" || ch === "}" || ch === "]") {
      const expected = stack.pop();
      if (expected !== ch) {
        problems.push({ message: `unbalanced "${ch}"` });
        return problems;
      }
      if (stack.length === 0) {
        closedAt = i;
        break;
      }
    }
    i++;
  }
  if (closedAt < 0) {
    problems.push({ message: "the expression is not closed" });
  } else if (closedAt !== trimmed.length - 1) {
    problems.push({ message: `text after the end of the expression: ${JSON.stringify(trimmed.slice(closedAt + 1, closedAt + 30))}` });
  }
  if (trimmed.startsWith("@{") && !/\breturn\b/.test(trimmed)) {
    problems.push({ message: "a multi-statement expression @{...} must return a value" });
  }
  return problems;
}
