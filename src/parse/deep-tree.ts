// Lezer's trees for deeply nested input. Python's grammar as lezer has it nests a chain of binary
// operators, attributes or calls to the left, one level per operand, so `a or b or ...` with
// 100,000 operands is a tree 100,000 levels deep (CPython's AST has one BoolOp). Lezer's own tree
// builder recurses per level and, past 2,500 levels, silently flattens what is below (its guard
// against that, a forced reduction, turns such a chain into a syntax error instead). Here the
// parse's output buffer is read as it is, and a tree deeper than lezer builds safely is built from
// it bottom-up with a stack of our own; the rest is built by lezer as usual.

import { type NodeSet, Tree } from "@lezer/common";

/** Deeper than this, lezer's builder may recurse beyond the JS stack or cut the tree. */
const LEZER_SAFE_DEPTH = 1000;

interface StackLike {
  buffer: number[];
  bufferBase: number;
  parent: StackLike | null;
  pos: number;
  close(): void;
}

interface ParseInternals {
  stackToTree(stack: StackLike): Tree;
  parser: { nodeSet: NodeSet; bufferLength: number; minRepeatTerm: number };
  topTerm: number;
  reused: Tree[];
  ranges: { from: number }[];
}

/** Makes `parse` build its final tree from the flat buffer, by itself when lezer's builder could not. */
export function buildDeepTrees(parse: object): void {
  const p = parse as unknown as ParseInternals;
  p.stackToTree = (stack) => {
    stack.close();
    const buffer = flatBuffer(stack);
    const start = p.ranges[0].from;
    const length = stack.pos - start;
    const { nodeSet, bufferLength, minRepeatTerm } = p.parser;
    if (depthOf(buffer, minRepeatTerm) <= LEZER_SAFE_DEPTH) {
      return Tree.build({ buffer, nodeSet, topID: p.topTerm, maxBufferLength: bufferLength, reused: p.reused, start, length, minRepeatType: minRepeatTerm });
    }
    return buildIteratively(buffer, nodeSet, p.topTerm, p.reused, start, length, minRepeatTerm);
  };
}

/** The stack's records (id, start, end, size: 4 numbers each, children before their parent) in order. */
function flatBuffer(stack: StackLike): number[] {
  // A stack shares the start of its buffer with the stack it was split from (its parent).
  const parts: [number[], number][] = [];
  let end = stack.buffer.length;
  let total = 0;
  for (let s: StackLike | null = stack; s;) {
    parts.push([s.buffer, end]);
    total += end;
    const parent: StackLike | null = s.parent;
    if (parent) end = s.bufferBase - parent.bufferBase;
    s = parent;
  }
  const out = new Array<number>(total);
  let at = 0;
  for (let p = parts.length - 1; p >= 0; p--) {
    const [buffer, n] = parts[p];
    for (let i = 0; i < n; i++) out[at++] = buffer[i];
  }
  return out;
}

/**
 * How deep the records nest (children come before their parent; a size counts the children's
 * numbers too). Lezer's hidden repeat nodes (a list of statements, of a dict's entries) do not
 * count: its builder takes their nesting in a loop.
 */
function depthOf(buffer: number[], minRepeatType: number): number {
  const done: [index: number, depth: number][] = [];
  let max = 0;
  for (let i = 0; i < buffer.length; i += 4) {
    const size = buffer[i + 3];
    if (size < 0) continue;
    const first = i + 4 - size;
    const own = buffer[i] >= minRepeatType ? 0 : 1;
    let depth = own;
    while (done.length && done[done.length - 1][0] >= first) depth = Math.max(depth, done.pop()![1] + own);
    done.push([first, depth]);
    if (depth > max) max = depth;
  }
  return max;
}

interface Built {
  /** Index of the record's first number in the buffer (its first child's, when it has children). */
  index: number;
  from: number;
  /** A node, or null for lezer's hidden repeat nodes, whose children go to the parent instead. */
  tree: Tree | null;
  kids: Built[];
}

function buildIteratively(buffer: number[], nodeSet: NodeSet, topID: number, reused: Tree[], start: number, length: number, minRepeatType: number): Tree {
  const built: Built[] = [];
  // A node's children, with each hidden repeat node replaced by its own (each is expanded once).
  const childrenOf = (items: Built[]) => {
    const out: { tree: Tree; from: number }[] = [];
    const todo = items.slice().reverse();
    while (todo.length) {
      const b = todo.pop()!;
      if (b.tree) out.push({ tree: b.tree, from: b.from });
      else for (let k = b.kids.length - 1; k >= 0; k--) todo.push(b.kids[k]);
    }
    return out;
  };
  for (let i = 0; i < buffer.length; i += 4) {
    const id = buffer[i],
      from = buffer[i + 1],
      to = buffer[i + 2],
      size = buffer[i + 3];
    if (size === -1) built.push({ index: i, from, tree: reused[id], kids: [] });
    if (size < 0) continue; // -3, -4: context and look-ahead marks, for incremental parsing only
    const first = i + 4 - size;
    let k = built.length;
    while (k > 0 && built[k - 1].index >= first) k--;
    if (id >= minRepeatType) {
      built.push({ index: first, from, tree: null, kids: built.splice(k) });
      continue;
    }
    const kids = childrenOf(built.splice(k));
    const tree = new Tree(
      nodeSet.types[id],
      kids.map((c) => c.tree),
      kids.map((c) => c.from - from),
      to - from,
    );
    built.push({ index: first, from, tree, kids: [] });
  }
  const top = childrenOf(built);
  return new Tree(
    nodeSet.types[topID],
    top.map((c) => c.tree),
    top.map((c) => c.from - start),
    length,
  );
}
