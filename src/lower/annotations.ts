// Python annotations ⇒ TypeScript types, for people who read and keep the translation. These types
// are documentation the TS checker can use: the lowering never trusts them (Python does not
// enforce annotations), so a wrong annotation can make tsc complain but never changes what runs.
// What the code may rely on is proven separately (inference.ts). `Generator[...]` stays `any`: a
// Python generator has `send`/`throw`/`close`, which TS's Generator type does not all describe.
//
//   list[int]                    | PyList<bigint>
//   dict[str, float]             | PyDict<string, number | bigint>
//   tuple[str, int] / tuple[int, ...] | PyTuple<string | bigint> / PyTuple<bigint>
//   Optional[Job] / Job | None   | Job | null
//   Callable[[int], str]         | (arg0: bigint) => string       (Callable[..., str]: (...args: any[]) => string)
//   asyncio.Queue[T]             | Queue<T>             (a TS type parameter when T is a TypeVar)
//   Literal["a", 1]              | "a" | 1n
//   anything not understood      | any                  (never a wrong type)

import type * as py from "../ast/nodes.js";
import { parse } from "../parse/index.js";
import { walk } from "../ast/walk.js";
import { annotationRoots } from "../ast/node-index.js";
import type { LowerContext } from "./context.js";
import type * as ir from "../ir/nodes.js";
import { exprStmt } from "../ir/nodes.js";
import type { Scope } from "./scopes.js";
import { RUNTIME, STDLIB } from "./stdlib.js";
import { RUNTIME_CLASSES } from "./runtime-classes.js";
import { runtimeTypeParamCount } from "./runtime-members.js";

/** (context.ts's ASYNCIO: not imported from there, which imports this file.) */
const ASYNCIO = "tsyncio/runtime/asyncio";
const COLLECTIONS = "tsyncio/runtime/collections";

const SIMPLE: Record<string, string> = {
  // PEP 484: an int is acceptable where a float is expected.
  int: "bigint",
  float: "number | bigint",
  str: "string",
  bool: "boolean",
  None: "null",
  NoneType: "null",
  Any: "any",
  object: "unknown",
  NoReturn: "never",
  Never: "never",
  LiteralString: "string",
  Text: "string",
};

/** Containers: the runtime class an annotation names, and how many type arguments it takes. */
const CONTAINERS: Record<string, { type: string; from: string; args: number }> = {
  list: { type: "PyList", from: RUNTIME, args: 1 },
  List: { type: "PyList", from: RUNTIME, args: 1 },
  MutableSequence: { type: "PyList", from: RUNTIME, args: 1 },
  dict: { type: "PyDict", from: RUNTIME, args: 2 },
  Dict: { type: "PyDict", from: RUNTIME, args: 2 },
  // (collections' dict subclasses: their own methods, move_to_end, most_common, ...)
  DefaultDict: { type: "defaultdict", from: COLLECTIONS, args: 2 },
  defaultdict: { type: "defaultdict", from: COLLECTIONS, args: 2 },
  OrderedDict: { type: "OrderedDict", from: COLLECTIONS, args: 2 },
  Counter: { type: "Counter", from: COLLECTIONS, args: 1 },
  Mapping: { type: "PyDict", from: RUNTIME, args: 2 },
  MutableMapping: { type: "PyDict", from: RUNTIME, args: 2 },
  set: { type: "PySet", from: RUNTIME, args: 1 },
  Set: { type: "PySet", from: RUNTIME, args: 1 },
  MutableSet: { type: "PySet", from: RUNTIME, args: 1 },
  frozenset: { type: "PyFrozenSet", from: RUNTIME, args: 1 },
  FrozenSet: { type: "PyFrozenSet", from: RUNTIME, args: 1 },
  Queue: { type: "Queue", from: ASYNCIO, args: 1 },
  PriorityQueue: { type: "PriorityQueue", from: ASYNCIO, args: 1 },
  LifoQueue: { type: "LifoQueue", from: ASYNCIO, args: 1 },
  Future: { type: "Future", from: ASYNCIO, args: 1 },
  Task: { type: "Task", from: ASYNCIO, args: 1 },
};

