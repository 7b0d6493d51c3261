// class ⇒ a JS class plus `define_class(...)`, which gives it Python's class model at run time
// (class attributes, __annotations__, coroutine methods, static/class methods, decorated methods).
// The input AST is read, never changed.
//
//   class C(Base):                 | class C extends Base { declare n: any; __init__(n?: any): any { this.n = n; } }
//       def __init__(self, n):     | define_class(C, "C", {});
//           self.n = n             |

import { pythonName } from "./private-names.js";
import { signatureAnnotations } from "./definite-assignment.js";
import type * as py from "../ast/nodes.js";
import { resolveName, type Scope } from "./scopes.js";
import type * as ir from "../ir/nodes.js";
import { array, assignStmt, call, exprStmt, id, lit, member, newExpr, returnStmt, spread } from "../ir/nodes.js";
import { type FunctionContext, type Helper, jsMemberName, type LowerContext, PROGRAM, safeName, safeProp } from "./context.js";
import { RUNTIME, STDLIB } from "./stdlib.js";
import { forEachChildWith, walk } from "../ast/walk.js";
import { namesAny, nodeIndex } from "../ast/node-index.js";
import { assignName } from "./bindings.js";
import { asksForSignatures, signatureRecord } from "./signatures.js";
import { annotationText } from "./annotation-text.js";
import { overrideParams } from "./override-signatures.js";
import { annotationChecks, annotationType, isProtocolClass, typeVarsIn } from "./annotations.js";
import { inheritedMemberKind } from "./inherited-members.js";
import { decoratedDefsRenamedApart, decoratorKinds, renamedDefValue } from "./decorated-class-defs.js";
import { defsOfSubclasses, isMixin } from "./mixins.js";
import { CORO_TYPE, functionExpression } from "./functions.js";
import { describeStmt, docstring, firstLine, isStubBody, simpleBinding } from "./syntax.js";
import { enumMembers } from "./plain-access.js";
import { OutsideAttributeReads } from "./outside-attributes.js";
import { classNamesRead, plainClassAttributes } from "./class-attributes.js";
import { classLevelReads, namesReadLater, plainMethodName, readsMethodsEarly } from "./class-body-names.js";
import { ClassBodyBlocks, type ClassBodyState, describeBlock, firstParameterShape, isClassBodyBlock, receiverHasDefault } from "./class-body-blocks.js";
import { isRuntimeFunction } from "./known-results.js";
import { type LoweredTypeParams, lowerTypeParams, typeAliasValue } from "./type-params.js";

/**
 * `nested`: a class defined in another class's body. It is built as an expression (its JS name
 * is its Python name, so nothing outside sees it) into the const `nested.binding`, which the
 * enclosing class then holds as a class attribute.
 */
/** What a program's class extends for a builtin base (`dict` itself is a factory function): builtins/subclassable.ts. */
const BUILTIN_BASE_CLASSES: Record<string, Helper> = {
  object: "PyObject",
  dict: "DictSubclassRoot",
  list: "ListSubclassRoot",
  set: "SetSubclassRoot",
  frozenset: "PyFrozenSet",
  int: "IntSubclassRoot",
  float: "FloatSubclassRoot",
  str: "StrSubclassRoot",
  tuple: "TupleSubclassRoot",
};

/** `class M(type)`, `class M(ABCMeta)` or a subclass of such a class of the program: a metaclass. */
function isMetaclassDef(cx: LowerContext, s: py.ClassDef, depth = 0): boolean {
  if (depth > 20) return false;
  return s.bases.some((b) => {
    if (isAbcMeta(cx, b)) return true;
    if (b._type !== "Name") return false;
    if (b.id === "type" && resolveName(cx.fn.scope, b.id, cx.scopes).where === "builtin") return true;
    const k = cx.lookupKnown(b.id);
    return k?.kind === "class" && isMetaclassDef(cx, k.node, depth + 1);
  });
}

/** The name a class-body statement binds to a value its later statements can read (an attribute, a nested class). */
function valueBinding(item: py.Stmt): string | null {
  if (item._type === "Assign" && item.targets.length === 1 && item.targets[0]._type === "Name") return item.targets[0].id;
  if (item._type === "AnnAssign" && item.value && item.target._type === "Name") return item.target.id;
  return item._type === "ClassDef" ? item.name : null;
}

const readsNamespaces = new WeakMap<py.Module, boolean>();
// (the module's distinct Name ids, gathered once per tree: no loop over every Name here)
const VARS: ReadonlySet<string> = new Set(["vars"]);

// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function readsDict(a: py.Attribute): boolean {
  return a.attr === "__dict__";
}

/** Whether the program may read some class's `__dict__` (`C.__dict__`, `vars(C)`). */
function readsClassNamespaces(module: py.Module): boolean {
  let reads = readsNamespaces.get(module);
  if (reads === undefined) {
    const index = nodeIndex(module);
    reads = index.ofType("Attribute").some(readsDict) || namesAny(module, VARS);
    readsNamespaces.set(module, reads);
  }
  return reads;
}

const readsOrigins = new WeakMap<py.Module, boolean>();
const ORIGIN_NAMES = new Set(["__orig_bases__", "__parameters__", "get_original_bases"]);
/**
 * Whether the module may read a class's `__orig_bases__` or `__parameters__` (computed from them):
 * only then does define_class get the bases as written (evaluated a second time).
 */
function readsOrigBases(module: py.Module): boolean {
  let reads = readsOrigins.get(module);
  if (reads === undefined) {
    const index = nodeIndex(module);
    reads =
      index.ofType("Attribute").some((a) => ORIGIN_NAMES.has(a.attr)) ||
      namesAny(module, ORIGIN_NAMES) ||
      index.ofType("Constant").some((c) => typeof c.value === "string" && ORIGIN_NAMES.has(c.value));
    readsOrigins.set(module, reads);
  }
  return reads;
}

/** The names a class body binds, in the order its namespace gets them (`__doc__` for a docstring). */
function namespaceOrder(body: py.Stmt[], bound: Map<string, unknown>, blocks: ClassBodyBlocks | null): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    if (!names.includes(n)) names.push(n);
  };
  if (docstring(body) !== null) add("__doc__");
  for (const item of body) {
    if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") add(item.name);
    else if (item._type === "Assign") {
      for (const t of item.targets) if (t._type === "Name") add(t.id);
    } else if (item._type === "AnnAssign" && item.value && item.target._type === "Name") add(item.target.id);
    else if (item._type === "TypeAlias" && item.name._type === "Name") add(item.name.id);
    else if (blocks) for (const n of blocks.namesOf(item)) add(n);
  }
  // (less what a `del` of the body removed; a block's names are left out at run time when unbound)
  return names.filter((n) => n === "__doc__" || bound.has(n) || blocks?.binds(n));
}

/** A class-body statement run for its effect: an expression other than a constant (a docstring, `...`). */
function isEffectStatement(item: py.Stmt): boolean {
  return item._type === "Expr" && item.value._type !== "Constant";
}

function isValueStatement(item: py.Stmt): boolean {
  return item._type === "Assign" || item._type === "AnnAssign" || item._type === "Expr";
}

/** `name = other` where `n` is that `other`: the alias the class body takes from the class (`__iter__ = __await__`). */
function isBareAlias(item: py.Stmt, n: py.Name): boolean {
  return item._type === "Assign" && item.value === n;
}

/** `(y := f())` binds y in the class namespace: not supported in a class body's statements. */
function hasWalrus(item: py.Stmt): boolean {
  const r = { found: false };
  walrusStep(item, r, undefined);
  return r.found;
}

function walrusStep(n: py.Node, r: { found: boolean }, _: unknown): void {
  if (n._type === "NamedExpr") r.found = true;
  if (!r.found) forEachChildWith(n, walrusStep, r, undefined);
}

/** The IR with each `this` read as `(this as any)`. */
/**
 * The defs of a class body that a later statement wraps with `classmethod(f)` or `staticmethod(f)`
 * (`g = classmethod(f)`): called through the wrapper, their first parameter is a class or an
 * argument, not an instance, so `this` in them is typed any for TS.
 */
function defsWrappedAsClassOrStatic(body: py.Stmt[]): Set<string> {
  const out = new Set<string>();
  for (const item of body) {
    if (item._type !== "Assign" || item.value._type !== "Call") continue;
    const { func, args } = item.value;
    if (func._type === "Name" && (func.id === "classmethod" || func.id === "staticmethod") && args[0]?._type === "Name") out.add(args[0].id);
  }
  return out;
}

/**
 * A plain def of the body with no positional parameter to take the instance (`def helper():`,
 * `def f(*args)`): called on an instance it still gets the instance first (CPython's "takes 0
 * positional arguments but 1 was given"), called on the class it does not. Not when it is
 * decorated, async, or bound again by the body (`f = staticmethod(f)`).
 */
function takesNoInstance(def: py.FunctionDef | py.AsyncFunctionDef, body: py.Stmt[]): boolean {
  if (def._type !== "FunctionDef" || def.decorator_list.length || def.args.posonlyargs.length || def.args.args.length) return false;
  if (def.name === "__new__" || def.name === "__init_subclass__" || def.name === "__class_getitem__") return false;
  let named = false;
  // (bound again: read only, `x = helper()`, it stays the def)
  for (const item of body) if (item !== def) walk(item, (n) => void (n._type === "Name" && n.id === def.name && n.ctx._type !== "Load" && (named = true)));
  return !named;
}

/**
 * An object literal of literal values whose keys may repeat (`@overload` stubs before the def):
 * each key once, where it came first, with its last value, as JS would make it (TS rejects the repeat).
 */
function literalObject(props: { key: string; value: ir.Expr }[]): ir.Expr {
  const last = new Map<string, { key: string; value: ir.Expr }>();
  for (const p of props) last.set(p.key, p);
  return { k: "object", props: [...last.values()] };
}

/** IR with `this` as `(this as any)`: everywhere, or only where it reads one of `props` (`this.m`). */
function thisAsAny(node: unknown, props?: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => thisAsAny(n, props));
  if (node === null || typeof node !== "object") return node;
  const n = node as ir.Expr;
  if (!props && n.k === "this") return { k: "as", expr: node, type: "any" };
  if (props && n.k === "member" && n.object.k === "this" && props.has(n.prop)) return { ...n, object: { k: "as", expr: n.object, type: "any" } };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(node)) out[key] = thisAsAny(v, props);
  return out;
}

function isGenericSubscript(b: py.ExprNode): boolean {
  if (b._type !== "Subscript") return false;
  const v = b.value;
  return (v._type === "Name" && v.id === "Generic") || (v._type === "Attribute" && v.attr === "Generic" && v.value._type === "Name" && v.value.id === "typing");
}

/**
 * `class C(Generic[T], Base[T])`: Generic[T]'s __mro_entries__ gives no base when a later base is a
 * subscripted typing alias (CPython's typing.py), so C's bases are the others and Generic comes in
 * through them. A later plain class keeps it (CPython then fails to order the MRO, and so do we).
 */
function withoutRedundantGeneric(bases: py.ExprNode[]): py.ExprNode[] {
  return bases.filter((b, i) => !isGenericSubscript(b) || !bases.slice(i + 1).some((later) => later._type === "Subscript"));
}

