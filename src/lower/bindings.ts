// Python names ⇒ JS declarations: where each local is declared (`const` at its first assignment, a
// `let` hoisted to the top, `const` in a `for` head), assignment to every kind of target, and unbinding.
//
//   def f(xs):              | function f(xs: any): any {
//       n = len(xs)         |   let a: any, b: any, _t: any;
//       a, b = xs           |   let n: any = len(xs);
//       del n               |   _t = unpack(xs, 2n, null);
//                           |   a = _t[0];
//                           |   b = _t[1];
//                           |   n = undefined;

import { signatureAnnotations } from "./definite-assignment.js";
import type * as py from "../ast/nodes.js";
import { directWrite } from "./plain-access.js";
import type * as ir from "../ir/nodes.js";
import { array, assignStmt, call, exprStmt, id, index, lit, member } from "../ir/nodes.js";
import { dictReceiver, provenDict } from "./dict-access.js";
import { jsMemberName, type LowerContext, safeName, safeProp } from "./context.js";
import { resolveName } from "./scopes.js";
import { RUNTIME } from "./stdlib.js";
import { forEachChildWith, walk } from "../ast/walk.js";
import { functionLocals } from "./analysis.js";
import { boundOtherwise, simpleBinding } from "./syntax.js";
import { importedFromSeveral } from "./conditional-imports.js";
import { markTarget, markUnpack } from "./positions.js";
import { callsLocals } from "./locals-call.js";

/**
 * Lowers a function's (or the module's) statements, with Python's function-wide locals declared
 * where a reader expects them: at the first assignment when it is a plain top-level statement,
 * otherwise hoisted to the top as `let x: any;`.
 */
export function functionBody(cx: LowerContext, stmts: py.Stmt[], extra: ir.Stmt[] = []): ir.Stmt[] {
  const scope = cx.fn.scope;
  const locals = functionLocals(scope, cx.known);
  // A module name imported from the runtime and also bound otherwise (`except ImportError: Deque =
  // deque`) is a variable the import assigns (imports.ts): declared like the other locals.
  if (scope.kind === "module")
    for (const n of scope.bound)
      if (
        !locals.includes(n) &&
        (scope.bindCount.get(n) ?? 0) > 1 &&
        cx.knownIn(scope).get(n)?.kind === "runtime-name" &&
        (boundOtherwise(cx.module.body, n) || importedFromSeveral(cx, n))
      )
        locals.push(n);
  // A name patch('__main__.NAME') may replace is declared at the top, so `__main__`'s setter can assign it.
  const patchable = scope.kind === "module" ? cx.analysis.mainPatchNames : NO_NAMES;
  // (`locals()` reads every variable: all are declared at the top, none in a block or as a loop's const)
  const allAtTop = scope.kind !== "module" && callsLocals(cx, scope);
  const declareHere = allAtTop
    ? new Set<string>()
    : declarableAtFirstAssignment(stmts, new Set(patchable.size ? locals.filter((n) => !patchable.has(n)) : locals), cx.analysis.evaluatesAnnotations);
  const hoisted = locals.filter((n) => allAtTop || (!declareHere.has(n) && !loopOnlyNames(cx, stmts).has(n)));
  for (const n of hoisted) cx.fn.declared.add(n);
  // Reads that may find their name unbound (found by the analysis pass) get a check; those names start out UNBOUND.
  cx.fn.unbound = cx.analysis.unbound.get(scope.node)!;
  const body: ir.Stmt[] = [];
  for (const s of stmts) body.push(...cx.stmtSafe(s));
  const head: ir.Stmt[] = [];
  const startUnbound = hoisted.filter((n) => cx.fn.unbound!.names.has(n));
  const toDeclare = [...hoisted.filter((n) => !startUnbound.includes(n)).map(safeName), ...cx.fn.temps];
  if (toDeclare.length) head.push({ k: "vars", names: toDeclare.map((name) => ({ name, type: "any" })) });
  for (const n of startUnbound) head.push({ k: "var", decl: "let", name: safeName(n), type: "any", init: cx.unboundMarker() });
  return head.length || extra.length ? [...head, ...extra, ...body] : body;
}

/** (shared, never added to: a def's names patch() may replace) */
const NO_NAMES: ReadonlySet<string> = new Set();

