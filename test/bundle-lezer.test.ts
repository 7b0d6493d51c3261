// scripts/lib/lezer-tables.mjs: the CLI's compiler half holds @lezer/python's parse tables as base64
// typed arrays (decoded natively at start-up instead of by lezer's JavaScript loop) and leaves its
// highlighting out. The tables must be exactly the ones the package decodes itself.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parser } from "@lezer/python";
import { describe, expect, it } from "vitest";

const compilerBundle = resolve(__dirname, "../dist/cli/tsyncio-compiler.bundle.cjs");
const built = existsSync(compilerBundle);

/** The tables the bundle makes: [spec property, decoded array], decoded as the bundle's helper does (little-endian). */
function bundledTables(source: string): Map<string, Uint16Array | Uint32Array> {
  const tables = new Map<string, Uint16Array | Uint32Array>();
  for (const m of source.matchAll(/\b(states|stateData|goto|tokenData):__lezerTable\("([A-Za-z0-9+/=]*)",(Uint16Array|Uint32Array)\)/g)) {
    const bytes = Buffer.from(m[2], "base64");
    const Type = m[3] === "Uint32Array" ? Uint32Array : Uint16Array;
    const table = new Type(bytes.length / Type.BYTES_PER_ELEMENT);
    new Uint8Array(table.buffer).set(bytes);
    tables.set(m[1], table);
  }
  return tables;
}

describe("@lezer/python in the CLI's compiler half", () => {
  it("the compiler half is built (npm test builds it first)", () => expect(built).toBe(true));
  const source = built ? readFileSync(compilerBundle, "latin1") : "";
  // What the package's own parser decoded (lezer keeps the token groups' table on each group).
  const internals = parser as unknown as { states: Uint32Array; data: Uint16Array; goto: Uint16Array; tokenizers: { data?: unknown }[] };
  const tokenData = internals.tokenizers.find((t) => t.data instanceof Uint16Array)?.data as Uint16Array;

  it("holds the four parse tables as lezer decodes them", () => {
    const tables = bundledTables(source);
    expect([...tables.keys()].sort()).toEqual(["goto", "stateData", "states", "tokenData"]);
    expect(tables.get("states")).toBeInstanceOf(Uint32Array);
    expect(tables.get("states")).toEqual(internals.states);
    expect(tables.get("stateData")).toEqual(internals.data);
    expect(tables.get("goto")).toEqual(internals.goto);
    expect(tables.get("tokenData")).toEqual(tokenData);
    expect(internals.states.length).toBeGreaterThan(1000);
  });

  it("decodes nothing in lezer's encoding at start-up, and leaves the highlighting out", () => {
    // The encoded strings would be `states: "..."` in the spec.
    expect(source).not.toMatch(/\b(states|stateData|goto|tokenData):"/);
    expect(source).not.toMatch(/styleTags|pythonHighlighting/);
  });
});