/** Builtin bases a class maps to a root only as its sole base (`class S(str, Enum)` keeps str: enum.ts mixes it in). */
const SOLE_BASE_ONLY = new Set(["int", "float", "str", "tuple"]);

function baseExpr(cx: LowerContext, b: py.ExprNode, sole = true): ir.Expr {
  if (b._type === "Name" && BUILTIN_BASE_CLASSES[b.id] && (sole || !SOLE_BASE_ONLY.has(b.id)) && resolveName(cx.fn.scope, b.id, cx.scopes).where === "builtin")
    return cx.helper(BUILTIN_BASE_CLASSES[b.id]);
  // `Box[T]`, `Generic[T]`: what the subscript gives may be a typing alias, whose __mro_entries__ names the class.
  // So do typing's aliases of classes (`typing.Iterable`: collections.abc's Iterable and Generic) and
  // its forms that stand for no class (mro_entry raises CPython's "Cannot subclass").
  if (b._type === "Subscript" || isTypingFormBase(cx, b)) return call(cx.helper("mro_entry"), cx.expr(b));
  return cx.expr(b);
}

/**
 * A decorated class of the program as a base: its binding is `any` to TS (what a decorator returns
 * is not known), and a class extending an `any` value would get a constructor without parameters.
 */
function decoratedClassBase(cx: LowerContext, b: py.ExprNode): boolean {
  if (b._type !== "Name") return false;
  const k = cx.lookupKnown(b.id);
  return k?.kind === "class" && k.node.decorator_list.length > 0;
}

/** A typing alias or form as a base (mro_entry gives the class). */
function isTypingFormBase(cx: LowerContext, b: py.ExprNode): boolean {
  return isTypingName(cx, b, TYPING_CLASS_ALIASES) || isTypingName(cx, b, TYPING_FORMS);
}

/** typing's aliases of collections.abc's and collections' classes (objects, not classes: see mro_entry). */
const TYPING_CLASS_ALIASES = new Set(
  (
    "Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator Iterable Iterator Generator Reversible Container " +
    "Collection Hashable Sized Sequence MutableSequence Mapping MutableMapping AbstractSet MutableSet KeysView ValuesView " +
    "ItemsView MappingView DefaultDict OrderedDict Counter Deque ChainMap Callable"
  ).split(" "),
);
/** typing's forms that stand for no class: as a base, CPython's "Cannot subclass" (mro_entry raises it). */
const TYPING_FORMS = new Set("Union Optional Literal Annotated ClassVar Final NoReturn Never Self".split(" "));

/** A base with no __init__ or __new__ of its own (typing's class aliases, collections.abc's ABCs). */
export function isInitlessBase(cx: LowerContext, b: py.ExprNode): boolean {
  if (isTypingName(cx, b, TYPING_CLASS_ALIASES)) return true;
  if (b._type === "Name") {
    const known = cx.lookupKnown(b.id);
    return known?.kind === "runtime-name" && known.module === "collections.abc";
  }
  // collections.abc.Mapping after `import collections.abc`
  return (
    b._type === "Attribute" && b.value._type === "Attribute" && b.value.attr === "abc" && b.value.value._type === "Name" && b.value.value.id === "collections"
  );
}

/**
 * `X` imported from typing, or `typing.X`, with X in `names` (or a name its scope assigns once, at
 * its top level, from one: `I = typing.Iterable`).
 */
function isTypingName(cx: LowerContext, b: py.ExprNode, names: Set<string>, depth = 0): boolean {
  if (b._type === "Attribute" && b.value._type === "Name") {
    const k = cx.lookupKnown(b.value.id);
    return k?.kind === "module" && k.name === "typing" && names.has(b.attr);
  }
  if (b._type !== "Name") return false;
  const k = cx.lookupKnown(b.id);
  if (k !== undefined) return k.kind === "runtime-name" && k.module === "typing" && names.has(k.name);
  const r = resolveName(cx.fn.scope, b.id, cx.scopes);
  if (r.where === "builtin" || r.scope.bindCount.get(b.id) !== 1 || depth > 3) return false;
  const body = (r.scope.node as { body?: py.Stmt[] }).body ?? [];
  const assign = body.find(
    (st): st is py.Assign => st._type === "Assign" && st.targets.length === 1 && st.targets[0]._type === "Name" && st.targets[0].id === b.id,
  );
  return assign !== undefined && isTypingName(cx, assign.value, names, depth + 1);
}

/** `class C[T](Box[T])`: TS sees the base as the generic class of the program it subscripts (its methods typed). */
function genericBase(cx: LowerContext, b: py.ExprNode): string | undefined {
  const cls = b._type === "Subscript" && b.value._type === "Name" && isGenericClass(cx, b) ? cx.classType(b.value.id) : undefined;
  return cls && /^[\w$]+$/.test(cls) ? cls : undefined;
}

/** The TS type arguments of such a base (`Box<T>`), when they match the class's type parameters. */
function genericBaseArgs(cx: LowerContext, b: py.ExprNode): string[] | undefined {
  if (b._type !== "Subscript" || b.value._type !== "Name" || !genericBase(cx, b)) return undefined;
  const args = b.slice._type === "Tuple" ? b.slice.elts : [b.slice];
  const params = cx.classTypeParams(b.value.id) ?? [];
  return params.length === args.length ? args.map((a) => annotationType(cx, a)) : undefined;
}

/** The names a `__new__` binds to `super().__new__(...)` or `X.__new__(...)`: its new instance. */
function instancesMadeIn(fn: py.FunctionDef | py.AsyncFunctionDef): Set<string> {
  const out = new Set<string>();
  walk(fn, (n) => {
    if (n._type !== "Assign" || n.value._type !== "Call") return;
    const f = n.value.func;
    if (f._type === "Attribute" && f.attr === "__new__") for (const t of n.targets) if (t._type === "Name") out.add(t.id);
  });
  return out;
}

/** Some Name in the class's body (its methods included) reads `id`. */
function readsName(s: py.ClassDef, id: string): boolean {
  const r = { id, found: false };
  for (const item of s.body) nameStep(item, r, undefined);
  return r.found;
}

function mentionsName(e: py.Node, id: string): boolean {
  const r = { id, found: false };
  nameStep(e, r, undefined);
  return r.found;
}

function nameStep(n: py.Node, r: { id: string; found: boolean }, _: unknown): void {
  if (n._type === "Name" && n.id === r.id) r.found = true;
  if (!r.found) forEachChildWith(n, nameStep, r, undefined);
}

/** How many type parameters the runtime's root class for a builtin container base takes. */
const CONTAINER_TYPE_PARAMS: Record<string, number> = { list: 1, set: 1, tuple: 1, dict: 2 };

/**
 * `class Key(tuple)`: `extends TupleSubclassRoot<any>`, whose items are `any` (the default,
 * `unknown`, would make a Key no `Iterable<string>` for TS, which Python's annotations take it as).
 */
function containerBaseArgs(cx: LowerContext, bases: py.ExprNode[]): string[] | undefined {
  const b = bases.length === 1 ? bases[0] : undefined;
  const params = b?._type === "Name" && isBuiltinBase(cx, b) ? CONTAINER_TYPE_PARAMS[b.id] : undefined;
  return params ? new Array(params).fill("any") : undefined;
}

function isBuiltinBase(cx: LowerContext, b: py.ExprNode): boolean {
  return b._type === "Name" && b.id !== "object" && !!BUILTIN_BASE_CLASSES[b.id] && resolveName(cx.fn.scope, b.id, cx.scopes).where === "builtin";
}

/** A base that is (a subscript of) a class of the program with Generic in its MRO: generic itself (PEP 695) or deriving from Generic[...]. */
function isGenericClass(cx: LowerContext, b: py.ExprNode, depth = 0): boolean {
  const e = b._type === "Subscript" ? b.value : b;
  if (e._type !== "Name" || depth > 20) return false;
  const k = cx.lookupKnown(e.id);
  if (k?.kind !== "class") return false;
  if (k.node.type_params.length) return true;
  return k.node.bases.some((x) => (x._type === "Subscript" && x.value._type === "Name" && x.value.id === "Generic") || isGenericClass(cx, x, depth + 1));
}

export function classDef(cx: LowerContext, s: py.ClassDef, nested?: { qualname: string; binding: string }): ir.Stmt[] {
  const scope = cx.fn.scope;
  if ((scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name)) cx.knownIn(scope).set(s.name, { kind: "class", node: s });
  // `class C(metaclass=ABCMeta)` is `class C(ABC)` (the runtime's ABCMeta is ABC), and so is a
  // metaclass derived from ABCMeta in the program (which then also runs as a metaclass). Other
  // metaclasses and class keywords go to define_class (runtime/metaclass.ts).
  let bases = s.bases;
  let metaclass: py.ExprNode | undefined;
  const classKeywords: { key: string; value: ir.Expr }[] = [];
  // `class C(Base, **options)`: mappings merged into the keywords when the class is made
  const keywordMappings: ir.Expr[] = [];
  for (const k of s.keywords) {
    if (k.arg === null) keywordMappings.push(cx.expr(k.value));
    else if (k.arg !== "metaclass") classKeywords.push({ key: k.arg, value: cx.expr(k.value) });
    else if (isAbcMeta(cx, k.value)) {
      if (s.bases.length) return cx.diags.error(s, "TSY1010");
      bases = [k.value];
    } else {
      metaclass = k.value;
      const abcBase = abcMetaBase(cx, k.value);
      if (abcBase && !s.bases.length) bases = [abcBase];
    }
  }
  // `class C(*bases)`: the runtime picks the base (star_bases); with a metaclass, class keywords or
  // type parameters as well it is not supported.
  if (bases.some((b) => b._type === "Starred") && (metaclass || classKeywords.length || keywordMappings.length || s.type_params.length || bases !== s.bases))
    return cx.diags.error(s, "TSY1011");
  // `class A(dict[str, int])`, `class Q(deque[int])`: a types.GenericAlias's __mro_entries__ gives
  // the class it subscripts, the base then (the alias stays in __orig_bases__).
  const origBases = s.bases.some((b) => b._type === "Subscript" || isTypingFormBase(cx, b)) && readsOrigBases(cx.module) ? s.bases : undefined;
  // (a loop, not map: the same packed array whether classDef runs optimized or not, for classDefIn's readers)
  const unsubscripted: py.ExprNode[] = [];
  for (const b of bases) unsubscripted.push(subscriptedClass(cx, b) ?? b);
  bases = withoutRedundantGeneric(unsubscripted);
  // `class C[T](Base)` (PEP 695): its TypeVars' consts come first; the bases, keywords and body
  // read them; Generic is the last base.
  const generic = s.type_params.length ? lowerTypeParams(cx, s.name, s.type_params, s) : undefined;
  const keywords: ir.Expr | undefined = keywordMappings.length
    ? call(cx.helperFrom("class_keywords", PROGRAM), { k: "object", props: classKeywords }, ...keywordMappings)
    : classKeywords.length
      ? { k: "object", props: classKeywords }
      : undefined;
  return cx.withTypeParamNames(generic?.names ?? cx.typeParamOverride, () => classDefIn(cx, s, bases, metaclass, keywords, generic, nested, origBases));
}

