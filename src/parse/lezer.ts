// lezer's Python parser as the front end runs it (index.ts parses a module, build.ts re-parses
// pieces such as an f-string's expressions), and the one way to walk its tree's children.
import type { SyntaxNode, Tree, TreeFragment } from "@lezer/common";
import { parser } from "@lezer/python";
import { buildDeepTrees } from "./deep-tree.js";

/**
 * `parser.parse` without lezer's guard against deep left-associative trees: after 300 reductions
 * of 2,000+ characters from one start lezer forces the parser out of the production, which turns
 * a long chain (`a or b or ...` with 1,300 operands, a generated sum, a run of statements with
 * long docstrings) into a syntax error, at a length that depends on the operands' text. The tree
 * is built and walked without recursion over such chains (deep-tree.ts, Builder.expr), and
 * CPython's own limit on nesting is checked on the AST (limits.ts compileDepthError).
 */
export function lezerParse(input: string, fragments?: readonly TreeFragment[]): Tree {
  const parse = parser.startParse(input, fragments);
  // The guard counts reductions of a start only once one is bigger than the largest seen so far:
  // with that size infinite it never counts, so it never forces. (It was disabled with an accessor
  // property on the parse, which made every read of the parse's fields in lezer's loop slower: the
  // parse of a 10,000-line module took 40% longer than lezer's own.)
  (parse as unknown as { lastBigReductionSize: number }).lastBigReductionSize = Infinity;
  buildDeepTrees(parse);
  for (;;) {
    const tree = parse.advance();
    if (tree) return tree;
  }
}

// (gathered here, then copied out at their count: an array grown by push from empty reserves room
// for 17 elements, and most nodes have two to four children)
const gathered: SyntaxNode[] = [];

/** Children of a node, without comments (lezer's @skip puts them anywhere). */
export function kids(n: SyntaxNode): SyntaxNode[] {
  let count = 0;
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") gathered[count++] = c;
  const out = gathered.slice(0, count);
  gathered.fill(null as unknown as SyntaxNode, 0, count);
  return out;
}

/** kids(n) without its first `head` and last `tail` children (a bracketed list's brackets): one array, not two. */
export function kidsInside(n: SyntaxNode, head: number, tail: number): SyntaxNode[] {
  let count = 0;
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") gathered[count++] = c;
  const out = gathered.slice(head, Math.max(head, count - tail));
  gathered.fill(null as unknown as SyntaxNode, 0, count);
  return out;
}

/** `kids(n)[i]` without the array and the other children's nodes (for a look at one child). */
export function kid(n: SyntaxNode, i: number): SyntaxNode | null {
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment" && i-- === 0) return c;
  return null;
}
