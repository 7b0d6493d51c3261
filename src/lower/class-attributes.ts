// `Config.LIMIT`, `Outer.Inner`: a constant or a nested class of a plain class's body, read from the
// class itself as the JS static property define_class gives it (no descriptor can be involved: the
// value is a constant or a class, and nothing else in the program writes or deletes the attribute).
//
//   class Score:                | class Score extends PyObject {
//       WIN = 5                 |   declare static WIN: any;
//   print(Score.WIN)            | } ... print(Score.WIN);

import type * as py from "../ast/nodes.js";
import { attributeNames, nodeIndex } from "../ast/node-index.js";
import { jsMemberName, type LowerContext, safeProp } from "./context.js";
import { plainClass } from "./analysis.js";
import { deletedAnywhere } from "./plain-access.js";
import { resolveName } from "./scopes.js";

/** A class-body value that reads as itself from the class: a constant or a class statement. */
function plainValue(item: py.Stmt, attr: string): boolean {
  const constant = (v: py.ExprNode): boolean =>
    v._type === "Constant" || (v._type === "UnaryOp" && v.operand._type === "Constant") || (v._type === "Tuple" && v.elts.every(constant));
  if (item._type === "Assign") return item.targets.length === 1 && item.targets[0]._type === "Name" && item.targets[0].id === attr && constant(item.value);
  if (item._type === "AnnAssign") return item.target._type === "Name" && item.target.id === attr && !!item.value && constant(item.value);
  return item._type === "ClassDef" && item.name === attr && !item.keywords.length && !item.decorator_list.length;
}

/** Whether `item` of a class body binds `attr` in some way. */
function binds(item: py.Stmt, attr: string): boolean {
  if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") return item.name === attr;
  if (item._type === "Assign") return item.targets.some((t) => t._type === "Name" && t.id === attr);
  if (item._type === "AnnAssign") return item.target._type === "Name" && item.target.id === attr;
  return false;
}

/** The attributes of `cls`'s own body that plainValue accepts, bound once there (for `declare static`). */
export function plainClassAttributes(cx: LowerContext, cls: py.ClassDef): string[] {
  // (a decorated class, a dataclass, is left alone: slots=True makes its fields descriptors)
  if (cls.decorator_list.length) return [];
  const scope = cx.scopes.get(cls);
  if (!scope?.parent || plainClass(cx.scopes, cx.known, scope.parent, cls.name, 0) !== cls) return [];
  const read = attributeNames(cx.module, "readFromNames");
  // (a loop, not filter then map: the list the last filter reads is then the same packed array
  // whether this runs optimized or not; TurboFan's inlined map makes a holey one)
  const names: string[] = [];
  for (const item of cls.body)
    if (item._type === "ClassDef") names.push(item.name);
    else if (item._type === "Assign") names.push(item.targets[0]?._type === "Name" ? item.targets[0].id : "");
    else if (item._type === "AnnAssign") names.push(item.target._type === "Name" ? item.target.id : "");
  return names.filter(
    (a, i, all) =>
      a && all.indexOf(a) === i && read.has(a) && simple(a) && (scope?.bindCount.get(a) ?? 0) === 1 && cls.body.some((item) => plainValue(item, a)),
  );
}

/** (not a JS function's own property, which TS does not let a class redeclare as static) */
const FUNCTION_PROPERTIES = new Set(["name", "length", "prototype", "caller", "arguments", "apply", "call", "bind", "toString"]);
const simple = (attr: string) => !jsMemberName(attr) && safeProp(attr) === attr && !attr.startsWith("__") && !FUNCTION_PROPERTIES.has(attr);

/** `Cls.attr` reads the class's static property: see the header. */
export function classAttributeRead(cx: LowerContext, v: py.ExprNode, attr: string): boolean {
  if (v._type !== "Name" || !simple(attr)) return false;
  const k = cx.lookupKnown(v.id);
  if (k?.kind !== "class") return false;
  const r = resolveName(cx.fn.scope, v.id, cx.scopes);
  if (r.where === "builtin" || plainClass(cx.scopes, cx.known, r.scope, v.id, 0) !== k.node) return false;
  if (cx.analysis.classes.writtenFreely(attr) || deletedAnywhere(cx, attr)) return false;
  // The first class of the chain whose body binds the name decides (single inheritance: bases() says).
  for (let c: py.ClassDef | undefined = k.node, depth = 0; c && depth < 30; depth++) {
    if (c.decorator_list.length) return false;
    const own = c.body.filter((item) => binds(item, attr));
    if (own.length) return own.length === 1 && plainValue(own[0], attr) && (cx.scopes.get(c)?.bindCount.get(attr) ?? 0) === 1;
    const bases = cx.analysis.classes.bases(c);
    if (!bases) return false;
    c = bases[0];
  }
  return false;
}

