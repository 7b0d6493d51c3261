// Generic traversal of the Python AST, driven by FIELDS (so a new node kind needs no change here).

import { FIELDS, type Node } from "./nodes.js";

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { _type?: unknown })._type === "string";
}

/** Fields that hold Python constants, never child nodes (a constant may look like an object). */
const CONSTANT_FIELDS = new Set(["Constant.value", "MatchSingleton.value"]);

/** Child fields by node type, computed once per type (the walks run over every node of a module). */
const childFieldsByType = new Map<string, readonly string[]>();

function childFields(node: Node): readonly string[] {
  let fields = childFieldsByType.get(node._type);
  if (fields === undefined) {
    fields = (FIELDS[node._type] as readonly string[]).filter((f) => !CONSTANT_FIELDS.has(`${node._type}.${f}`));
    childFieldsByType.set(node._type, fields);
  }
  return fields;
}

/** Calls `fn` on each direct child node, in field order (list elements in order; None skipped). */
export function forEachChild(node: Node, fn: (child: Node, field: string, index: number | null) => void): void {
  const rec = node as unknown as Record<string, unknown>;
  const fields = childFields(node);
  // (indexed loops: for-of made an iterator result per field, ~25 MB of garbage per lowering of the generated benchmark)
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f];
    const v = rec[field];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) fn(v[i], field, i);
    } else if (isNode(v)) fn(v, field, null);
  }
}

/**
 * forEachChild for a visitor that takes two arguments more, passed along (the hot walks then make
 * no closure per node). Like walk(), it leaves out the context and operator leaves.
 */
export function forEachChildWith<A, B>(node: Node, fn: (child: Node, a: A, b: B) => void, a: A, b: B): void {
  (CHILDREN[node._type] as EachChild)(node, fn as Visitor, a, b);
}

/**
 * Visits `node` and all its descendants, parents first; `visit` returns false to skip a subtree.
 * The expression contexts and operators (`Load`, `Store`, `Add`, `Eq`, ...: leaves that say what
 * their parent does, a third of a module's nodes) are not visited: read them from the parent
 * (`name.ctx`, `binop.op`). forEachChild does visit them.
 */
export function walk(node: Node, visit: (n: Node) => boolean | void): void {
  if (visit(node) === false) return;
  // (walk is its own child visitor: it takes the child and `visit`, and ignores the fourth argument)
  (CHILDREN[node._type] as EachChild)(node, walk as Visitor, visit, undefined);
}

// The child nodes of each kind written out (the fields of FIELDS that may hold nodes, in its
// order, but `ctx`, `op` and `ops`) for the two hottest walks: reading each kind's fields by name
// is ~2× faster than looking them up from FIELDS, where every read sees objects of every kind. A
// kind whose fields change must change here too; test/parse.test.ts checks that these visit what
// forEachChild visits (but those leaves).
type Visitor = (child: Node, a: unknown, b: unknown) => void;
type EachChild = (n: Node, fn: Visitor, a: unknown, b: unknown) => void;

function one(child: Node | null | undefined, fn: Visitor, a: unknown, b: unknown): void {
  if (child != null) fn(child, a, b);
}

function list(children: readonly (Node | null)[] | undefined, fn: Visitor, a: unknown, b: unknown): void {
  if (children === undefined) return;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c != null) fn(c, a, b);
  }
}

const none = (): void => {};

