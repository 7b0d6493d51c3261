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

/** The function's own variables: parameters first, then the names it binds (not its globals or nonlocals). */
export function localVariables(scope: Scope): string[] {
  return [...scope.bound].filter((n) => !scope.globals.has(n) && !scope.nonlocals.has(n));
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
  const names = [...own, ...free.filter((n, i) => free.indexOf(n) === i)];
  // (a free variable is read unchecked: one declared but not bound yet is left out; one its function
  // declares only further down is still a JS error: not handled)
  const freeNames = new Set(free);
  const values = names.map((n) =>
    freeNames.has(n) && !own.includes(n) ? id(safeName(n)) : cx.expr({ ...e, _type: "Name", id: n, ctx: { _type: "Load" } } as unknown as py.Name),
  );
  return cx.rt("locals_of", array(names.map((n) => lit(n))), ...values);
}