/** `dict[str, int]`, `deque[int]`, `Mapping[str, T]` as a base: the builtin or library class subscripted (typing's aliases are left to mro_entry). */
function subscriptedClass(cx: LowerContext, b: py.ExprNode): py.Name | undefined {
  if (b._type !== "Subscript" || b.value._type !== "Name") return undefined;
  const v = b.value;
  if (isBuiltinBase(cx, v)) return v;
  const k = cx.lookupKnown(v.id);
  return k?.kind === "runtime-name" && k.module !== "typing" && STDLIB[k.module]?.classes.has(k.name) ? v : undefined;
}

/** A method's decorators, which define_class runs once the class exists (see classProps' `decorate`). */
interface MethodDecorators {
  name: string;
  /** A def renamed apart (decorated-class-defs.ts): its function, which the decorators take. */
  source?: ir.Expr;
  isStatic: boolean;
  getter: boolean;
  setter: boolean;
  decorators: ir.Expr[];
  direct: boolean[];
  line: number;
}

/**
 * What classDefIn gathers from a class body, statement by statement: one object per class, made in
 * one place (one shape), which the body's functions (bodyItem and those it calls) fill in. (They
 * were one ~600-line function, which V8 took seconds to optimize and then threw away.)
 */
interface ClassBody extends ClassBodyState {
  readonly cx: LowerContext;
  readonly s: py.ClassDef;
  /** The function context the class statement is in (the body's values are lowered in it). */
  readonly outer: FunctionContext;
  readonly classScope: Scope;
  readonly qualname: string;
  /** The class's JS name. */
  readonly name: string;
  readonly blocks: ClassBodyBlocks | null;
  /** Whether every value of the body is kept in a const of its own (see keepValue). */
  readonly keptValues: boolean;
  /** A function's class whose body binds a name the function also binds: its reads before binding are looked at. */
  readonly bindsOwnName: boolean;
  readonly readsImplicitNames: boolean;
  /** What the class namespace holds before the body runs (made at the first read that asks). */
  implicitNames: Map<string, ir.Expr> | undefined;
  readonly definedTwice: Set<string>;
  /** The names a base of the class has (baseMethodNames). */
  readonly overridden: Set<string>;
  readonly protocol: boolean;
  readonly members: ir.ClassMember[];
  readonly instanceAttrs: Set<string>;
  /** `self.x` reads of attributes only code outside the class sets (declared for TS). */
  readonly readFromOutside: string[];
  readonly annotations: { key: string; value: ir.Expr }[];
  readonly coroutineMethods: { key: string; value: ir.Expr }[];
  readonly asyncGenMethods: { key: string; value: ir.Expr }[];
  readonly methodTypeParams: { key: string; value: ir.Expr }[];
  readonly methodDecorators: MethodDecorators[];
  /** Methods' docstrings, when the program reads some __doc__ (or imports unittest). */
  readonly methodDocs: { key: string; value: ir.Expr }[];
  /** Methods' signatures (self first), for inspect.signature(): see signatures.ts. */
  readonly methodSignatures: { key: string; value: ir.Expr }[];
  readonly fieldTypes: Map<string, string>;
  readonly selfAnnotated: Map<string, string>;
  readonly classSideStores: Set<string>;
  readonly instanceReads: Set<string>;
  readonly classSideReads: Set<string>;
  readonly staticNames: string[];
  readonly classMethodNames: string[];
  readonly selflessNames: string[];
  readonly firstDefaulted: string[];
  /** `alias = prop` of an earlier `@property` in the body: set on the class in `decorate`. */
  readonly propertyAliases: { key: string; source: string; line: number }[];
  /** The defs the body deleted (`del name`). */
  readonly deletedDefs: Set<string>;
  /** The values of the body that are lambdas written there (`g = lambda self: 2`): named `K.<lambda>`. */
  readonly lambdaValues: Set<ir.Expr>;
  /** Whether the class or a base hooks attribute writes: the same for every method, asked at the first. */
  hasSetattr: boolean | undefined;
  /** Whether some base is a runtime class (not object, not the program's): asked at the first method. */
  onRuntimeBase: boolean | undefined;
  /** Methods bound under a mangled name (`_C__m` is named `__m`). */
  readonly writtenNames: { key: string; value: ir.Expr }[];
  /**
   * A method whose decorator the program wrote: define_class runs that decorator once the class
   * exists, after every statement of the body (see classProps' `decorate`).
   */
  decoratedLater: py.FunctionDef | py.AsyncFunctionDef | null;
  /** Decorated defs of a name the body binds again: each under a JS name of its own (decorated-class-defs.ts). */
  readonly renamedApart: Map<py.FunctionDef | py.AsyncFunctionDef, string>;
}

/** The value `key` gets in the class body: kept in a const of its own when the body's values must run in order (st.keptValues). */
function keepValue(st: ClassBody, key: string, value: ir.Expr, line: number): ir.Expr {
  if (!st.keptValues) return value;
  const { cx } = st;
  const t = cx.withOuter(st.outer, () => {
    const t = cx.temp("_attr");
    cx.fn.temps.pop();
    return t;
  });
  st.hoisted.push({ k: "var", decl: "const", name: t, type: "any", init: value, line });
  st.bodyValues.set(key, id(t));
  return id(t);
}

/** A class-level read of a name: an earlier value of the body (its const), a name bound later (a global's), or a decorated def (refused). */
function mapBodyRead(st: ClassBody, n: py.Name, item: py.Stmt): void {
  const { cx, bodyValues, boundSoFar, classScope } = st;
  const value = bodyValues.get(n.id) ?? (boundSoFar.has(n.id) ? undefined : implicitName(st, n.id));
  if (value) cx.classBodyReads.set(n, value);
  // A name the body binds later (or deleted): not an enclosing function's (CPython's LOAD_NAME).
  else if (!boundSoFar.has(n.id) && classScope.bound.has(n.id) && !classScope.nonlocals.has(n.id)) cx.classLevelGlobals.add(n);
  // An earlier decorated def read by a value or a statement (decorators read it from the
  // class: `@x.setter`): no value of it is kept for such a read.
  else if (boundSoFar.get(n.id) === "def" && isValueStatement(item) && !isBareAlias(item, n))
    cx.diags.error(n, "TSY1013", { construct: `a read of the decorated method ${n.id}` });
}

/** What the class namespace holds before the body runs (`__qualname__`, `__module__`). */
function implicitName(st: ClassBody, n: string): ir.Expr | undefined {
  return (st.implicitNames ??= new Map<string, ir.Expr>([
    ["__qualname__", lit(st.qualname)],
    ["__module__", lit(st.cx.options.module?.name ?? "__main__")],
  ])).get(n);
}

/** What the JS class extends: the one base, the runtime's chain of several (multiple_bases, star_bases), Generic last, typed for TS. */
function classBase(cx: LowerContext, s: py.ClassDef, bases: py.ExprNode[], generic: LoweredTypeParams | undefined, typingGeneric: boolean): ir.Expr {
  // A computed base (Generic[T], a call) is typed `any` so TS accepts whatever it builds.
  // (a typing alias is a simple name that mro_entry computes: typed as a PyObject class)
  const simpleBase = bases.length && (bases[0]._type === "Name" || bases[0]._type === "Attribute") && !isTypingFormBase(cx, bases[0]);
  // A metaclass extends `type` (a function to TS) or the runtime's ABC: typed any.
  const metaBase = isMetaclassDef(cx, s) && bases.length === 1 && (bases[0]._type === "Name" || bases[0]._type === "Attribute");
  const starred = bases.some((b) => b._type === "Starred");
  return starred
    ? ({
        k: "as",
        expr: cx.rt("star_bases", ...bases.map((b) => (b._type === "Starred" ? spread(cx.expr(b.value)) : baseExpr(cx, b, false)))),
        type: `typeof ${cx.imports.helper("PyObject", RUNTIME)}`,
      } as ir.Expr)
    : typingGeneric
      ? bases.length
        ? cx.rt("multiple_bases", ...bases.map((b) => baseExpr(cx, b, false)), id(cx.imports.helper("Generic", "tsyncio/runtime/typing")))
        : id(cx.imports.helper("Generic", "tsyncio/runtime/typing"))
      : metaBase
        ? ({ k: "as", expr: baseExpr(cx, bases[0]), type: "any" } as ir.Expr)
        : !bases.length
          ? cx.helper("PyObject")
          : bases.length > 1
            ? // Several bases: the runtime chains copies of them in C3 order.
              cx.rt("multiple_bases", ...bases.map((b) => baseExpr(cx, b, false)))
            : simpleBase && decoratedClassBase(cx, bases[0])
              ? ({ k: "as", expr: baseExpr(cx, bases[0]), type: "new (...args: any[]) => any" } as ir.Expr)
              : simpleBase
                ? baseExpr(cx, bases[0])
                : ({
                    k: "as",
                    expr: baseExpr(cx, bases[0]),
                    type: `typeof ${(generic && genericBase(cx, bases[0])) || cx.imports.helper("PyObject", RUNTIME)}`,
                  } as ir.Expr);
}

