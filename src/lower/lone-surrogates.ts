// Whether a module can make a lone high surrogate (runtime/builtins/surrogates.ts): there, the `+`
// of two strs and f-strings go through the runtime, which refuses to pair two lone surrogates into
// one JS character; elsewhere they stay JavaScript's own `+` and template literals (no cost).
// The sources: chr(), a str literal holding a lone high surrogate, json (a `\ud83d` escape), and
// the codecs' error handler and encodings that let surrogates through.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";

const SURROGATE_CODECS = new Set(["surrogatepass", "unicode_escape", "unicode-escape", "raw_unicode_escape", "raw-unicode-escape"]);
const LONE_HIGH = /[\ud800-\udbff](?![\udc00-\udfff])/;

export function mayMakeLoneSurrogates(module: py.Module): boolean {
  const nodes = nodeIndex(module);
  return (
    nodes.ofType("Call").some((c) => c.func._type === "Name" && c.func.id === "chr") ||
    nodes.ofType("Constant").some((c) => typeof c.value === "string" && (SURROGATE_CODECS.has(c.value) || LONE_HIGH.test(c.value))) ||
    nodes.ofType("Import").some((i) => i.names.some((a) => a.name === "json")) ||
    nodes.ofType("ImportFrom").some((i) => i.module === "json")
  );
}
