// The front end's entry point: Python source → CPython-shaped AST, or the SyntaxError CPython
// would raise. Lezer's recovering parser marks what it cannot parse with ⚠ nodes; any ⚠ means
// the file is rejected (never let a broken file through as a valid program).

import { type Tree, TreeFragment, type ChangedRange } from "@lezer/common";
import type { Module } from "../ast/nodes.js";
import { Builder } from "./build.js";
import { lezerParse } from "./lezer.js";
import { type PySyntaxError, SyntaxErrorAt } from "./errors.js";
import { LineMap } from "./positions.js";
import { lezerInput, repairHeaders } from "./repair.js";
import { findSyntaxError } from "./syntax-errors.js";
import { noteWithoutScopeErrors } from "./scope-errors.js";
import { noteWithoutMisplaced } from "./compile-errors.js";
import { checkIndentation, checkStaticBlocks, compileDepthError, nullByteError, parserStackError } from "./limits.js";

export type { PySyntaxError } from "./errors.js";
/** What compile() refuses in a tree ast.parse() accepts (`return` at module level...). */
export { compileError } from "./compile-errors.js";
/** For hosts that can neither read files nor make synchronous requests: see unicode-names.ts. */
export { setUnicodeNameData } from "./unicode-names.js";

export interface ParseResult {
  module: Module | null;
  error: PySyntaxError | null;
}

export function parse(source: string, filename: string): ParseResult {
  const lines = new LineMap(source);
  const parsed = parseTree(source, lines, filename);
  return parsed.tree ? buildModule(source, lines, parsed.tree, filename) : { module: null, error: parsed.error };
}

/** parse()'s first half: lezer's tree of the source, once the checks before building found no error. */
export function parseTree(source: string, lines: LineMap, filename: string): { tree: Tree; error: null } | { tree: null; error: PySyntaxError } {
  const early = nullByteError(source, lines, filename) ?? parserStackError(source, lines, filename);
  if (early) return { tree: null, error: early };
  try {
    const input = lezerInput(source);
    let tree = lezerParse(input);
    const early = findSyntaxError(source, tree, lines);
    if (early) {
      // Second chance for constructs the grammar lacks (see repair.ts); else report the first error.
      const repaired = repairHeaders(source, input);
      // The edits keep lengths, so the retry can reuse the subtrees the edits did not touch. That
      // reuse is not always faithful around recovered errors: when it fails, parse afresh.
      let retry = repaired === input ? null : lezerParse(repaired, reusable(tree, input, repaired));
      let late = retry && findSyntaxError(source, retry, lines);
      if (late) {
        retry = lezerParse(repaired);
        late = findSyntaxError(source, retry, lines);
      }
      // A retry that got further shows the first error was only a gap of the grammar.
      if (!retry || late) throw late && late.from > early.from ? late : early;
      tree = retry;
    }
    checkIndentation(source, tree);
    return { tree, error: null };
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return { tree: null, error: toPyError(e, lines, filename) };
    throw e;
  }
}

/** parse()'s second half: the AST of parseTree's tree, checked against CPython's compiler limits. */
export function buildModule(source: string, lines: LineMap, tree: Tree, filename: string): ParseResult {
  try {
    const builder = new Builder(source, lines);
    const module = builder.module(tree.topNode);
    const tooDeep = compileDepthError(module, lines, filename);
    if (tooDeep) return { module: null, error: tooDeep };
    checkStaticBlocks(module, lines, builder.maxBodyNesting);
    // (scope-errors.ts's errors need a declaration, a `yield from`, or a yield in a comprehension)
    if (!builder.sawDeclaration && !builder.sawYieldFrom && !(builder.sawYield && builder.sawComprehension)) noteWithoutScopeErrors(module);
    if (!builder.mayBeMisplaced) noteWithoutMisplaced(module);
    return { module, error: null };
  } catch (e) {
    if (e instanceof SyntaxErrorAt) return { module: null, error: toPyError(e, lines, filename) };
    throw e;
  }
}

/** The parts of `tree` (a parse of `before`) that a parse of `after` (same length) can reuse. */
function reusable(tree: Tree, before: string, after: string): readonly TreeFragment[] {
  const changes: ChangedRange[] = [];
  for (let i = 0; i < after.length; i++) {
    if (after.charCodeAt(i) === before.charCodeAt(i)) continue;
    let end = i + 1;
    while (end < after.length && after.charCodeAt(end) !== before.charCodeAt(end)) end++;
    changes.push({ fromA: i, toA: end, fromB: i, toB: end });
    i = end;
  }
  return TreeFragment.applyChanges(TreeFragment.addTree(tree), changes);
}

export function toPyError(e: SyntaxErrorAt, lines: LineMap, filename: string): PySyntaxError {
  const start = lines.lineIndex(e.from);
  const end = lines.lineIndex(Math.max(e.to, e.from));
  return {
    kind: e.kind,
    msg: e.message,
    filename,
    lineno: start + 1,
    offset: e.column ? lines.charColumn(e.from) : 0,
    end_lineno: end + 1,
    end_offset: e.column ? lines.charColumn(Math.max(e.to, e.from)) : 0,
    text: lines.lineText(start + 1),
  };
}
