// The raw facts inference.ts reasons over, read off the tree: how each statement of a scope binds
// its names, what a function's `return` statements give, and every write of each attribute name.

import type * as py from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";
import { dictsOnlyUnpacked, namesAny, nodeIndex } from "../ast/node-index.js";
import type { Scope } from "./scopes.js";
import type { PyType } from "./types.js";
import type { InferenceInput } from "./inference.js";

export const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** How one statement binds a name. */
export type Binding =
  | { k: "value"; expr: py.ExprNode }
  /** `a, b = expr`: item `index` of `count` that unpacking `expr` gives. */
  | { k: "item"; expr: py.ExprNode; index: number; count: number }
  | { k: "aug"; op: py.OperatorNode; value: py.ExprNode }
  | { k: "for"; iter: py.ExprNode }
  /** `x: int` without a value, `del x`: no value that a read could see. */
  | { k: "none" }
  /** A value of a type known from the statement (`except ... as e`: an exception). */
  | { k: "typed"; type: PyType }
  | { k: "unknown" };

// (the bindings that carry nothing but their kind: one object each, shared by every statement that makes one)
const UNKNOWN: Binding = { k: "unknown" };
const NO_VALUE: Binding = { k: "none" };

export const SCOPE_NODES = new Set(["FunctionDef", "AsyncFunctionDef", "ClassDef", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

// The walks below follow the node kinds' fields (ast/walk.ts), not every property of every object:
// they run over whole scopes many times, and Object.entries per node was most of inference's time.

// (module-level steps with the callback and its argument passed along, not a closure per call: a
// closure made per lowering loses its optimized code at every full GC, bench/NOTES.md round 18)
function walkAllStep(x: py.Node, f: (e: py.ExprNode, a: unknown) => void, a: unknown): void {
  f(x as py.ExprNode, a);
  forEachChildWith(x, walkAllStep, f, a);
}

function visitExprStep(x: py.Node, f: (e: py.ExprNode, a: unknown) => void, a: unknown): void {
  if (x._type === "Lambda") return;
  f(x as py.ExprNode, a);
  forEachChildWith(x, visitExprStep, f, a);
}

/** Calls `f` on every node of `n` (a node or a list of them), parents first. */
export function walkAll(n: py.Node | readonly py.Node[] | null | undefined, f: (e: py.ExprNode) => void): void {
  if (!n) return;
  if (Array.isArray(n)) {
    for (const x of n) walkAll(x, f);
    return;
  }
  walkAllStep(n as py.Node, f, undefined);
}

/** Calls `f` on every node of `e` (a node or a list of them) outside lambdas, parents first. */
export function visitExpr(e: py.Node | readonly py.Node[] | null | undefined, f: (n: py.ExprNode) => void): void {
  visitExprWith(e, f, undefined);
}

/** visitExpr with an argument passed to `f` (a module-level `f` then needs no closure per call). */
export function visitExprWith<A>(e: py.Node | readonly py.Node[] | null | undefined, f: (n: py.ExprNode, a: A) => void, a: A): void {
  if (!e) return;
  if (Array.isArray(e)) {
    for (const x of e) visitExprWith(x, f, a);
    return;
  }
  visitExprStep(e as py.Node, f as (e: py.ExprNode, a: unknown) => void, a);
}

/** What one walk over a scope's own statements gathers besides its bindings (collectBindings). */
export interface OwnStatementFacts {
  /** The values of its `return` statements (null: a bare `return`), in the order the walk meets them. */
  returns: (py.ExprNode | null)[];
  /** Its assignments, augmented and annotated ones that may write an attribute (attributeWrites reads them). */
  attributeStores: py.Stmt[];
}

/**
 * Every binding of every name in a scope's own code (nested functions and classes excluded).
 * `walrusInModule`: whether the module has any `:=` (most have none: their expressions need no search).
 * `facts`, when given, gets the scope's return values and attribute stores from the same walk.
 */
export function collectBindings(node: py.Node, walrusInModule: boolean, facts?: OwnStatementFacts): Map<string, Binding[]> {
  const c = new BindingCollector(walrusInModule, facts);
  const body = (node as { body?: unknown }).body;
  if (Array.isArray(body)) c.stmts(body as py.Stmt[]);
  if (node._type === "ListComp" || node._type === "SetComp" || node._type === "DictComp" || node._type === "GeneratorExp") comprehensionTargets(node, c);
  return c.out;
}

/**
 * collectBindings' walk: its state in fields and its steps as methods (no closures per scope).
 * `nested` false: `stmt` takes a statement's own bindings only, not its blocks' statements, and
 * `handler` and `matchCase` those of a `try`'s handlers and a `match`'s cases: the scope
 * analysis's walk, which visits every statement of the scope in the same order, calls them (see
 * ModuleFacts.ownStatements in scopes.ts). A module without `:=` only: a walrus's bindings come
 * from expressions, in an order of their own.
 */
export class BindingCollector {
  readonly out = new Map<string, Binding[]>();
  constructor(
    private readonly walrusInModule: boolean,
    readonly facts: OwnStatementFacts | undefined,
    private readonly nested = true,
  ) {}

  add(name: string, b: Binding): void {
    let list = this.out.get(name);
    if (!list) this.out.set(name, (list = []));
    list.push(b);
  }

  unknownTargets(t: py.ExprNode): void {
    visitExprWith(t, addUnknownTarget, this);
  }

  // Walrus targets anywhere in an expression (also inside comprehensions: they bind here, but
  // their value there reads the comprehension's own names, so it is not typed from here).
  walrus(e: py.Node | readonly py.Node[] | null | undefined): void {
    if (!this.walrusInModule) return;
    visitExprWith(e, addWalrusTarget, { into: this, inComprehension: new Set<unknown>() });
  }

  patternNames(p: py.Pattern): void {
    patternNamesStep(p, this, undefined);
  }

  stmts(list: py.Stmt[]): void {
    for (let i = 0; i < list.length; i++) this.stmt(list[i]);
  }

  stmt(s: py.Stmt): void {
    const facts = this.facts;
    if (facts !== undefined) {
      if (s._type === "Return") facts.returns.push(s.value);
      else if (writesAttribute(s)) facts.attributeStores.push(s);
    }
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        if (this.walrusInModule) this.walrus([...s.decorator_list, ...(s._type === "ClassDef" ? s.bases : [])]);
        this.add(s.name, UNKNOWN);
        return;
      case "Assign":
        this.walrus(s.value);
        for (const t of s.targets) {
          if (t._type === "Name") this.add(t.id, { k: "value", expr: s.value });
          else if ((t._type === "Tuple" || t._type === "List") && s.targets.length === 1 && allNames(t.elts))
            for (let index = 0; index < t.elts.length; index++)
              this.add((t.elts[index] as py.Name).id, { k: "item", expr: s.value, index, count: t.elts.length });
          else (this.unknownTargets(t), this.walrus(t));
        }
        return;
      case "AugAssign":
        this.walrus(s.value);
        if (s.target._type === "Name") this.add(s.target.id, { k: "aug", op: s.op, value: s.value });
        else this.walrus(s.target);
        return;
      case "AnnAssign":
        this.walrus(s.value);
        if (s.target._type === "Name") this.add(s.target.id, s.value ? { k: "value", expr: s.value } : NO_VALUE);
        else this.walrus(s.target);
        return;
      case "For":
      case "AsyncFor":
        this.walrus(s.iter);
        if (s.target._type === "Name" && s._type === "For") this.add(s.target.id, { k: "for", iter: s.iter });
        else this.unknownTargets(s.target);
        if (!this.nested) return;
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.walrus(item.context_expr);
          if (item.optional_vars) this.unknownTargets(item.optional_vars);
        }
        if (this.nested) this.stmts(s.body);
        return;
      case "Try":
      case "TryStar":
        if (!this.nested) return;
        this.stmts(s.body);
        for (const h of s.handlers) {
          this.handler(h, s._type === "TryStar");
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) if (a.name !== "*") this.add(a.asname ?? a.name.split(".")[0], UNKNOWN);
        return;
      case "Delete":
        for (const t of s.targets) {
          if (t._type === "Name") this.add(t.id, NO_VALUE);
          else this.walrus(t);
        }
        return;
      case "Match":
        this.walrus(s.subject);
        if (!this.nested) return;
        for (const c of s.cases) {
          this.matchCase(c);
          this.stmts(c.body);
        }
        return;
      case "If":
      case "While":
        this.walrus(s.test);
        if (!this.nested) return;
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case "TypeAlias":
        if (s.name._type === "Name") this.add(s.name.id, UNKNOWN);
        return;
      default:
        this.walrus(s);
    }
  }

  /** A handler's own binding (before its block's statements). */
  handler(h: py.ExceptHandler, star: boolean): void {
    this.walrus(h.type);
    // `except X as e`: X must be an exception class (else TypeError): e is an exception, a group under except*.
    if (h.name) this.add(h.name, { k: "typed", type: star ? "rt:BaseExceptionGroup" : "rt:BaseException" });
  }

  /** A `match` case's own bindings (before its block's statements). */
  matchCase(c: py.MatchCase): void {
    this.patternNames(c.pattern);
    this.walrus(c.guard);
  }
}

