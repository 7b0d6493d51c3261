// Line maps through prettier, and standard source maps (v3) from line maps.
//
//   printer's text + line map  ──mark──▶  text with a /*@L12*/ line before each line where the Python line changes
//                               ──prettier──▶ formatted text with the marks  ──strip──▶ formatted text + its line map
//
// Each mark is a comment on a line of its own (so it does not count in the width of the line it
// precedes): prettier keeps it just before the code that starts that Python line. The marked formatting is used only when, marks
// stripped, it is exactly the unmarked formatting: otherwise the caller keeps its own layout.

import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import type { OutputSpan } from "./print.js";

const MARK = /\/\*@L(\d+)\*\/ ?/g;

/** The printer's text with a mark at the start of every line whose Python line differs from the previous one. */
export function markLines(text: string, lineMap: number[]): string {
  const lines = text.split("\n");
  let previous = -1;
  return lines
    .map((line, i) => {
      const py = lineMap[i] ?? 0;
      if (!py || py === previous || !line.trim()) return line;
      previous = py;
      // On a line of its own: a comment there does not count in the width of the line it precedes.
      const indent = line.length - line.trimStart().length;
      return `${line.slice(0, indent)}/*@L${py}*/\n${line}`;
    })
    .join("\n");
}

/** Formatted marked text ⇒ the text without marks and, for each of its lines, the Python line (0: none). */
export function stripMarks(marked: string): { text: string; lineMap: number[] } {
  const lineMap: number[] = [];
  const lines: string[] = [];
  let carry = 0;
  let pending = 0;
  for (const line of marked.split("\n")) {
    const marks = [...line.matchAll(MARK)];
    const rest = line.replace(MARK, "").replace(/\s+$/, "");
    if (marks.length && !rest.trim()) {
      // A line of marks only: they belong to the next line.
      pending = Number(marks[marks.length - 1][1]);
      continue;
    }
    const first = line.search(/\S/);
    let own = pending;
    pending = 0;
    if (!own && marks[0]?.index === first) own = Number(marks[0][1]);
    if (own) carry = own;
    lineMap.push(carry);
    // A mark later in the line (trailing): the lines after it come from that Python line.
    if (marks.length) carry = Number(marks[marks.length - 1][1]);
    lines.push(rest);
  }
  return { text: lines.join("\n"), lineMap };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += B64[digit];
  } while (v);
  return out;
}

/**
 * The Python function each line of a module belongs to (index: line - 1), as a traceback names it:
 * `<module>` outside any def, the def's name in its body, the class's name in a class body.
 */
export function pythonFunctionNames(module: py.Module, lineCount: number): string[] {
  const names = new Array<string>(lineCount).fill("<module>");
  // Outer scopes first: an inner def's lines take its name.
  walk(module, (n) => {
    if ((n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef") && n.body.length) {
      for (let line = n.body[0].lineno; line <= (n.end_lineno ?? n.lineno) && line <= lineCount; line++) names[line - 1] = n.name;
    }
  });
  return names;
}

/**
 * A standard source map (v3) of generated `file` back to the Python `source`: each generated line
 * that came from Python line N maps its first column to line N at the column where that line's
 * code starts, and each expression that can raise (`spans`) maps its first column to where it
 * starts in the Python source (line and column: a debugger steps through a line's calls).
 */
export function sourceMapV3(file: string, source: string, lineMap: number[], sourceText?: string, functions?: string[], spans?: readonly OutputSpan[]): string {
  const pyLines = sourceText?.split(/\r\n|\r|\n/) ?? [];
  // (a range's columns are UTF-8 bytes, as the AST gives them; a map's are UTF-16 units)
  const column = (line: number, bytes: number): number => {
    const text = pyLines[line - 1];
    if (text === undefined) return bytes;
    let units = 0;
    for (let used = 0; units < text.length && used < bytes;) {
      const c = text.codePointAt(units)!;
      used += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      units += c < 0x10000 ? 1 : 2;
    }
    return units;
  };
  const startsAt = new Map<number, { col: number; line: number; pyCol: number }[]>();
  for (const s of spans ?? []) {
    if (!(s.range[0] > 0) || s.col === 0) continue;
    const list = startsAt.get(s.line) ?? [];
    if (!list.some((x) => x.col === s.col)) list.push({ col: s.col, line: s.range[0], pyCol: column(s.range[0], s.range[1]) });
    startsAt.set(s.line, list);
  }
  let prevLine = 0;
  let prevCol = 0;
  const segments = lineMap.map((py, i) => {
    const points = py ? [{ col: 0, line: py, pyCol: (pyLines[py - 1] ?? "").search(/\S|$/) }] : [];
    points.push(...(startsAt.get(i + 1) ?? []).sort((a, b) => a.col - b.col));
    let genCol = 0;
    return points
      .map((p) => {
        const seg = vlq(p.col - genCol) + vlq(0) + vlq(p.line - 1 - prevLine) + vlq(p.pyCol - prevCol);
        genCol = p.col;
        prevLine = p.line - 1;
        prevCol = p.pyCol;
        return seg;
      })
      .join(",");
  });
  const map: Record<string, unknown> = { version: 3, file, sources: [source], names: [], mappings: segments.join(";") };
  if (sourceText !== undefined) map.sourcesContent = [sourceText];
  // (an extension field: the Python function each .py line belongs to, which tracebacks name)
  if (functions) map.x_python_functions = functions;
  // (another: where each expression that can raise is in `file`, and its Python range, for the
  // markers of tracebacks: [line, col, endLine, endCol, ...range] per expression, see print.ts)
  if (spans?.length) map.x_python_spans = spans.map((s) => [s.line, s.col, s.endLine, s.endCol, ...s.range]);
  return JSON.stringify(map);
}
