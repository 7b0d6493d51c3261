// The front end's entry point: Python source → CPython-shaped AST, or the SyntaxError CPython
// would raise. Lezer's recovering parser marks what it cannot parse with ⚠ nodes; any ⚠ means
// the file is rejected (never let a broken file through as a valid program).

import { parser } from "@lezer/python";
import type { Module } from "../ast/nodes.js";
import { Builder } from "./build.js";
import { type PySyntaxError, SyntaxErrorAt } from "./errors.js";
import { LineMap } from "./positions.js";
import { findSyntaxError } from "./syntax-errors.js";

export type { PySyntaxError } from "./errors.js";

export interface ParseResult {
  module: Module | null;
  error: PySyntaxError | null;
}

export function parse(source: string, filename: string): ParseResult {
  const lines = new LineMap(source);
  try {
    const tree = parser.parse(lezerInput(source));
    const early = findSyntaxError(source, tree, lines);
    if (early) throw early;
    const module = new Builder(source, lines).module(tree.topNode);
    return { module, error: null };
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return { module: null, error: toPyError(e, lines, filename) };
    throw e;
  }
}

/**
 * The text lezer parses: the source with same-length edits for things @lezer/python's grammar
 * cannot read (see grammar-tests/README.md). Offsets stay valid, and the builder reads names and
 * literals from the original source, so the edits never show in the AST.
 * - a bare `yield` (the grammar wants an operand): `yiel_`, a name the builder turns back into Yield;
 * - a float ending in "." (`1.`, `1.e5`): the "." becomes "0", keeping one Number token.
 */
export function lezerInput(source: string): string {
  return source
    .replace(/\byield(?=[ \t]*(?:[)\]};#\r\n]|$))/g, "yiel_")
    .replace(/(?<![\p{L}\p{N}_.])(\d[\d_]*)\.(?![\d_.])/gu, "$10");
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