/** Protocols a Python value of the runtime satisfies as the matching JS protocol. */
const ITERABLES = new Set(["Iterable", "Sequence", "Collection", "AbstractSet", "Reversible", "Container", "KeysView", "ValuesView"]);

/** Module-level `T = TypeVar("T")` names: they become TS type parameters where a signature uses them. */
export function typeVarNames(module: py.Module, factory = "TypeVar"): Set<string> {
  const names = new Set<string>();
  for (const s of module.body) {
    if (s._type !== "Assign" || s.targets.length !== 1 || s.targets[0]._type !== "Name" || s.value._type !== "Call") continue;
    const f = s.value.func;
    const callee = f._type === "Name" ? f.id : f._type === "Attribute" ? f.attr : "";
    if (callee === factory) names.add(s.targets[0].id);
  }
  return names;
}

/**
 * The TS constraint of a module's `F = TypeVar("F", bound=...)`: ` extends (...args: any[]) => any`
 * for a Callable bound (the decorator idiom: a body that calls or passes on an F), ` extends C` for
 * a class of the program; none for other bounds (TS would refuse what Python accepts: a bool for an int).
 */
export function typeVarConstraint(cx: LowerContext, name: string): string {
  const s = cx.module.body.find(
    (st): st is py.Assign => st._type === "Assign" && st.targets.length === 1 && st.targets[0]._type === "Name" && st.targets[0].id === name,
  );
  const bound = s?.value._type === "Call" ? s.value.keywords.find((k) => k.arg === "bound")?.value : undefined;
  if (!bound) return "";
  const head = bound._type === "Subscript" ? bound.value : bound;
  if (nameOf(head) === "Callable") return " extends (...args: any[]) => any";
  if (bound._type !== "Name" || !cx.classType(bound.id)) return "";
  const type = annotationType(cx, bound);
  return type === "any" ? "" : ` extends ${type}`;
}

/**
 * Module-level type aliases in the old style (`Vector = list[float]`, `Mode = Literal["a", "b"]`,
 * `Id = int | str`, `Job: TypeAlias = ...`): annotations naming them get the aliased type.
 */
export function typeAliases(module: py.Module): Map<string, py.ExprNode> {
  const aliases = new Map<string, py.ExprNode>();
  const looksLikeType = (e: py.ExprNode): boolean =>
    e._type === "Subscript"
      ? e.value._type === "Name" || e.value._type === "Attribute"
      : e._type === "BinOp" &&
        e.op._type === "BitOr" &&
        [e.left, e.right].every((x) => x._type === "Name" || x._type === "Attribute" || (x._type === "Constant" && x.value === null) || looksLikeType(x));
  for (const s of module.body) {
    if (s._type === "Assign" && s.targets.length === 1 && s.targets[0]._type === "Name" && looksLikeType(s.value)) aliases.set(s.targets[0].id, s.value);
    if (s._type === "AnnAssign" && s.target._type === "Name" && s.value && nameOf(s.annotation) === "TypeAlias") aliases.set(s.target.id, s.value);
  }
  return aliases;
}

/** The module's `type` statements (PEP 695) bound once: name → how many TS type parameters their TS alias has. */
export function typeStatementAliases(module: py.Module, moduleScope: Scope): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of module.body) {
    if (s._type !== "TypeAlias" || s.name._type !== "Name") continue;
    const n = s.name.id;
    if ((moduleScope.bindCount.get(n) ?? 0) !== 1 || moduleScope.writtenElsewhere.has(n)) continue;
    out.set(n, s.type_params.filter((p) => p._type === "TypeVar").length);
  }
  return out;
}

/** Every name an annotation of the module mentions (in string annotations too). */
export function annotationNames(module: py.Module): Set<string> {
  const names = new Set<string>();
  const collect = (a: py.ExprNode | null | undefined): void => {
    if (!a) return;
    walk(a, (n) => {
      if (n._type === "Name") names.add(n.id);
      else if (n._type === "Constant" && typeof n.value === "string") collect(stringAnnotation(n.value));
    });
  };
  for (const a of annotationRoots(module)) collect(a);
  // An annotation naming a type alias names what the alias stands for (`FSM[S, E, Ctx]`).
  for (const s of module.body) if (s._type === "TypeAlias") collect(s.value);
  const aliases = typeAliases(module);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, value] of aliases)
      if (names.has(name)) {
        aliases.delete(name);
        collect(value);
        grew = true;
      }
  }
  return names;
}