/** Names whose first appearance is a top-level assignment statement of this body. */
export function declarableAtFirstAssignment(stmts: py.Stmt[], locals: Set<string>, annotations = false): Set<string> {
  const here = new Set<string>();
  const seen = new Set<string>();
  // Statements after the last candidate assignment cannot change the answer: not walked.
  let last = -1;
  for (let i = 0; i < stmts.length; i++) {
    const target = simpleBinding(stmts[i]);
    if (target && locals.has(target)) last = i;
  }
  for (let i = 0; i <= last; i++) {
    const s = stmts[i];
    const target = simpleBinding(s);
    if (target && locals.has(target) && !seen.has(target) && !classReadsOwnName(s, target)) here.add(target);
    namesSeenIn(s, seen, annotations);
    if (target) seen.add(target);
  }
  return here;
}

/** `class K(K)`: the class statement reads the name it binds (the earlier K, or the builtin) before binding it. */
function classReadsOwnName(s: py.Stmt, name: string): boolean {
  if (s._type !== "ClassDef") return false;
  const seen = new Set<string>();
  for (const e of [...s.decorator_list, ...s.bases, ...s.keywords.map((k) => k.value)]) nestedNamesSeen(e, seen, false);
  return seen.has(name);
}

// The walks below are visitors with their state passed along (no closure per statement or node).

/** Adds to `seen` the names statement `s` reads or binds when it runs (not inside the functions it defines). */
function namesSeenIn(s: py.Stmt, seen: Set<string>, annotations: boolean): void {
  switch (s._type) {
    case "ClassDef":
      classBodyReads(s, seen, annotations);
      return;
    // A `type` statement's value is evaluated when first read.
    case "TypeAlias":
      return;
    case "FunctionDef":
    case "AsyncFunctionDef":
      runsAtDef(s, seen, annotations);
      return;
  }
  // (a module-level annotation, evaluated when its statement runs, is a child like any other)
  forEachChildWith(s, nestedNamesSeen, seen, annotations);
}

function nestedNamesSeen(n: py.Node, seen: Set<string>, annotations: boolean): void {
  switch (n._type) {
    case "Name":
      seen.add(n.id);
      return;
    // A def, class or import inside a block binds its name there, before any later top-level binding.
    // Names read inside nested functions are read when those run, not here.
    case "FunctionDef":
    case "AsyncFunctionDef":
      seen.add(n.name);
      return;
    case "ClassDef":
      seen.add(n.name);
      classBodyReads(n, seen, annotations);
      return;
    case "Import":
    case "ImportFrom":
      for (const a of n.names) seen.add(a.asname ?? a.name.split(".")[0]);
      return;
    case "Lambda":
    case "TypeAlias":
      return;
  }
  forEachChildWith(n, nestedNamesSeen, seen, annotations);
}

/** The names of a def statement's parts that run with it: decorators, defaults, and annotations when evaluated. */
function runsAtDef(d: py.FunctionDef | py.AsyncFunctionDef, seen: Set<string>, annotations: boolean): void {
  for (const e of d.decorator_list) allNames(e, seen, null);
  for (const e of d.args.defaults) allNames(e, seen, null);
  if (annotations) for (const e of signatureAnnotations(d)) allNames(e, seen, null);
}

function allNames(n: py.Node, seen: Set<string>, _: null): void {
  if (n._type === "Name") seen.add(n.id);
  else forEachChildWith(n, allNames, seen, _);
}

/**
 * The names a class statement reads while it runs: its decorators, bases and keywords, and the
 * loads of its body (a store there binds a class attribute, and tsyncio never evaluates
 * annotations), not inside the methods.
 */
function classBodyReads(c: py.ClassDef, seen: Set<string>, annotations: boolean): void {
  for (const e of c.decorator_list) loadsIn(e, seen, annotations);
  for (const e of c.bases) loadsIn(e, seen, annotations);
  for (const k of c.keywords) loadsIn(k.value, seen, annotations);
  for (const b of c.body) loadsIn(b, seen, annotations);
}

function loadsIn(m: py.Node, seen: Set<string>, annotations: boolean): void {
  switch (m._type) {
    case "Name":
      if (m.ctx._type === "Load") seen.add(m.id);
      return;
    case "FunctionDef":
    case "AsyncFunctionDef":
      runsAtDef(m, seen, annotations);
      return;
    case "Lambda":
      return;
    case "ClassDef":
      classBodyReads(m, seen, annotations);
      return;
    case "AnnAssign":
      if (m.value) loadsIn(m.value, seen, annotations);
      if (annotations) loadsIn(m.annotation, seen, annotations);
      return;
  }
  forEachChildWith(m, loadsIn, seen, annotations);
}

