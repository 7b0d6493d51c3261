// Which statements at the top of an `__init__` keep the instance out of reach of other code
// (plain-access.ts earlyAttributes): an attribute they set is there before anything can see `self`.
// No code can reach `self` until the method hands it somewhere; reading an attribute set before
// (`self.ready.set()`, `self.n += 1`, `self.total = self.a + self.b`) hands on only a value
// computed without `self`, so it does not either.
//
//   def __init__(self):                 | early: _ready, n, total
//       self._ready = asyncio.Event()   |
//       self._ready.set()               | (a method of a value made without self)
//       n = 3                           | (a local)
//       self.n = n                      |
//       self.total = self.n * 2         |
//       self.start()                    | ← self handed to a method: the early attributes end here

import type * as py from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";

/**
 * The attributes a simple statement of `__init__` sets on `self` (maybe none), when it does not
 * let other code see `self`: `self` appears only as an assignment target `self.x` or in reads of
 * attributes already set (`early`). Undefined when it may hand `self` on, or is not simple.
 */
export function earlyStatement(st: py.Stmt, self: string, early: ReadonlySet<string>): string[] | undefined {
  let targets: py.ExprNode[];
  let value: py.ExprNode | undefined;
  if (st._type === "Assign") [targets, value] = [st.targets, st.value];
  else if (st._type === "AnnAssign") [targets, value] = [st.value ? [st.target] : [], st.value ?? undefined];
  else if (st._type === "AugAssign") [targets, value] = [[st.target], st.value];
  else if (st._type === "Expr") [targets, value] = [[], st.value];
  else return undefined;
  const e = new EarlyStatement(st, self, early);
  for (let i = 0; i < targets.length; i++) if (!e.collect(targets[i])) return undefined;
  // Every other `self` must be the object of a read of an attribute already set.
  for (const t of targets) earlyCheckStep(t, e, undefined);
  if (value) earlyCheckStep(value, e, undefined);
  return e.leaks ? undefined : e.sets;
}

/** earlyStatement's state (its steps module-level or methods: closures per statement lost their optimized code at every full GC). */
class EarlyStatement {
  readonly sets: string[] = [];
  /** The `self` Names that are store targets or the object of a read of an attribute already set. */
  readonly allowed = new Set<py.Node>();
  leaks = false;
  constructor(
    readonly st: py.Stmt,
    readonly self: string,
    readonly early: ReadonlySet<string>,
  ) {}

  collect(t: py.ExprNode): boolean {
    if (t._type === "Tuple" || t._type === "List") {
      for (let i = 0; i < t.elts.length; i++) if (!this.collect(t.elts[i])) return false;
      return true;
    }
    if (t._type === "Starred") return this.collect(t.value);
    if (t._type === "Name") return t.id !== this.self;
    if (t._type === "Attribute" && t.value._type === "Name" && t.value.id === this.self) {
      // `self.x += v` reads x first: only when x is already there.
      if (this.st._type === "AugAssign" && !this.early.has(t.attr)) return false;
      this.allowed.add(t.value);
      this.sets.push(t.attr);
      return true;
    }
    // `self.items[k] = v`, `self.box.n = v`: a target that reads an attribute (checked below).
    return t._type === "Subscript" || t._type === "Attribute";
  }
}

function earlyCheckStep(n: py.Node, e: EarlyStatement, _: unknown): void {
  if (e.leaks) return;
  const self = e.self;
  if (n._type === "Attribute" && n.ctx._type === "Load" && n.value._type === "Name" && n.value.id === self && e.early.has(n.attr)) e.allowed.add(n.value);
  if (n._type === "Name" && (n.id === "super" || (n.id === self && !e.allowed.has(n)))) e.leaks = true;
  // (code that runs later, or in a scope of its own, is not followed)
  if (n._type === "Lambda" || n._type === "ListComp" || n._type === "GeneratorExp" || n._type === "DictComp" || n._type === "SetComp") e.leaks = true;
  if (n._type === "NamedExpr") e.leaks = true;
  if (!e.leaks) forEachChildWith(n, earlyCheckStep, e, undefined);
}

/** `super(C, self)` in a method of class C (bound once to the class: plain classes only): `super()`. */
export function superOfOwnClass(args: py.ExprNode[], className: string, self: string): boolean {
  return args.length === 2 && args[0]._type === "Name" && args[0].id === className && args[1]._type === "Name" && args[1].id === self;
}

/**
 * The `super(C, self)` calls in the methods of class C, with `self` the method's first parameter and
 * neither name rebound in the method (C a plain class is bound once: the caller's check).
 */
export function ownClassSuperCalls(classes: readonly py.ClassDef[]): Set<py.Call> {
  const out = new Set<py.Call>();
  for (const c of classes) {
    for (const item of c.body) {
      if (item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") continue;
      const self = item.args.posonlyargs[0]?.arg ?? item.args.args[0]?.arg;
      if (!self) continue;
      const w: SuperCallWalk = { item, self, className: c.name, calls: [], rebound: false };
      superCallStep(item, w, undefined);
      if (!w.rebound) for (const call of w.calls) out.add(call);
    }
  }
  return out;
}

interface SuperCallWalk {
  item: py.FunctionDef | py.AsyncFunctionDef;
  self: string;
  className: string;
  calls: py.Call[];
  rebound: boolean;
}

function superCallStep(n: py.Node, w: SuperCallWalk, _: unknown): void {
  if (n !== w.item && (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda" || n._type === "ClassDef")) return;
  if (n._type === "Name" && n.ctx._type !== "Load" && (n.id === w.self || n.id === w.className)) w.rebound = true;
  if (n._type === "Call" && n.func._type === "Name" && n.func.id === "super" && superOfOwnClass(n.args, w.className, w.self)) w.calls.push(n);
  forEachChildWith(n, superCallStep, w, undefined);
}