/** The TypeVars an annotation mentions (in order, once each). */
export function typeVarsIn(cx: LowerContext, a: py.ExprNode | null | undefined, out: string[] = []): string[] {
  if (!a) return out;
  const visit = (e: py.ExprNode): void => {
    if (e._type === "Name" && cx.typeVars.has(e.id) && !out.includes(e.id)) out.push(e.id);
    else if (e._type === "Subscript") (visit(e.value), visit(e.slice));
    else if (e._type === "Tuple" || e._type === "List") e.elts.forEach(visit);
    else if (e._type === "BinOp") (visit(e.left), visit(e.right));
    else if (e._type === "Constant" && typeof e.value === "string") {
      const inner = stringAnnotation(e.value);
      if (inner) visit(inner);
    }
  };
  visit(a);
  return out;
}

/** A string annotation (a forward reference, `"Job"`) as the expression it holds. */
function stringAnnotation(text: string): py.ExprNode | null {
  if (text.length > 200) return null;
  const { module } = parse(`(${text})\n`, "<annotation>");
  const s = module?.body[0];
  return s && module!.body.length === 1 && s._type === "Expr" ? s.value : null;
}

/** How an annotation is used: a function's return (`-> None` is `void`) or anything else. */
export type AnnotationUse = "value" | "return";

/** A Python annotation as a TS type; anything not understood is `any` (never a wrong type). */
export function annotationType(cx: LowerContext, a: py.ExprNode, use: AnnotationUse = "value"): string {
  const t = typeOf(cx, a, 0);
  return use === "return" && t === "null" ? "void" : t;
}

function typeOf(cx: LowerContext, a: py.ExprNode, depth: number): string {
  if (depth > 20) return "any";
  const sub = (e: py.ExprNode) => typeOf(cx, e, depth + 1);
  switch (a._type) {
    case "Constant":
      if (a.value === null) return "null";
      if (typeof a.value === "string") {
        const inner = stringAnnotation(a.value);
        return inner && inner._type !== "Constant" ? sub(inner) : "any";
      }
      return "any";
    case "Name":
    case "Attribute":
      return named(cx, a, depth);
    case "BinOp":
      if (a.op._type === "BitOr") return union([sub(a.left), sub(a.right)]);
      return "any";
    case "Subscript":
      return generic(cx, a, sub);
  }
  return "any";
}

/** The name an annotation ends with (`Queue` in `asyncio.Queue`), with the module it was reached through. */
function nameOf(a: py.ExprNode): string {
  return a._type === "Name" ? a.id : a._type === "Attribute" ? a.attr : "";
}

/** The runtime module an annotation's name comes from (`asyncio.Lock`, `concurrent.futures.Future`, `Lock` imported from asyncio, `ValueError`). */
export function runtimeOrigin(cx: LowerContext, a: py.ExprNode): { from: string; name: string } | undefined {
  if (a._type === "Attribute") {
    const path = modulePath(cx, a.value);
    return path !== undefined && STDLIB[path] ? { from: STDLIB[path].from, name: a.attr } : undefined;
  }
  if (a._type !== "Name") return undefined;
  const k = cx.lookupKnown(a.id);
  if (k?.kind === "runtime-name") return STDLIB[k.module] ? { from: STDLIB[k.module].from, name: k.name } : undefined;
  if (!k && !cx.userNames.has(a.id)) return { from: RUNTIME, name: a.id };
  return undefined;
}

/**
 * The dotted name of the module an expression reaches (`concurrent.futures` of `concurrent.futures`
 * after `import concurrent.futures`, of `cf` after `import concurrent.futures as cf`, of `futures`
 * after `from concurrent import futures`), or undefined.
 */
