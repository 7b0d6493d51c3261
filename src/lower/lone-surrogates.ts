// Whether a module can make a lone high surrogate (runtime/builtins/surrogates.ts): there, the `+`
// of two strs and f-strings go through the runtime, which refuses to pair two lone surrogates into
// one JS character; elsewhere they stay JavaScript's own `+` and template literals (no cost).
// The sources: chr(), a str literal holding a lone high surrogate, json (a `\ud83d` escape), and
// the codecs' error handler and encodings that let surrogates through.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";

const SURROGATE_CODECS = new Set(["surrogatepass", "unicode_escape", "unicode-escape", "raw_unicode_escape", "raw-unicode-escape"]);
const LONE_HIGH = /[\ud800-\udbff](?![\udc00-\udfff])/;

// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function callsChr(c: py.Call): boolean {
  return c.func._type === "Name" && c.func.id === "chr";
}
function surrogateString(c: py.Constant): boolean {
  return typeof c.value === "string" && (SURROGATE_CODECS.has(c.value) || LONE_HIGH.test(c.value));
}

export function mayMakeLoneSurrogates(module: py.Module): boolean {
  const nodes = nodeIndex(module);
  return (
    nodes.ofType("Call").some(callsChr) ||
    nodes.ofType("Constant").some(surrogateString) ||
    nodes.ofType("Import").some((i) => i.names.some((a) => a.name === "json")) ||
    nodes.ofType("ImportFrom").some((i) => i.module === "json")
  );
}
