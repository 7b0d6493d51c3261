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
    const parts = bufferParts(stack);
    const start = p.ranges[0].from;
    const length = stack.pos - start;
    const { nodeSet, bufferLength, minRepeatTerm } = p.parser;
    // (the records read where the stacks hold them: a flat copy is made only for a deep tree)
    if (depthOf(parts, minRepeatTerm) <= LEZER_SAFE_DEPTH) {
      const buffer = new PartsCursor(parts, parts.length - 1, parts[parts.length - 1].end, parts.total);
      return Tree.build({ buffer, nodeSet, topID: p.topTerm, maxBufferLength: bufferLength, reused: p.reused, start, length, minRepeatType: minRepeatTerm });
    }
    return buildIteratively(flatBuffer(parts), nodeSet, p.topTerm, p.reused, start, length, minRepeatTerm);
  };
}

/** A stack's records, in order: the first `end` numbers of each buffer, the root stack's first. */
type BufferParts = { buffer: number[]; end: number }[] & { total: number };

/** The stack's records (id, start, end, size: 4 numbers each, children before their parent), as parts. */
function bufferParts(stack: StackLike): BufferParts {
  // A stack shares the start of its buffer with the stack it was split from (its parent).
  const parts = [] as unknown as BufferParts;
  let end = stack.buffer.length;
  let total = 0;
  for (let s: StackLike | null = stack; s;) {
    parts.push({ buffer: s.buffer, end });
    total += end;
    const parent: StackLike | null = s.parent;
    if (parent) end = s.bufferBase - parent.bufferBase;
    s = parent;
  }
  parts.reverse();
  parts.total = total;
  return parts;
}

function flatBuffer(parts: BufferParts): number[] {
  const out = new Array<number>(parts.total);
  let at = 0;
  for (const { buffer, end } of parts) for (let i = 0; i < end; i++) out[at++] = buffer[i];
  return out;
}

/** Lezer's buffer cursor (read from the end) over the parts, without copying them into one array. */
class PartsCursor {
  /**
   * The current part's numbers: lezer's tree builder reads a record's four numbers through the
   * getters below several times each, so each is one load from here, not two more through `parts`.
   */
  private buffer: number[];
  constructor(
    private readonly parts: BufferParts,
    private part: number,
    private index: number,
    /** The number of numbers before the cursor, over all the parts. */
    public pos: number,
  ) {
    this.buffer = parts[part].buffer;
    if (index === 0) this.skipEmpty();
  }
  private skipEmpty(): void {
    while (this.index === 0 && this.part > 0) this.index = this.parts[--this.part].end;
    this.buffer = this.parts[this.part].buffer;
  }
  get id(): number {
    return this.buffer[this.index - 4];
  }
  get start(): number {
    return this.buffer[this.index - 3];
  }
  get end(): number {
    return this.buffer[this.index - 2];
  }
  get size(): number {
    return this.buffer[this.index - 1];
  }
  next(): void {
    this.index -= 4;
    this.pos -= 4;
    if (this.index === 0) this.skipEmpty();
  }
  fork(): PartsCursor {
    return new PartsCursor(this.parts, this.part, this.index, this.pos);
  }
}

/**
 * How deep the records nest (children come before their parent; a size counts the children's
 * numbers too). Lezer's hidden repeat nodes (a list of statements, of a dict's entries) do not
 * count: its builder takes their nesting in a loop.
 */
function depthOf(parts: BufferParts, minRepeatType: number): number {
  // (a stack of the open records' first indices and depths, as two arrays: no pair per record)
  const firsts: number[] = [];
  const depths: number[] = [];
  let open = 0;
  let max = 0;
  let base = 0;
  for (const { buffer, end } of parts) {
    for (let i = 0; i < end; i += 4) {
      const size = buffer[i + 3];
      if (size < 0) continue;
      const first = base + i + 4 - size;
      const own = buffer[i] >= minRepeatType ? 0 : 1;
      let depth = own;
      while (open > 0 && firsts[open - 1] >= first) {
        open--;
        if (depths[open] + own > depth) depth = depths[open] + own;
      }
      firsts[open] = first;
      depths[open] = depth;
      open++;
      if (depth > max) max = depth;
    }
    base += end;
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