function modulePath(cx: LowerContext, e: py.ExprNode): string | undefined {
  if (e._type === "Attribute") {
    const outer = modulePath(cx, e.value);
    return outer === undefined ? undefined : `${outer}.${e.attr}`;
  }
  if (e._type !== "Name") return undefined;
  const k = cx.lookupKnown(e.id);
  if (k?.kind !== "module") return undefined;
  // `import a.b` binds `a`, the package (known by the module imported when the runtime has no `a`).
  return k.name.startsWith(`${e.id}.`) ? e.id : k.name;
}

/** Whether a runtime module is asyncio or one of its submodules (asyncio.queues, ...). */
const isAsyncio = (from: string) => from === ASYNCIO || from.startsWith(`${ASYNCIO}_`);

/**
 * The container an annotation's name stands for: asyncio's Queue, Future and Task only as asyncio's
 * (not `queue.Queue` nor `concurrent.futures.Future`), none for a class of the program's own.
 */
function containerOf(cx: LowerContext, head: py.ExprNode): (typeof CONTAINERS)[string] | undefined {
  const n = nameOf(head);
  const c = CONTAINERS[n];
  if (!c || (head._type === "Name" && cx.lookupKnown(n)?.kind === "class")) return undefined;
  if (c.from !== ASYNCIO) return c;
  const origin = runtimeOrigin(cx, head);
  // (a name not known to be imported from elsewhere keeps asyncio's: a star import, a guarded import)
  if (!origin) return head._type === "Name" ? c : undefined;
  return origin.from === RUNTIME || isAsyncio(origin.from) ? c : undefined;
}

/**
 * A class the runtime exports (asyncio.Lock, ValueError, datetime.datetime, queue.Queue), as the
 * TS class: with the type arguments given when it takes that many, else `any` for each it takes.
 */
function runtimeClass(cx: LowerContext, a: py.ExprNode, args: py.ExprNode[] = [], sub?: (e: py.ExprNode) => string): string | undefined {
  const origin = runtimeOrigin(cx, a);
  if (!origin || origin.from.endsWith("/typing") || origin.from.endsWith("/collections_abc")) return undefined;
  const classes = RUNTIME_CLASSES[origin.from];
  if (!classes || !` ${classes} `.includes(` ${origin.name} `)) return undefined;
  const cls = cx.imports.type(origin.name, origin.from);
  const params = runtimeTypeParamCount(origin.from, origin.name) ?? 0;
  if (!params) return cls;
  return `${cls}<${(args.length === params && sub ? args.map(sub) : new Array(params).fill("any")).join(", ")}>`;
}

function named(cx: LowerContext, a: py.Name | py.Attribute, depth: number): string {
  const n = nameOf(a);
  if (a._type === "Name") {
    if (n === cx.selfTypeVar) return "this";
    if (cx.boundTypeVars.has(n)) return n;
    // A `type` statement's alias (PEP 695): its TS alias, any type arguments left out are `any`.
    const aliasParams = cx.pep695Alias(n);
    if (aliasParams !== undefined) return aliasParams ? `${n}<${new Array(aliasParams).fill("any").join(", ")}>` : n;
    const cls = cx.classType(n);
    const callable = cls ? callableProtocol(cx, n, [], (e) => typeOf(cx, e, depth + 1)) : undefined;
    if (callable) return callable;
    // A generic class named without type arguments: `any` for each (TS requires them).
    const params = cls && /^[\w$]+$/.test(cls) ? (cx.classTypeParams(n)?.length ?? 0) : 0;
    if (cls) return params ? `${cls}<${new Array(params).fill("any").join(", ")}>` : cls;
    const alias = cx.typeAlias(n);
    if (alias) return typeOf(cx, alias, depth + 1);
  }
  if (SIMPLE[n]) return SIMPLE[n];
  // The runtime's bytes class: a Uint8Array that also has Python's bytes methods in TS's eyes.
  if (n === "bytes") return cx.imports.type("PyBytes", RUNTIME);
  // (`queue.Queue`, `concurrent.futures.Future`: the runtime class of the module named, not asyncio's)
  const c = containerOf(cx, a);
  if (c?.from !== ASYNCIO) {
    const rt = runtimeClass(cx, a);
    if (rt) return rt;
  }
  if (c) return `${cx.imports.type(c.type, c.from)}<${new Array(c.args).fill("any").join(", ")}>`;
  if (n === "tuple" || n === "Tuple") return `${cx.imports.type("PyTuple", RUNTIME)}<any>`;
  if (n === "Coroutine" || n === "Awaitable") return `${cx.imports.type(n, ASYNCIO)}<any>`;
  if (ITERABLES.has(n) || n === "Iterator") return `${n === "Iterator" ? "Iterator" : "Iterable"}<any>`;
  if (n === "Callable") return "(...args: any[]) => any";
  return "any";
}

