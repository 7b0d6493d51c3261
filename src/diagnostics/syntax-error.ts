// CPython's report of a syntax error:
//
//   File "/abs/x.py", line 3
//     def f(:
//           ^
// SyntaxError: invalid syntax
//
// The line is shown without its indentation, the caret under `offset` (1-based characters),
// spanning to `end_offset` when the error covers a range on the same line.

import type { PySyntaxError } from "../parse/index.js";

export function formatSyntaxError(err: PySyntaxError): string {
  let out = `  File "${err.filename}", line ${err.lineno}\n`;
  const raw = (err.text ?? "").replace(/\r?\n$/, "");
  if (raw.trim()) {
    const stripped = raw.trimStart();
    const indent = raw.length - stripped.length;
    const start = Math.max(1, err.offset - indent);
    const sameLine = err.end_lineno === null || err.end_lineno === err.lineno;
    const end = sameLine && err.end_offset !== null && err.end_offset > err.offset ? err.end_offset - indent : start + 1;
    out += `    ${stripped.trimEnd()}\n`;
    out += `    ${" ".repeat(start - 1)}${"^".repeat(Math.max(1, end - start))}\n`;
  }
  out += `${err.kind}: ${err.msg}\n`;
  return out;
}