const CHILDREN: { [K in Node["_type"]]: (n: Extract<Node, { _type: K }>, fn: Visitor, a: unknown, b: unknown) => void } = {
  Module: (n, fn, a, b) => {
    list(n.body, fn, a, b);
    list(n.type_ignores, fn, a, b);
  },
  Interactive: (n, fn, a, b) => {
    list(n.body, fn, a, b);
  },
  Expression: (n, fn, a, b) => {
    one(n.body, fn, a, b);
  },
  FunctionType: (n, fn, a, b) => {
    list(n.argtypes, fn, a, b);
    one(n.returns, fn, a, b);
  },
  FunctionDef: (n, fn, a, b) => {
    one(n.args, fn, a, b);
    list(n.body, fn, a, b);
    list(n.decorator_list, fn, a, b);
    one(n.returns, fn, a, b);
    list(n.type_params, fn, a, b);
  },
  AsyncFunctionDef: (n, fn, a, b) => {
    one(n.args, fn, a, b);
    list(n.body, fn, a, b);
    list(n.decorator_list, fn, a, b);
    one(n.returns, fn, a, b);
    list(n.type_params, fn, a, b);
  },
  ClassDef: (n, fn, a, b) => {
    list(n.bases, fn, a, b);
    list(n.keywords, fn, a, b);
    list(n.body, fn, a, b);
    list(n.decorator_list, fn, a, b);
    list(n.type_params, fn, a, b);
  },
  Return: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Delete: (n, fn, a, b) => {
    list(n.targets, fn, a, b);
  },
  Assign: (n, fn, a, b) => {
    list(n.targets, fn, a, b);
    one(n.value, fn, a, b);
  },
  TypeAlias: (n, fn, a, b) => {
    one(n.name, fn, a, b);
    list(n.type_params, fn, a, b);
    one(n.value, fn, a, b);
  },
  AugAssign: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.value, fn, a, b);
  },
  AnnAssign: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.annotation, fn, a, b);
    one(n.value, fn, a, b);
  },
  For: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.iter, fn, a, b);
    list(n.body, fn, a, b);
    list(n.orelse, fn, a, b);
  },
  AsyncFor: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.iter, fn, a, b);
    list(n.body, fn, a, b);
    list(n.orelse, fn, a, b);
  },
  While: (n, fn, a, b) => {
    one(n.test, fn, a, b);
    list(n.body, fn, a, b);
    list(n.orelse, fn, a, b);
  },
  If: (n, fn, a, b) => {
    one(n.test, fn, a, b);
    list(n.body, fn, a, b);
    list(n.orelse, fn, a, b);
  },
  With: (n, fn, a, b) => {
    list(n.items, fn, a, b);
    list(n.body, fn, a, b);
  },
  AsyncWith: (n, fn, a, b) => {
    list(n.items, fn, a, b);
    list(n.body, fn, a, b);
  },
  Match: (n, fn, a, b) => {
    one(n.subject, fn, a, b);
    list(n.cases, fn, a, b);
  },
  Raise: (n, fn, a, b) => {
    one(n.exc, fn, a, b);
    one(n.cause, fn, a, b);
  },
  Try: (n, fn, a, b) => {
    list(n.body, fn, a, b);
    list(n.handlers, fn, a, b);
    list(n.orelse, fn, a, b);
    list(n.finalbody, fn, a, b);
  },
  TryStar: (n, fn, a, b) => {
    list(n.body, fn, a, b);
    list(n.handlers, fn, a, b);
    list(n.orelse, fn, a, b);
    list(n.finalbody, fn, a, b);
  },
  Assert: (n, fn, a, b) => {
    one(n.test, fn, a, b);
    one(n.msg, fn, a, b);
  },
  Import: (n, fn, a, b) => {
    list(n.names, fn, a, b);
  },
  ImportFrom: (n, fn, a, b) => {
    list(n.names, fn, a, b);
  },
  Global: none,
  Nonlocal: none,
  Expr: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Pass: none,
  Break: none,
  Continue: none,
  BoolOp: (n, fn, a, b) => {
    list(n.values, fn, a, b);
  },
  NamedExpr: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.value, fn, a, b);
  },
  BinOp: (n, fn, a, b) => {
    one(n.left, fn, a, b);
    one(n.right, fn, a, b);
  },
  UnaryOp: (n, fn, a, b) => {
    one(n.operand, fn, a, b);
  },
  Lambda: (n, fn, a, b) => {
    one(n.args, fn, a, b);
    one(n.body, fn, a, b);
  },
  IfExp: (n, fn, a, b) => {
    one(n.test, fn, a, b);
    one(n.body, fn, a, b);
    one(n.orelse, fn, a, b);
  },
  Dict: (n, fn, a, b) => {
    list(n.keys, fn, a, b);
    list(n.values, fn, a, b);
  },
  Set: (n, fn, a, b) => {
    list(n.elts, fn, a, b);
  },
  ListComp: (n, fn, a, b) => {
    one(n.elt, fn, a, b);
    list(n.generators, fn, a, b);
  },
  SetComp: (n, fn, a, b) => {
    one(n.elt, fn, a, b);
    list(n.generators, fn, a, b);
  },
  DictComp: (n, fn, a, b) => {
    one(n.key, fn, a, b);
    one(n.value, fn, a, b);
    list(n.generators, fn, a, b);
  },
  GeneratorExp: (n, fn, a, b) => {
    one(n.elt, fn, a, b);
    list(n.generators, fn, a, b);
  },
  Await: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Yield: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  YieldFrom: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Compare: (n, fn, a, b) => {
    one(n.left, fn, a, b);
    list(n.comparators, fn, a, b);
  },
  Call: (n, fn, a, b) => {
    one(n.func, fn, a, b);
    list(n.args, fn, a, b);
    list(n.keywords, fn, a, b);
  },
  FormattedValue: (n, fn, a, b) => {
    one(n.value, fn, a, b);
    one(n.format_spec, fn, a, b);
  },
  JoinedStr: (n, fn, a, b) => {
    list(n.values, fn, a, b);
  },
  Constant: none,
  Attribute: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Subscript: (n, fn, a, b) => {
    one(n.value, fn, a, b);
    one(n.slice, fn, a, b);
  },
  Starred: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  Name: none,
  List: (n, fn, a, b) => {
    list(n.elts, fn, a, b);
  },
  Tuple: (n, fn, a, b) => {
    list(n.elts, fn, a, b);
  },
  Slice: (n, fn, a, b) => {
    one(n.lower, fn, a, b);
    one(n.upper, fn, a, b);
    one(n.step, fn, a, b);
  },
  Load: none,
  Store: none,
  Del: none,
  And: none,
  Or: none,
  Add: none,
  Sub: none,
  Mult: none,
  MatMult: none,
  Div: none,
  Mod: none,
  Pow: none,
  LShift: none,
  RShift: none,
  BitOr: none,
  BitXor: none,
  BitAnd: none,
  FloorDiv: none,
  Invert: none,
  Not: none,
  UAdd: none,
  USub: none,
  Eq: none,
  NotEq: none,
  Lt: none,
  LtE: none,
  Gt: none,
  GtE: none,
  Is: none,
  IsNot: none,
  In: none,
  NotIn: none,
  ExceptHandler: (n, fn, a, b) => {
    one(n.type, fn, a, b);
    list(n.body, fn, a, b);
  },
  MatchValue: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  MatchSingleton: none,
  MatchSequence: (n, fn, a, b) => {
    list(n.patterns, fn, a, b);
  },
  MatchMapping: (n, fn, a, b) => {
    list(n.keys, fn, a, b);
    list(n.patterns, fn, a, b);
  },
  MatchClass: (n, fn, a, b) => {
    one(n.cls, fn, a, b);
    list(n.patterns, fn, a, b);
    list(n.kwd_patterns, fn, a, b);
  },
  MatchStar: none,
  MatchAs: (n, fn, a, b) => {
    one(n.pattern, fn, a, b);
  },
  MatchOr: (n, fn, a, b) => {
    list(n.patterns, fn, a, b);
  },
  TypeIgnore: none,
  TypeVar: (n, fn, a, b) => {
    one(n.bound, fn, a, b);
  },
  ParamSpec: none,
  TypeVarTuple: none,
  arguments: (n, fn, a, b) => {
    list(n.posonlyargs, fn, a, b);
    list(n.args, fn, a, b);
    one(n.vararg, fn, a, b);
    list(n.kwonlyargs, fn, a, b);
    list(n.kw_defaults, fn, a, b);
    one(n.kwarg, fn, a, b);
    list(n.defaults, fn, a, b);
  },
  arg: (n, fn, a, b) => {
    one(n.annotation, fn, a, b);
  },
  keyword: (n, fn, a, b) => {
    one(n.value, fn, a, b);
  },
  alias: none,
  withitem: (n, fn, a, b) => {
    one(n.context_expr, fn, a, b);
    one(n.optional_vars, fn, a, b);
  },
  match_case: (n, fn, a, b) => {
    one(n.pattern, fn, a, b);
    one(n.guard, fn, a, b);
    list(n.body, fn, a, b);
  },
  comprehension: (n, fn, a, b) => {
    one(n.target, fn, a, b);
    one(n.iter, fn, a, b);
    list(n.ifs, fn, a, b);
  },
};

/**
 * Returns a copy of `node` whose direct children are replaced by `fn(child)`; the node itself is
 * returned unchanged (same object) when no child changed.
 */
export function mapChildren<T extends Node>(node: T, fn: (child: Node, field: string) => Node): T {
  const rec = node as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const field of childFields(node)) {
    const v = rec[field];
    let nv: unknown = v;
    if (Array.isArray(v)) {
      let changed = false;
      // (a loop that pushes, not map: V8's map builtin makes a packed array and TurboFan's inlined
      // map a holey one, and the readers of the AST's lists compiled for one deoptimize at the other)
      const arr: unknown[] = [];
      for (const x of v) {
        const y = isNode(x) ? fn(x, field) : x;
        if (y !== x) changed = true;
        arr.push(y);
      }
      if (changed) nv = arr;
    } else if (isNode(v)) nv = fn(v, field);
    if (nv !== v) {
      out ??= { ...rec };
      out[field] = nv;
    }
  }
  return (out ?? node) as T;
}