/** Every item a Name (a loop, not `.every` with an arrow per statement). */
function allNames(elts: readonly py.ExprNode[]): boolean {
  for (let i = 0; i < elts.length; i++) if (elts[i]._type !== "Name") return false;
  return true;
}

function addUnknownTarget(n: py.ExprNode, c: BindingCollector): void {
  if (n._type === "Name" && n.ctx._type !== "Load") c.add(n.id, UNKNOWN);
}

function addToSet(n: py.ExprNode, set: Set<unknown>): void {
  set.add(n);
}

function addWalrusTarget(n: py.ExprNode, w: { into: BindingCollector; inComprehension: Set<unknown> }): void {
  if (n._type === "ListComp" || n._type === "SetComp" || n._type === "DictComp" || n._type === "GeneratorExp") visitExprWith(n, addToSet, w.inComprehension);
  if (n._type === "NamedExpr" && n.target._type === "Name") w.into.add(n.target.id, w.inComprehension.has(n) ? UNKNOWN : { k: "value", expr: n.value });
}

function patternNamesStep(o: py.Node, c: BindingCollector, _: unknown): void {
  if ((o._type === "MatchAs" || o._type === "MatchStar") && typeof o.name === "string") c.add(o.name, UNKNOWN);
  if (o._type === "MatchMapping" && typeof o.rest === "string") c.add(o.rest, UNKNOWN);
  forEachChildWith(o, patternNamesStep, c, undefined);
}

