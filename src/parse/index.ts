// The front end's entry point: Python source → CPython-shaped AST, or the SyntaxError CPython
// would raise. Lezer's recovering parser marks what it cannot parse with ⚠ nodes; any ⚠ means
// the file is rejected (never let a broken file through as a valid program).

import { parser } from "@lezer/python";
import type { Module } from "../ast/nodes.js";
import { Builder } from "./build.js";
import { type PySyntaxError, SyntaxErrorAt } from "./errors.js";
import { LineMap } from "./positions.js";
import { lezerInput, repairHeaders } from "./repair.js";
import { findSyntaxError } from "./syntax-errors.js";

export type { PySyntaxError } from "./errors.js";
/** For hosts that can neither read files nor make synchronous requests: see unicode-names.ts. */
export { setUnicodeNameData } from "./unicode-names.js";

export interface ParseResult {
  module: Module | null;
  error: PySyntaxError | null;
}

export function parse(source: string, filename: string): ParseResult {
  const lines = new LineMap(source);
  try {
    const input = lezerInput(source);
    let tree = parser.parse(input);
    const early = findSyntaxError(source, tree, lines);
    if (early) {
      // Second chance for constructs the grammar lacks (see repair.ts); else report the first error.
      const repaired = repairHeaders(source, input);
      const retry = repaired === input ? null : parser.parse(repaired);
      const late = retry && findSyntaxError(source, retry, lines);
      // A retry that got further shows the first error was only a gap of the grammar.
      if (!retry || late) throw late && late.from > early.from ? late : early;
      tree = retry;
    }
    const module = new Builder(source, lines).module(tree.topNode);
    return { module, error: null };
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return { module: null, error: toPyError(e, lines, filename) };
    throw e;
  }
}

export function toPyError(e: SyntaxErrorAt, lines: LineMap, filename: string): PySyntaxError {
  const start = lines.lineIndex(e.from);
  const end = lines.lineIndex(Math.max(e.to, e.from));
  return {
    kind: e.kind,
    msg: e.message,
    filename,
    lineno: start + 1,
    offset: lines.charColumn(e.from),
    end_lineno: end + 1,
    end_offset: lines.charColumn(Math.max(e.to, e.from)),
    text: lines.lineText(start + 1),
  };
}
