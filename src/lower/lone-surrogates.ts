// Whether a module can make a lone high surrogate (runtime/builtins/surrogates.ts): there, the `+`
// of two strs and f-strings go through the runtime, which refuses to pair two lone surrogates into
// one JS character; elsewhere they stay JavaScript's own `+` and template literals (no cost).
// The sources: chr(), a str literal holding a lone high surrogate, json (a `\ud83d` escape), and
// the codecs' error handler and encodings that let surrogates through.

import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";

const SURROGATE_CODECS = new Set(["surrogatepass", "unicode_escape", "unicode-escape", "raw_unicode_escape", "raw-unicode-escape"]);
const LONE_HIGH = /[\ud800-\udbff](?![\udc00-\udfff])/;

export function mayMakeLoneSurrogates(module: py.Module): boolean {
  let found = false;
  walk(module, (n) => {
    if (found) return false;
    if (n._type === "Call" && n.func._type === "Name" && n.func.id === "chr") found = true;
    else if (n._type === "Constant" && typeof n.value === "string" && (SURROGATE_CODECS.has(n.value) || LONE_HIGH.test(n.value))) found = true;
    else if (n._type === "Import" && n.names.some((a) => a.name === "json")) found = true;
    else if (n._type === "ImportFrom" && n.module === "json") found = true;
    return !found;
  });
  return found;
}