function generic(cx: LowerContext, a: py.Subscript, sub: (e: py.ExprNode) => string): string {
  const n = nameOf(a.value);
  const args = a.slice._type === "Tuple" ? a.slice.elts : [a.slice];
  const arg = (i: number) => (args[i] ? sub(args[i]) : "any");
  if (a.value._type === "Name" && !cx.boundTypeVars.has(n)) {
    const params = cx.pep695Alias(n);
    if (params !== undefined) return params === args.length ? `${n}<${args.map(sub).join(", ")}>` : "any";
  }
  if (n === "Optional") return union([arg(0), "null"]);
  if (n === "Union") return union(args.map(sub));
  if (n === "Annotated" || n === "ClassVar" || n === "Final" || n === "Required" || n === "NotRequired" || n === "ReadOnly") return arg(0);
  if (n === "Literal") return union(args.map(literal));
  // (a dataclass's InitVar[T] is an __init__ parameter, not what the attribute holds)
  if (n === "InitVar") return "any";
  // type[X]: a class whose instances are Xs, abstract or not, whatever its constructor takes.
  if (n === "type" || n === "Type") {
    const instance = args.length === 1 ? arg(0) : "any";
    return instance === "any" ? "any" : `(abstract new (...args: any[]) => ${instance})`;
  }
  // A type guard function returns a bool.
  if (n === "TypeGuard" || n === "TypeIs") return "boolean";
  if (n === "tuple" || n === "Tuple") {
    const PyTuple = cx.imports.type("PyTuple", RUNTIME);
    // tuple[()] is the empty tuple; tuple[int, ...] any length; tuple[str, int] a fixed shape.
    if (a.slice._type === "Tuple" && !a.slice.elts.length) return `${PyTuple}<never>`;
    const variadic =
      args.length === 2 && args[1]._type === "Constant" && typeof args[1].value === "object" && args[1].value !== null && "ellipsis" in args[1].value;
    return `${PyTuple}<${variadic ? arg(0) : union(args.map(sub))}>`;
  }
  const c = containerOf(cx, a.value);
  if (c) {
    const types = new Array(c.args).fill(0).map((_, i) => arg(i));
    return `${cx.imports.type(c.type, c.from)}<${types.join(", ")}>`;
  }
  const rt = runtimeClass(cx, a.value, args, sub);
  if (rt) return rt;
  if (n === "Callable") {
    const ret = args.length === 2 ? result(sub(args[1])) : "any";
    return `((${args.length === 2 ? callableParams(args[0], sub) : "...args: any[]"}) => ${ret})`;
  }
  if (n === "Awaitable") return `${cx.imports.type("Awaitable", ASYNCIO)}<${result(arg(0))}>`;
  if (n === "Coroutine") return `${cx.imports.type("Coroutine", ASYNCIO)}<${result(arg(2))}>`;
  // (an AsyncIterable or AsyncIterator may be a class of the program: only what `async for` uses)
  if (n === "AsyncIterable") return cx.imports.type("AsyncIterableLike", ASYNCIO);
  if (n === "AsyncIterator") return cx.imports.type("AsyncIteratorLike", ASYNCIO);
  if (n === "AsyncGenerator") return cx.imports.type("AsyncGenerator", ASYNCIO);
  if (ITERABLES.has(n)) return `Iterable<${arg(0)}>`;
  if (n === "Iterator") return `Iterator<${arg(0)}>`;
  // A user generic class: Box[int] is Box<bigint> when Box declares its type parameters.
  if (a.value._type === "Name") {
    const callable = callableProtocol(cx, a.value.id, args, sub);
    if (callable) return callable;
    const params = cx.classTypeParams(a.value.id);
    const cls = cx.classType(a.value.id);
    if (cls && params?.length === args.length) return `${cls}<${args.map(sub).join(", ")}>`;
    // `AsyncCallable[..., str]` of `class AsyncCallable(Protocol[P, T])`: the arguments in the
    // positions of the class's TypeVars (a ParamSpec has no TS type parameter).
    const slots = genericSlots(cx, a.value.id);
    if (cls && params?.length && slots?.length === args.length && params.every((p) => slots.includes(p)))
      return `${cls}<${params.map((p) => sub(args[slots.indexOf(p)])).join(", ")}>`;
    if (cls) return bareGeneric(cx, a.value.id, cls);
  }
  return "any";
}

