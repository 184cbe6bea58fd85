// Definitions and pin sets larger than one Table property (64 KiB): stored split across properties,
// never truncated, never splitting a surrogate pair; over the bound → 400 with nothing stored.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { problemOf, startTestEdge, type TestEdge } from "../helpers/edge.ts";
import { canonicalize } from "../../shared/tools/jcs.ts";
import { CHUNK_UNITS } from "../../shared/tools/chunks.ts";
import { TOOLS_LIST_LIMITS } from "../../shared/tools/tools-list.ts";
import { adminToken, approve, approveOk, ensureServer, page, snapshot, tableRows, verifyOk } from "./support.ts";

let edge: TestEdge;

before(async () => {
  edge = await startTestEdge();
});
after(async () => {
  await edge?.stop();
});

function wellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function chunksOf(row: Record<string, unknown>, prefix: string): string[] {
  const count = row[`${prefix}n`] as number;
  return Array.from({ length: count }, (_, i) => row[`${prefix}${i}`] as string);
}

test("a 100,000-character description: split across properties, exact round trip, diffable", async () => {
  await ensureServer(edge, "large");
  // `{"description":"` is 16 units, so description offset 29,983 puts a surrogate pair across the first chunk boundary.
  const description = `${"Reads a document. ".repeat(1700).slice(0, 29_983)}😀${"Lorem ipsum dolor sit amet. ".repeat(2500)}`.slice(0, 100_000);
  const big = { description, name: "read_big_document", inputSchema: { type: "object" } };
  const canonical = canonicalize(big);
  assert.equal(canonical.charCodeAt(CHUNK_UNITS - 1) >= 0xd800 && canonical.charCodeAt(CHUNK_UNITS - 1) <= 0xdbff, true, "the test straddles a boundary");
  const approved = await approveOk(edge, "large", page([big]));

  const rows = await tableRows(edge, "tools", "d:large");
  assert.equal(rows.length, 1);
  const chunks = chunksOf(rows[0] as Record<string, unknown>, "d");
  assert.ok(chunks.length >= 4, `${chunks.length} chunks`);
  for (const chunk of chunks) {
    assert.ok(chunk.length <= CHUNK_UNITS, "each property stays within 64 KiB");
    assert.ok(wellFormed(chunk), "no chunk starts or ends inside a surrogate pair");
  }
  assert.equal(chunks.join(""), canonical, "stored exactly, not truncated");
  assert.equal(rows[0]?.rowKey, approved.tools[0]?.hash);

  assert.equal((await verifyOk(edge, "large", page([big]))).verdict, "allow");
  const edited = { ...big, description: `${description.slice(0, -1)}!` };
  const result = await verifyOk(edge, "large", page([edited]));
  assert.equal(result.verdict, "block");
  const field = result.tools[0]?.diff?.fields?.[0];
  assert.equal(field?.field, "description");
  assert.equal(field?.text?.at, description.length - 1);
  assert.ok((field?.text?.summary.length ?? Infinity) < 400, "the text diff is short");
  const wholesale = { ...big, description: "x".repeat(50_000) };
  const replaced = (await verifyOk(edge, "large", page([wholesale]))).tools[0]?.diff?.fields?.[0]?.text;
  assert.ok(replaced && replaced.removed.length <= 241 && replaced.added.length <= 241, "removed/added are shortened with …");
});

test("a definition over the bound → 400 definition-too-large, nothing stored", async () => {
  await ensureServer(edge, "too-large");
  const before = await snapshot(edge);
  const huge = { name: "huge", description: "y".repeat(TOOLS_LIST_LIMITS.maxDefinitionUnits) };
  const response = await approve(edge, await adminToken(), "too-large", page([huge]));
  assert.equal(response.status, 400);
  const problem = await problemOf(response);
  assert.equal(problem.type, "urn:mcp-security-edge:problem:definition-too-large");
  assert.match(String(problem.detail), /400000/);
  assert.equal(await snapshot(edge), before);
});

test("1000 tools: the pin set is split across properties too; definitions are written in batches", async () => {
  await ensureServer(edge, "many");
  const tools = Array.from({ length: TOOLS_LIST_LIMITS.maxTools }, (_, i) => ({
    name: `many_tool_with_a_rather_long_descriptive_name_number_${String(i).padStart(4, "0")}`,
    description: `Tool ${i}.`,
    inputSchema: { type: "object" },
  }));
  const approved = await approveOk(edge, "many", [page(tools.slice(0, 500), "p2"), page(tools.slice(500))]);
  assert.equal(approved.tools.length, 1000);
  const manifest = (await tableRows(edge, "tools", "m")).find((row) => row.rowKey === "many") as Record<string, unknown>;
  const chunks = chunksOf(manifest, "m");
  assert.ok(chunks.length >= 2, `${chunks.length} manifest chunks`);
  assert.equal((JSON.parse(chunks.join("")) as { tools: unknown[] }).tools.length, 1000);
  assert.equal((await tableRows(edge, "tools", "d:many")).length, 1000);
  const result = await verifyOk(edge, "many", page(tools));
  assert.equal(result.verdict, "allow");
  assert.equal(result.counts.pinned, 1000);
});