function classDefIn(
  cx: LowerContext,
  s: py.ClassDef,
  bases: py.ExprNode[],
  metaclass: py.ExprNode | undefined,
  classKeywords: ir.Expr | undefined,
  generic: LoweredTypeParams | undefined,
  nested: { qualname: string; binding: string } | undefined,
  origBases: py.ExprNode[] | undefined,
): ir.Stmt[] {
  const classScope = cx.scopes.get(s)!;
  // (evaluated in the enclosing scope, as the bases are)
  const origBaseValues = origBases?.map((b) => (b._type === "Starred" ? spread(cx.expr(b.value)) : cx.expr(b)));
  // A generic class extends Generic last, unless its one base has Generic in its MRO already (or
  // is a builtin container, which the runtime cannot chain with another base: Generic is left out).
  const typingGeneric = generic && !(bases.length === 1 && (isGenericClass(cx, bases[0]) || isBuiltinBase(cx, bases[0])));
  const base = classBase(cx, s, bases, generic, !!typingGeneric);
  // A class expression's own name is bound inside its body in JS, not in Python: a nested class
  // whose methods read that name (`open` in `class open: ... open(path)`, the builtin) is named
  // otherwise in JS (its Python name comes from define_class).
  // So is a class whose bases read the name (`class K(K)`: the base is the earlier K; in JS the
  // class's own name would be read before it is made).
  // So is one whose name is bound again later, when its methods read the name (they see the newest).
  const readInBody = (nested !== undefined || (cx.fn.scope.bindCount.get(s.name) ?? 0) > 1) && readsName(s, s.name);
  const readInBases = !readInBody && bases.some((b) => mentionsName(b, s.name));
  const name = readInBody || readInBases ? cx.temp(`${safeName(s.name)}_class`) : safeName(s.name);
  // (only the class expression's name: no variable)
  if (nested === undefined && (readInBody || readInBases)) cx.fn.temps.pop();
  const qualname = nested ? nested.qualname : cx.fn.qualname ? `${cx.fn.qualname}.<locals>.${pythonName(s)}` : pythonName(s);
  const members: ir.ClassMember[] = [];
  const hoisted: ir.Stmt[] = [...(generic?.decls ?? [])];
  const instanceAttrs = new Set<string>();
  // `self.x` reads of attributes only code outside the class sets (declared for TS).
  const readFromOutside: string[] = [];
  const classAttrs: { key: string; value: ir.Expr }[] = [];
  const annotations: { key: string; value: ir.Expr }[] = [];
  const coroutineMethods: { key: string; value: ir.Expr }[] = [];
  const asyncGenMethods: { key: string; value: ir.Expr }[] = [];
  const methodTypeParams: { key: string; value: ir.Expr }[] = [];
  const protocol = isProtocolClass(cx, s);
  const methodDecorators: MethodDecorators[] = [];
  // Generic[T] (or any base naming TypeVars): the class's TS type parameters.
  const typeParams: string[] = [];
  for (const b of bases) typeVarsIn(cx, b, typeParams);
  for (const t of generic?.tsParams ?? []) if (!typeParams.includes(t)) typeParams.push(t);
  const ownTypeParams = typeParams.filter((t) => !cx.boundTypeVars.has(t));
  const fieldTypes = new Map<string, string>();
  const selfAnnotated = new Map<string, string>();
  const classSideStores = new Set<string>();
  const instanceReads = new Set<string>();
  const classSideReads = new Set<string>();
  const overridden = baseMethodNames(cx, s);
  const staticNames: string[] = [];
  const classMethodNames: string[] = [];
  const selflessNames: string[] = [];
  const firstDefaulted: string[] = [];
  const outer = cx.fn;
  const savedTypeVars = cx.boundTypeVars;
  cx.boundTypeVars = new Set([...savedTypeVars, ...ownTypeParams]);
  // The body runs with its statement: its reads the enclosing scope's analysis found maybe unbound are checked.
  cx.fn = cx.newFunctionContext(classScope, qualname, false, false);
  cx.fn.className = s.name;
  cx.fn.unbound = outer.unbound;
  const bodyNames = new Set<string>();
  // Methods' docstrings, when the program reads some __doc__ (or imports unittest).
  const methodDocs: { key: string; value: ir.Expr }[] = [];
  /** Methods' signatures (self first), for inspect.signature(): see signatures.ts. */
  const methodSignatures: { key: string; value: ir.Expr }[] = [];
  // Earlier body names read by later class-level statements: the consts holding their values
  // (class-body-names.ts). Then every attribute value is such a const, so values run in order.
  // A class whose later statements read its methods is made first (class-body-names.ts): what names it then.
  const declaredHere = !nested && !s.decorator_list.length && !outer.declared.has(s.name) && name === safeName(s.name);
  const earlyMethods = readsMethodsEarly(s.body, !declaredHere);
  // (a loop: flatMap's array per statement cost more than the rest of this setup)
  const defNames: string[] = [];
  for (const b of s.body) if (b._type === "FunctionDef" || b._type === "AsyncFunctionDef") defNames.push(b.name);
  const definedTwice = new Set(defNames.filter((n, i) => defNames.indexOf(n) !== i));
  // A statement run for its effect (`print(...)`) keeps every value in a const too, so that the
  // values and the statement run in the body's order.
  // Control flow in the body (class-body-blocks.ts): values in consts, and the class made first when a branch reads a method.
  const blocks = ClassBodyBlocks.of(cx, s, outer, classScope, qualname);
  const keptValues = earlyMethods || blocks !== null || s.body.some(isEffectStatement) || namesReadLater(s.body, valueBinding).size > 0;
  /** `alias = prop` of an earlier `@property` in the body: set on the class in `decorate`. */
  const propertyAliases: { key: string; source: string; line: number }[] = [];
  const bodyValues = new Map<string, ir.Expr>();
  // What the body has bound so far (a def, or a value among classAttrs), for `del name`; the defs it deleted.
  const boundSoFar = new Map<string, "def" | "attr">();
  const deletedDefs = new Set<string>();
  const classRef = !(earlyMethods || blocks?.needsClassEarly(defNames))
    ? null
    : declaredHere
      ? name
      : cx.withOuter(outer, () => {
          const t = cx.temp("_cls");
          cx.fn.temps.pop();
          return t;
        });
  // A function's class whose body binds a name the function also binds (or the module: a class
  // body's `x = x` reads the global x): reads of it before the body binds it must be looked at.
  const bindsOwnName = [...classScope.bound].some((n) => !defNames.includes(n));
  // The values of the body that are lambdas written there (`g = lambda self: 2`): named `K.<lambda>`.
  const lambdaValues = new Set<ir.Expr>();
  const st: ClassBody = {
    cx,
    s,
    outer,
    classScope,
    qualname,
    name,
    blocks,
    classRef,
    keptValues,
    bindsOwnName,
    readsImplicitNames: classScope.used.has("__qualname__") || classScope.used.has("__module__"),
    implicitNames: undefined,
    definedTwice,
    overridden,
    protocol,
    members,
    hoisted,
    instanceAttrs,
    readFromOutside,
    classAttrs,
    annotations,
    coroutineMethods,
    asyncGenMethods,
    methodTypeParams,
    methodDecorators,
    methodDocs,
    methodSignatures,
    fieldTypes,
    selfAnnotated,
    classSideStores,
    instanceReads,
    classSideReads,
    staticNames,
    classMethodNames,
    selflessNames,
    firstDefaulted,
    bodyNames,
    propertyAliases,
    bodyValues,
    boundSoFar,
    deletedDefs,
    lambdaValues,
    hasSetattr: undefined,
    onRuntimeBase: undefined,
    writtenNames: [],
    decoratedLater: null,
    renamedApart: decoratedDefsRenamedApart(s.body),
    mapRead: (n, item) => mapBodyRead(st, n, item),
    nestedClass: (c, nestedIn) => classDef(cx, c, nestedIn),
  };
  for (const item of blocks?.items() ?? s.body) bodyItem(st, item);
  cx.fn = outer;
  cx.boundTypeVars = savedTypeVars;
  finishBody(st);
  const fields = classFields(st, bases);
  const allMembers = [...fields, ...members];
  const props = classProps(st, origBaseValues, generic, metaclass, classKeywords);
  const defineClass = (cls: ir.Expr) => call(cx.helperFrom("define_class", PROGRAM), cls, lit(qualname), { k: "object", props });
  // (`T extends Box<any>` for a PEP 695 bound that is a class of the program.)
  const declaredTypeParam = (t: string) => (generic?.tsParams.includes(t) ? generic.tsDeclared[generic.tsParams.indexOf(t)] : t);
  const classTypeParams = ownTypeParams.length ? ownTypeParams.map(declaredTypeParam) : undefined;
  const baseTypeArgs =
    generic && !typingGeneric && bases.length === 1 ? cx.withTypeParams(ownTypeParams, () => genericBaseArgs(cx, bases[0])) : containerBaseArgs(cx, bases);
  if (classRef) {
    // Made before the body's values, which may read its methods; define_class then finishes it.
    const typeDecls = generic?.decls.length ?? 0;
    const made: ir.Stmt[] =
      classRef === name
        ? [{ k: "class", name, base, members: allMembers, typeParams: classTypeParams, baseTypeArgs, line: s.lineno }]
        : [
            {
              k: "var",
              decl: "const",
              name: classRef,
              init: { k: "class", name, base, members: allMembers, typeParams: classTypeParams, baseTypeArgs },
              line: s.lineno,
            },
          ];
    const before = [...hoisted.slice(0, typeDecls), ...made, ...hoisted.slice(typeDecls)];
    if (classRef === name) {
      cx.fn.declared.add(s.name);
      return [...before, exprStmt(defineClass(id(name)), s.lineno)];
    }
    let value: ir.Expr = defineClass(id(classRef));
    for (const d of [...s.decorator_list].reverse()) value = call(cx.expr(d), value);
    if (nested) return [...before, { k: "var", decl: "const", name: nested.binding, type: "any", init: value, line: s.lineno }];
    const out = [...before, assignName(cx, s.name, value, (s.decorator_list[0] ?? s).lineno)];
    if (cx.annotationNames().has(s.name)) out.push(instanceInterface(name, typeParams, fields, s.lineno));
    return out;
  }
  if (nested) {
    let value: ir.Expr = defineClass({ k: "class", name, base, members: allMembers, typeParams: classTypeParams, baseTypeArgs });
    for (const d of [...s.decorator_list].reverse()) value = call(cx.expr(d), value);
    return [...hoisted, { k: "var", decl: "const", name: nested.binding, type: "any", init: value, line: s.lineno }];
  }
  // A class whose name is already declared (hoisted: it is read before this statement, or the
  // statement sits in a block) is assigned to that binding, as a decorated class is: a `class`
  // declaration there would redeclare the name or stay inside its block.
  // (a name bound again later is assigned too: TS cannot assign to a class declaration)
  // (and not one renamed in JS: `class K(K)` binds K to what the class expression gives)
  if (!s.decorator_list.length && !cx.fn.declared.has(s.name) && (cx.fn.scope.bindCount.get(s.name) ?? 0) <= 1 && name === safeName(s.name)) {
    cx.fn.declared.add(s.name);
    return [
      ...hoisted,
      { k: "class", name, base, members: allMembers, typeParams: classTypeParams, baseTypeArgs, line: s.lineno },
      exprStmt(defineClass(id(name)), s.lineno),
    ];
  }
  // @decorator class C: ...  →  const C = decorator(define_class(class C { ... }, ...))
  let value: ir.Expr = defineClass({ k: "class", name, base, members: allMembers, typeParams: classTypeParams, baseTypeArgs });
  for (const d of [...s.decorator_list].reverse()) value = call(cx.expr(d), value);
  const out = [...hoisted, assignName(cx, s.name, value, (s.decorator_list[0] ?? s).lineno)];
  // What a decorator returns is not known: annotations that name the class get the shape of its instances
  // (declared once per function: a class defined twice would give TS two index signatures to merge).
  if (cx.annotationNames().has(s.name) && firstInterface(cx, s.name)) out.push(instanceInterface(name, typeParams, fields, s.lineno));
  return out;
}