function addUnknownName(n: py.ExprNode, c: BindingCollector): void {
  if (n._type === "Name") c.add(n.id, UNKNOWN);
}

function addName(n: py.ExprNode, set: Set<string>): void {
  if (n._type === "Name") set.add(n.id);
}

function readsNameOf(n: py.ExprNode, r: { own: Set<string>; found: boolean }): void {
  if (n._type === "Name" && r.own.has(n.id)) r.found = true;
}

/** `for x in it` clauses of a comprehension: its own names (walrus targets belong to the enclosing scope). */
function comprehensionTargets(c: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp, into: BindingCollector): void {
  const own = new Set<string>();
  for (const g of c.generators) visitExprWith(g.target, addName, own);
  for (let i = 0; i < c.generators.length; i++) {
    const g = c.generators[i];
    // The first iterable is evaluated outside: it may not read a name of the comprehension as its own.
    let readsOwn = false;
    if (i === 0) {
      const reads = { own, found: false };
      visitExprWith(g.iter, readsNameOf, reads);
      readsOwn = reads.found;
    }
    if (g.target._type === "Name" && !g.is_async && !readsOwn) into.add(g.target.id, { k: "for", iter: g.iter });
    else visitExprWith(g.target, addUnknownName, into);
  }
}

/**
 * The values a function's own `return` statements give (null: a bare `return`), and whether its end
 * can be reached. `found`: the values, when a walk over its statements (collectBindings) has them.
 */
