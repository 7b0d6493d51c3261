// Definite assignment: which reads of a function's (or the module's) own names might find the
// name unbound, so the lowering emits a check there (UnboundLocalError / NameError) and nowhere else.
//
//   def f(flag):            | x is assigned on one branch only: the read of x is checked;
//       if flag:            | y is assigned on every path before its read: no check.
//           x = 1           |
//       y = 2               | A name is also unbound after `del x` and after the `except ... as x`
//       print(x, y)         | block that bound it (CPython deletes it there).
//
// A forward pass over the statements, with the set of names definitely assigned at each point.
// `null` stands for "unreachable" (after return/raise/break/continue), which joins as "everything".
// Loops run to a fixpoint; a handler or `finally` starts from what was assigned before the `try`
// minus what the `try` may have unbound. A `with` body may be cut short by a context manager that
// suppresses an exception, so after it only what was assigned before it (and its `as` targets) counts,
// unless the manager is one of asyncio's that never suppress (TaskGroup, timeout).

import type * as py from "../ast/nodes.js";
import { forEachChild, forEachChildWith } from "../ast/walk.js";
import type { Scope, ScopeTable } from "./scopes.js";
import { allArgs } from "../ast/arguments.js";

type State = Set<string> | null;

export interface UnboundReads {
  /** Name loads (and augmented-assignment targets) that may find their name unbound. */
  reads: Set<py.Node>;
  /** Names with at least one such read: they start out as the runtime's UNBOUND marker. */
  names: Set<string>;
}

/**
 * `tracked`: the scope's own names that plain control flow decides (not parameters, not names a
 * nested scope assigns through `nonlocal`/`global`, not names that fall back to builtins).
 */
export function findUnboundReads(
  body: py.Stmt[],
  tracked: Set<string>,
  initial: Iterable<string>,
  scopes: ScopeTable,
  evaluatesAnnotations = false,
  moduleLevel = false,
): UnboundReads {
  // (no name to track, no read to report: most functions bind nothing but their parameters)
  if (!tracked.size) return { reads: new Set(), names: new Set() };
  const a = new Analysis(tracked, scopes, evaluatesAnnotations, moduleLevel);
  a.block(body, new Set(initial));
  return { reads: a.reads, names: a.names };
}

function join(a: State, b: State): State {
  if (a === null) return b === null ? null : new Set(b);
  if (b === null) return new Set(a);
  const out = new Set<string>();
  for (const n of a) if (b.has(n)) out.add(n);
  return out;
}

function same(a: State, b: State): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const n of a) if (!b.has(n)) return false;
  return true;
}

interface Loop {
  breaks: State;
  continues: State;
}

class Analysis {
  readonly reads = new Set<py.Node>();
  readonly names = new Set<string>();
  private readonly loops: Loop[] = [];
  /** Names bound by the comprehensions being visited: reads of them are not this scope's. */
  private readonly shadowed: Set<string>[] = [];

  /** How many class bodies the statement being visited is in (their annotations are evaluated). */
  private classDepth = 0;

  /**
   * `evaluatesAnnotations`: CPython evaluates annotations when a def or a module/class-level
   * annotated assignment runs (no `from __future__ import annotations`); their names are reads.
   */
  constructor(
    private readonly tracked: Set<string>,
    private readonly scopes: ScopeTable,
    private readonly evaluatesAnnotations: boolean,
    private readonly moduleLevel: boolean,
  ) {}

  block(stmts: py.Stmt[], state: State): State {
    for (const s of stmts) state = this.stmt(s, state);
    return state;
  }

  private read(node: py.Node, name: string, state: State): void {
    if (state === null || !this.tracked.has(name) || state.has(name)) return;
    for (let i = 0; i < this.shadowed.length; i++) if (this.shadowed[i].has(name)) return;
    this.reads.add(node);
    this.names.add(name);
  }

  private assign(name: string, state: State): void {
    if (state !== null && this.tracked.has(name)) state.add(name);
  }