export function loopOnlyNames(cx: LowerContext, stmts: py.Stmt[]): Set<string> {
  let result = cx.loopOnly.get(stmts);
  if (result) return result;
  result = new Set();
  const scope = cx.fn.scope;
  // Names a loop target may have to qualify: the targets of this function's own `for NAME` loops
  // (found first: most bodies have none) bound once, by this scope alone.
  const possible = new Set<string>();
  if (scope.kind !== "module") {
    ownLoopTargets(stmts, possible);
    for (const name of possible)
      if (
        scope.bindCount.get(name) !== 1 ||
        scope.captured.has(name) ||
        scope.writtenElsewhere.has(name) ||
        scope.globals.has(name) ||
        scope.nonlocals.has(name)
      )
        possible.delete(name);
  }
  if (possible.size > 0) {
    // One walk: every occurrence of those names (nested functions included) and, for each
    // `for NAME` loop of this function's own code (not of nested ones), the occurrences in its body.
    const w: LoopOnlyWalk = { possible, occurrences: new Map(), loops: [] };
    for (const st of stmts) loopOnlyStep(st, false, w);
    for (const { name, inside } of w.loops) if ((w.occurrences.get(name) ?? 0) === inside + 1) result.add(name);
  }
  cx.loopOnly.set(stmts, result);
  return result;
}

/** loopOnlyNames' walk (a module-level step: a closure per body lost its optimized code at every full GC). */
interface LoopOnlyWalk {
  possible: Set<string>;
  occurrences: Map<string, number>;
  loops: { name: string; inside: number }[];
}

function loopOnlyStep(n: py.Node, nested: boolean, w: LoopOnlyWalk): void {
  const { possible, occurrences } = w;
  if (n._type === "Name") {
    if (possible.has(n.id)) occurrences.set(n.id, (occurrences.get(n.id) ?? 0) + 1);
    return;
  }
  if (!nested && n._type === "For" && n.target._type === "Name" && possible.has(n.target.id)) {
    const name = n.target.id;
    const loop = { name, inside: 0 };
    w.loops.push(loop);
    loopOnlyStep(n.target, false, w);
    loopOnlyStep(n.iter, false, w);
    const before = occurrences.get(name) ?? 0;
    for (const b of n.body) loopOnlyStep(b, false, w);
    loop.inside = (occurrences.get(name) ?? 0) - before;
    for (const b of n.orelse) loopOnlyStep(b, false, w);
    return;
  }
  const inner = nested || n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda";
  forEachChildWith(n, loopOnlyStep, inner, w);
}

/** Adds the targets of the `for NAME` loops in these statements (not in nested defs or classes) to `out`. */
function ownLoopTargets(stmts: py.Stmt[], out: Set<string>): void {
  for (const s of stmts) {
    switch (s._type) {
      case "For":
        if (s.target._type === "Name") out.add(s.target.id);
        ownLoopTargets(s.body, out);
        ownLoopTargets(s.orelse, out);
        break;
      case "AsyncFor":
      case "While":
      case "If":
        ownLoopTargets(s.body, out);
        ownLoopTargets(s.orelse, out);
        break;
      case "With":
      case "AsyncWith":
        ownLoopTargets(s.body, out);
        break;
      case "Try":
      case "TryStar":
        ownLoopTargets(s.body, out);
        for (const h of s.handlers) ownLoopTargets(h.body, out);
        ownLoopTargets(s.orelse, out);
        ownLoopTargets(s.finalbody, out);
        break;
      case "Match":
        for (const c of s.cases) ownLoopTargets(c.body, out);
        break;
    }
  }
}

/**
 * The TS type of a name whose every binding inference proves an int, float, str, bool, list or
 * dict (`n = len(xs)`: `bigint`; `count = 0` then `count = count + 1`: `bigint`), for readers and
 * tsc; other names stay `any` (a Python value flows anywhere: a bool where an int is annotated, a
 * name rebound with what TS types otherwise). Not a copy of another name (`value = start`), whose
 * TS type is its annotation's (a TypeVar's, say).
 */
