// Python 3.10's view of 3.12's type-parameter syntax (PEP 695): `class C[T]`, `def f[T]` and
// `type X = ...` are "invalid syntax" there, at the `[` after the name (at the alias's name for
// `type`), as `tsyncio run --python 3.10` reports them. Positions as CPython 3.10 gives them.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";
import type { PySyntaxError } from "./errors.js";

/** Whether the source may hold such a form at all (cheap: most programs are spared the walk). */
export function mayUsePep695(source: string): boolean {
  return /\b(class|def)\s+\w+\s*\[|^[ \t]*type[ \t]+\w/m.test(source);
}

/** CPython 3.10's SyntaxError for the first PEP 695 form of a parsed module, or null. */
export function pep695SyntaxError(source: string, module: py.Module, filename: string): PySyntaxError | null {
  const lines = source.split(/\r\n|\r|\n/);
  const index = nodeIndex(module);
  const found: { lineno: number; offset: number }[] = [];
  // The first token 3.10 cannot take, found in the statement's line (its keyword starts that line).
  const at = (lineno: number, pattern: RegExp): void => {
    const m = pattern.exec(lines[lineno - 1] ?? "");
    if (m) found.push({ lineno, offset: [...(lines[lineno - 1] ?? "").slice(0, m.index + m[0].length - 1)].length + 1 });
  };
  const defs = [...index.ofType("ClassDef"), ...index.ofType("FunctionDef"), ...index.ofType("AsyncFunctionDef")];
  for (const d of defs) if (d.type_params.length) at(d.lineno, new RegExp(`\\b(?:class|def)\\s+${d.name}\\s*\\[`, "u"));
  for (const t of index.ofType("TypeAlias")) at(t.lineno, /^[ \t]*type[ \t]+[^\s=[]/u);
  if (!found.length) return null;
  found.sort((a, b) => a.lineno - b.lineno || a.offset - b.offset);
  const { lineno, offset } = found[0];
  return { kind: "SyntaxError", msg: "invalid syntax", filename, lineno, offset, end_lineno: lineno, end_offset: offset + 1, text: lines[lineno - 1] };
}