  private unbind(name: string, state: State): void {
    if (state !== null) state.delete(name);
  }

  private stmt(s: py.Stmt, state: State): State {
    if (state === null) {
      // Unreachable code still gets visited for nested loops' bookkeeping, with nothing to report.
      return null;
    }
    switch (s._type) {
      case "Assign":
        this.expr(s.value, state);
        for (const t of s.targets) this.target(t, state);
        return state;
      case "AnnAssign":
        if (s.value) {
          this.expr(s.value, state);
          this.target(s.target, state);
        }
        if (this.evaluatesAnnotations && (this.moduleLevel || this.classDepth > 0)) this.expr(s.annotation, state);
        return state;
      case "AugAssign":
        if (s.target._type === "Name") this.read(s.target, s.target.id, state);
        else this.target(s.target, state);
        this.expr(s.value, state);
        return state;
      case "Delete":
        for (const t of s.targets) {
          if (t._type === "Name") this.unbind(t.id, state);
          else this.expr(t, state);
        }
        return state;
      case "If": {
        this.expr(s.test, state);
        const then = this.block(s.body, new Set(state));
        const orelse = this.block(s.orelse, new Set(state));
        return join(then, orelse);
      }
      case "While":
        return this.loop(
          s,
          state,
          (st) => this.expr(s.test, st),
          () => {},
          isConstantTrue(s.test),
        );
      case "For":
      case "AsyncFor":
        this.expr(s.iter, state);
        return this.loop(
          s,
          state,
          () => {},
          (st) => this.target(s.target, st),
          false,
        );
      case "Break":
        this.loops[this.loops.length - 1].breaks = join(this.loops[this.loops.length - 1].breaks, state);
        return null;
      case "Continue":
        this.loops[this.loops.length - 1].continues = join(this.loops[this.loops.length - 1].continues, state);
        return null;
      case "Return":
        if (s.value) this.expr(s.value, state);
        return null;
      case "Raise":
        if (s.exc) this.expr(s.exc, state);
        if (s.cause) this.expr(s.cause, state);
        return null;
      case "Try":
      case "TryStar":
        return this.tryStmt(s, state);
      case "With":
      case "AsyncWith": {
        for (const item of s.items) {
          this.expr(item.context_expr, state);
          if (item.optional_vars) this.target(item.optional_vars, state);
        }
        const after = this.block(s.body, new Set(state));
        if (s.items.every((item) => neverSuppresses(item.context_expr))) return after;
        const before = new Set(state);
        for (const n of unboundIn(s.body)) before.delete(n);
        // The body ran to the end, or a context manager suppressed an exception somewhere in it.
        return after === null ? before : join(after, before);
      }
      case "Match":
        return this.match(s, state);
      case "TypeAlias":
        // The value is evaluated later, when first read (like a function body).
        if (s.name._type === "Name") this.assign(s.name.id, state);
        return state;
      case "FunctionDef":
      case "AsyncFunctionDef":
        for (const d of s.decorator_list) this.expr(d, state);
        this.defaults(s.args, state);
        // PEP 695 type parameters (`def f[T](x: T)`) are the def's own names, not this scope's.
        this.shadowed.push(typeParamNames(s));
        if (this.evaluatesAnnotations) for (const a of signatureAnnotations(s)) this.expr(a, state);
        this.shadowed.pop();
        this.assign(s.name, state);
        return state;
      case "ClassDef":
        for (const d of s.decorator_list) this.expr(d, state);
        this.shadowed.push(typeParamNames(s));
        for (const b of s.bases) this.expr(b, state);
        for (const k of s.keywords) this.expr(k.value, state);
        this.classBody(s, state);
        this.shadowed.pop();
        this.assign(s.name, state);
        return state;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) if (a.name !== "*") this.assign(a.asname ?? a.name.split(".")[0], state);
        return state;
      case "Global":
      case "Nonlocal":
      case "Pass":
        return state;
      default:
        // Expr, Assert and anything else made of expressions only.
        forEachChildWith(s, Analysis.stmtChild, this, state);
        return state;
    }
  }

  private loop(
    s: py.While | py.For | py.AsyncFor,
    entry: Set<string>,
    test: (st: Set<string>) => void,
    bindTarget: (st: Set<string>) => void,
    infinite: boolean,
  ): State {
    // Iterate until the state at the top of the body stops shrinking.
    let top: Set<string> = new Set(entry);
    let frame: Loop;
    let end: State;
    for (;;) {
      frame = { breaks: null, continues: null };
      this.loops.push(frame);
      const st = new Set(top);
      test(st);
      bindTarget(st);
      end = this.block(s.body, st);
      this.loops.pop();
      const next = join(join(entry, end), frame.continues) ?? new Set(entry);
      if (same(next, top)) break;
      top = next;
    }
    // The loop ends when its test fails (or its iterator is exhausted) at the top, or by `break`.
    const exhausted: State = infinite
      ? null
      : (() => {
          const st = new Set(top);
          test(st);
          return st;
        })();
    const afterElse = exhausted === null ? null : this.block(s.orelse, exhausted);
    return join(afterElse, frame.breaks);
  }

  private tryStmt(s: py.Try | py.TryStar, entry: Set<string>): State {
    // An exception may come from anywhere in the body: a handler starts from what was assigned
    // before the `try`, minus anything the body may unbind.
    const atRaise = new Set(entry);
    for (const n of unboundIn(s.body)) atRaise.delete(n);
    let normal = this.block(s.body, new Set(entry));
    normal = this.block(s.orelse, normal);
    let after = normal;
    for (const h of s.handlers) {
      const st = new Set(atRaise);
      if (h.type) this.expr(h.type, st);
      if (h.name) this.assign(h.name, st);
      const end = this.block(h.body, st);
      // CPython deletes the `as` name when the handler ends.
      if (h.name && end !== null) end.delete(h.name);
      after = join(after, end);
    }
    if (!s.finalbody.length) return after;
    // `finally` also runs while an exception (or a return) is on its way out.
    const onExit = new Set(atRaise);
    for (const n of [...unboundIn(s.orelse), ...s.handlers.flatMap((h) => [...unboundIn(h.body), ...(h.name ? [h.name] : [])])]) onExit.delete(n);
    this.block(s.finalbody, onExit);
    return after === null ? null : this.block(s.finalbody, after);
  }

  private match(s: py.Match, state: Set<string>): State {
    this.expr(s.subject, state);
    let after: State = null;
    let exhaustive = false;
    for (const c of s.cases) {
      const st = new Set(state);
      this.pattern(c.pattern, st);
      if (c.guard) this.expr(c.guard, st);
      after = join(after, this.block(c.body, st));
      if (!c.guard && irrefutable(c.pattern)) exhaustive = true;
    }
    return exhaustive ? after : join(after, state);
  }

  private pattern(p: py.Pattern, state: Set<string>): void {
    switch (p._type) {
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern, state);
        if (p.name) this.assign(p.name, state);
        return;
      case "MatchStar":
        if (p.name) this.assign(p.name, state);
        return;
      case "MatchMapping":
        for (const k of p.keys) this.expr(k, state);
        for (const q of p.patterns) this.pattern(q, state);
        if (p.rest) this.assign(p.rest, state);
        return;
      case "MatchOr": {
        // Every alternative binds the same names (a syntax rule), so any one of them tells.
        let all: State = null;
        for (const q of p.patterns) {
          const st = new Set(state);
          this.pattern(q, st);
          all = join(all, st);
        }
        if (all) for (const n of all) state.add(n);
        return;
      }
      default:
        forEachChild(p, (c) => {
          if ((c as py.Node)._type.startsWith("Match")) this.pattern(c as py.Pattern, state);
          else this.expr(c as py.ExprNode, state);
        });
    }
  }

  /**
   * A class body runs when its statement does: its reads of this scope's names (not the names
   * the body binds itself, which it finds in its own namespace) are reads here. What it binds
   * goes to the class, so the state it changes is a copy.
   */
  private classBody(c: py.ClassDef, state: State): void {
    if (state === null) return;
    this.shadowed.push((this.scopes.get(c) as Scope | undefined)?.bound ?? new Set());
    this.classDepth++;
    try {
      this.block(c.body, classBodyState(c, state));
    } finally {
      this.classDepth--;
      this.shadowed.pop();
    }
  }

  private defaults(args: py.Arguments, state: State): void {
    for (const d of args.defaults) this.expr(d, state);
    for (const d of args.kw_defaults) if (d) this.expr(d, state);
  }

  /** An assignment target: subscripts and attributes read their object; names become assigned. */
  private target(t: py.ExprNode, state: State): void {
    switch (t._type) {
      case "Name":
        this.assign(t.id, state);
        return;
      case "Tuple":
      case "List":
        for (const e of t.elts) this.target(e, state);
        return;
      case "Starred":
        this.target(t.value, state);
        return;
      default:
        this.expr(t, state);
    }
  }

  private expr(e: py.ExprNode, state: State): void {
    if (state === null) return;
    switch (e._type) {
      case "Name":
        if (e.ctx._type === "Load") this.read(e, e.id, state);
        return;
      case "NamedExpr":
        this.expr(e.value, state);
        this.target(e.target, state);
        return;
      case "BoolOp": {
        // Only the first operand always runs: a walrus in a later one may not have happened.
        this.expr(e.values[0], state);
        for (const v of e.values.slice(1)) this.expr(v, new Set(state));
        return;
      }
      case "IfExp": {
        this.expr(e.test, state);
        const a = new Set(state);
        const b = new Set(state);
        this.expr(e.body, a);
        this.expr(e.orelse, b);
        for (const n of join(a, b)!) state.add(n);
        return;
      }
      case "Lambda":
        // The body runs later; only the defaults are evaluated here.
        this.defaults(e.args, state);
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
      case "DictComp": {
        const scope = this.scopes.get(e) as Scope | undefined;
        const [first, ...rest] = e.generators;
        this.expr(first.iter, state);
        this.shadowed.push(scope?.bound ?? new Set());
        // A generator expression's body runs later, but reading outer names there is still a read
        // of this scope's variables: checking with the current state is the safe side.
        const st = new Set(state);
        for (const g of [first, ...rest]) {
          if (g !== first) this.expr(g.iter, st);
          for (const c of g.ifs) this.expr(c, st);
        }
        if (e._type === "DictComp") {
          this.expr(e.key, st);
          this.expr(e.value, st);
        } else this.expr(e.elt, st);
        this.shadowed.pop();
        return;
      }
      default:
        forEachChildWith(e, Analysis.exprChild, this, state);
    }
  }

  /** A child of a statement made of expressions only (one function for all: no closure per statement). */
  private static stmtChild(c: py.Node, a: Analysis, state: State): void {
    if ("lineno" in c) a.expr(c as py.ExprNode, state);
  }

  /** A child of an expression (one function for all: no closure per node). */
  private static exprChild(c: py.Node, a: Analysis, state: State): void {
    // Operators and contexts carry no position: they are not expressions.
    if (c._type === "keyword") a.expr((c as py.Keyword).value, state);
    else if ("lineno" in c) a.expr(c as py.ExprNode, state);
  }
}

