// A PySyntaxError printed the way CPython 3.12 prints an uncaught SyntaxError:
//
//   File "x.py", line 3
//     def f(:
//           ^
// SyntaxError: invalid syntax
//
// The line is shown without its indentation; the carets span offset..end_offset on that line
// (one caret when the span is empty or ends elsewhere), and none when the offset points into the
// stripped indentation (e.g. "unexpected indent").

import type { PySyntaxError } from "../parse/index.js";

const isSpace = (c: string) => /\s/.test(c);

export function formatSyntaxError(err: PySyntaxError): string {
  if (err.kind === "MemoryError" || err.kind === "RecursionError") return `${err.kind}: ${err.msg}\n`;
  let out = `  File "${err.filename}", line ${err.lineno}\n`;
  const rtext = err.text.replace(/\n+$/, "");
  const ltext = rtext.replace(/^[ \n\f]+/, "");
  const spaces = [...rtext].length - [...ltext].length;
  out += `    ${ltext}\n`;
  // CPython's text keeps its "\n"; its length bounds the offsets.
  const textLen = [...rtext].length + 1;
  let offset = err.offset;
  let end = err.end_offset === null || err.end_offset === 0 || err.end_lineno !== err.lineno ? offset : err.end_offset;
  if (offset > textLen) offset = textLen + 1 - 1;
  if (end > textLen) end = textLen;
  if (offset === end || end === -1) end = offset + 1;
  const col = offset - 1 - spaces;
  const endCol = end - 1 - spaces;
  if (col >= 0) {
    const before = [...ltext]
      .slice(0, col)
      .map((c) => (isSpace(c) ? c : " "))
      .join("");
    out += `    ${before}${"^".repeat(Math.max(1, endCol - col))}\n`;
  }
  return out + `${err.kind}: ${err.msg}\n`;
}