export function returnValues(body: py.Stmt[], found?: (py.ExprNode | null)[]): { values: (py.ExprNode | null)[]; fallsOff: boolean } {
  let values = found;
  if (values === undefined) {
    const list: (py.ExprNode | null)[] = [];
    // (statements only: a `return` is never inside an expression)
    eachOwnStatement(body, (n) => {
      if (n._type === "Return") list.push(n.value);
    });
    values = list;
  }
  return { values, fallsOff: !alwaysLeaves(body) };
}

/** A block whose end is never reached: it ends in `return` or `raise` (through `if`/`else` too). */
function alwaysLeaves(body: py.Stmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  if (last._type === "Return" || last._type === "Raise") return true;
  if (last._type === "If") return alwaysLeaves(last.body) && alwaysLeaves(last.orelse);
  if (last._type === "While") return last.test._type === "Constant" && last.test.value === true && !containsBreak(last.body);
  return false;
}

function containsBreak(body: py.Stmt[]): boolean {
  const r = { found: false };
  for (const s of body) {
    if (s._type === "For" || s._type === "AsyncFor" || s._type === "While") continue;
    breakStep(s, r, undefined);
  }
  return r.found;
}

function breakStep(n: py.Node, r: { found: boolean }, _: unknown): void {
  if (n._type === "Break") r.found = true;
  // A break inside a nested loop leaves that loop only.
  if (!r.found && n._type !== "For" && n._type !== "AsyncFor" && n._type !== "While" && !SCOPE_NODES.has(n._type)) forEachChildWith(n, breakStep, r, undefined);
}

interface AttributeWrite {
  scope: Scope;
  value: py.ExprNode;
  /** An augmented assignment's operator. */
  op?: py.OperatorNode;
}

/**
 * Every write of each attribute name in the program (`x.a = v`, `x.a += v`, `a = v` in a class body),
 * or null for a name written some other way (unpacking, a loop target, `del`, a dataclass field,
 * a def of that name) or when attributes can be reached dynamically (setattr, __dict__, vars).
 */
export function attributeWrites(input: InferenceInput, storesOf: (scope: Scope) => readonly py.Stmt[] | undefined): Map<string, AttributeWrite[] | null> {
  if (input.moduleOpen) return new Map();
  const table = new AttributeWriteTable();
  const { out, seen } = table;
  for (const scope of input.scopes.values()) {
    const owner = scope.kind === "function" || scope.kind === "module" ? scope : undefined;
    const node = scope.node;
    if (scope.kind === "class" && node._type === "ClassDef") {
      const dataclass = node.decorator_list.length > 0;
      for (const item of node.body) {
        if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") table.add(item.name, null);
        // (a constant: its type needs no names, which the class body would resolve differently)
        else if (item._type === "Assign")
          for (const t of item.targets)
            t._type === "Name"
              ? table.add(t.id, item.targets.length === 1 && constantValue(item.value) ? { scope: scope.parent!, value: item.value } : null)
              : undefined;
        else if (item._type === "AnnAssign" && item.target._type === "Name")
          table.add(item.target.id, !dataclass && item.value && constantValue(item.value) ? { scope: scope.parent!, value: item.value } : null);
      }
    }
    // (the scope's stores, when collectBindings' walk gathered them; else its statements walked here)
    const stores = storesOf(scope);
    if (stores !== undefined) for (let i = 0; i < stores.length; i++) table.noteStore(stores[i], owner);
    else ownStatements(node, (st) => table.noteStore(st, owner));
  }
  // Any other store or delete of an attribute (a loop target, `with ... as x.a`, `del x.a`).
  const index = nodeIndex(input.module);
  const unpackedOnly = dictsOnlyUnpacked(index);
  for (const n of index.ofType("Attribute")) {
    if (n.ctx._type !== "Load" && !seen.has(n)) table.add(n.attr, null);
    if (DYNAMIC_ATTRIBUTES.has(n.attr) && !unpackedOnly.has(n)) out.set("*", null);
  }
  if (namesAny(input.module, DYNAMIC_ATTRIBUTE_BUILTINS)) out.set("*", null);
  if (out.has("*")) return new Map();
  return out;
}