/**
 * The state a class body starts from: a copy of `state`, restricted to the names the body can read
 * when the module has many (copying every module-level name per class was quadratic). What the
 * body then assigns, unbinds and joins changes those names the same way, so its reads are the same;
 * the whole copy when a `break`/`continue` in the body leaves it (its state flows out to the loop).
 */
function classBodyState(c: py.ClassDef, state: Set<string>): Set<string> {
  if (state.size <= 32) return new Set(state);
  const names = classBodyNames(c);
  if (!names || names.size >= state.size) return new Set(state);
  const out = new Set<string>();
  for (const n of names) if (state.has(n)) out.add(n);
  return out;
}

/** Every name a class body's own code mentions (method bodies aside), or null when a `break` or `continue` in it belongs to a loop outside it. */
function classBodyNames(c: py.ClassDef): Set<string> | null {
  const found: ClassBodyNames = { names: new Set(), escapes: false };
  for (const s of c.body) visitClassBody(s, false, found);
  return found.escapes ? null : found.names;
}

/** What classBodyNames gathers: the names mentioned, and whether a `break`/`continue` leaves the body. */
interface ClassBodyNames {
  names: Set<string>;
  escapes: boolean;
}

/** classBodyNames' visit, with its state passed along (no closure per node). */
function visitClassBody(n: py.Node, inLoop: boolean, found: ClassBodyNames): void {
  switch (n._type) {
    case "Name":
      found.names.add(n.id);
      return;
    case "Break":
    case "Continue":
      if (!inLoop) found.escapes = true;
      return;
    case "FunctionDef":
    case "AsyncFunctionDef":
      // (its body runs later: only the decorators, defaults and annotations are read here)
      for (const d of n.decorator_list) visitClassBody(d, inLoop, found);
      visitClassBody(n.args, inLoop, found);
      if (n.returns) visitClassBody(n.returns, inLoop, found);
      for (const t of n.type_params) visitClassBody(t, inLoop, found);
      return;
    case "For":
    case "AsyncFor":
      visitClassBody(n.target, inLoop, found);
      visitClassBody(n.iter, inLoop, found);
      for (const s of n.body) visitClassBody(s, true, found);
      // (a `break` in the `else` block leaves the enclosing loop)
      for (const s of n.orelse) visitClassBody(s, inLoop, found);
      return;
    case "While":
      visitClassBody(n.test, inLoop, found);
      for (const s of n.body) visitClassBody(s, true, found);
      for (const s of n.orelse) visitClassBody(s, inLoop, found);
      return;
    default:
      forEachChildWith(n, visitClassBody, inLoop, found);
  }
}

