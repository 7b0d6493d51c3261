// Subscripts, `in` and truth of names proven to hold a dict (inference.ts: every binding is a dict
// display, a dict comprehension or a `dict(...)` call; never an annotation): the dict's own methods,
// called directly, in place of the runtime's type dispatch (`getitem`, `setitem`, `contains`, `truthy`).
//
//   seen = {}                 | const seen: any = dict_of<any, any>();
//   seen[url] = 1             | seen.__setitem__(url, 1n);
//   if url in seen: ...       | if (seen.__contains__(url)) ...
//   print(seen[url])          | print(seen.__getitem__(url));
//
// A name annotated (anywhere in its scope) as anything but a dict keeps the helpers. One annotated
// `dict[str, int]` calls the methods on `(seen as PyDict<any, any>)`: Python does not enforce the
// annotation, and its TS type may not admit the keys and values the program really uses.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";
import type { LowerContext } from "./context.js";
import { resolveName, type Scope } from "./scopes.js";
import type * as ir from "../ir/nodes.js";
import { RUNTIME } from "./stdlib.js";

const annotatedNames = new WeakMap<Scope, Map<string, py.ExprNode[]>>();

/** The annotations the scope's code gives names (`x: T = ...`, `x: T`, parameters), nested scopes included (conservative). */
function annotated(scope: Scope): Map<string, py.ExprNode[]> {
  let out = annotatedNames.get(scope);
  if (!out) {
    const found = new Map<string, py.ExprNode[]>();
    const note = (name: string, a: py.ExprNode) => found.set(name, [...(found.get(name) ?? []), a]);
    for (const a of nodeIndex(scope.node).ofType("AnnAssign")) if (a.target._type === "Name") note(a.target.id, a.annotation);
    if (scope.node._type === "FunctionDef" || scope.node._type === "AsyncFunctionDef" || scope.node._type === "Lambda")
      for (const p of [...scope.node.args.posonlyargs, ...scope.node.args.args, ...scope.node.args.kwonlyargs]) if (p.annotation) note(p.arg, p.annotation);
    annotatedNames.set(scope, (out = found));
  }
  return out;
}

/** `dict`, `Dict`, `typing.Dict`, with or without `[K, V]`: "bare" or "parametrized"; else undefined. */
function dictAnnotation(a: py.ExprNode): "bare" | "parametrized" | undefined {
  const head = a._type === "Subscript" ? a.value : a;
  const name = head._type === "Name" ? head.id : head._type === "Attribute" && head.value._type === "Name" && head.value.id === "typing" ? head.attr : "";
  if (name !== "dict" && name !== "Dict") return undefined;
  return a._type === "Subscript" ? "parametrized" : "bare";
}

/** The annotations of a proven dict name: "none", all bare dict ones, or some parametrized; undefined if one is no dict's. */
function dictAnnotations(cx: LowerContext, e: py.Name): "none" | "bare" | "parametrized" | undefined {
  const r = resolveName(cx.fn.scope, e.id, cx.scopes);
  if (r.where === "builtin") return undefined;
  const kinds = (annotated(r.scope).get(e.id) ?? []).map(dictAnnotation);
  if (kinds.includes(undefined)) return undefined;
  return kinds.includes("parametrized") ? "parametrized" : kinds.length ? "bare" : "none";
}

/** `e` is a name proven to hold a dict (exactly `dict`), unannotated or annotated as a dict. */
export function provenDict(cx: LowerContext, e: py.ExprNode): e is py.Name {
  return e._type === "Name" && cx.typeOfExpr(e) === "dict" && dictAnnotations(cx, e) !== undefined;
}

/** The dict `obj` (the lowered `e`) to call methods on: `(obj as PyDict<any, any>)` under a `dict[K, V]` annotation. */
export function dictReceiver(cx: LowerContext, e: py.Name, obj: ir.Expr): ir.Expr {
  if (dictAnnotations(cx, e) !== "parametrized") return obj;
  return { k: "as", expr: obj, type: `${cx.imports.type("PyDict", RUNTIME)}<any, any>` };
}
