// The nodes of the kinds the analyses look up, in one list (parents first) and by kind, gathered by one walk and kept per
// root. Many of the compiler's analyses look through the whole module for a few kinds of node (every
// attribute store, every call of a name, every class): a loop over the kinds they need is several
// times cheaper than a walk each, and the walk is done once. The tree must not change afterwards
// (the lowering builds new nodes, it never edits the parsed ones).

import type * as py from "./nodes.js";
import { forEachChildWith, walk } from "./walk.js";

export type NodeOfType<K extends py.Node["_type"]> = Extract<py.Node, { _type: K }>;

/**
 * The kinds the analyses look up (only those are gathered: most nodes, operators, assignments,
 * expressions of other kinds, are of no kind anyone asks for). A kind added here goes into
 * indexedSlot too (checked when this module loads).
 */
const INDEXED_KINDS = [
  "Attribute",
  "Name",
  "ClassDef",
  "FunctionDef",
  "AsyncFunctionDef",
  "Call",
  "Import",
  "ImportFrom",
  "Constant",
  "AnnAssign",
  "keyword",
  "arg",
  "TypeAlias",
  "NamedExpr",
  "Delete",
  "ExceptHandler",
  "Lambda",
] as const;

export type IndexedKind = (typeof INDEXED_KINDS)[number];

/** A kind's place in INDEXED_KINDS, -1 for the others (a switch: a map lookup per node cost more). */
function indexedSlot(kind: string): number {
  switch (kind) {
    case "Attribute":
      return 0;
    case "Name":
      return 1;
    case "ClassDef":
      return 2;
    case "FunctionDef":
      return 3;
    case "AsyncFunctionDef":
      return 4;
    case "Call":
      return 5;
    case "Import":
      return 6;
    case "ImportFrom":
      return 7;
    case "Constant":
      return 8;
    case "AnnAssign":
      return 9;
    case "keyword":
      return 10;
    case "arg":
      return 11;
    case "TypeAlias":
      return 12;
    case "NamedExpr":
      return 13;
    case "Delete":
      return 14;
    case "ExceptHandler":
      return 15;
    case "Lambda":
      return 16;
    default:
      return -1;
  }
}
for (const [i, kind] of INDEXED_KINDS.entries()) if (indexedSlot(kind) !== i) throw new Error(`internal: indexedSlot("${kind}") is not ${i}`);

export interface NodeIndex {
  /** Every node of the indexed kinds, in the order walk() visits them. */
  readonly all: readonly NodeOfType<IndexedKind>[];
  /** The nodes of one kind, in the same order. */
  ofType<K extends IndexedKind>(type: K): readonly NodeOfType<K>[];
  /**
   * For a Module: where the Names of each module-level statement start in `ofType("Name")`, and
   * one entry more, where they end (a statement's Names are consecutive there: the walk visits a
   * statement's whole subtree before the next statement). Empty for other roots.
   */
  readonly statementNameStarts: readonly number[];
}

const indexes = new WeakMap<py.Node, NodeIndex>();

/**
 * One empty list per indexed kind. (A loop, not `INDEXED_KINDS.map(() => [])`: V8's map builtin
 * makes a packed array and TurboFan's inlined map a holey one, so once the index's maker was
 * optimized every optimized reader of `ofType` met another array shape and was thrown away.)
 */
function emptyLists(): py.Node[][] {
  const lists: py.Node[][] = [];
  for (let i = 0; i < INDEXED_KINDS.length; i++) lists.push([]);
  return lists;
}

export function nodeIndex(root: py.Node): NodeIndex {
  let index = indexes.get(root);
  if (index) return index;
  const all: py.Node[] = [];
  const lists = emptyLists();
  const gather = (n: py.Node): void => {
    const slot = indexedSlot(n._type);
    if (slot >= 0) {
      lists[slot].push(n);
      all.push(n);
    }
  };
  const statementNameStarts: number[] = [];
  if (root._type === "Module") {
    // walk(root, gather) statement by statement (the same visits in the same order), noting where each one's Names start.
    const names = lists[indexedSlot("Name")];
    gather(root);
    for (const s of root.body) {
      statementNameStarts.push(names.length);
      if (s != null) walk(s, gather);
    }
    statementNameStarts.push(names.length);
    // (a module made by an earlier pass may lack the field: walk() skips a missing list)
    for (const t of root.type_ignores ?? []) if (t != null) walk(t, gather);
  } else walk(root, gather);
  index = makeIndex(all, lists, statementNameStarts);
  indexes.set(root, index);
  return index;
}

function makeIndex(all: py.Node[], lists: py.Node[][], statementNameStarts: number[]): NodeIndex {
  // (a kind's list found by its slot: no map of the 17 kinds made per tree, which a small program's build felt)
  return {
    all: all as NodeOfType<IndexedKind>[],
    ofType: <K extends IndexedKind>(type: K) => lists[indexedSlot(type)] as readonly py.Node[] as readonly NodeOfType<K>[],
    statementNameStarts,
  };
}