function provenLocalType(cx: LowerContext, target: py.Name, value: ir.Expr): string | undefined {
  const binds = cx.fn.scope.bindCount.get(target.id) ?? 0;
  if (value.k === "id" || binds < 1 || cx.fn.scope.deleted.has(target.id)) return undefined;
  // (a plain literal bound once keeps the default: a const of it is typed by its value already)
  if (binds === 1 && value.k === "lit") return undefined;
  // (an imported module's variables may be set from elsewhere, with anything)
  if (binds > 1 && cx.moduleForm && cx.fn.scope.kind === "module") return undefined;
  const t = cx.typeOfExpr(target);
  switch (t) {
    case "int":
      return "bigint";
    case "float":
      return "number";
    case "str":
      return "string";
    // (a bool flows legally where `int` is annotated, which TS types bigint: only a name every
    // binding of which is a plain truth value, `done = False`, `done = n > 3`)
    case "bool":
      return plainBoolBindings(cx.fn.scope.node, target.id, binds) ? "boolean" : undefined;
    // (bound once: TS's inference from the value, the runtime's PyList<any> or PyDict<K, V>, says it)
    case "list":
      return binds === 1 ? "" : `${cx.imports.type("PyList", RUNTIME)}<any>`;
    case "dict":
      return binds === 1 ? "" : `${cx.imports.type("PyDict", RUNTIME)}<any, any>`;
  }
  return undefined;
}

