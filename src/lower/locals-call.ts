// `locals()` in a function: a dict of its variables bound at the call, as CPython's snapshot
// (parameters and locals, then the enclosing functions' variables its code reads). Every variable
// of such a function is declared at its top, so the call can name each one wherever it stands;
// one still undefined (or UNBOUND) is left out. At module level and in a class body `locals()` is
// the namespace, which translated code does not keep: a diagnostic.
//
//   def f(a):          | function f(a) { let b: any;
//       b = 2          |   b = 2n;
//       return locals()|   return locals_of(["a", "b"], a, b); }

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, id, lit } from "../ir/nodes.js";
import { type LowerContext, safeName } from "./context.js";
import { resolveName, type Scope } from "./scopes.js";

/** Whether the function of `scope` reads the builtin `locals` (a cheap test: no walk). */
export function callsLocals(cx: LowerContext, scope: Scope): boolean {
  // (`vars()` without an argument is `locals()`; a `vars(x)` also gets its variables declared at the top)
  return (
    (scope.used.has("locals") && resolveName(scope, "locals", cx.scopes).where === "builtin") ||
    (scope.used.has("vars") && resolveName(scope, "vars", cx.scopes).where === "builtin")
  );
}

/** The function's own variables (not its globals or nonlocals). */
export function localVariables(scope: Scope): string[] {
  return [...scope.bound].filter((n) => !scope.globals.has(n) && !scope.nonlocals.has(n));
}

/**
 * CPython's order of a function's variables: its parameters (positional, keyword-only, `*args`,
 * `**kwargs`), the other locals as the code first names them, then those an inner function
 * captures (cells) and last the enclosing functions' ones it reads (free), each sorted by name.
 */
function cpythonOrder(scope: Scope, own: string[], free: string[]): string[] {
  const node = scope.node as py.FunctionDef | py.AsyncFunctionDef | py.Lambda;
  const a = node.args;
  const params = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])].map((p) => p.arg);
  const rest = own.filter((n) => !params.includes(n));
  const cells = rest.filter((n) => scope.captured.has(n)).sort();
  return [...params, ...rest.filter((n) => !scope.captured.has(n)), ...cells, ...[...new Set(free)].filter((n) => !own.includes(n)).sort()];
}

/** `locals()` (or `vars()`) with no argument, in the scope being lowered. */
export function localsCall(cx: LowerContext, e: py.Call): ir.Expr {
  const scope = cx.fn.scope;
  if (scope.kind !== "function" && scope.kind !== "lambda") {
    const where = scope.kind === "comprehension" ? "a comprehension" : scope.kind === "class" ? "a class body" : "the module";
    return cx.diags.error(e, "TSY3007", { name: `${(e.func as py.Name).id}()`, why: `only a function's variables are kept by name, not those of ${where}` });
  }
  const own = localVariables(scope);
  // (free variables: the enclosing functions' names this code reads or declares nonlocal)
  const free = [...scope.nonlocals, ...[...scope.used].filter((n) => !scope.bound.has(n) && resolveName(scope, n, cx.scopes).where === "enclosing")];
  const names = cpythonOrder(scope, own, free);
  // (a free variable its function has not bound yet is left out, also when that function declares
  // it only further down: free_value reads it where JS may refuse the read)
  const freeNames = new Set(free);
  const values = names.map((n) =>
    freeNames.has(n) && !own.includes(n)
      ? cx.rt("free_value", { k: "arrow", params: [], body: id(safeName(n)) })
      : cx.expr({ ...e, _type: "Name", id: n, ctx: { _type: "Load" } } as unknown as py.Name),
  );
  return cx.rt("locals_of", array(names.map((n) => lit(n))), ...values);
}