/** The class's name attributes, which define_class stores on every class it makes (read as the static property). */
const NAME_ATTRIBUTES = new Set(["__name__", "__qualname__"]);

const metaclassFree = new WeakMap<py.Module, boolean>();

/** No class statement of the module names a metaclass or derives from `type`: every class's type is type (or the runtime's own). */
function noMetaclasses(cx: LowerContext): boolean {
  let free = metaclassFree.get(cx.module);
  if (free === undefined) {
    free = nodeIndex(cx.module)
      .ofType("ClassDef")
      .every((c) => !c.keywords.some((k) => k.arg === "metaclass") && !c.bases.some((b) => b._type === "Name" && b.id === "type"));
    metaclassFree.set(cx.module, free);
  }
  return free;
}

/** A class statement `e` surely is: a plain class of the program by its name (`Job`). */
function plainClassNamed(cx: LowerContext, e: py.ExprNode): py.ClassDef | undefined {
  if (e._type !== "Name") return undefined;
  const k = cx.lookupKnown(e.id);
  if (k?.kind !== "class") return undefined;
  const r = resolveName(cx.fn.scope, e.id, cx.scopes);
  return r.where !== "builtin" && plainClass(cx.scopes, cx.known, r.scope, e.id, 0) === k.node ? k.node : undefined;
}

/**
 * `Job.__name__`, `Job.__qualname__` (of `cls`, the class statement the receiver surely is): the
 * type's own name attributes, which a class body cannot shadow, read as the static properties
 * define_class gave the class, when no metaclass of the program could define them otherwise and
 * nothing writes or deletes them.
 */
export function classNameRead(cx: LowerContext, cls: py.ClassDef | undefined, attr: string): boolean {
  if (!cls || !NAME_ATTRIBUTES.has(attr) || !noMetaclasses(cx)) return false;
  if (cx.analysis.classes.writtenFreely(attr) || deletedAnywhere(cx, attr)) return false;
  // (a class body binding the name itself would make define_class store that value instead)
  return !cls.body.some((item) => binds(item, attr));
}

/** `Job.__name__` where `Job` names a plain class of the program (see classNameRead). */
export function ownClassNameRead(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  return classNameRead(cx, plainClassNamed(cx, e), attr);
}

const nameReads = new WeakMap<py.Module, Map<string, Set<string>>>();

/** The name attributes the program reads from `cls` by its name (`Job.__name__`; declared static for TS). */
export function classNamesRead(cx: LowerContext, cls: py.ClassDef): string[] {
  let reads = nameReads.get(cx.module);
  if (!reads) {
    reads = new Map();
    for (const n of nodeIndex(cx.module).ofType("Attribute"))
      if (n.value._type === "Name" && NAME_ATTRIBUTES.has(n.attr)) reads.set(n.value.id, (reads.get(n.value.id) ?? new Set()).add(n.attr));
    nameReads.set(cx.module, reads);
  }
  // (only where the name surely is this class: ownClassNameRead reads it directly there)
  const known = cx.lookupKnown(cls.name);
  if (known?.kind !== "class" || known.node !== cls) return [];
  return [...(reads.get(cls.name) ?? [])].filter((a) => classNameRead(cx, cls, a));
}

/**
 * Whether `Cls.attr` is, in the first class of `Cls`'s chain binding it, what a call of one of the
 * program's classes or defs made in the class body (`g = Function(f)`, `m = wrap(lambda self, y: y)`):
 * a descriptor, a callable object or a function, which `Cls.attr(...)` calls as Python calls what
 * the class gives (with the argument checks of a call), never as a JS method.
 */
export function classAttributeBoundByValue(cx: LowerContext, v: py.ExprNode, attr: string): boolean {
  if (v._type !== "Name") return false;
  const k = cx.lookupKnown(v.id);
  if (k?.kind !== "class") return false;
  for (let c: py.ClassDef | undefined = k.node, depth = 0; c && depth < 30; depth++) {
    const own = c.body.find((item) => binds(item, attr));
    if (own) {
      const value = own._type === "Assign" || own._type === "AnnAssign" ? own.value : undefined;
      // (a def's alias, a lambda, staticmethod/classmethod of a def: define_class makes them
      // checked views already)
      if (value?._type !== "Call" || value.func._type !== "Name") return false;
      const made = cx.lookupKnown(value.func.id)?.kind;
      return made === "class" || made === "def";
    }
    c = cx.analysis.classes.bases(c)?.[0];
  }
  return false;
}
