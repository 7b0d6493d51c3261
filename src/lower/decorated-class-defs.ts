// Decorators of a class body's defs. Which `@x.setter` / `@x.getter` / `@x.deleter` decorators of a class body complete a builtin
// property (`@property def x` earlier in the body): those the class makes TS accessors of. Any
// other object's `.setter` (a program's own property-like descriptor) is an ordinary decorator
// applied to the def, as CPython applies it.
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { call, id, lit } from "../ir/nodes.js";
import { type LowerContext, PROGRAM } from "./context.js";
import { firstParameterShape } from "./class-body-blocks.js";
import { docstring } from "./syntax.js";

const HALVES = new Set(["setter", "getter", "deleter"]);

type Def = py.FunctionDef | py.AsyncFunctionDef;

/** The names of the class body's defs that are builtin properties (or their later halves). */
export function builtinPropertyNames(body: readonly py.Stmt[]): Set<string> {
  const names = new Set<string>();
  for (const item of body) {
    if (item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") continue;
    const property = item.decorator_list.some((d) => (d._type === "Name" && d.id === "property") || isHalfOf(d, names));
    // (a later plain def of the name rebinds it: no longer a property)
    if (property) names.add(item.name);
    else names.delete(item.name);
  }
  return names;
}

/** `@x.setter` (getter, deleter) where `x` names a builtin property of the body so far. */
export function isHalfOf(d: py.ExprNode, propertyNames: ReadonlySet<string>): boolean {
  return d._type === "Attribute" && HALVES.has(d.attr) && d.value._type === "Name" && propertyNames.has(d.value.id);
}

/**
 * Each decorator's kind: a name's id or an attribute's name (`asyncio.coroutine`: "coroutine"),
 * "" for any other form and for a `.setter` (getter, deleter) of what is no builtin property. A def inside a block of the class body (not one of its statements) keeps
 * every half as a property half.
 */
export function decoratorKinds(item: Def, body: readonly py.Stmt[]): string[] {
  const at = body.indexOf(item);
  const before = at < 0 ? null : builtinPropertyNames(body.slice(0, at));
  const isHalf = (d: py.ExprNode) => (before ? isHalfOf(d, before) : d._type === "Attribute" && HALVES.has(d.attr));
  return item.decorator_list.map((d) => (d._type === "Name" ? d.id : d._type !== "Attribute" ? "" : !HALVES.has(d.attr) || isHalf(d) ? d.attr : ""));
}

/**
 * Defs of the class body sharing a name where one that is decorated comes before another
 * (`@neg.register def _` twice, `@Prop def v` then `@v.setter def v`): the class keeps one JS method
 * per name, so each def of such a name gets a name of its own (`_$1`, `_$2`), which the class's
 * decorate step reads in the body's order to bind the name, then removes. (A name with a builtin
 * property half, an `@overload` stub, a static or class method keeps the class's usual handling.)
 */
export function decoratedDefsRenamedApart(body: readonly py.Stmt[]): Map<Def, string> {
  const groups = new Map<string, Def[]>();
  for (const item of body)
    if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") groups.set(item.name, [...(groups.get(item.name) ?? []), item]);
  const renamed = new Map<Def, string>();
  for (const defs of groups.values()) {
    if (defs.length < 2) continue;
    const kinds = defs.map((d) => decoratorKinds(d, body));
    if (kinds.some((ks) => ks.some((k) => KEPT.has(k) || HALVES.has(k)))) continue;
    if (!defs.slice(0, -1).some((d) => d.decorator_list.length)) continue;
    defs.forEach((d, i) => renamed.set(d, `${d.name}$${i + 1}`));
  }
  return renamed;
}

const KEPT = new Set(["overload", "property", "staticmethod", "classmethod"]);

/**
 * The Python function of a def renamed apart, for its decorators: the class's JS method `js` seen
 * under its own name and qualname, with its docstring and, under `@f.register`
 * (singledispatchmethod), its parameters' annotations, which register reads.
 */
export function renamedDefValue(cx: LowerContext, cls: string, def: Def, js: string, qualname: string): ir.Expr {
  const view = call(cx.helperFrom("method_in_class_body", PROGRAM), id(cls), lit(js), lit(qualname), ...firstParameterShape(def));
  const info: { key: string; value: ir.Expr }[] = [
    { key: "name", value: lit(def.name) },
    { key: "qualname", value: lit(qualname) },
  ];
  const doc = docstring(def.body);
  if (doc !== null) info.push({ key: "doc", value: lit(doc) });
  if (def.decorator_list.some((d) => d._type === "Attribute" && d.attr === "register")) {
    const annotated = [...def.args.posonlyargs, ...def.args.args].filter((a) => a.annotation);
    if (annotated.length)
      info.push({ key: "annotations", value: { k: "object", props: annotated.map((a) => ({ key: a.arg, value: cx.expr(a.annotation!) })) } });
  }
  return call(cx.helperFrom("define_function", PROGRAM), view, { k: "object", props: info });
}