/** Whether a scope's `binds` bindings of `name` are all `name = <a literal bool, comparison or not>`. */
function plainBoolBindings(scope: py.Node, name: string, binds: number): boolean {
  const plain = (e: py.ExprNode): boolean =>
    (e._type === "Constant" && typeof e.value === "boolean") ||
    e._type === "Compare" ||
    (e._type === "UnaryOp" && e.op._type === "Not") ||
    (e._type === "BoolOp" && e.values.every(plain));
  let found = 0;
  let allPlain = true;
  walk(scope, (n) => {
    if (n !== scope && (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda" || n._type === "ClassDef")) return false;
    if (n._type === "Assign" && n.targets.length === 1 && n.targets[0]._type === "Name" && n.targets[0].id === name) {
      found++;
      allPlain &&= plain(n.value);
    }
    return undefined;
  });
  return allPlain && found === binds;
}

/** `let`/`const` for the first assignment of a name, or a plain assignment once declared. */
/** `type`: the TS type to declare (default: `any` unless a plain literal); "" lets TS infer it from a const's value. */
export function assignName(cx: LowerContext, name: string, value: ir.Expr, line: number, type?: string): ir.Stmt {
  const scope = cx.fn.scope;
  const js = safeName(name);
  const r = resolveName(scope, name, cx.scopes);
  const ownScope = r.scope === scope && (r.where === "local" || (scope.kind === "module" && r.where === "global"));
  if (!ownScope || cx.fn.declared.has(name)) {
    // (`global x` in a function inside another whose own x hides the module's in JS)
    const hidden = r.where === "global" && scope.kind !== "module" ? cx.moduleVariableWrite(name, scope, value) : null;
    return hidden ? exprStmt(hidden, line) : assignStmt(id(js), value, line);
  }
  cx.fn.declared.add(name);
  // An imported module's variables stay assignable: other modules may set them (`config.debug = True`).
  const once = (scope.bindCount.get(name) ?? 0) === 1 && !scope.writtenElsewhere.has(name) && !(cx.moduleForm && scope.kind === "module");
  // Python values flow anywhere: a name is `any` unless it holds a plain literal (or the program
  // annotated it), so what TS would infer from one use never rejects another.
  const declared =
    type ?? (once && value.k === "lit" && value.value !== null && value.value !== undefined ? undefined : once && value.k === "template" ? undefined : "any");
  return once
    ? { k: "var", decl: "const", name: js, type: declared, init: value, line }
    : { k: "var", decl: "let", name: js, type: type ?? "any", init: value, line };
}

export function assignTo(cx: LowerContext, target: py.ExprNode, value: ir.Expr, line: number): ir.Stmt[] {
  switch (target._type) {
    case "Name":
      return [assignName(cx, target.id, value, line, provenLocalType(cx, target, value))];
    case "Attribute":
      // `builtins.print = f` changes what every module's bare `print` calls in CPython; here the
      // builtins are the runtime's own functions: refused rather than silently not patched.
      if (
        target.value._type === "Name" &&
        cx.lookupKnown(target.value.id)?.kind === "module" &&
        (cx.lookupKnown(target.value.id) as { name?: string }).name === "builtins"
      )
        return cx.diags.error(target, "TSY1001", { construct: "assigning to an attribute of the builtins module" });
      // (`a.__dict__ = b.__dict__ = d`, `for o.__dict__ in ...`: a dict that may be shared)
      if (target.attr === "__dict__") return [exprStmt(cx.rt("set_instance_dict", cx.expr(target.value), value, lit(false)), line)];
      // `cls.x = v` in a classmethod: a class attribute, which instances must see too (setattr's class hook).
      if (
        (isSelf(cx, target.value) && !cx.fn.selfIsClass && !cx.fn.selfHasSetattr && !keptAside(cx, target.attr)) ||
        directWrite(cx, target.value, target.attr)
      )
        return [assignStmt(attributeTarget(cx, target), value, line)];
      return [exprStmt(markTarget(cx.rt("setattr", cx.expr(target.value), lit(target.attr), value), target), line)];
    case "Subscript": {
      const obj = cx.expr(target.value);
      if (target.slice._type === "Slice") {
        const sl = target.slice;
        return [exprStmt(cx.rt("setslice", obj, cx.optExpr(sl.lower), cx.optExpr(sl.upper), cx.optExpr(sl.step), value), line)];
      }
      if (provenDict(cx, target.value))
        return [exprStmt(markTarget(call(member(dictReceiver(cx, target.value, obj), "__setitem__"), cx.expr(target.slice), value), target), line)];
      return [exprStmt(markTarget(cx.rt("setitem", obj, cx.expr(target.slice), value), target), line)];
    }
    case "Tuple":
    case "List": {
      // Unpack into a temporary array first (Python checks the length), then assign each target:
      // a, b = value → _t = unpack(value, 2n, null); a = _t[0]; b = _t[1]. Not a JS destructuring
      // `[a, b] = unpack(...)`, which walks the array with an iterator object (~40 ns more per
      // statement; 15 % of a loop that unpacks two 4-tuples).
      const t = cx.temp();
      let star = -1;
      for (let i = 0; i < target.elts.length && star < 0; i++) if (target.elts[i]._type === "Starred") star = i;
      const unpacked = markUnpack(cx.rt("unpack", value, lit(BigInt(target.elts.length)), lit(star < 0 ? null : BigInt(star))), target);
      const out: ir.Stmt[] = [assignStmt(id(t), unpacked, line)];
      for (let i = 0; i < target.elts.length; i++) {
        const elt = target.elts[i];
        const item: ir.Expr = index(id(t), lit(i));
        out.push(...assignTo(cx, elt._type === "Starred" ? elt.value : elt, item, line));
      }
      return out;
    }
    case "Starred":
      return cx.diags.error(target, "TSY1002");
    default:
      return cx.diags.error(target, "TSY1003", { target: target._type });
  }
}

/** `self.size = v` in a subclass of a runtime class: the runtime keeps it aside from the base's JS member (setattr). */
export function keptAside(cx: LowerContext, attr: string): boolean {
  return !!cx.fn.selfOnRuntimeBase && jsMemberName(attr);
}

export function isSelf(cx: LowerContext, e: py.ExprNode): boolean {
  return e._type === "Name" && !!cx.fn.selfName && e.id === cx.fn.selfName;
}

/** `[a, b, this.c]` for a tuple target of plain names and attributes (JS can destructure into those). */
export function destructuringPattern(cx: LowerContext, target: py.Tuple | py.List): ir.Expr | null {
  const elements: ir.Expr[] = [];
  for (const e of target.elts) {
    const inner = e._type === "Starred" ? e.value : e;
    if (inner._type === "Name") {
      ensureDeclared(cx, inner.id);
      elements.push(id(safeName(inner.id)));
    } else if (inner._type === "Attribute" && isSelf(cx, inner.value) && !cx.fn.selfHasSetattr && !keptAside(cx, inner.attr))
      elements.push(attributeTarget(cx, inner));
    else return null;
  }
  return array(elements);
}

export function attributeTarget(cx: LowerContext, t: py.Attribute): ir.Expr {
  return member(cx.expr(t.value), safeProp(t.attr));
}

export function ensureDeclared(cx: LowerContext, name: string): void {
  if (cx.fn.declared.has(name)) return;
  const r = resolveName(cx.fn.scope, name, cx.scopes);
  if (r.scope !== cx.fn.scope) return;
  cx.fn.declared.add(name);
  cx.fn.temps.push(safeName(name));
}

/** `del x` and the end of `except ... as x`: x becomes unbound (only tracked when something may read it). */
export function unbindName(cx: LowerContext, name: string, line?: number): ir.Stmt {
  const unbound = cx.fn.unbound?.names.has(name) ? cx.unboundMarker() : lit(undefined);
  return assignStmt(id(safeName(name)), unbound, line);
}