/** The body's lists once every statement is lowered: deleted defs left out, `__hash__`, each attribute once, `this` for class-side methods, replaced defs gone. */
function finishBody(st: ClassBody): void {
  const {
    cx,
    s,
    blocks,
    overridden,
    members,
    instanceAttrs,
    readFromOutside,
    classAttrs,
    methodTypeParams,
    methodDecorators,
    methodDocs,
    bodyNames,
    deletedDefs,
  } = st;
  if (deletedDefs.size) {
    // (define_class removes them once it has made coroutine, static and class methods of them:
    // what the body read from them is such a method; nothing later in the setup may name them)
    const kept = (list: { key: string }[]) => list.splice(0, list.length, ...list.filter((x) => !deletedDefs.has(x.key)));
    for (const list of [methodDocs, methodTypeParams]) kept(list);
    methodDecorators.splice(0, methodDecorators.length, ...methodDecorators.filter((m) => !deletedDefs.has(m.name)));
  }
  // Python sets __hash__ to None in a class that defines __eq__ but not __hash__: unhashable.
  const defines = (n: string) => s.body.some((b) => (b._type === "FunctionDef" && b.name === n) || simpleBinding(b) === n);
  const hashDefault = blocks ? blocks.hashDefault(defines("__eq__"), defines("__hash__")) : defines("__eq__") && !defines("__hash__") ? lit(null) : null;
  if (hashDefault) classAttrs.push({ key: "__hash__", value: hashDefault });
  // A name the body binds twice keeps its first place and its last value, as in the class's namespace
  // (and an object literal may not repeat a key).
  if (classAttrs.length > 1) {
    const lastValues = new Map(classAttrs.map((a) => [a.key, a]));
    classAttrs.splice(0, classAttrs.length, ...lastValues.values());
  }
  for (const a of classAttrs) instanceAttrs.add(a.key);
  for (const a of readFromOutside) if (!bodyNames.has(a) && !overridden.has(a)) instanceAttrs.add(a);
  // A metaclass's methods, `__new__`, `__init_subclass__` and `__class_getitem__` get a class as `this`: typed any for TS.
  const metaclassBody = isMetaclassDef(cx, s);
  const wrapped = defsWrappedAsClassOrStatic(s.body);
  for (const m of members)
    if (
      m.k === "method" &&
      (metaclassBody || wrapped.has(m.fn.name) || m.fn.name === "__new__" || m.fn.name === "__init_subclass__" || m.fn.name === "__class_getitem__")
    )
      m.fn = { ...m.fn, body: thisAsAny(m.fn.body) as ir.Stmt[] };
  // A def the body names again (`@overload` stubs, a redefinition): the class keeps the last, as
  // a JS class body does; TS rejects the duplicate implementations, so the earlier ones go.
  const replaced = members.filter(
    (m, i) =>
      m.k === "method" &&
      members.some(
        (later, j) => j > i && later.k === "method" && later.fn.name === m.fn.name && !!later.static === !!m.static && later.accessor === m.accessor,
      ),
  );
  if (replaced.length) members.splice(0, members.length, ...members.filter((m) => !replaced.includes(m)));
}

/** The fields TS is told of (`declare`d): instance attributes, a mixin's reads, static members read through self or cls, enum members, class attributes read from the class. */
function classFields(st: ClassBody, bases: py.ExprNode[]): ir.ClassMember[] {
  const {
    cx,
    s,
    name,
    overridden,
    members,
    instanceAttrs,
    classAttrs,
    fieldTypes,
    selfAnnotated,
    classSideStores,
    instanceReads,
    classSideReads,
    staticNames,
    classMethodNames,
    bodyNames,
    propertyAliases,
  } = st;
  // (what the base has: an accessor is not redeclared as a field, a method or field is redeclared `any`)
  // (a loop: a Map made from an array of pairs goes through the iteration protocol, per class)
  const inherited = new Map<string, ReturnType<typeof inheritedMemberKind>>();
  for (const a of instanceAttrs) inherited.set(a, inheritedMemberKind(cx, s, a));
  // (a loop, not filter and map: TurboFan's inlined map makes a holey array where V8's builtin
  // makes a packed one, and the readers of `fields` compiled for one were thrown away at the other)
  const fields: ir.ClassMember[] = [];
  for (const a of instanceAttrs)
    if (
      !members.some((m) => m.k === "method" && m.fn.name === a) &&
      inherited.get(a) !== "accessor" &&
      // (on a runtime base, `self.size` is kept aside by setattr: no field of that name, which may be the base's accessor)
      !(jsMemberName(a) && (st.onRuntimeBase ??= extendsRuntimeClass(cx.module, s, 0)))
    )
      fields.push({
        k: "field",
        name: safeProp(a),
        type: ((bases.length && jsMemberName(a)) || inherited.get(a) ? undefined : (fieldTypes.get(a) ?? selfAnnotated.get(a))) ?? "any",
        declare: true,
      });
  // A mixin (a base of the program's classes next to another base): what its methods read from
  // self and it does not have comes from the classes it is mixed into (`self.assertEqual` of a
  // TestCase mixin), declared any.
  // (not a name its bases have, nor one a class extending it defines by a def: TS2425)
  // A name such a class defines by a def is read through `this as any` in TS instead.
  if (isMixin(cx.module, s.name) && basesOfTheProgram(cx, s)) {
    const subclassDefs = defsOfSubclasses(cx.module, s.name);
    const castReads = new Set<string>();
    for (const a of instanceReads)
      if (
        !instanceAttrs.has(a) &&
        !bodyNames.has(a) &&
        !staticNames.includes(a) &&
        !classMethodNames.includes(a) &&
        safeProp(a) === a &&
        !a.startsWith("__") &&
        !overridden.has(a) &&
        inheritedMemberKind(cx, s, a) === undefined
      )
        if (subclassDefs.has(a)) castReads.add(a);
        else fields.push({ k: "field", name: a, type: "any", declare: true });
    if (castReads.size) for (const m of members) if (m.k === "method" && !m.static) m.fn = { ...m.fn, body: thisAsAny(m.fn.body, castReads) as ir.Stmt[] };
  }
  // A static or class method read through self (`self.generate_lines(n)`): TS finds static
  // members on the class only, so the instance side declares it too.
  for (const a of [...staticNames, ...classMethodNames])
    if (
      instanceReads.has(a) &&
      !fields.some((f) => f.k === "field" && f.name === safeProp(a)) &&
      !members.some((m) => m.k === "method" && !m.static && m.fn.name === a)
    )
      fields.push({ k: "field", name: safeProp(a), type: "any", declare: true });
  // `reader_lock = reader` of a property: instances read the alias as they read the property (its getter's type).
  for (const a of propertyAliases)
    if (!fields.some((f) => f.k === "field" && f.name === safeProp(a.key)) && !members.some((m) => m.k === "method" && m.fn.name === a.key)) {
      const getter = members.find((m) => m.k === "method" && m.accessor === "get" && m.fn.name === a.source);
      fields.push({ k: "field", name: safeProp(a.key), type: (getter?.k === "method" && getter.fn.returnType) || "any", declare: true });
    }
  // An Enum's members are the class's own (static) attributes: TS learns them here.
  const enumNames = enumMembers(cx, s);
  for (const m of enumNames) fields.push({ k: "field", name: m, type: name, declare: true, static: true });
  // Constants and nested classes read from the class (`Config.LIMIT`: class-attributes.ts).
  for (const a of plainClassAttributes(cx, s)) if (!enumNames.includes(a)) fields.push({ k: "field", name: a, type: "any", declare: true, static: true });
  // Its name read from the class (`Job.__name__`: class-attributes.ts classNameRead).
  for (const a of classNamesRead(cx, s)) fields.push({ k: "field", name: a, type: "string", declare: true, static: true });
  // What class methods read through `cls` that the class body or a class method sets (not a
  // method's name: a static method is a static already, an inherited one is the base's).
  const staticNow = new Set(allStaticNames(fields, members));
  for (const a of classSideReads)
    if ((classSideStores.has(a) || classAttrs.some((c) => c.key === a)) && !staticNow.has(safeProp(a)) && !overridden.has(a) && staticFieldName(a))
      fields.push({ k: "field", name: safeProp(a), type: "any", declare: true, static: true });
  return fields;
}

/** define_class's third argument: what the runtime makes of the class's Python side (attributes, annotations, coroutine methods, decorators...). */
function classProps(
  st: ClassBody,
  origBaseValues: ir.Expr[] | undefined,
  generic: LoweredTypeParams | undefined,
  metaclass: py.ExprNode | undefined,
  classKeywords: ir.Expr | undefined,
): { key: string; value: ir.Expr }[] {
  const {
    cx,
    s,
    name,
    blocks,
    classAttrs,
    annotations,
    coroutineMethods,
    asyncGenMethods,
    methodTypeParams,
    methodDecorators,
    methodDocs,
    methodSignatures,
    staticNames,
    classMethodNames,
    selflessNames,
    firstDefaulted,
    propertyAliases,
    boundSoFar,
    deletedDefs,
    lambdaValues,
    bodyNames,
  } = st;
  const props: { key: string; value: ir.Expr }[] = [];
  if (deletedDefs.size) props.push({ key: "deleted", value: array([...deletedDefs].map((n) => lit(n === "constructor" ? "constructor_" : n))) });
  if (origBaseValues) props.push({ key: "origbases", value: array(origBaseValues) });
  if (generic) props.push({ key: "typeparams", value: array(generic.values) });
  if (methodTypeParams.length) props.push({ key: "methodtypeparams", value: { k: "object", props: methodTypeParams } });
  if (classAttrs.length) props.push({ key: "attrs", value: { k: "object", props: classAttrs } });
  const lambdaNames: ir.Expr[] = [];
  for (const a of classAttrs) if (lambdaValues.has(a.value)) lambdaNames.push(lit(a.key));
  if (lambdaNames.length) props.push({ key: "lambdas", value: array(lambdaNames) });
  if (annotations.length) props.push({ key: "annotations", value: literalObject(annotations) });
  if (coroutineMethods.length) props.push({ key: "coroutines", value: literalObject(coroutineMethods) });
  if (methodDocs.length) props.push({ key: "docs", value: literalObject(methodDocs) });
  if (methodSignatures.length) props.push({ key: "signatures", value: { k: "object", props: methodSignatures } });
  if (asyncGenMethods.length) props.push({ key: "asyncgens", value: literalObject(asyncGenMethods) });
  if (coroutineMethods.length || asyncGenMethods.length) props.push({ key: "filename", value: cx.fileExpr() });
  if (staticNames.length) props.push({ key: "staticmethods", value: array(staticNames.map((n) => lit(n))) });
  if (classMethodNames.length) props.push({ key: "classmethods", value: array(classMethodNames.map((n) => lit(n))) });
  if (selflessNames.length) props.push({ key: "selfless", value: array(selflessNames.map((n) => lit(n))) });
  if (st.writtenNames.length) props.push({ key: "written", value: { k: "object", props: st.writtenNames } });
  if (firstDefaulted.length) props.push({ key: "firstdefaulted", value: array(firstDefaulted.map((n) => lit(n))) });
  if (metaclass) props.push({ key: "metaclass", value: cx.expr(metaclass) });
  if (classKeywords) props.push({ key: "kwargs", value: classKeywords });
  if (metaclass) props.push({ key: "namespace", value: array([...bodyNames].map((n) => lit(n))) });
  // (the order `C.__dict__` lists them in, when the program may read a class's __dict__)
  if (readsClassNamespaces(cx.module)) props.push({ key: "names", value: array(namespaceOrder(s.body, boundSoFar, blocks).map((n) => lit(n))) });
  // Decorated methods: C.prototype.m = deco(C.prototype.m), run by define_class once the class's
  // methods exist (coroutine methods wrapped) and before its bases finish it (ABC, Enum...): in
  // Python the body's decorators run before the class is made.
  const decorateMethod = (m: (typeof methodDecorators)[number]): ir.Stmt => {
    const owner = m.isStatic ? id(name) : member(id(name), "prototype");
    if (m.getter || m.setter) {
      const half = m.getter ? "getter" : "setter";
      let fn: ir.Expr = id(half);
      m.decorators.forEach((_, i, all) => (fn = cx.callValue(all[all.length - 1 - i], [fn], m.direct[all.length - 1 - i])));
      const decorate: ir.Expr = { k: "arrow", params: [{ name: half, type: "any" }], body: fn };
      return exprStmt(call(cx.helperFrom(`decorate_${half}`, PROGRAM), owner, lit(m.name), decorate), m.line);
    }
    // `C.m = deco(C.m)`: define_class made C.m the Python function (self first) and its setter
    // makes what the decorator returns the instances' method.
    const target = member(id(name), m.name);
    let value: ir.Expr = m.source ?? target;
    m.decorators.forEach((_, i, all) => (value = cx.callValue(all[all.length - 1 - i], [value], m.direct[all.length - 1 - i])));
    // (a def renamed apart binds its Python name through setattr, as the class body's store would)
    return m.source ? exprStmt(cx.rt("setattr", id(name), lit(m.name), value), m.line) : assignStmt(target, value, m.line);
  };
  // (a loop, not map: TurboFan's inlined map makes a holey array where V8's builtin makes a packed
  // one, and the readers of the list, optimized for one, were thrown away at the other)
  const decorateMethods: ir.Stmt[] = [];
  for (const m of methodDecorators) decorateMethods.push(decorateMethod(m));
  // (through setattr: the class's setter makes the property the instances' descriptor)
  for (const a of propertyAliases) decorateMethods.push(exprStmt(cx.rt("setattr", id(name), lit(a.key), member(id(name), safeProp(a.source))), a.line));
  if (blocks) decorateMethods.push(...blocks.renamedMethodRemovals(name));
  for (const [d, js] of st.renamedApart)
    for (const owner of [member(id(name), "prototype"), id(name)])
      decorateMethods.push(exprStmt(call(member(id("Reflect"), "deleteProperty"), owner, lit(js)), d.lineno));
  if (decorateMethods.length) props.push({ key: "decorate", value: { k: "arrow", params: [{ name, type: "any" }], body: decorateMethods } });
  return props;
}

