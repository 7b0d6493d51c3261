// `globals()`: a dict of the module's namespace, made when the call runs. Translated code keeps
// module-level names as JS variables, so the call passes each name the module binds (in the
// order the module first binds them) with a function reading its variable; the runtime leaves out
// those not bound yet (program-globals.ts). CPython's fixed entries come first.
//
//   x = 1                  | const x = 1n;
//   def names():           | function names() {
//       return globals()   |   return globals_of([["__name__", __name__], ...], ["x", "names"], () => x, () => names); }
//
// The dict is a snapshot: a write through it would not reach the variables, so a store into the
// call's result as written (`globals()[k] = v`, `del globals()[k]`, `globals().update(...)`) is a
// diagnostic. A write through an alias (`g = globals(); g[k] = v`) is not seen: not handled.

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, lit } from "../ir/nodes.js";
import { walk } from "../ast/walk.js";
import type { LowerContext } from "./context.js";
import { annotationText } from "./annotation-text.js";
import { resolveName, type Scope } from "./scopes.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";

/** Methods that change a dict: called on `globals()` itself they would change nothing. */
const MUTATORS = new Set(["update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__", "__ior__"]);

const writesByModule = new WeakMap<py.Module, Set<py.Call>>();

/** The `globals()` calls of the module whose result is written to as written. */
function writtenCalls(module: py.Module): Set<py.Call> {
  let found = writesByModule.get(module);
  if (found) return found;
  found = new Set();
  walk(module, (n) => {
    if (n._type === "Subscript" && n.ctx._type !== "Load" && n.value._type === "Call") found.add(n.value);
    if (n._type === "Attribute" && MUTATORS.has(n.attr) && n.value._type === "Call") found.add(n.value);
    return true;
  });
  writesByModule.set(module, found);
  return found;
}

/** The module's docstring, as `__doc__`. */
function moduleDoc(module: py.Module): string | null {
  const first = module.body[0];
  return first?._type === "Expr" && first.value._type === "Constant" && typeof first.value.value === "string" ? first.value.value : null;
}

/**
 * `x: int = 1` at module level: the module's `__annotations__` entries. Under `from __future__
 * import annotations` their source text; otherwise their values, evaluated when globals() runs
 * (CPython evaluates them at the statement), or the text where the compiler cannot lower one.
 */
function moduleAnnotations(cx: LowerContext, asText: boolean): ir.Expr[] {
  const entries: ir.Expr[] = [];
  const value = (annotation: py.ExprNode): ir.Expr => {
    if (asText) return lit(annotationText(annotation));
    const fn = cx.fn;
    try {
      return cx.expr(annotation);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      cx.fn = fn;
      return lit(annotationText(annotation));
    }
  };
  const visit = (stmts: py.Stmt[]): void => {
    for (const s of stmts) {
      if (s._type === "AnnAssign" && s.target._type === "Name") entries.push(array([lit(s.target.id), value(s.annotation)]));
      // (annotations in a module-level if/try/with/loop body count too; not those inside defs or classes)
      else if (s._type === "If" || s._type === "For" || s._type === "While") visit([...s.body, ...s.orelse]);
      else if (s._type === "Try" || s._type === "TryStar") visit([...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody]);
      else if (s._type === "With" || s._type === "AsyncWith") visit(s.body);
    }
  };
  visit(cx.module.body);
  return entries;
}

/** Names bound by `from __future__ import ...`: translated code declares no variable for them (the runtime makes their values). */
function futureNames(module: py.Module): Set<string> {
  const names = new Set<string>();
  for (const s of module.body) if (s._type === "ImportFrom" && s.module === "__future__") for (const a of s.names) names.add(a.asname ?? a.name);
  return names;
}

/** `globals()` with no argument, in the scope being lowered. */
export function globalsCall(cx: LowerContext, e: py.Call): ir.Expr {
  if (writtenCalls(cx.module).has(e)) {
    return cx.diags.error(e, "TSY3007", { name: "globals()", why: "the module's names are JS variables: a write through the dict would not reach them" });
  }
  const module = cx.scopes.get(cx.module)!;
  const name = cx.options.module?.name ?? "__main__";
  const dot = name.lastIndexOf(".");
  const dunders: [string, ir.Expr][] = [
    ["__name__", cx.expr(nameNode(e, "__name__"))],
    ["__doc__", lit(moduleDoc(cx.module))],
    ["__package__", name === "__main__" ? lit(null) : lit(dot < 0 ? "" : name.slice(0, dot))],
    ["__loader__", cx.rt("module_dunder", lit("__loader__"))],
    ["__spec__", lit(null)],
    ["__annotations__", cx.rt("dict_of", ...moduleAnnotations(cx, !cx.analysis.evaluatesAnnotations))],
    ["__builtins__", cx.rt("module_dunder", lit("__builtins__"))],
    ["__file__", cx.fileExpr()],
    ["__cached__", lit(null)],
  ];
  const future = futureNames(cx.module);
  const fixed = new Set(dunders.map(([k]) => k));
  const names = [...module.bound, ...module.writtenElsewhere].filter((n, i, all) => all.indexOf(n) === i && !fixed.has(n));
  const reads = names.map((n): ir.Expr => ({ k: "arrow", params: [], body: future.has(n) ? cx.rt("future_feature", lit(n)) : moduleRead(cx, e, n) }));
  return cx.rt("globals_of", array(dunders.map(([k, v]) => array([lit(k), v]))), array(names.map((n) => lit(n))), ...reads);
}

/** A read of the module's variable `n` from the scope being lowered (through its accessor where a local hides it). */
function moduleRead(cx: LowerContext, at: py.Call, n: string): ir.Expr {
  const scope: Scope = cx.fn.scope;
  if (resolveName(scope, n, cx.scopes).where === "global") return cx.expr(nameNode(at, n));
  return cx.moduleVariable(n, scope);
}

function nameNode(at: py.Call, n: string): py.Name {
  return { ...at, _type: "Name", id: n, ctx: { _type: "Load" } } as unknown as py.Name;
}
