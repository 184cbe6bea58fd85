// The XML checker and the expression checker must reject what APIM's "xml" policy format rejects;
// a checker that accepts everything would make the policy tests worthless.

import { test } from "node:test";
import assert from "node:assert/strict";
import { parseXml, XmlError, textOf, childElements } from "./xml.ts";
import { checkPolicyExpression } from "./policy-expressions.ts";

test("xml: accepts a policy document and decodes attributes and text", () => {
  const root = parseXml(`<?xml version="1.0" encoding="utf-8"?>
<!-- a comment with < and & is fine -->
<policies>
  <inbound>
    <set-variable name="x" value='@(context.Request.Body.As&lt;string&gt;() == "a" &amp;&amp; true)' />
    <set-body>@("a" + "&lt;b&gt;")</set-body>
    <set-body><![CDATA[raw <text> & more]]></set-body>
  </inbound>
</policies>`);
  assert.equal(root.name, "policies");
  const inbound = childElements(root)[0]!;
  const [setVariable, body, cdata] = childElements(inbound);
  assert.equal(setVariable!.attributes.get("value"), '@(context.Request.Body.As<string>() == "a" && true)');
  assert.equal(textOf(body!), '@("a" + "<b>")');
  assert.equal(textOf(cdata!), "raw <text> & more");
});

test("xml: attribute values are normalized like an XML parser does", () => {
  const root = parseXml(`<a v='x\n  y\tz' />`);
  assert.equal(root.attributes.get("v"), "x   y z");
});

const malformed: ReadonlyArray<readonly [string, string]> = [
  ["raw < in an attribute", `<a v="x < y" />`],
  ["raw && in an attribute", `<a v="x && y" />`],
  ["raw & in text", `<a>x & y</a>`],
  ["unknown entity", `<a>&nbsp;</a>`],
  ["double quote inside a double-quoted attribute", `<a v="@(x["k"])" />`],
  ["unquoted attribute", `<a v=1 />`],
  ["duplicate attribute", `<a v="1" v="2" />`],
  ["mismatched end tag", `<a><b></a></b>`],
  ["unclosed element", `<a><b></b>`],
  ["two roots", `<a /><b />`],
  ["text outside the root", `<a /> text`],
  ["-- inside a comment", `<a><!-- x -- y --></a>`],
  ["]]> in text", `<a>x ]]> y</a>`],
  ["raw < in text", `<a>List<string></a>`],
  ["DOCTYPE", `<!DOCTYPE a><a />`],
  ["XML declaration not at the start", ` <?xml version="1.0"?><a />`],
  ["control character", `<a>\u0001</a>`],
  ["missing space between attributes", `<a x="1"y="2" />`],
  ["no root", `<!-- only a comment -->`],
];

for (const [what, source] of malformed) {
  test(`xml: rejects ${what}`, () => {
    assert.throws(() => parseXml(source), XmlError);
  });
}

test("xml: errors carry a line and column", () => {
  try {
    parseXml("<a>\n  <b v='1'>\n</a>");
    assert.fail("expected an error");
  } catch (error) {
    assert.ok(error instanceof XmlError);
    assert.equal(error.line, 3);
  }
});

test("expressions: balanced expressions pass, broken ones are reported", () => {
  assert.equal(checkPolicyExpression("plain text"), null);
  assert.deepEqual(checkPolicyExpression('@(context.Variables["a"] == ")")'), []);
  assert.deepEqual(checkPolicyExpression("@{ var s = \"}\"; return s + '}'; }"), []);
  assert.deepEqual(checkPolicyExpression('@(@"a""b" + "c\\"d")'), []);
  assert.ok(checkPolicyExpression('@(context.Variables["a"]')!.length > 0, "unclosed");
  assert.ok(checkPolicyExpression('@(context.Variables["a])')!.length > 0, "unterminated string");
  assert.ok(checkPolicyExpression("@(a) + b")!.length > 0, "text after the expression");
  assert.ok(checkPolicyExpression("@{ var a = 1; }")!.length > 0, "no return");
  assert.ok(checkPolicyExpression("@{ // comment\n return 1; }")!.length > 0, "line comment");
});
