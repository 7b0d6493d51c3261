// Subscripts, `in` and truth of names proven to hold a dict (inference.ts: every binding is a dict
// display, a dict comprehension or a `dict(...)` call; never an annotation): the dict's own methods,
// called directly, in place of the runtime's type dispatch (`getitem`, `setitem`, `contains`, `truthy`).
//
//   seen = {}                 | const seen: any = dict_of<any, any>();
//   seen[url] = 1             | seen.__setitem__(url, 1n);
//   if url in seen: ...       | if (seen.__contains__(url)) ...
//   print(seen[url])          | print(seen.__getitem__(url));
//
// A name with an annotation anywhere in its scope keeps the helpers: the annotation's TS type
// (`dict[str, int]`) may not admit the keys and values the program really uses.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";
import type { LowerContext } from "./context.js";
import { resolveName, type Scope } from "./scopes.js";

const annotatedNames = new WeakMap<Scope, Set<string>>();

/** Names the scope's code annotates (`x: T = ...`, `x: T`), nested scopes included (conservative). */
function annotated(scope: Scope): Set<string> {
  let out = annotatedNames.get(scope);
  if (!out) {
    out = new Set();
    for (const a of nodeIndex(scope.node).ofType("AnnAssign")) if (a.target._type === "Name") out.add(a.target.id);
    if (scope.node._type === "FunctionDef" || scope.node._type === "AsyncFunctionDef" || scope.node._type === "Lambda")
      for (const p of [...scope.node.args.posonlyargs, ...scope.node.args.args, ...scope.node.args.kwonlyargs]) if (p.annotation) out.add(p.arg);
    annotatedNames.set(scope, out);
  }
  return out;
}

/** `e` is a name proven to hold a dict (exactly `dict`), declared without an annotation. */
export function provenDict(cx: LowerContext, e: py.ExprNode): e is py.Name {
  if (e._type !== "Name" || cx.typeOfExpr(e) !== "dict") return false;
  const r = resolveName(cx.fn.scope, e.id, cx.scopes);
  return r.where !== "builtin" && !annotated(r.scope).has(e.id);
}