/**
 * The parameters of `Callable[[int, str], R]` as TS's (`arg0: bigint, arg1: string`); any arguments
 * for `Callable[..., R]`, a ParamSpec or `Concatenate[...]`. (A function given for it is checked
 * as mypy checks it: each parameter must accept what the Callable's caller may pass.)
 */
function callableParams(params: py.ExprNode, sub: (e: py.ExprNode) => string): string {
  if (params._type !== "List") return "...args: any[]";
  return params.elts.map((e, i) => `arg${i}: ${sub(e)}`).join(", ");
}

/**
 * What a callable or coroutine annotated to give None gives in TS: a `-> None` function's TS
 * return is `void` (`null | void` when it says `return None`), so both are accepted.
 */
const result = (t: string) => (t === "null" ? "null | void" : t);

/** The names a user class's `Generic[...]`/`Protocol[...]` base lists, in order (TypeVars and ParamSpecs). */
function genericSlots(cx: LowerContext, name: string): string[] | undefined {
  const known = cx.lookupKnown(name);
  if (known?.kind !== "class") return undefined;
  for (const b of known.node.bases) {
    if (b._type !== "Subscript" || !["Generic", "Protocol"].includes(nameOf(b.value))) continue;
    const elts = b.slice._type === "Tuple" ? b.slice.elts : [b.slice];
    return elts.every((e) => e._type === "Name") ? elts.map((e) => (e as py.Name).id) : undefined;
  }
  return undefined;
}

/** The typing name a class base stands for (`Protocol` of `Protocol[T]`), or "". */
function typingName(cx: LowerContext, e: py.ExprNode): string {
  const head = e._type === "Subscript" ? e.value : e;
  const origin = runtimeOrigin(cx, head);
  return origin?.from.endsWith("/typing") ? origin.name : "";
}

/** Whether a class of the program is a typing Protocol (lists `Protocol` or `Protocol[...]` among its bases). */
export function isProtocolClass(cx: LowerContext, c: py.ClassDef): boolean {
  return c.bases.some((b) => typingName(cx, b) === "Protocol");
}

/**
 * A Protocol of the program whose only member is a plain `__call__` (`class Handler(Protocol[P, T]):
 * def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Awaitable[T]`): any callable of that
 * shape satisfies it, so its TS type is the function type, with the annotation's arguments for
 * the class's TypeVars (`Handler[..., str]`: `(...args: any[]) => Awaitable<string>`).
 */
function callableProtocol(cx: LowerContext, name: string, args: py.ExprNode[], sub: (e: py.ExprNode) => string): string | undefined {
  const known = cx.lookupKnown(name);
  if (known?.kind !== "class" || known.node.decorator_list.length > 1 || known.node.keywords.length) return undefined;
  const c = known.node;
  if (!isProtocolClass(cx, c) || !c.bases.every((b) => ["Protocol", "Generic"].includes(typingName(cx, b)))) return undefined;
  const members = c.body.filter((i) => !(i._type === "Expr" && i.value._type === "Constant") && i._type !== "Pass");
  const call = members[0];
  if (members.length !== 1 || call._type !== "FunctionDef" || call.name !== "__call__" || call.decorator_list.length || !call.returns) return undefined;
  // The class's TypeVars stand for the annotation's arguments (or Any when it gives none).
  const slots = genericSlots(cx, name) ?? cx.classTypeParams(name) ?? [];
  const given = new Map<string, py.ExprNode | undefined>(slots.map((p, i) => [p, args.length === slots.length ? args[i] : undefined]));
  if (args.length && args.length !== slots.length) return undefined;
  const substituted = (e: py.ExprNode): string => {
    if (e._type === "Name" && given.has(e.id)) {
      const arg = given.get(e.id);
      return arg ? sub(arg) : "any";
    }
    if (e._type === "Name" && cx.typeVars.has(e.id)) return "any";
    return sub(e);
  };
  return `((...args: any[]) => ${typeWith(cx, call.returns, substituted)})`;
}