/** One statement of the class body, lowered into what `st` gathers (classDefIn's loop). */
function bodyItem(st: ClassBody, item: py.Stmt): void {
  const { cx, blocks, hoisted, bodyValues } = st;
  // A block and its defs: their reads are the block's (class-body-blocks.ts).
  const block = blocks?.blockOf(item);
  const branchDef = block !== undefined && block !== item;
  if (block !== undefined) blocks!.prepare(block, st);
  // (no earlier value kept as a const yet and no name of the body read before it is bound: no
  // read to redirect, and no walk of the item)
  else if (bodyValues.size || st.bindsOwnName || st.readsImplicitNames) for (const n of classLevelReads(item)) mapBodyRead(st, n, item);
  if (branchDef && blocks!.refused(block)) return;
  // (a method of that name binds it anew: its value is not one of the consts)
  if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && !branchDef) bodyValues.delete(item.name);
  // (where a branch def's setup starts among the hoisted statements: it runs in its branch)
  const setupStart = hoisted.length;
  try {
    // Annotations the class body evaluates (methods' signatures, annotated attributes).
    if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") hoisted.push(...annotationChecks(cx, signatureAnnotations(item), item.lineno));
    else if (item._type === "AnnAssign") hoisted.push(...annotationChecks(cx, [item.annotation], item.lineno));
    if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") methodItem(st, item, branchDef);
    else if (item._type === "Assign" && item.targets.length === 1 && item.targets[0]._type === "Name") {
      if (assignItem(st, item)) return;
    } else otherItem(st, item);
  } catch (e) {
    cx.diags.collect(e);
  }
  if (branchDef) {
    blocks!.keepSetup(item as py.FunctionDef | py.AsyncFunctionDef, hoisted.splice(setupStart), st);
    return;
  }
  boundByItem(st, item);
}

/** A def of the class body: a method of the JS class (`branchDef`: a def in a block of the body). */
function methodItem(st: ClassBody, item: py.FunctionDef | py.AsyncFunctionDef, branchDef: boolean): void {
  const {
    cx,
    s,
    outer,
    qualname,
    blocks,
    hoisted,
    methodTypeParams,
    methodDecorators,
    methodDocs,
    methodSignatures,
    staticNames,
    classMethodNames,
    selflessNames,
    firstDefaulted,
    bodyNames,
  } = st;
  const coroutine = item._type === "AsyncFunctionDef";
  const kinds = decoratorKinds(item, s.body);
  const isStatic = kinds.includes("staticmethod");
  // `__init_subclass__` and `__class_getitem__` are class methods without the decorator.
  const isClassMethod = kinds.includes("classmethod") || item.name === "__init_subclass__" || item.name === "__class_getitem__";
  const accessor = kinds.includes("property") ? "get" : kinds.includes("setter") ? "set" : undefined;
  // `@x.deleter`: a method `del x` finds by name (JS accessors have no delete half).
  const deleter = kinds.includes("deleter");
  const other = item.decorator_list.filter((_, i) => !["staticmethod", "classmethod", "property", "setter", "deleter", "coroutine"].includes(kinds[i]));
  // `@property` over other decorators (`@property @abstractmethod def x`): they wrap the getter.
  const getterOnly =
    accessor === "get" && item.decorator_list.every((_, i) => kinds[i] !== "property" || other.every((o) => item.decorator_list.indexOf(o) > i));
  // `@x.setter` over other decorators (`@x.setter @abstractmethod def x`): they wrap the setter.
  const setterOnly = accessor === "set" && item.decorator_list.every((_, i) => kinds[i] !== "setter" || other.every((o) => item.decorator_list.indexOf(o) > i));
  if (other.length && accessor && !getterOnly && !setterOnly) cx.diags.error(other[0], "TSY1012");
  // A decorator naming an earlier name of the class body (`@fmt.register(int)` after
  // `@singledispatchmethod def fmt`) reads it from the class, which exists when decorators run.
  const fromBody = (d: py.ExprNode) => classBodyNamesAsAttributes(d, bodyNames, s.name);
  if (other.length && !st.decoratedLater && other.some((d) => !cx.withOuter(outer, () => isRuntimeFunction(cx, d)))) st.decoratedLater = item;
  const renamedTo = st.renamedApart.get(item);
  if (other.length || renamedTo !== undefined)
    methodDecorators.push({
      name: item.name === "constructor" ? "constructor_" : item.name,
      source: renamedTo !== undefined ? cx.withOuter(outer, () => renamedDefValue(cx, st.name, item, renamedTo, `${qualname}.${item.name}`)) : undefined,
      isStatic: isStatic || isClassMethod,
      getter: accessor === "get",
      setter: accessor === "set",
      decorators: other.map((d) => cx.withOuter(outer, () => cx.expr(fromBody(d)))),
      direct: other.map((d) => cx.withOuter(outer, () => isRuntimeFunction(cx, d))),
      line: item.lineno,
    });
  if (isStatic) staticNames.push(item.name);
  if (isClassMethod) classMethodNames.push(item.name);
  if (!branchDef && takesNoInstance(item, s.body)) selflessNames.push(item.name);
  if (!branchDef && pythonName(item) !== item.name) st.writtenNames.push({ key: item.name, value: lit(pythonName(item)) });
  // (a first parameter with a default is no `this`: the body may call the def without one)
  const receiverDefault = !isStatic && !isClassMethod && receiverHasDefault(item);
  if (receiverDefault) firstDefaulted.push(branchDef ? blocks!.jsName(item) : item.name === "constructor" ? "constructor_" : item.name);
  const selfName = isStatic || receiverDefault ? undefined : (item.args.posonlyargs[0]?.arg ?? item.args.args[0]?.arg);
  const methodQualname = `${qualname}.${pythonName(item)}`;
  const saved = cx.fn;
  cx.fn = outer;
  const f = functionExpression(cx, item, coroutine, methodQualname, {
    className: s.name,
    selfName,
    receiverDefault,
    selfIsClass: isClassMethod,
    selfHasSetattr: (st.hasSetattr ??= definesSetattr(cx.module, s, 0)),
    selfOnRuntimeBase: (st.onRuntimeBase ??= extendsRuntimeClass(cx.module, s, 0)),
  });
  const signature = asksForSignatures(cx.module) && !accessor && !deleter ? signatureRecord(cx, item, f.params) : null;
  cx.fn = saved;
  hoisted.push(...f.hoisted);
  if (f.typeParamValues) methodTypeParams.push({ key: item.name === "constructor" ? "constructor_" : item.name, value: array(f.typeParamValues) });
  selfAttributeUses(st, item, selfName, isClassMethod);
  const methodName = branchDef
    ? blocks!.jsName(item)
    : deleter
      ? `__delete_${item.name}__`
      : (renamedTo ?? (item.name === "constructor" ? "constructor_" : item.name));
  const doc = cx.readsDoc && accessor !== "set" && !deleter ? docstring(item.body) : null;
  if (doc !== null) methodDocs.push({ key: methodName, value: lit(doc) });
  if (signature) methodSignatures.push({ key: methodName, value: signature });
  pushMethod(st, item, f, methodName, isStatic || isClassMethod, accessor);
}

/** What a method's body does with `self` (`cls`): instance attributes it sets, static ones it reads or sets, `self.x: T` annotations. */
function selfAttributeUses(st: ClassBody, item: py.FunctionDef | py.AsyncFunctionDef, selfName: string | undefined, isClassMethod: boolean): void {
  // In __new__, the instance is the name bound to `super().__new__(cls, ...)` (or `X.__new__(cls, ...)`).
  const made = item.name === "__new__" ? instancesMadeIn(item) : new Set<string>();
  const outside = selfName ? new OutsideAttributeReads(st.cx.module, selfName) : null;
  selfAttributeStep(item, { st, item, selfName, isClassMethod, made, outside }, undefined);
  if (outside) st.readFromOutside.push(...outside.found);
}

/** selfAttributeUses' walk: a module-level step over its state (a closure per method lost its optimized code at every full GC). */
interface SelfAttributeWalk {
  st: ClassBody;
  item: py.FunctionDef | py.AsyncFunctionDef;
  selfName: string | undefined;
  isClassMethod: boolean;
  made: Set<string>;
  outside: OutsideAttributeReads | null;
}

function selfAttributeStep(n: py.Node, w: SelfAttributeWalk, _: unknown): void {
  const { st, selfName, isClassMethod } = w;
  w.outside?.visit(n);
  if (n._type === "Attribute" && n.value._type === "Name" && (n.value.id === selfName || w.made.has(n.value.id)) && n.ctx._type === "Store")
    st.instanceAttrs.add(n.attr);
  // `self.x` of a static or class method: an instance member TS must know of (declared below).
  if (!isClassMethod && n._type === "Attribute" && n.ctx._type === "Load" && n.value._type === "Name" && n.value.id === selfName) st.instanceReads.add(n.attr);
  // `cls.x` in a class method: a static property TS must know of (declared below; in
  // __init_subclass__ and __class_getitem__, `this` is any to TS).
  if (isClassMethod && n._type === "Attribute" && n.value._type === "Name" && n.value.id === selfName)
    if (n.ctx._type === "Store") st.classSideStores.add(n.attr);
    else if (w.item.name !== "__init_subclass__" && w.item.name !== "__class_getitem__") st.classSideReads.add(n.attr);
  // `self.x: T = v` in a method: the field's type (unless the class body annotates x).
  if (n._type === "AnnAssign" && n.target._type === "Attribute" && n.target.value._type === "Name" && n.target.value.id === selfName)
    if (!st.selfAnnotated.has(n.target.attr)) st.selfAnnotated.set(n.target.attr, annotationType(st.cx, n.annotation));
  if (n._type === "Call" && selfName) {
    const written = attributeWrittenByCall(n, selfName);
    if (written !== undefined) st.instanceAttrs.add(written);
  }
  forEachChildWith(n, selfAttributeStep, w, undefined);
}