/** attributeWrites' table and steps (methods and module-level functions: closures made per lowering lost their optimized code at every full GC). */
class AttributeWriteTable {
  readonly out = new Map<string, AttributeWrite[] | null>();
  readonly seen = new Set<py.Node>();

  add(attr: string, w: AttributeWrite | null, node?: py.Node): void {
    if (node) this.seen.add(node);
    const list = this.out.get(attr);
    if (list === null) return;
    if (!w) this.out.set(attr, null);
    else if (list) list.push(w);
    else this.out.set(attr, [w]);
  }

  noteStore(st: py.Stmt, owner: Scope | undefined): void {
    if (st._type === "Assign") {
      for (const t of st.targets)
        // (a name target writes no attribute: most targets, no walk)
        if (t._type !== "Name") visitExprWith(t, noteAttributeTarget, { table: this, owner, target: t, st });
    } else if (st._type === "AugAssign" && st.target._type === "Attribute") {
      this.add(st.target.attr, owner ? { scope: owner, value: st.value, op: st.op } : null, st.target);
    } else if (st._type === "AnnAssign" && st.target._type === "Attribute") {
      this.add(st.target.attr, owner && st.value ? { scope: owner, value: st.value } : null, st.target);
    }
  }
}

function noteAttributeTarget(n: py.ExprNode, w: { table: AttributeWriteTable; owner: Scope | undefined; target: py.ExprNode; st: py.Assign }): void {
  if (n._type === "Attribute" && n.ctx._type === "Store")
    w.table.add(n.attr, w.owner && w.target === n && w.st.targets.length === 1 ? { scope: w.owner, value: w.st.value } : null, n);
}

function constantValue(v: py.ExprNode): boolean {
  return v._type === "Constant" || (v._type === "UnaryOp" && v.operand._type === "Constant");
}

/** The statements attributeWrites looks at: every assignment, augmented or annotated ones of an attribute. */
function writesAttribute(s: py.Stmt): boolean {
  return s._type === "Assign" || ((s._type === "AugAssign" || s._type === "AnnAssign") && s.target._type === "Attribute");
}

/** The statements of a scope's own code (nested functions and classes excluded, their bodies too). */
function ownStatements(node: py.Node, f: (s: py.Stmt) => void): void {
  const body = (node as { body?: unknown }).body;
  if (Array.isArray(body)) eachOwnStatement(body as py.Stmt[], f);
}

/** Calls `f` on these statements and the ones nested in them, nested functions' and classes' bodies excluded. */
export function eachOwnStatement(list: py.Stmt[] | undefined, f: (s: py.Stmt) => void): void {
  // (a statement made by an earlier pass may lack an empty block)
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    f(s);
    // (the blocks by name, per kind: body, orelse, finalbody, then handlers' and cases' bodies)
    switch (s._type) {
      case "If":
      case "For":
      case "AsyncFor":
      case "While":
        eachOwnStatement(s.body, f);
        eachOwnStatement(s.orelse, f);
        break;
      case "With":
      case "AsyncWith":
        eachOwnStatement(s.body, f);
        break;
      case "Try":
      case "TryStar":
        eachOwnStatement(s.body, f);
        eachOwnStatement(s.orelse, f);
        eachOwnStatement(s.finalbody, f);
        for (const h of s.handlers) eachOwnStatement(h.body, f);
        break;
      case "Match":
        for (const c of s.cases) eachOwnStatement(c.body, f);
        break;
    }
  }
}

// (a set: asked of every Attribute of the module)
/** Attributes through which any attribute may be written. */
const DYNAMIC_ATTRIBUTES = new Set(["__dict__", "__setattr__", "__class__", "__slots__"]);
/** Builtins that write or read attributes by a computed name. */
const DYNAMIC_ATTRIBUTE_BUILTINS = new Set(["setattr", "delattr", "vars", "__import__"]);