/** An annotation's type where `leaf` decides the type of each name (a substituted TypeVar). */
function typeWith(cx: LowerContext, a: py.ExprNode, leaf: (e: py.ExprNode) => string): string {
  // Only what a __call__'s return spells in practice: X, Awaitable[X], Coroutine[..., X], X | None.
  if (a._type === "Name") return leaf(a);
  if (a._type === "BinOp" && a.op._type === "BitOr") return union([typeWith(cx, a.left, leaf), typeWith(cx, a.right, leaf)]);
  if (a._type === "Subscript") {
    const n = nameOf(a.value);
    const args = a.slice._type === "Tuple" ? a.slice.elts : [a.slice];
    if (n === "Awaitable" && args.length === 1) return `${cx.imports.type("Awaitable", ASYNCIO)}<${typeWith(cx, args[0], leaf)}>`;
    if (n === "Coroutine" && args.length === 3) return `${cx.imports.type("Coroutine", ASYNCIO)}<${typeWith(cx, args[2], leaf)}>`;
    if (n === "Optional" && args.length === 1) return union([typeWith(cx, args[0], leaf), "null"]);
  }
  let mentions = false;
  walk(a, (n) => {
    if (n._type === "Name" && cx.typeVars.has(n.id)) mentions = true;
  });
  return mentions ? "any" : leaf(a);
}

/** A generic user class named without arguments: Python reads `Box` as `Box[Any]`. */
function bareGeneric(cx: LowerContext, name: string, cls: string): string {
  const params = cx.classTypeParams(name);
  return params?.length ? `${cls}<${params.map(() => "any").join(", ")}>` : cls;
}

function literal(e: py.ExprNode): string {
  if (e._type === "Constant") {
    const v = e.value;
    if (typeof v === "string") return JSON.stringify(v);
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "boolean") return String(v);
    if (v === null) return "null";
  }
  if (e._type === "UnaryOp" && e.op._type === "USub" && e.operand._type === "Constant" && typeof e.operand.value === "bigint") return `-${e.operand.value}n`;
  // Literal[Color.RED] and the like: the member's type is not spelled out.
  return "any";
}

function union(types: string[]): string {
  if (types.includes("any")) return "any";
  const parts: string[] = [];
  for (const t of types) for (const p of splitUnion(t)) if (!parts.includes(p)) parts.push(p);
  return parts.join(" | ");
}

/** The members of a union text at its top level (`A<B | C> | null` → `A<B | C>`, `null`). */
export function splitUnion(t: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "<" || ch === "(" || ch === "[" || ch === "{") depth++;
    else if ((ch === ">" && t[i - 1] !== "=") || ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === "|" && depth === 0) {
      out.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(t.slice(start).trim());
  // A function type in a union needs parentheses.
  return out.map((p) => (p.includes("=>") && !(p.startsWith("(") && p.endsWith(")")) ? `(${p})` : p));
}

/**
 * Checks for the names of evaluated annotations that the definite-assignment pass could not prove
 * bound (only those: the annotations themselves are not evaluated, they are types for TS).
 */
export function annotationChecks(cx: LowerContext, annotations: py.ExprNode[], line: number): ir.Stmt[] {
  const reads = cx.fn.unbound?.reads;
  if (!reads?.size) return [];
  const out: ir.Stmt[] = [];
  for (const a of annotations)
    walk(a, (n) => {
      if (n._type === "Name" && reads.has(n)) out.push(exprStmt(cx.expr(n), line));
    });
  return out;
}
