// PEP 695: `class C[T]`, `def f[T]` and `type X[T] = ...`. Each type parameter becomes a runtime
// TypeVar in a const declared where the statement runs (named after its owner: `Box_T`), and a TS
// type parameter where it is a plain TypeVar; `type X = v` becomes a TS `type X = ...` alias plus
// the runtime TypeAliasType, whose value is a thunk (evaluated on first read, as in CPython).
//
//   class Box[T]:            | const Box_T = type_param("T");
//       ...                  | class Box<T> extends Generic { ... }
//                            | define_class(Box, "Box", { typeparams: [Box_T] });
//   type Pair[T] = tuple[T, T] | const Pair_T = type_param("T");
//                            | type Pair<T> = PyTuple<T>;
//                            | const Pair = type_alias("Pair", () => getitem(tuple, tuple_of(Pair_T, Pair_T)), [Pair_T]);

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, call, id, lit } from "../ir/nodes.js";
import { type LowerContext, PROGRAM, safeName } from "./context.js";
import { annotationType } from "./annotations.js";
import { assignName } from "./bindings.js";

export interface LoweredTypeParams {
  /** `const Box_T = type_param("T")` for each parameter, in order. */
  decls: ir.Stmt[];
  /** The runtime TypeVars (what `__type_params__` holds). */
  values: ir.Expr[];
  /** The parameters that are TS type parameters too (plain TypeVars). */
  tsParams: string[];
  /** How each of those is declared: `T`, or `T extends Box<any>` for a bound that is a class of the program. */
  tsDeclared: string[];
  /** Python name → the const holding it. */
  names: Map<string, string>;
}

const KIND: Record<py.TypeParamNode["_type"], string> = { TypeVar: "", TypeVarTuple: "*", ParamSpec: "**" };

/**
 * Declares the type parameters of `owner`. `node`'s annotation scope (if the scope analysis made
 * one) then resolves to the consts, so the body, methods and nested functions read them.
 */
export function lowerTypeParams(cx: LowerContext, owner: string, params: py.TypeParamNode[], node: py.Node): LoweredTypeParams {
  const names = new Map<string, string>();
  for (const p of params) names.set(p.name, cx.freshName(`${safeName(owner)}_${p.name}`));
  const annotationScope = cx.scopes.get(node)?.typeParams;
  if (annotationScope) cx.typeParamNames.set(annotationScope, names);
  const decls: ir.Stmt[] = params.map((p) => {
    const args: ir.Expr[] = [lit(p.name)];
    if (p._type !== "TypeVar") args.push(lit(KIND[p._type]));
    else if (p.bound) {
      // `T: (int, str)` gives constraints, `T: int` a bound; both evaluated when first read.
      const thunk: ir.Expr = { k: "arrow", params: [], body: cx.withTypeParamNames(names, () => typeExpression(cx, p.bound!)) };
      args.push(lit(""), p.bound._type === "Tuple" ? lit(undefined) : thunk);
      if (p.bound._type === "Tuple") args.push(thunk);
    }
    return { k: "var", decl: "const", name: names.get(p.name)!, init: call(id(cx.helperFrom("type_param", PROGRAM)), ...args), line: p.lineno };
  });
  return {
    decls,
    values: params.map((p) => id(names.get(p.name)!)),
    tsParams: params.filter((p) => p._type === "TypeVar").map((p) => p.name),
    tsDeclared: params.filter((p) => p._type === "TypeVar").map((p) => p.name + tsConstraint(cx, p as py.TypeVar, params)),
    names,
  };
}

/**
 * ` extends C<any>` for `T: C` where C is a class of the program (what TS then lets the body do with
 * a T); other bounds (`T: int`, constraints) give none: TS would refuse what Python accepts (a bool).
 */
function tsConstraint(cx: LowerContext, p: py.TypeVar, params: py.TypeParamNode[]): string {
  const b = p.bound;
  const name = b?._type === "Name" ? b.id : b?._type === "Subscript" && b.value._type === "Name" ? b.value.id : undefined;
  if (!b || !name || params.some((q) => q.name === name) || !cx.classType(name)) return "";
  const type = annotationType(cx, b);
  return type === "any" ? "" : ` extends ${type}`;
}

/** A type expression (alias value, bound): subscripts and `|` as CPython's types (runtime type_getitem/type_or). */
function typeExpression(cx: LowerContext, e: py.ExprNode): ir.Expr {
  switch (e._type) {
    case "Subscript": {
      const key = e.slice._type === "Tuple" ? cx.tuple(e.slice.elts.map((x) => typeExpression(cx, x))) : typeExpression(cx, e.slice);
      return call(id(cx.helperFrom("type_getitem", PROGRAM)), typeExpression(cx, e.value), key);
    }
    case "BinOp":
      if (e.op._type !== "BitOr") break;
      return call(id(cx.helperFrom("type_or", PROGRAM)), typeExpression(cx, e.left), typeExpression(cx, e.right));
    case "Tuple":
      return cx.tuple(e.elts.map((x) => typeExpression(cx, x)));
    case "List":
      return cx.list(e.elts.map((x) => typeExpression(cx, x)));
  }
  return cx.expr(e);
}

/** `type X[T] = v`: the declarations and the TypeAliasType expression (for a class body too). */
export function typeAliasValue(cx: LowerContext, s: py.TypeAlias): { decls: ir.Stmt[]; value: ir.Expr; tsParams: string[] } {
  const name = (s.name as py.Name).id;
  const tp = lowerTypeParams(cx, name, s.type_params, s);
  const thunk: ir.Expr = { k: "arrow", params: [], body: cx.withTypeParamNames(tp.names, () => typeExpression(cx, s.value)) };
  const args: ir.Expr[] = [lit(name), thunk];
  if (tp.values.length) args.push(array(tp.values));
  return { decls: tp.decls, value: call(id(cx.helperFrom("type_alias", PROGRAM)), ...args), tsParams: tp.tsParams };
}

/** The `type` statement: the runtime alias, and the TS alias annotations name (see `pep695Alias`). */
export function typeAliasStmt(cx: LowerContext, s: py.TypeAlias): ir.Stmt[] {
  const name = (s.name as py.Name).id;
  const { decls, value, tsParams } = typeAliasValue(cx, s);
  const out: ir.Stmt[] = [...decls];
  if (cx.currentBody.includes(s) && cx.pep695Alias(name) !== undefined) {
    const params = tsParams.length ? `<${tsParams.join(", ")}>` : "";
    const type = cx.withTypeParams(tsParams, () => annotationType(cx, s.value));
    out.push({ k: "ts_decl", text: `type ${safeName(name)}${params} = ${type};`, line: s.lineno });
  }
  out.push(assignName(cx, name, value, s.lineno));
  return out;
}
