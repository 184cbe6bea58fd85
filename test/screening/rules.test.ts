// Every rule's own examples, straight from the rule table: each positive raises the rule, no
// negative does. Adding a rule row adds its tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RULES, screenTexts, severityFor, TEXT_KINDS, type TextKind } from "../../shared/screening/index.ts";

function kindFor(rule: (typeof RULES)[number]): TextKind {
  if (rule.examples.kind) return rule.examples.kind;
  const k = TEXT_KINDS.find((kind) => severityFor(rule, kind) !== null);
  assert.ok(k, `${rule.id} applies to no kind`);
  return k;
}

test("rule table: ids are unique and every rule has positive and negative examples", () => {
  const ids = new Set<string>();
  for (const r of RULES) {
    assert.ok(!ids.has(r.id), `duplicate rule id ${r.id}`);
    ids.add(r.id);
    assert.ok(r.examples.positive.length >= 1, `${r.id} has no positive example`);
    assert.ok(r.examples.negative.length >= 1, `${r.id} has no negative example`);
    assert.match(r.owasp, /^MCP(01|03|05|06|10)$/);
    if (r.category === "secrets" || r.category === "pii") assert.ok(r.redactAs, `${r.id} must say how it is redacted`);
  }
  // a score's weights name rules, and what it requires is among its weights (a misspelt id would silently require nothing
  // that can occur, and the score would never stand)
  for (const r of RULES) {
    if (r.matcher.type !== "score") continue;
    for (const id of Object.keys(r.matcher.weights)) assert.ok(ids.has(id), `${r.id} weighs an unknown rule ${id}`);
    for (const id of r.matcher.requires?.signals ?? []) assert.ok(id in r.matcher.weights, `${r.id} requires ${id}, which it does not weigh`);
  }
});

for (const rule of RULES) {
  test(`rule ${rule.id}: examples`, () => {
    const kind = kindFor(rule);
    const opts = rule.examples.allowedHosts ? { allowedHosts: rule.examples.allowedHosts } : {};
    for (const text of rule.examples.positive) {
      const { findings } = screenTexts([{ field: "example", kind, text }], opts);
      assert.ok(
        findings.some((f) => f.rule === rule.id),
        `${rule.id} should fire on ${JSON.stringify(text)} (${kind}); got ${findings.map((f) => f.rule).join(", ") || "nothing"}`,
      );
      for (const f of findings.filter((x) => x.rule === rule.id)) {
        assert.ok(f.location.start >= 0 && f.location.end <= text.length && f.location.start <= f.location.end, `${rule.id}: location within the text`);
        assert.equal(f.category, rule.category);
        assert.equal(f.owasp, rule.owasp);
      }
    }
    for (const text of rule.examples.negative) {
      const { findings } = screenTexts([{ field: "example", kind, text }], opts);
      assert.ok(!findings.some((f) => f.rule === rule.id), `${rule.id} should not fire on ${JSON.stringify(text)} (${kind})`);
    }
  });
}
