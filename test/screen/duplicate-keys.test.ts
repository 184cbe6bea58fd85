// A JSON object with a key twice is refused: parsers disagree on which value counts, so what was screened may not be
// what a client or a model reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { duplicateKey } from "../../shared/mcp/duplicate-keys.ts";

test("a key twice in one object is found, escaped spellings included; the same key in different objects is not", () => {
  assert.equal(duplicateKey('{"a":1,"a":2}'), "a");
  assert.equal(duplicateKey('{"tools":[{"name":"x","description":"ok","description":"poison"}]}'), "description");
  assert.equal(duplicateKey('{"a":1,"\\u0061":2}'), "a");
  assert.equal(duplicateKey('{"a":{"b":1},"c":[{"b":2},{"b":3}],"d":"a"}'), undefined);
  assert.equal(duplicateKey('{"k":"\\"a\\":1, \\"a\\":2","x":[1,{"k":1}]}'), undefined);
  assert.equal(duplicateKey('[{"a":1},{"a":1}]'), undefined);
  assert.equal(duplicateKey('{"a":[{"b":1,"b":2}]}'), "b");
  assert.equal(duplicateKey('"just a string"'), undefined);
});

test("linear: a wide object and deep nesting", () => {
  const wide = `{${Array.from({ length: 200_000 }, (_, k) => `"k${k}":${k}`).join(",")}}`;
  assert.equal(duplicateKey(wide), undefined);
  assert.equal(duplicateKey(`${wide.slice(0, -1)},"k7":1}`), "k7");
});