/** The method's member of the JS class (a coroutine method: its generator, which the runtime wraps). */
function pushMethod(
  st: ClassBody,
  item: py.FunctionDef | py.AsyncFunctionDef,
  f: ReturnType<typeof functionExpression>,
  methodName: string,
  staticMember: boolean,
  accessor: "get" | "set" | undefined,
): void {
  const { cx, s, protocol, overridden, members, coroutineMethods, asyncGenMethods } = st;
  const coroutine = item._type === "AsyncFunctionDef";
  if (coroutine) {
    // The generator becomes a method; the runtime wraps it so that calling it returns a Coroutine.
    const fnNode = (f.value as { args: ir.Expr[] }).args[0] as { fn: ir.FunctionLike };
    // Untyped: `any` (the runtime replaces the generator method by one returning a Coroutine);
    // annotated: the generator's type, which says what awaiting the call gives.
    let returnType = item.returns && fnNode.fn.returnType !== CORO_TYPE ? fnNode.fn.returnType : "any";
    const isAsyncGen = cx.scopes.get(item)!.isGenerator && !cx.legacy.has(item as py.AsyncFunctionDef);
    // (an async generator's calls return an async generator object either way)
    let body = fnNode.fn.body;
    if (protocol && !isAsyncGen && returnType !== undefined && returnType !== "any") {
      // (a stub's result typed by its annotation, as a plain method's below)
      const stub = isStubBody(item.body) && / \| null \| void, any>$/.test(returnType);
      if (stub) {
        returnType = returnType.replace(/ \| null \| void, any>$/, ", any>");
        body = [...body, returnStmt({ k: "as", expr: lit(null), type: "any" })];
      }
      returnType = protocolAwaitable(returnType);
    }
    members.push({ k: "method", fn: { ...fnNode.fn, body, name: methodName, returnType }, static: staticMember, line: firstLine(item) });
    (isAsyncGen ? asyncGenMethods : coroutineMethods).push({ key: methodName, value: lit(firstLine(item)) });
  } else if (f.fn) {
    const fn = { ...f.fn, name: accessor === "set" ? item.name : methodName, returnType: accessor === "set" ? undefined : f.fn.returnType };
    // A Protocol's stub (`def qsize(self) -> int: ...`) is typed by its annotation: what the
    // classes satisfying the Protocol return (called itself, it still returns None).
    if (protocol && isStubBody(item.body) && fn.returnType?.endsWith(" | null | void")) {
      fn.returnType = fn.returnType.slice(0, -" | null | void".length);
      fn.body = [...fn.body, returnStmt({ k: "as", expr: lit(null), type: "any" })];
    }
    // A method that overrides a base class's may take more parameters than it: optional for TS.
    // (An __init__ no user base defines overrides the runtime's `__init__(...args)`: its typed parameters stay required.)
    const runtimeInit = item.name === "__init__" && !userBasesDefine(cx, s, "__init__");
    // (a setter keeps its one parameter required: TS refuses an optional one there)
    // (and one whose annotation the base's contradicts is `any`: override-signatures.ts)
    if (overridden.has(item.name) && accessor !== "set") fn.params = overrideParams(cx, s, item, fn.params, runtimeInit);
    // A getter that can end without `return` returns None (TS wants the return written).
    const last = fn.body[fn.body.length - 1];
    if (accessor === "get" && last?.k !== "return" && last?.k !== "throw") fn.body = [...fn.body, returnStmt(lit(null))];
    // A decorated method starts at its first decorator's line (co_firstlineno: Handle reprs).
    members.push({ k: "method", fn, static: staticMember, accessor, line: firstLine(item) });
  }
}

/** `name = value` in the class body; true when the value is a property's alias, which define_class sets (nothing bound now). */
function assignItem(st: ClassBody, item: py.Assign): boolean {
  const { cx, s, outer, name, classAttrs, staticNames, classMethodNames, propertyAliases, bodyValues, lambdaValues } = st;
  const v = item.value;
  // `__iter__ = __await__`: a method defined above in the class body (the class namespace).
  const aliased =
    v._type === "Name" &&
    !cx.classBodyReads.has(v) &&
    s.body.slice(0, s.body.indexOf(item)).some((b) => (b._type === "FunctionDef" || b._type === "AsyncFunctionDef") && b.name === v.id);
  const key = (item.targets[0] as py.Name).id;
  if (aliased) bodyValues.delete(key);
  // `reader_lock = reader` of an earlier `@property def reader`: the property object, which
  // exists once define_class has made the class (assigned in `decorate`, below).
  const aliasedDef = aliased
    ? s.body.slice(0, s.body.indexOf(item)).find((b) => (b._type === "FunctionDef" || b._type === "AsyncFunctionDef") && b.name === (v as py.Name).id)
    : undefined;
  if (aliasedDef && (aliasedDef as py.FunctionDef).decorator_list.some((d) => d._type === "Name" && d.id === "property")) {
    propertyAliases.push({ key, source: (v as py.Name).id, line: item.lineno });
    return true;
  }
  // `g = f` of a `@staticmethod def f` (or `@classmethod`): the same staticmethod (classmethod)
  // object (the function lives on the class).
  const wrapperKind = !aliased
    ? null
    : staticNames.includes((v as py.Name).id)
      ? "staticmethod"
      : classMethodNames.includes((v as py.Name).id)
        ? "classmethod"
        : null;
  const value = wrapperKind
    ? newExpr(id(cx.imports.use(wrapperKind, wrapperKind, RUNTIME)), [member(id(name), safeProp((v as py.Name).id))])
    : aliased
      ? member(member(id(name), "prototype"), safeProp((v as py.Name).id))
      : keepValue(
          st,
          key,
          cx.withOuter(outer, () => cx.expr(v)),
          item.lineno,
        );
  classAttrs.push({ key, value });
  if (isBodyLambda(v)) lambdaValues.add(value);
  return false;
}

/** A class-body statement other than a def and `name = value`. */
function otherItem(st: ClassBody, item: py.Stmt): void {
  const {
    cx,
    s,
    outer,
    qualname,
    blocks,
    members,
    hoisted,
    instanceAttrs,
    classAttrs,
    annotations,
    fieldTypes,
    bodyNames,
    bodyValues,
    boundSoFar,
    deletedDefs,
  } = st;
  if (item._type === "AnnAssign" && item.target._type === "Name") {
    annotations.push({ key: item.target.id, value: lit(annotationText(item.annotation)) });
    fieldTypes.set(item.target.id, annotationType(cx, item.annotation));
    if (item.value)
      classAttrs.push({
        key: item.target.id,
        value: keepValue(
          st,
          item.target.id,
          cx.withOuter(outer, () => cx.expr(item.value!)),
          item.lineno,
        ),
      });
    else instanceAttrs.add(item.target.id);
  } else if (item._type === "TypeAlias" && item.name._type === "Name") {
    bodyValues.delete(item.name.id);
    const alias = cx.withOuter(outer, () => typeAliasValue(cx, item));
    hoisted.push(...alias.decls);
    classAttrs.push({ key: item.name.id, value: alias.value });
  } else if (item._type === "ClassDef") {
    // class Outer: class Inner: ...  →  const _nested = define_class(class Inner ...); Outer.Inner = _nested
    const binding = cx.withOuter(outer, () => {
      const t = cx.temp("_nested");
      cx.fn.temps.pop();
      return t;
    });
    hoisted.push(...cx.withOuter(outer, () => classDef(cx, item, { qualname: `${qualname}.${pythonName(item)}`, binding })));
    classAttrs.push({ key: item.name, value: id(binding) });
    bodyValues.set(item.name, id(binding));
  } else if (blocks !== null && isClassBodyBlock(item)) {
    // (the program's decorator runs when the class is made, after every statement of the body)
    if (st.decoratedLater) cx.diags.error(item, "TSY1013", { construct: `${describeBlock(item)} after the decorated method ${st.decoratedLater.name}` });
    blocks.lower(item, st);
  } else if (item._type === "Delete" && item.targets.every((t) => t._type === "Name")) {
    // `del name`: the name leaves the class's namespace (a def is removed when the class is made).
    for (const t of item.targets as py.Name[]) {
      // (a name a block bound last: its slot is checked and unbound)
      const slotted = blocks?.deleteTop(t.id, item.lineno);
      if (slotted) {
        hoisted.push(...slotted);
        continue;
      }
      if (!boundSoFar.has(t.id)) {
        // (the class's namespace only: CPython's NameError when the class statement runs)
        hoisted.push(exprStmt(cx.rt("name_error", lit(t.id)), item.lineno));
        break;
      }
      if (boundSoFar.get(t.id) === "def") deletedDefs.add(t.id);
      else for (let i = classAttrs.length - 1; i >= 0; i--) if (classAttrs[i].key === t.id) classAttrs.splice(i, 1);
      boundSoFar.delete(t.id);
      bodyValues.delete(t.id);
      bodyNames.delete(t.id);
    }
  } else if (
    item._type === "Pass" ||
    (item._type === "Expr" &&
      item.value._type === "Constant" &&
      typeof item.value.value === "object" &&
      item.value.value !== null &&
      "ellipsis" in item.value.value)
  ) {
    // nothing
  } else if (item._type === "Expr" && item.value._type === "Constant") {
    // The first statement's string is the docstring; any other constant does nothing.
    if (item === s.body[0] && typeof item.value.value === "string")
      members.push({ k: "field", name: "__doc__", static: true, init: lit(item.value.value.trim()) });
  } else if (item._type === "Expr" && !hasWalrus(item) && !st.decoratedLater) {
    // `print(...)` in the body: run where it stands, among the values kept in consts before and after it.
    hoisted.push(...cx.withOuter(outer, () => cx.stmt(item)));
  } else if (item._type === "Expr" && st.decoratedLater) {
    cx.diags.error(item, "TSY1013", { construct: `an expression statement after the decorated method ${st.decoratedLater.name}` });
  } else {
    cx.diags.error(item, "TSY1013", { construct: describeStmt(item) });
  }
}

