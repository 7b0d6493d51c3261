// What the TS checker needs to narrow the types the annotations declare, without changing what runs.
//
//   def f(loop: AbstractEventLoop | None = None):
//       if not loop: loop = get_running_loop()    | if (!(loop !== null && truthy(loop))) { ... }
//       loop.run_in_executor(...)                  | TS now knows `loop` is no longer null
//
// `x !== null && truthy(x)` is `truthy(x)` (None is false): the null test is only there for TS.

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { binop, id, lit } from "../ir/nodes.js";
import type { LowerContext } from "./context.js";
import { resolveName, type Scope } from "./scopes.js";
import { annotationType, splitUnion } from "./annotations.js";
import { declaredType } from "./functions.js";

/** The TS type a name of `scope` is declared with (a parameter's, or `x: T = ...`'s in the scope's own code). */
function declaredTsType(cx: LowerContext, name: string, scope: Scope): string | undefined {
  const node = scope.node;
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef") {
    const a = node.args;
    const param = [...a.posonlyargs, ...a.args, ...a.kwonlyargs].find((p) => p.arg === name);
    if (param) return param.annotation ? declaredType(cx, param) : undefined;
  }
  if (node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef" && node._type !== "Module") return undefined;
  let found: py.ExprNode | undefined;
  const visit = (body: py.Stmt[]): void => {
    for (const s of body) {
      if (s._type === "AnnAssign" && s.target._type === "Name" && s.target.id === name) found ??= s.annotation;
      // (nested functions and classes are scopes of their own)
      if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef") continue;
      for (const key of ["body", "orelse", "finalbody"] as const) {
        const inner = (s as unknown as Record<string, unknown>)[key];
        if (Array.isArray(inner)) visit(inner as py.Stmt[]);
      }
      if (s._type === "Try" || s._type === "TryStar") for (const h of s.handlers) visit(h.body);
      if (s._type === "Match") for (const c of s.cases) visit(c.body);
    }
  };
  visit(node.body);
  return found && annotationType(cx, found);
}

/** The truth test of a name whose declared TS type admits null: `x !== null && truthy(x)`, which TS narrows. */
export function truthNarrowingNull(cx: LowerContext, e: py.ExprNode): ir.Expr {
  const value = cx.expr(e);
  const truth = cx.rt("truthy", value);
  // (only a plain read of a variable: reading it twice is reading it once; a `nonlocal` or an outer
  // function's variable is declared where that function binds it)
  if (e._type !== "Name" || value.k !== "id") return truth;
  const r = resolveName(cx.fn.scope, e.id, cx.scopes);
  if (r.where === "builtin" || (r.scope !== cx.fn.scope && r.scope.kind !== "function")) return truth;
  const t = declaredTsType(cx, e.id, r.scope);
  if (!t || !splitUnion(t).includes("null")) return truth;
  return binop("&&", binop("!==", id(value.name), lit(null)), truth);
}
