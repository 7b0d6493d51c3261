// lezer's Python parser as the front end runs it (index.ts parses a module, build.ts re-parses
// pieces such as an f-string's expressions), and the one way to walk its tree's children.
import type { SyntaxNode, Tree, TreeFragment } from "@lezer/common";
import { parser } from "@lezer/python";

/**
 * `parser.parse` with a looser guard against deep left-associative trees: after 300 reductions
 * of 2,000+ characters from one start lezer forces the parser out of the production, which turns
 * a long generated sum (sympy's tables) or a run of statements with long docstrings (numpy's
 * `_add_newdocs.py`) into a syntax error. Its counter is shown to it capped at 300 until the real
 * count passes 1,800 (beyond that, trees get too deep to walk without overflowing the stack).
 */
const BIG_REDUCTIONS = 1800;

export function lezerParse(input: string, fragments?: readonly TreeFragment[]): Tree {
  const parse = parser.startParse(input, fragments);
  let count = 0;
  Object.defineProperty(parse, "bigReductionCount", {
    get: () => (count > BIG_REDUCTIONS ? count : Math.min(count, 300)),
    // lezer increments it or resets it to 1 or 0.
    set: (v: number) => (count = v <= 1 ? v : count + 1),
  });
  for (;;) {
    const tree = parse.advance();
    if (tree) return tree;
  }
}

/** Children of a node, without comments (lezer's @skip puts them anywhere). */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}