/**
 * Whether no node of `module` is nested more than `limit` deep, counting only the kinds in
 * `counted`; if so, nodeIndex(module) is gathered by the same walk (the check and the index each
 * touched the whole fresh tree: one walk of its memory instead of two). An explicit stack: the
 * tree may be nested deeper than the JS stack allows. When the limit is passed the index is not
 * kept (nodeIndex walks the tree itself if asked).
 */
export function indexWithinDepth(module: py.Module, counted: ReadonlySet<string>, limit: number): boolean {
  if (indexes.has(module)) return withinDepth(module, counted, limit, null);
  const all: py.Node[] = [];
  const lists = emptyLists();
  const found = { all, lists };
  const statementNameStarts: number[] = [];
  const names = lists[indexedSlot("Name")];
  // (the module itself is not a counted kind and not an indexed one: as nodeIndex, statement by statement)
  for (const s of module.body) {
    statementNameStarts.push(names.length);
    if (s != null && !withinDepth(s, counted, limit, found)) return false;
  }
  statementNameStarts.push(names.length);
  for (const t of module.type_ignores ?? []) if (t != null && !withinDepth(t, counted, limit, found)) return false;
  indexes.set(module, makeIndex(all, lists, statementNameStarts));
  return true;
}

/** indexWithinDepth's walk of one subtree (at depth 0), in walk()'s order, gathering into `into` (null: only the depth). */
function withinDepth(root: py.Node, counted: ReadonlySet<string>, limit: number, into: { all: py.Node[]; lists: py.Node[][] } | null): boolean {
  const nodes: py.Node[] = [root];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    const d = counted.has(node._type) ? depth + 1 : depth;
    if (d > limit) return false;
    if (into !== null) {
      const slot = indexedSlot(node._type);
      if (slot >= 0) {
        into.lists[slot].push(node);
        into.all.push(node);
      }
    }
    const first = nodes.length;
    forEachChildWith(node, pushChild, nodes, depths);
    // (the children were pushed in order: reversed, the first is taken next, as walk() visits them; each at depth d)
    for (let i = first, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = t;
    }
    for (let i = first; i < depths.length; i++) depths[i] = d;
  }
  return true;
}

function pushChild(child: py.Node, nodes: py.Node[], depths: number[]): void {
  nodes.push(child);
  depths.push(0);
}

const attributeSets = new WeakMap<py.Node, Partial<Record<"stored" | "readFromNames", Set<string>>>>();

/**
 * Attribute names the tree assigns somewhere (`obj.name = ...`, augmented or annotated: "stored")
 * or reads from a bare name (`X.name`: "readFromNames"), gathered once per tree.
 */
export function attributeNames(root: py.Node, which: "stored" | "readFromNames"): ReadonlySet<string> {
  let sets = attributeSets.get(root);
  if (!sets) attributeSets.set(root, (sets = {}));
  let out = sets[which];
  if (!out) {
    out = new Set();
    for (const n of nodeIndex(root).ofType("Attribute")) {
      if (which === "stored" ? n.ctx._type === "Store" : n.ctx._type === "Load" && n.value._type === "Name") out.add(n.attr);
    }
    sets[which] = out;
  }
  return out;
}

const nameIds = new WeakMap<py.Node, Set<string>>();

/** Whether some Name of the tree (read, stored or deleted) is one of `ids` (the tree's names gathered once: several analyses ask). */
export function namesAny(root: py.Node, ids: ReadonlySet<string>): boolean {
  let names = nameIds.get(root);
  if (!names) {
    names = new Set();
    for (const n of nodeIndex(root).ofType("Name")) names.add(n.id);
    nameIds.set(root, names);
  }
  for (const id of ids) if (names.has(id)) return true;
  return false;
}

/** Every annotation in the tree, in this order: parameters', annotated assignments', then defs' and async defs' return annotations. */
export function annotationRoots(root: py.Node): py.ExprNode[] {
  const index = nodeIndex(root);
  const out: py.ExprNode[] = [];
  for (const n of index.ofType("arg")) if (n.annotation) out.push(n.annotation);
  for (const n of index.ofType("AnnAssign")) out.push(n.annotation);
  for (const n of index.ofType("FunctionDef")) if (n.returns) out.push(n.returns);
  for (const n of index.ofType("AsyncFunctionDef")) if (n.returns) out.push(n.returns);
  return out;
}

/**
 * The `x.__dict__` reads that are a call's `**` argument (`main(**ns.__dict__)`): the call gets a
 * copy, so nothing is written (or reached later) through them.
 */
export function dictsOnlyUnpacked(index: NodeIndex): Set<py.Node> {
  const out = new Set<py.Node>();
  for (const c of index.ofType("Call"))
    for (const k of c.keywords) if (k.arg === null && k.value._type === "Attribute" && k.value.attr === "__dict__") out.add(k.value);
  return out;
}