/** What the statement bound (boundSoFar, bodyNames), and the value later statements read of a method it defined. */
function boundByItem(st: ClassBody, item: py.Stmt): void {
  const { cx, qualname, blocks, classRef, definedTwice, members, bodyNames, bodyValues, boundSoFar, deletedDefs } = st;
  blocks?.rebound(item, st);
  if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") {
    boundSoFar.set(item.name, "def");
    if (deletedDefs.delete(item.name)) {
      // A def again after `del`: the JS class keeps this one (TS refuses two methods of one name).
      const last = members[members.length - 1];
      for (let i = members.length - 2; i >= 0; i--) {
        const m = members[i];
        if (m.k === "method" && last?.k === "method" && m.fn.name === last.fn.name) members.splice(i, 1);
      }
    }
  } else if (item._type === "ClassDef") boundSoFar.set(item.name, "attr");
  else if (item._type === "Assign" || item._type === "AnnAssign" || item._type === "TypeAlias")
    for (const t of item._type === "Assign"
      ? item.targets
      : [item._type === "AnnAssign" && item.value ? item.target : item._type === "TypeAlias" ? item.name : null])
      if (t?._type === "Name" && boundSoFar.get(t.id) !== "def") boundSoFar.set(t.id, "attr");
  if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") bodyNames.add(item.name);
  // (a name two defs bind: the JS class keeps only the last, so the earlier function is not there to read)
  const method = classRef ? plainMethodName(item) : null;
  if (method && !definedTwice.has(method)) {
    // (its first parameter's name, for CPython's "missing ... argument" when a call through the
    // class gives none: named only when it is not `self`)
    const def = item as py.FunctionDef | py.AsyncFunctionDef;
    bodyValues.set(
      method,
      call(cx.helperFrom("method_in_class_body", PROGRAM), id(classRef!), lit(method), lit(`${qualname}.${pythonName(def)}`), ...firstParameterShape(def)),
    );
  }
  const bound = simpleBinding(item);
  if (bound) bodyNames.add(bound);
}

const instanceInterfaces = new WeakMap<object, Set<string>>();
/** Whether the function being lowered has not yet declared the instance interface `name` (and now has). */
function firstInterface(cx: LowerContext, name: string): boolean {
  let names = instanceInterfaces.get(cx.fn);
  if (names === undefined) instanceInterfaces.set(cx.fn, (names = new Set()));
  if (names.has(name)) return false;
  names.add(name);
  return true;
}

/** `interface C { field: T; ...; [attr: string]: any }`: the instances of a decorated class, for annotations. */
function instanceInterface(name: string, typeParams: string[], fields: ir.ClassMember[], line: number): ir.Stmt {
  const lines = fields.map((f) => `  ${(f as { name: string }).name}: ${(f as { type?: string }).type ?? "any"};`);
  const params = typeParams.length ? `<${typeParams.join(", ")}>` : "";
  return { k: "ts_decl", text: [`interface ${name}${params} {`, ...lines, "  [attr: string]: any;", "}"].join("\n"), line };
}

/** `ABCMeta` imported from abc, or `abc.ABCMeta`. */
export function isAbcMeta(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type === "Name") {
    const known = cx.lookupKnown(e.id);
    return known?.kind === "runtime-name" && known.module === "abc" && known.name === "ABCMeta";
  }
  if (e._type === "Attribute" && e.attr === "ABCMeta" && e.value._type === "Name") {
    const known = cx.lookupKnown(e.value.id);
    return known?.kind === "module" && known.name === "abc";
  }
  return false;
}

/** The ABCMeta base expression of a metaclass the program derives from ABCMeta (`class M(ABCMeta)`), if any. */
function abcMetaBase(cx: LowerContext, e: py.ExprNode): py.ExprNode | undefined {
  if (e._type !== "Name") return undefined;
  const known = cx.lookupKnown(e.id);
  if (known?.kind !== "class") return undefined;
  return known.node.bases.find((b) => isAbcMeta(cx, b));
}

/**
 * Whether calling the class may run more than its `__init__` (a metaclass, a `__new__`, here or in
 * a base of the program; unknown bases count as no): then keywords are not bound to `__init__`'s
 * parameters at compile time, since `__new__` or the metaclass's `__call__` sees them first.
 */
export function madeBeyondInit(cx: LowerContext, s: py.ClassDef, depth = 0): boolean {
  if (depth > 20) return false;
  if (s.keywords.some((k) => k.arg === "metaclass" && !isAbcMeta(cx, k.value))) return true;
  // (an enum Flag's `boundary=EJECT` gives a plain int for a value with unknown bits)
  if (s.keywords.some((k) => k.arg === "boundary")) return true;
  if (s.body.some((b) => (b._type === "FunctionDef" && b.name === "__new__") || simpleBinding(b) === "__new__")) return true;
  return s.bases.some((b) => {
    if (b._type !== "Name") return false;
    const k = cx.lookupKnown(b.id);
    return k?.kind === "class" && madeBeyondInit(cx, k.node, depth + 1);
  });
}

/** Whether one of the class's user-defined bases (transitively) defines `method`. */
function userBasesDefine(cx: LowerContext, s: py.ClassDef, method: string): boolean {
  const names = new Set<string>();
  const visit = (cls: py.ClassDef, depth: number) => {
    if (depth > 20) return;
    for (const base of cls.bases) {
      const b = genericClassBase(cls, base);
      const k = b._type === "Name" ? cx.lookupKnown(b.id) : undefined;
      if (k?.kind !== "class") continue;
      for (const item of k.node.body) if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") names.add(item.name);
      visit(k.node, depth + 1);
    }
  };
  visit(s, 0);
  return names.has(method);
}

/** A generic class's (PEP 695) base `Box[T]` as the class it subscripts. */
function genericClassBase(cls: py.ClassDef, b: py.ExprNode): py.ExprNode {
  return cls.type_params.length && b._type === "Subscript" ? b.value : b;
}

/**
 * Whether the TS base chain of a class is the program's own classes (one base each) up to one
 * without bases or with several (whose TS base is `any`): every member it inherits is known.
 */
function basesOfTheProgram(cx: LowerContext, s: py.ClassDef): boolean {
  let cls = s;
  for (let depth = 0; depth < 20; depth++) {
    if (cls.bases.length !== 1) return true;
    const base = genericClassBase(cls, cls.bases[0]);
    const known = base._type === "Name" ? cx.lookupKnown(base.id) : undefined;
    if (known?.kind !== "class") return false;
    cls = known.node;
  }
  return false;
}

/** The static members' names so far (fields and methods). */
function allStaticNames(fields: ir.ClassMember[], members: ir.ClassMember[]): string[] {
  return [...fields, ...members].filter((m) => m.static).map((m) => (m.k === "method" ? m.fn.name : m.k === "field" ? m.name : ""));
}

/** (not a JS function's own property, which TS does not let a class redeclare as static, nor a dunder: a private `__x` is one) */
const staticFieldName = (a: string) =>
  !(a.startsWith("__") && a.endsWith("__")) &&
  safeProp(a) === a &&
  !["name", "length", "prototype", "caller", "arguments", "apply", "call", "bind", "toString"].includes(a);

/** Method names the class's user-defined bases (transitively) define, plus `__init__`. */
export function baseMethodNames(cx: LowerContext, s: py.ClassDef): Set<string> {
  const names = new Set<string>(["__init__"]);
  const visit = (cls: py.ClassDef, depth: number) => {
    if (depth > 20) return;
    for (const base of cls.bases) {
      const b = genericClassBase(cls, base);
      if (b._type !== "Name") continue;
      const k = cx.lookupKnown(b.id);
      if (k?.kind !== "class") continue;
      for (const item of k.node.body) if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") names.add(item.name);
      visit(k.node, depth + 1);
    }
  };
  visit(s, 0);
  return names;
}

/** `fmt.register(int)` → `Cls.fmt.register(int)` for names the class body bound before. */
function classBodyNamesAsAttributes(e: py.ExprNode, names: ReadonlySet<string>, className: string): py.ExprNode {
  if (!names.size) return e;
  const visit = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(visit);
    if (n === null || typeof n !== "object") return n;
    const node = n as { _type?: string; id?: string; ctx?: unknown };
    if (node._type === "Name" && node.id !== undefined && names.has(node.id)) {
      const { id: attr, ...position } = node as Record<string, unknown>;
      return { ...position, _type: "Attribute", value: { ...position, _type: "Name", id: className }, attr };
    }
    if (node._type === "Lambda") return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = visit(v);
    return out;
  };
  return visit(e) as py.ExprNode;
}

/** The class, or a module-level class of the program it derives from, defines `__setattr__` (a def or an assignment). */
/**
 * The class (or a base of the module) hooks writes to its instances' attributes: it defines
 * `__setattr__`, or declares `__slots__` (`@dataclass(slots=True)` too), which refuses other names.
 */
/** Whether some base of `c` (through the module's own classes) is neither `object` nor a class of the program. */
function extendsRuntimeClass(module: py.Module, c: py.ClassDef, depth: number): boolean {
  if (depth > 20) return false;
  return c.bases.some((b) => {
    if (b._type !== "Name") return true;
    if (b.id === "object") return false;
    const base = module.body.find((x): x is py.ClassDef => x._type === "ClassDef" && x.name === b.id);
    return base === undefined || (base !== c && extendsRuntimeClass(module, base, depth + 1));
  });
}

function definesSetattr(module: py.Module, c: py.ClassDef, depth: number): boolean {
  const own =
    c.body.some(
      (item) =>
        ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === "__setattr__") ||
        (item._type === "Assign" && item.targets.some((t) => t._type === "Name" && (t.id === "__setattr__" || t.id === "__slots__"))) ||
        (item._type === "AnnAssign" && item.target._type === "Name" && item.target.id === "__slots__"),
    ) || c.decorator_list.some((d) => d._type === "Call" && d.keywords.some((k) => k.arg === "slots"));
  if (own || depth > 20) return own;
  return c.bases.some((b) => {
    if (b._type !== "Name") return false;
    const base = module.body.find((s): s is py.ClassDef => s._type === "ClassDef" && s.name === b.id);
    return base !== undefined && base !== c && definesSetattr(module, base, depth + 1);
  });
}

/**
 * The attribute a call writes on the instance by a literal name: `setattr(self, "x", v)`,
 * `object.__setattr__(self, "x", v)` (a class with a `__setattr__` hook, a frozen dataclass),
 * `super().__setattr__("x", v)`.
 */
function attributeWrittenByCall(n: py.Call, selfName: string): string | undefined {
  const f = n.func;
  const isSelfArg = (e: py.ExprNode | undefined) => e?._type === "Name" && e.id === selfName;
  const literal = (e: py.ExprNode | undefined) => (e?._type === "Constant" && typeof e.value === "string" ? e.value : undefined);
  if (f._type === "Name" && f.id === "setattr" && isSelfArg(n.args[0])) return literal(n.args[1]);
  if (f._type !== "Attribute" || f.attr !== "__setattr__") return undefined;
  if (f.value._type === "Name" && f.value.id === "object" && isSelfArg(n.args[0])) return literal(n.args[1]);
  if (f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super") return literal(n.args[0]);
  return undefined;
}

/**
 * The type of a Protocol's async method (`async def get(self) -> T: ...`): what any awaitable
 * method of that shape satisfies. A class of the program has generator methods, the runtime's
 * classes (asyncio.Queue) methods returning a Coroutine (None is null there): both are iterables
 * that `yield*` gives the result of.
 */
function protocolAwaitable(generatorType: string): string {
  const m = /^Generator<unknown, (.*), any>$/.exec(generatorType);
  if (!m) return generatorType;
  const returns = m[1] === "void" ? "null | void" : m[1];
  return `Iterable<unknown, ${returns}, any>`;
}

/** A lambda written as a class body's value, alone or made a static or class method there. */
function isBodyLambda(v: py.ExprNode): boolean {
  if (v._type === "Lambda") return true;
  const wrapper = v._type === "Call" && v.func._type === "Name" && (v.func.id === "staticmethod" || v.func.id === "classmethod");
  return wrapper && v.args.length === 1 && v.args[0]._type === "Lambda" && !v.keywords.length;
}
