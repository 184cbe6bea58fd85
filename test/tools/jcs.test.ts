// RFC 8785 (JCS) test vectors: the RFC's own examples (§3.2.2 values, §3.2.3 sorting, Appendix B
// numbers), the published test data's expected UTF-8 bytes, refusals, and properties.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalize, JcsError, serializeNumber } from "../../shared/tools/jcs.ts";

const utf8Hex = (text: string): string => Buffer.from(text, "utf8").toString("hex").replace(/(..)(?!$)/g, "$1 ");
const hex = (bytes: string): string => bytes.replace(/\s+/g, " ").trim();

test("RFC 8785 §3.2.2: literals, numbers and string escaping (exact UTF-8 bytes)", () => {
  const input = String.raw`{
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  }`;
  const output = canonicalize(JSON.parse(input));
  assert.equal(output, '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  assert.equal(
    utf8Hex(output),
    hex(`7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e
         75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30
         2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24
         5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`),
  );
});

test("RFC 8785 §3.2.3: properties sorted by UTF-16 code units, not by code point or locale", () => {
  const input = String.raw`{
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\u000a": "Newline",
    "1": "One",
    "\u0080": "Control\u007f",
    "\ud83d\ude02": "Smiley",
    "\u00f6": "Latin Small Letter O With Diaeresis",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "</script>": "Browser Challenge"
  }`;
  const output = canonicalize(JSON.parse(input));
  assert.equal(
    utf8Hex(output),
    hex(`7b 22 5c 6e 22 3a 22 4e 65 77 6c 69 6e 65 22 2c 22 5c 72 22 3a 22 43 61 72 72 69 61 67 65 20 52
         65 74 75 72 6e 22 2c 22 31 22 3a 22 4f 6e 65 22 2c 22 3c 2f 73 63 72 69 70 74 3e 22 3a 22 42 72
         6f 77 73 65 72 20 43 68 61 6c 6c 65 6e 67 65 22 2c 22 c2 80 22 3a 22 43 6f 6e 74 72 6f 6c 7f 22
         2c 22 c3 b6 22 3a 22 4c 61 74 69 6e 20 53 6d 61 6c 6c 20 4c 65 74 74 65 72 20 4f 20 57 69 74 68
         20 44 69 61 65 72 65 73 69 73 22 2c 22 e2 82 ac 22 3a 22 45 75 72 6f 20 53 69 67 6e 22 2c 22 f0
         9f 98 82 22 3a 22 53 6d 69 6c 65 79 22 2c 22 ef ac b3 22 3a 22 48 65 62 72 65 77 20 4c 65 74 74
         65 72 20 44 61 6c 65 74 20 57 69 74 68 20 44 61 67 65 73 68 22 7d`),
  );
  // U+1F602 (a surrogate pair starting 0xD83D) sorts before U+FB33 by code units, after it by code points.
  assert.ok(output.indexOf("😂") < output.indexOf("\ufb33"));
});

test("nested structures and arrays (published JCS test data)", () => {
  const structures = `{
    "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},
    "10": { },
    "": "empty",
    "a": { },
    "111": [ {"e": "yes","E": "no" } ],
    "A": { }
  }`;
  assert.equal(canonicalize(JSON.parse(structures)), '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}');
  assert.equal(canonicalize(JSON.parse('[56, {"d": true, "10": null, "1": [ ]}]')), '[56,{"1":[],"10":null,"d":true}]');
  assert.equal(
    canonicalize(JSON.parse('{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}')),
    '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
  );
  // No Unicode normalization: A + combining ring stays two code points.
  assert.equal(canonicalize(JSON.parse('{"Unnormalized Unicode":"A\\u030a"}')), '{"Unnormalized Unicode":"A\u030a"}');
});

test("RFC 8785 Appendix B: ECMAScript number serialization of IEEE-754 values", () => {
  const vectors: Array<[string, string]> = [
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
    ["4340000000000001", "9007199254740994"],
    ["4340000000000002", "9007199254740996"],
  ];
  for (const [bits, expected] of vectors) {
    const value = Buffer.from(bits, "hex").readDoubleBE(0);
    assert.equal(serializeNumber(value), expected, bits);
    assert.equal(canonicalize([value]), `[${expected}]`, bits);
  }
  for (const bits of ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"]) {
    assert.throws(() => serializeNumber(Buffer.from(bits, "hex").readDoubleBE(0)), JcsError, `${bits} (NaN/Infinity) is refused`);
  }
});

test("string escaping: short escapes, lower-case \\u00xx for other controls, nothing else escaped", () => {
  assert.equal(canonicalize("\b\t\n\f\r\u0000\u001f\u007f\"\\/<>&\u2028"), '"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\\"\\\\/<>&\u2028"');
  for (let unit = 0; unit < 0x20; unit += 1) {
    assert.equal(canonicalize(String.fromCharCode(unit)), JSON.stringify(String.fromCharCode(unit)), `U+${unit.toString(16)}`);
  }
  assert.equal(canonicalize("😀"), '"😀"', "a surrogate pair is emitted as is");
});

test("what is not I-JSON is refused, never coerced", () => {
  for (const value of ["\ud800", "a\udc00b", "\udc00\ud800", "x\ud83d"]) assert.throws(() => canonicalize(value), JcsError, JSON.stringify(value));
  assert.throws(() => canonicalize({ key: "\ud800" }), JcsError);
  assert.throws(() => canonicalize({ ["\udfff"]: 1 }), JcsError, "a key with a lone surrogate");
  for (const value of [undefined, () => 1, Symbol("s"), 10n, new Date(0), new Map(), NaN, Infinity, -Infinity]) {
    assert.throws(() => canonicalize(value), JcsError, String(typeof value));
  }
  assert.throws(() => canonicalize({ a: undefined }), JcsError, "undefined members are not dropped silently");
  // eslint-disable-next-line no-sparse-arrays
  assert.throws(() => canonicalize([1, , 3]), JcsError, "holes");
  let deep: unknown = 1;
  for (let i = 0; i < 200; i += 1) deep = [deep];
  assert.throws(() => canonicalize(deep), JcsError, "nesting beyond the bound");
  assert.doesNotThrow(() => canonicalize(deep, 300));
  assert.equal(canonicalize(Object.assign(Object.create(null), { b: 1, a: 2 })), '{"a":2,"b":1}');
  assert.equal(canonicalize(JSON.parse('{"__proto__": {"x": 1}, "a": -0}')), '{"__proto__":{"x":1},"a":0}');
});

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }).filter((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: "binary", maxLength: 6 }).filter((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))), tie("value"), { maxKeys: 5 }),
  ),
})).value;

test("properties: valid JSON, idempotent, independent of property order, equal to JSON.stringify's values", () => {
  fc.assert(
    fc.property(json, (value) => {
      const text = canonicalize(value);
      const reparsed = JSON.parse(text) as unknown;
      assert.equal(canonicalize(reparsed), text, "idempotent");
      assert.deepEqual(reparsed, JSON.parse(JSON.stringify(value)), "same data as JSON.stringify");
      const shuffle = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(shuffle);
        if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, shuffle(x)]));
        return v;
      };
      assert.equal(canonicalize(shuffle(value)), text, "order of properties does not matter");
    }),
    { numRuns: 500 },
  );
});