/** asyncio's own context managers that never swallow an exception (by their usual spelling). */
const NON_SUPPRESSING = new Set(["TaskGroup", "timeout", "timeout_at"]);
function neverSuppresses(e: py.ExprNode): boolean {
  if (e._type !== "Call") return false;
  const f = e.func;
  if (f._type === "Attribute") return f.value._type === "Name" && f.value.id === "asyncio" && NON_SUPPRESSING.has(f.attr);
  return f._type === "Name" && f.id === "open";
}

function isConstantTrue(e: py.ExprNode): boolean {
  return e._type === "Constant" && (e.value === true || (typeof e.value === "bigint" && e.value !== 0n));
}

function irrefutable(p: py.Pattern): boolean {
  if (p._type === "MatchAs") return p.pattern === null || irrefutable(p.pattern);
  if (p._type === "MatchOr") return p.patterns.some(irrefutable);
  return false;
}

/** Names that `del` or an `except ... as` may unbind somewhere in these statements (not in nested scopes). */
function unboundIn(stmts: py.Stmt[]): Set<string> {
  const out = new Set<string>();
  for (const s of stmts) unboundVisit(s, out, null);
  return out;
}

function unboundVisit(n: py.Node, out: Set<string>, _: null): void {
  if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda") return;
  if (n._type === "Delete") for (const t of n.targets) if (t._type === "Name") out.add(t.id);
  if (n._type === "ExceptHandler" && n.name) out.add(n.name);
  forEachChildWith(n, unboundVisit, out, null);
}

/** The annotations CPython evaluates when a def statement runs: its parameters' and its return's. */
export function signatureAnnotations(f: py.FunctionDef | py.AsyncFunctionDef): py.ExprNode[] {
  const out: py.ExprNode[] = [];
  for (const p of allArgs(f.args)) if (p.annotation) out.push(p.annotation);
  if (f.returns) out.push(f.returns);
  return out;
}

function typeParamNames(s: py.FunctionDef | py.AsyncFunctionDef | py.ClassDef): Set<string> {
  return new Set((s.type_params ?? []).map((p) => p.name));
}
