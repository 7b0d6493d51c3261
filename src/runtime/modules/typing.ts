// typing: the names programs import for annotations. At run time most are inert objects with
// CPython's repr; subscripting gives an alias object. Generic and Protocol are base classes
// (`class Box(Generic[T])` is `class Box extends mro_entry(getitem(Generic, T))`: `Generic[T]` is an
// alias whose __mro_entries__ gives Generic); NamedTuple and TypedDict work in class and functional form.
import { markPythonClass } from "../builtins/js-names.js";
import { set_builtin_bases } from "../builtins/mro.js";
import { TypeError, AttributeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { CONSTRUCT, PyObject, KwArgs, constructedByNew, popKw, className, initlessBases } from "../builtins/object.js";
import { repr, strRepr } from "../builtins/repr.js";
import { toIterable, Ellipsis, typeName, pytype, call, setattr, getitem, bitor, NotImplemented as NotImplementedValue } from "../builtins/ops.js";
import { int, str as pystr, float, bool, list, dict, set, tuple, bytes, object, frozenset, type, isinstance, issubclass } from "../builtins/functions.js";
import { stdio, hash as hashBuiltin, complex } from "../builtins/functions.js";
import { argumentNameList, positionalRange, wereGiven } from "../builtins/keywords.js";
import { _type_repr, GenericAlias, UnionType } from "./_type_alias.js";
import { current_module_name } from "../importer.js";
export { _type_repr, TypeAliasType } from "./_type_alias.js";

// ───────────── reprs ─────────────

function paramsOf(p: unknown): unknown[] {
  return p instanceof PyTuple ? Array.from(p) : [p];
}

// ───────────── aliases and special forms ─────────────

/** `List[int]`, `Optional[str]`, `Callable[[int], str]`, ...: what subscripting a typing name gives. */
export class _GenericAlias {
  constructor(
    readonly __origin__: unknown,
    readonly __args__: PyTuple<unknown>,
    readonly _name: string,
    /** False for the aliases of builtins (List[int]): calling them is refused, naming the builtin. */
    readonly _inst: boolean = true,
  ) {}
  __repr__(): string {
    const args = Array.from(this.__args__);
    if (this._name === "typing.Optional") return `typing.Optional[${_type_repr(args[0])}]`;
    if ((this._name === "typing.Callable" || this._name === "collections.abc.Callable") && args.length > 0) {
      const ps = args.slice(0, -1);
      const r = args[args.length - 1];
      const first = ps.length === 1 && (ps[0] === Ellipsis || ps[0] instanceof ParamSpec) ? _type_repr(ps[0]) : `[${ps.map(_type_repr).join(", ")}]`;
      return `${this._name}[${first}, ${_type_repr(r)}]`;
    }
    if (args.length === 0 && this._name.startsWith("typing.Tuple")) return "typing.Tuple[()]";
    return `${this._name}[${args.map(_type_repr).join(", ")}]`;
  }
  __getitem__(p: unknown): _GenericAlias {
    // An alias with type variables among its arguments (`Union[Ok[T], Err[E]]`) substitutes them,
    // in the order they first appear, however deep (`[int, str]` gives `Union[Ok[int], Err[str]]`).
    const vars = typeVariablesOf(this.__args__);
    if (vars.length === 0) throw new TypeError(`${repr(this)} is not a generic class`);
    const given = paramsOf(p);
    if (given.length !== vars.length)
      throw new TypeError(`Too ${given.length > vars.length ? "many" : "few"} arguments for ${repr(this)}; actual ${given.length}, expected ${vars.length}`);
    return substituteTypeVariables(this, new globalThis.Map(vars.map((v, i) => [v, given[i]]))) as _GenericAlias;
  }
  /** The type variables among the arguments, each once, in order (CPython's `__parameters__`). */
  get __parameters__(): PyTuple<unknown> {
    return PyTuple.fromArray(typeVariablesOf(this.__args__));
  }
  /** As a base of a class statement: the class it subscripts (and Generic, for typing's alias of a collections.abc class). */
  __mro_entries__(_bases: unknown): PyTuple<unknown> {
    const abcAlias = this._name.startsWith("typing.") && this.__origin__ === abcClassOf(this._name.slice("typing.".length));
    return PyTuple.fromArray(abcAlias ? [this.__origin__, Generic] : [this.__origin__]);
  }
  __call__(...args: unknown[]): unknown {
    const o = this.__origin__;
    // Union[...] and Literal[...] stand for no class; their forms refuse to be called.
    if (o instanceof _SpecialForm) throw new TypeError(`Cannot instantiate ${repr(o)}`);
    if (!this._inst)
      throw new TypeError(
        `Type ${this._name.replace(/^typing\./, "")} cannot be instantiated; use ${(o as { __name__?: string }).__name__ ?? typeName(o)}() instead`,
      );
    if (o === null || o === undefined) throw new TypeError(`Cannot instantiate ${this._name}`);
    const made = call(o, ...args);
    // The instance remembers the alias that made it, where it can take the attribute.
    try {
      setattr(made, "__orig_class__", this);
    } catch {
      // an int, a class with __slots__, a __setattr__ that refuses: CPython ignores the failure too
    }
    return made;
  }
  /** Only Union[...] (Optional[...]) can be checked against; it asks each of its members in turn. */
  __instancecheck__(x: unknown): boolean {
    return this.__subclasscheck__(pytype(x));
  }
  __subclasscheck__(c: unknown): boolean {
    if (this.__origin__ !== Union) throw new TypeError("Subscripted generics cannot be used with class and instance checks");
    for (const member of this.__args__) if (issubclass(c, member)) return true;
    return false;
  }
  __eq__(o: unknown): boolean {
    if (!(o instanceof _GenericAlias)) return false;
    return this._name === o._name && this.__origin__ === o.__origin__ && repr(this.__args__) === repr(o.__args__);
  }
  __hash__(): bigint {
    let h = 0n;
    for (const ch of this.__repr__()) h = (h * 31n + BigInt(ch.codePointAt(0)!)) & 0xffffffffn;
    return h;
  }
  __or__(o: unknown): _GenericAlias {
    return Union.__getitem__(PyTuple.fromArray([this, o]));
  }
  __ror__(o: unknown): _GenericAlias {
    return Union.__getitem__(PyTuple.fromArray([o, this]));
  }
}
Object.defineProperty(_GenericAlias, "__module__", { value: "typing" });

function typeVariablesOf(args: Iterable<unknown>, found: unknown[] = []): unknown[] {
  for (const a of args) {
    if (a instanceof TypeVar) {
      if (!found.includes(a)) found.push(a);
    } else if (a instanceof _GenericAlias) typeVariablesOf(a.__args__, found);
  }
  return found;
}

function substituteTypeVariables(arg: unknown, given: Map<unknown, unknown>): unknown {
  if (given.has(arg)) return given.get(arg);
  if (!(arg instanceof _GenericAlias)) return arg;
  const args = Array.from(arg.__args__, (a) => substituteTypeVariables(a, given));
  // (a Union substituted is a Union made anew: `Union[T, int][int]` is int)
  if (arg.__origin__ === Union) return Union.__getitem__(PyTuple.fromArray(args));
  return new _GenericAlias(arg.__origin__, PyTuple.fromArray(args), arg._name, arg._inst);
}

/** A typing name such as `Any`, `Optional`, `List`: a repr, and subscripting rules. */
export class _SpecialForm {
  constructor(
    readonly _name: string,
    readonly __origin__: unknown = null,
    private readonly _sub: ((params: unknown[]) => _GenericAlias | unknown) | null = null,
    /** What calling the form does instead of raising: `typing.OrderedDict()` makes a collections.OrderedDict. */
    private readonly _make: ((args: unknown[]) => unknown) | null = null,
  ) {}
  __repr__(): string {
    return `typing.${this._name}`;
  }
  __getitem__(p: unknown): any {
    const params = paramsOf(p);
    if (this._sub) return this._sub(params);
    return new _GenericAlias(this.__origin__ ?? this, PyTuple.fromArray(params), `typing.${this._name}`);
  }
  __call__(...args: unknown[]): unknown {
    if (this._make) return this._make(args);
    throw new TypeError(`Cannot instantiate typing.${this._name}`);
  }
  /** `isinstance(x, typing.Iterator)`: the check of the class the alias stands for. */
  __instancecheck__(x: unknown): boolean {
    return isinstance(x, this._checkedClass("isinstance"));
  }
  __subclasscheck__(c: unknown): boolean {
    return issubclass(c, this._checkedClass("issubclass"));
  }
  private _checkedClass(check: string): unknown {
    const cls = this.__origin__ ?? abcClassOf(this._name);
    if (cls === undefined) throw new TypeError(`typing.${this._name} cannot be used with ${check}()`);
    return cls;
  }
  __or__(o: unknown): _GenericAlias {
    return Union.__getitem__(PyTuple.fromArray([this, o]));
  }
  __ror__(o: unknown): _GenericAlias {
    return Union.__getitem__(PyTuple.fromArray([o, this]));
  }
  __reduce__(): string {
    return this._name;
  }
  /** As a base (`class Bag(typing.Iterable)`): the class it stands for, and Generic for collections.abc's. */
  __mro_entries__(_bases: unknown): PyTuple<unknown> {
    const abcClass = abcClassOf(this._name);
    if (abcClass !== undefined) return PyTuple.fromArray([abcClass, Generic]);
    if (this.__origin__ === null || this.__origin__ === undefined) throw new TypeError(`Cannot subclass ${repr(this)}`);
    return PyTuple.fromArray([this.__origin__]);
  }
}
Object.defineProperty(_SpecialForm, "__module__", { value: "typing" });

function dedupe(params: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const p of params) {
    const flat = p instanceof _GenericAlias && (p as unknown as { _name: string })._name === "typing.Union" ? Array.from(p.__args__) : [p];
    for (let q of flat) {
      if (q === undefined) q = null;
      const key = q === null ? null : q;
      if (!out.some((o) => o === key || (o instanceof _GenericAlias && key instanceof _GenericAlias && o.__eq__(key)))) out.push(key);
    }
  }
  return out;
}

const NoneType = pytype(null);

export const Any = new _SpecialForm("Any", null, null, () => {
  throw new TypeError("Any cannot be instantiated");
});
export const NoReturn = new _SpecialForm("NoReturn");
export const Never = new _SpecialForm("Never");
export const Self = new _SpecialForm("Self");
export const LiteralString = new _SpecialForm("LiteralString");
export const TypeAlias = new _SpecialForm("TypeAlias");
export const ClassVar = new _SpecialForm("ClassVar");
export const Final = new _SpecialForm("Final");
export const Required = new _SpecialForm("Required");
export const NotRequired = new _SpecialForm("NotRequired");
export const Unpack: _SpecialForm = new _SpecialForm("Unpack", null, (params) => new _UnpackGenericAlias(Unpack, PyTuple.fromArray(params), "typing.Unpack"));
/** `Unpack[Ts]`, what `*Ts` gives. */
class _UnpackGenericAlias extends _GenericAlias {}
Object.defineProperty(_UnpackGenericAlias, "__module__", { value: "typing" });
export const Concatenate = new _SpecialForm("Concatenate");
export const TypeGuard = new _SpecialForm("TypeGuard");
export const Union: _SpecialForm = new _SpecialForm("Union", null, (params) => {
  if (params.length === 0) throw new TypeError("Cannot take a Union of no types.");
  const ps = dedupe(params).map((p) => (p === null ? NoneType : p));
  if (ps.length === 1) return ps[0];
  if (ps.length === 2 && ps[1] === NoneType) return new _GenericAlias(Union, PyTuple.fromArray(ps), "typing.Optional");
  return new _GenericAlias(Union, PyTuple.fromArray(ps), "typing.Union");
});
export const Optional = new _SpecialForm("Optional", null, (params) => {
  if (params.length !== 1) throw new TypeError(`typing.Optional requires a single type. Got ${repr(PyTuple.fromArray(params))}.`);
  return Union.__getitem__(PyTuple.fromArray([params[0], NoneType]));
});
export const Literal = new _SpecialForm("Literal", null, (params) => {
  const a = new _GenericAlias(Literal, PyTuple.fromArray(params), "typing.Literal");
  a.__repr__ = () => `typing.Literal[${params.map((p) => repr(p)).join(", ")}]`;
  return a;
});
export const Annotated = new _SpecialForm("Annotated", null, (params) => {
  const a = new _GenericAlias(params[0], PyTuple.fromArray(params), "typing.Annotated");
  a.__repr__ = () =>
    `typing.Annotated[${_type_repr(params[0])}, ${params
      .slice(1)
      .map((p) => repr(p))
      .join(", ")}]`;
  return a;
});

/**
 * collections.abc's classes, which it hands over when it loads (it imports this module for its
 * generic aliases, so this one cannot import it; the bundle loads it with typing).
 */
let abcClasses: Readonly<Record<string, unknown>> | null = null;
export function _set_abc_classes(classes: Readonly<Record<string, unknown>>): void {
  abcClasses = classes;
}

/** typing's aliases of collections.abc's classes: isinstance() asks the class of the same name. */
// (an array: this module's own `Set` is typing.Set)
const CHECKED_BY_ABC: readonly string[] =
  "Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator Iterable Iterator Generator Reversible Container Collection Hashable Sized Sequence MutableSequence Mapping MutableMapping AbstractSet MutableSet KeysView ValuesView ItemsView MappingView Callable".split(
    " ",
  );

/**
 * A typing alias of a class. Subscripted, it stands for the class it has then: collections' and
 * collections.abc's classes are handed over after this module loads.
 */
function alias(name: string, origin: unknown, make: ((args: unknown[]) => unknown) | null = null, inst = true): _SpecialForm {
  const form: _SpecialForm = new _SpecialForm(
    name,
    origin,
    (params) => new _GenericAlias(form.__origin__ ?? abcClassOf(name) ?? null, PyTuple.fromArray(params), `typing.${name}`, inst),
    make,
  );
  return form;
}

function abcClassOf(name: string): unknown {
  return CHECKED_BY_ABC.includes(name) ? abcClasses?.[name === "AbstractSet" ? "Set" : name] : undefined;
}

/** `typing.List()`: CPython's TypeError, which names the builtin to call instead. */
function builtinAlias(name: string, origin: unknown, builtinName: string): _SpecialForm {
  const refuse = () => {
    throw new TypeError(`Type ${name} cannot be instantiated; use ${builtinName}() instead`);
  };
  return alias(name, origin, refuse, false);
}

/**
 * collections' classes that typing.OrderedDict & co. stand for, which collections hands over when
 * it loads (it imports this module; the bundle loads it with typing).
 */
let collectionClasses: Readonly<Record<string, unknown>> = {};
export function _set_collection_classes(classes: Readonly<Record<string, unknown>>): void {
  collectionClasses = classes;
  for (const [alias, name] of COLLECTION_ALIASES) (alias as { __origin__: unknown }).__origin__ = classes[name];
}

/** `typing.OrderedDict(...)` & co. construct the collections class they stand for. */
const constructs =
  (name: string) =>
  (args: unknown[]): unknown =>
    call(collectionClasses[name], ...args);

export const List = builtinAlias("List", list, "list");
export const Dict = builtinAlias("Dict", dict, "dict");
export const Set = builtinAlias("Set", set, "set");
export const FrozenSet = builtinAlias("FrozenSet", frozenset, "frozenset");
export const Tuple = builtinAlias("Tuple", tuple, "tuple");
export const Type = builtinAlias("Type", type, "type");
export const DefaultDict = alias("DefaultDict", null, constructs("defaultdict"));
export const OrderedDict = alias("OrderedDict", null, constructs("OrderedDict"));
export const Counter = alias("Counter", null, constructs("Counter"));
export const Deque = alias("Deque", null, constructs("deque"));
export const ChainMap = alias("ChainMap", null, constructs("ChainMap"));
const COLLECTION_ALIASES: [_SpecialForm, string][] = [
  [DefaultDict, "defaultdict"],
  [OrderedDict, "OrderedDict"],
  [Counter, "Counter"],
  [Deque, "deque"],
  [ChainMap, "ChainMap"],
];
export const Callable = new _SpecialForm("Callable", null, (params) => {
  if (params.length !== 2) throw new TypeError("Callable must be used as Callable[[arg, ...], result].");
  const [args, result] = params;
  const flat = args === Ellipsis || args instanceof ParamSpec ? [args] : Array.from(toIterable(args));
  return new _GenericAlias(Callable, PyTuple.fromArray([...flat, result ?? NoneType]), "typing.Callable");
});
export const Awaitable = alias("Awaitable", null);
export const Coroutine = alias("Coroutine", null);
export const AsyncIterable = alias("AsyncIterable", null);
export const AsyncIterator = alias("AsyncIterator", null);
export const AsyncGenerator = alias("AsyncGenerator", null);
export const Iterable = alias("Iterable", null);
export const Iterator = alias("Iterator", null);
export const Generator = alias("Generator", null);
export const Reversible = alias("Reversible", null);
export const Container = alias("Container", null);
export const Collection = alias("Collection", null);
export const Hashable = alias("Hashable", null);
export const Sized = alias("Sized", null);
export const Sequence = alias("Sequence", null);
export const MutableSequence = alias("MutableSequence", null);
export const Mapping = alias("Mapping", null);
export const MutableMapping = alias("MutableMapping", null);
export const AbstractSet = alias("AbstractSet", null);
export const MutableSet = alias("MutableSet", null);
export const KeysView = alias("KeysView", null);
export const ItemsView = alias("ItemsView", null);
export const ValuesView = alias("ValuesView", null);
export const ContextManager = alias("ContextManager", null);
export const AsyncContextManager = alias("AsyncContextManager", null);
export const Pattern = alias("Pattern", null);
export const Match = alias("Match", null);
export const IO = alias("IO", null);
export const TextIO = alias("TextIO", null);
export const BinaryIO = alias("BinaryIO", null);
export const Text = pystr;

// ───────────── TypeVar and friends ─────────────

export class TypeVar extends PyObject {
  declare __name__: string;
  declare __bound__: unknown;
  declare __constraints__: PyTuple<unknown>;
  declare __covariant__: boolean;
  declare __contravariant__: boolean;
  /** PEP 695 type parameters (and `infer_variance=True`): no variance prefix in the repr. */
  declare __infer_variance__: boolean;
  __init__(name: unknown, ...rest: unknown[]): void {
    const k = popKw(rest) ?? {};
    if (typeof name !== "string") throw new TypeError("TypeVar name must be a string");
    Object.defineProperty(this, "__name__", { value: name, writable: true, configurable: true });
    this.__constraints__ = PyTuple.fromArray(rest);
    this.__bound__ = k.bound ?? null;
    this.__covariant__ = !!k.covariant;
    this.__contravariant__ = !!k.contravariant;
    this.__infer_variance__ = !!k.infer_variance;
    // (the module that made it, as CPython's TypeVar records its caller's)
    Object.defineProperty(this, "__module__", { value: current_module_name(), writable: true, configurable: true });
  }
  __repr__(): string {
    const prefix = this.__infer_variance__ ? "" : this.__covariant__ ? "+" : this.__contravariant__ ? "-" : "~";
    return prefix + this.__name__;
  }
  __or__(o: unknown): unknown {
    return Union.__getitem__(PyTuple.fromArray([this, o]));
  }
  __ror__(o: unknown): unknown {
    return Union.__getitem__(PyTuple.fromArray([o, this]));
  }
}
Object.defineProperty(TypeVar, "__module__", { value: "typing" });

export class ParamSpec extends TypeVar {
  get args(): ParamSpecArgs {
    return new ParamSpecArgs(this);
  }
  get kwargs(): ParamSpecKwargs {
    return new ParamSpecKwargs(this);
  }
}

/** `P.args`: shown as `P.args`. */
export class ParamSpecArgs {
  constructor(readonly __origin__: ParamSpec) {}
  __repr__(): string {
    return `${this.__origin__.__name__}.args`;
  }
  __eq__(o: unknown): boolean {
    return o instanceof ParamSpecArgs && o.__origin__ === this.__origin__;
  }
}
Object.defineProperty(ParamSpecArgs, "__module__", { value: "typing" });

/** `P.kwargs`: shown as `P.kwargs`. */
export class ParamSpecKwargs {
  constructor(readonly __origin__: ParamSpec) {}
  __repr__(): string {
    return `${this.__origin__.__name__}.kwargs`;
  }
  __eq__(o: unknown): boolean {
    return o instanceof ParamSpecKwargs && o.__origin__ === this.__origin__;
  }
}
Object.defineProperty(ParamSpecKwargs, "__module__", { value: "typing" });
Object.defineProperty(ParamSpec, "__module__", { value: "typing" });
export class TypeVarTuple extends TypeVar {
  __repr__(): string {
    return this.__name__;
  }
  /** `*Ts` (`tuple[str, *Ts]`, `Generic[*Ts]`): one item, `Unpack[Ts]`. */
  __iter__(): Iterator<unknown> {
    return [Unpack.__getitem__(this)][Symbol.iterator]();
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this.__iter__();
  }
}
Object.defineProperty(TypeVarTuple, "__module__", { value: "typing" });

export const AnyStr = new TypeVar("AnyStr", bytes, pystr);

// ───────────── Generic and Protocol ─────────────

/**
 * `class Box(Generic[T])`: `Generic[T]` (and `Protocol[T]`) give the class itself, a base; a generic
 * class of the program subscripted (`Box[int]`) gives a typing alias printing `__main__.Box[int]`,
 * whose __mro_entries__ makes it the class again where it is a base (`class B(Box[int])`).
 */
export class Generic extends PyObject {
  static __class_getitem__(this: Function, params: unknown): unknown {
    // (`Generic[T]`, `Protocol[T]`: as a base, the class itself; in __orig_bases__, the alias)
    if (this === Generic || this === Protocol)
      return new _GenericAlias(this, PyTuple.fromArray(paramsOf(params)), `typing.${this === Generic ? "Generic" : "Protocol"}`);
    const names = this as unknown as { __module__?: string; __qualname__?: string };
    return new _GenericAlias(this, PyTuple.fromArray(paramsOf(params)), `${names.__module__ ?? "__main__"}.${names.__qualname__ ?? this.name}`);
  }
}
Object.defineProperty(Generic, "__module__", { value: "typing" });
/**
 * `Generic.__init_subclass__`: a subclass's `__parameters__` are the type variables of the bases it
 * was written with (`class Pair(Base[K], dict[K, V])`: K, V), or those `Generic[...]` lists among them;
 * a subclass written with plain classes has none.
 */
Object.defineProperty(Generic, "__init_subclass__", {
  value: function __init_subclass__(this: Function, ...args: unknown[]): void {
    const own = Object.prototype.hasOwnProperty.call(this, "__orig_bases__") ? (this as { __orig_bases__?: unknown }).__orig_bases__ : undefined;
    const bases = own instanceof PyTuple ? Array.from(own) : [];
    const listed = bases.find((b): b is _GenericAlias => b instanceof _GenericAlias && (b.__origin__ === Generic || b.__origin__ === Protocol));
    // (`Generic[*Ts]` lists `Unpack[Ts]`: its parameter is Ts)
    const params = listed
      ? Array.from(listed.__args__, (a) => (a instanceof _GenericAlias && a.__origin__ === Unpack ? a.__args__[0] : a))
      : parametersOfBases(bases);
    Object.defineProperty(this, "__parameters__", { value: PyTuple.fromArray(params), writable: true, configurable: true });
    PyObject.__init_subclass__.call(this, ...args);
  },
  writable: true,
  configurable: true,
});

/** The type variables among a class statement's bases, each once, in order (classes themselves give none). */
function parametersOfBases(bases: unknown[]): unknown[] {
  const found: unknown[] = [];
  for (const b of bases) {
    if (typeof b === "function") continue;
    const own = b instanceof TypeVar ? [b] : (b as { __parameters__?: unknown } | null)?.__parameters__;
    if (own instanceof PyTuple || Array.isArray(own)) for (const p of own) if (!found.includes(p)) found.push(p);
  }
  return found;
}
// (CPython's Generic and Protocol have empty __slots__: a subclass whose own classes all declare
// theirs has instances without a __dict__)
Object.defineProperty(Generic, "__slots__", { value: PyTuple.fromArray([]), writable: true, configurable: true });

// (what CPython leaves out of a protocol's members; `__module__`, `__doc__`: every class has them)
const PROTOCOL_SKIP = new globalThis.Set([
  "constructor",
  "__init__",
  "__class_getitem__",
  "__module__",
  "__doc__",
  "__qualname__",
  "__slots__",
  "__dict__",
  "__weakref__",
]);

/** `class Drawable(Protocol)`: structural isinstance() once decorated with @runtime_checkable. */
export class Protocol extends Generic {
  static __instancecheck__(this: Function, x: unknown): boolean {
    const nominal = x !== null && (typeof x === "object" || typeof x === "function") && x instanceof this;
    // A concrete subclass of a protocol checks by inheritance only.
    if (Object.getPrototypeOf(this) !== Protocol && !Object.prototype.hasOwnProperty.call(this, "_is_protocol")) return nominal;
    // A protocol itself refuses the check unless runtime_checkable, even for an instance of a subclass.
    if (!(this as { _is_runtime_protocol?: boolean })._is_runtime_protocol) {
      throw new TypeError("Instance and class checks can only be used with @runtime_checkable protocols");
    }
    if (nominal) return true;
    const names = protocolMembers(this);
    if (x === null || x === undefined) return false;
    return names.every((n) => {
      try {
        return (x as Record<string, unknown>)[n] !== undefined;
      } catch {
        return false;
      }
    });
  }
}
Object.defineProperty(Protocol, "__module__", { value: "typing" });
/** `P.__protocol_attrs__`: the members a protocol asks for (a concrete subclass has its protocol's). */
Object.defineProperty(Protocol, "__protocol_attrs__", {
  get(this: Function): unknown {
    let c = this;
    while (c && Object.getPrototypeOf(c) !== Protocol && !Object.prototype.hasOwnProperty.call(c, "_is_protocol")) c = Object.getPrototypeOf(c);
    if (!c || c === Protocol) throw new AttributeError(`type object 'Protocol' has no attribute '__protocol_attrs__'`);
    return set(PyList.fromArray(protocolMembers(c)));
  },
  configurable: true,
});
Object.defineProperty(Protocol, "__slots__", { value: PyTuple.fromArray([]), writable: true, configurable: true });

function protocolMembers(cls: Function): string[] {
  const names: string[] = [];
  for (let c = cls; c && c !== Protocol && c !== Generic && c !== PyObject; c = Object.getPrototypeOf(c)) {
    // CPython skips the bases by name: a program's class named Protocol (or Generic) contributes nothing.
    const name = (c as { __name__?: unknown }).__name__;
    if (name === "Protocol" || name === "Generic") continue;
    for (const n of Object.getOwnPropertyNames(c.prototype)) if (!PROTOCOL_SKIP.has(n)) names.push(n);
    const ann = Object.prototype.hasOwnProperty.call(c, "__annotations__") ? (c as { __annotations__?: unknown }).__annotations__ : null;
    if (ann instanceof PyDict) for (const k of ann.keys()) names.push(k as string);
  }
  return names;
}

export function runtime_checkable<C extends Function>(cls: C): C {
  Object.defineProperty(cls, "_is_runtime_protocol", { value: true, configurable: true });
  Object.defineProperty(cls, "_is_protocol", { value: true, configurable: true });
  return cls;
}

// ───────────── SupportsInt & co ─────────────

/**
 * A runtime-checkable protocol of one method (`SupportsInt`: `__int__`): isinstance() asks the
 * value's type, issubclass() the class; the builtin number types answer as CPython's do.
 */
class OneMethodProtocol extends Protocol {
  /** The method the protocol asks for, and the builtin types that have it. */
  static _method = "";
  static _builtins: Function[] = [];
  static __instancecheck__(this: Function, x: unknown): boolean {
    return (this as unknown as { __subclasscheck__(c: unknown): boolean }).__subclasscheck__(pytype(x));
  }
  static __subclasscheck__(c: unknown): boolean {
    if (this._builtins.includes(c as Function)) return true;
    if (c === int || c === float || c === bool || c === pystr || c === bytes || c === complex) return false;
    if (typeof c !== "function") throw new TypeError("issubclass() arg 1 must be a class");
    const proto = (c as { prototype?: Record<string, unknown> }).prototype;
    return proto !== undefined && typeof proto[this._method] === "function";
  }
}

export class SupportsInt extends OneMethodProtocol {
  static _method = "__int__";
  static _builtins = [int, bool, float];
}
export class SupportsFloat extends OneMethodProtocol {
  static _method = "__float__";
  static _builtins = [int, bool, float];
}
export class SupportsIndex extends OneMethodProtocol {
  static _method = "__index__";
  static _builtins = [int, bool];
}
export class SupportsAbs extends OneMethodProtocol {
  static _method = "__abs__";
  static _builtins = [int, bool, float];
}
export class SupportsRound extends OneMethodProtocol {
  static _method = "__round__";
  static _builtins = [int, bool, float];
}
export class SupportsBytes extends OneMethodProtocol {
  static _method = "__bytes__";
  static _builtins: Function[] = [bytes];
}

for (const cls of [SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs, SupportsRound, SupportsBytes]) {
  Object.defineProperty(cls, "__module__", { value: "typing" });
  runtime_checkable(cls);
  // (no __init__ of its own; issubclass() asks its __subclasscheck__ as it asks collections.abc's)
  initlessBases.add(cls);
}

// ───────────── ForwardRef ─────────────

/** ForwardRef('Name'): an annotation written as a string, not evaluated. */
export class ForwardRef extends PyObject {
  declare __forward_arg__: string;
  declare __forward_module__: unknown;
  declare __forward_is_argument__: boolean;
  declare __forward_is_class__: boolean;
  declare __forward_evaluated__: boolean;
  declare __forward_value__: unknown;
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const arg = args.length ? args[0] : k.arg;
    if (typeof arg !== "string") throw new TypeError(`Forward reference must be a string -- got ${repr(arg)}`);
    this.__forward_arg__ = arg;
    this.__forward_is_argument__ = Boolean(args.length > 1 ? args[1] : (k.is_argument ?? true));
    this.__forward_module__ = args.length > 2 ? args[2] : (k.module ?? null);
    this.__forward_is_class__ = Boolean(k.is_class ?? false);
    this.__forward_evaluated__ = false;
    this.__forward_value__ = null;
    return null;
  }
  __eq__(other: unknown): unknown {
    if (!(other instanceof ForwardRef)) return NotImplementedValue;
    return this.__forward_arg__ === other.__forward_arg__ && this.__forward_module__ === other.__forward_module__;
  }
  __hash__(): bigint {
    return hashBuiltin(PyTuple.of<unknown>(this.__forward_arg__, this.__forward_module__));
  }
  __repr__(): string {
    const module = this.__forward_module__ === null ? "" : `, module=${repr(this.__forward_module__)}`;
    return `ForwardRef(${repr(this.__forward_arg__)}${module})`;
  }
  static __module__ = "typing";
}

// ───────────── NamedTuple ─────────────

interface NTSpec {
  name: string;
  fields: string[];
  defaults: Map<string, unknown>;
  types: PyDict<string, unknown>;
}

const NT = Symbol("namedtuple spec");

/**
 * `class Pair(NamedTuple): left: int; right: int = 0` and `NamedTuple("Pair", [("left", int), ...])`.
 * Instances are tuples; constructing `NamedTuple` itself makes a new class (functional form).
 */
export class NamedTuple extends PyTuple<unknown> {
  constructor(...args: any[]) {
    const target = new.target as unknown as Record<symbol, NTSpec>;
    if ((target as unknown) === NamedTuple) {
      super();
      return namedTupleClass(args) as unknown as NamedTuple;
    }
    // A subclass with its own __new__ is made by it (unless that is what is making it now).
    const make = madeRaw ? undefined : (target as unknown as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
    madeRaw = false;
    if (make !== undefined) {
      super();
      return make(target as unknown as Function, args) as NamedTuple;
    }
    const spec = target[NT];
    const k = popKw(args);
    super();
    const n = spec.fields.length;
    if (args.length > n) {
      const least = spec.fields.filter((f) => !spec.defaults.has(f)).length;
      throw new TypeError(`${spec.name}.__new__() takes ${positionalRange(least + 1, n + 1)} but ${wereGiven(args.length + 1)}`);
    }
    // Keywords first, as CPython binds them: an unknown or repeated one before a missing one.
    if (k) {
      for (const key of Object.keys(k)) {
        const i = spec.fields.indexOf(key);
        if (i < 0) throw new TypeError(`${spec.name}.__new__() got an unexpected keyword argument '${key}'`);
        if (i < args.length) throw new TypeError(`${spec.name}.__new__() got multiple values for argument '${key}'`);
      }
    }
    const vals = args.slice();
    for (let i = vals.length; i < n; i++) {
      const f = spec.fields[i];
      if (k && f in k) vals.push(k[f]);
      else if (spec.defaults.has(f)) vals.push(spec.defaults.get(f));
      else {
        const missing = spec.fields.slice(i).filter((g) => !(k && g in k) && !spec.defaults.has(g));
        throw new TypeError(
          `${spec.name}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`,
        );
      }
    }
    for (const v of vals) this.push(v);
    Object.freeze(this);
  }
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  __repr__(): string {
    const spec = (this.constructor as unknown as Record<symbol, NTSpec>)[NT];
    return `${className(this.constructor)}(${spec.fields.map((f, i) => `${f}=${repr(this[i])}`).join(", ")})`;
  }
  _asdict(): PyDict<string, unknown> {
    const spec = (this.constructor as unknown as Record<symbol, NTSpec>)[NT];
    return PyDict.fromEntries(spec.fields.map((f, i) => [f, this[i]] as [string, unknown]));
  }
  _replace(...args: unknown[]): unknown {
    const k = popKw(args) ?? {};
    const spec = (this.constructor as unknown as Record<symbol, NTSpec>)[NT];
    const unknown = Object.keys(k).filter((key) => !spec.fields.includes(key));
    if (unknown.length) throw new ValueError(`Got unexpected field names: ${repr(PyList.fromArray(unknown))}`);
    const vals = spec.fields.map((f, i) => (f in k ? k[f] : this[i]));
    return makeRaw(this.constructor, vals);
  }
  static _make(this: Function, it: unknown): unknown {
    return makeRaw(this, Array.from(toIterable(it)));
  }
  /** The generated `__new__(cls, *fields)` (what a subclass's `super().__new__(cls, ...)` reaches). */
  __new__(cls: Function, ...args: unknown[]): unknown {
    return makeRaw(cls, args);
  }
  /** (class attributes that instances show too) */
  get _fields(): PyTuple<string> {
    return (this.constructor as typeof NamedTuple)._fields;
  }
  get _field_defaults(): PyDict<string, unknown> {
    return (this.constructor as typeof NamedTuple)._field_defaults;
  }
  static get _fields(): PyTuple<string> {
    const spec = (this as unknown as Record<symbol, NTSpec>)[NT];
    return PyTuple.fromArray(spec ? spec.fields : []);
  }
  static get _field_defaults(): PyDict<string, unknown> {
    const spec = (this as unknown as Record<symbol, NTSpec>)[NT];
    return PyDict.fromEntries(spec ? [...spec.defaults.entries()] : []);
  }
  /** define_class hook: the annotations are the fields, class attributes their defaults. */
  static __define__(cls: Function): void {
    // (a subclass of a NamedTuple class is a plain subclass of a tuple class: its fields are its base's)
    if ((Object.getPrototypeOf(cls) as Record<symbol, unknown>)[NT] !== undefined) return;
    // (CPython's class is made by collections.namedtuple: its one base is tuple)
    set_builtin_bases(cls, PyTuple);
    const ann = Object.prototype.hasOwnProperty.call(cls, "__annotations__") ? (cls as { __annotations__?: unknown }).__annotations__ : null;
    const fields: string[] = ann instanceof PyDict ? ([...ann.keys()] as string[]) : [];
    const defaults = new Map<string, unknown>();
    const c = cls as unknown as Record<string, unknown>;
    let sawDefault = false;
    for (const f of fields) {
      // A default is a class attribute the program set (JS's own `name`/`length` are not enumerable).
      const d = Object.getOwnPropertyDescriptor(c, f);
      if (d !== undefined && (d.enumerable || !(f === "name" || f === "length"))) {
        defaults.set(f, c[f]);
        sawDefault = true;
      } else if (sawDefault) {
        throw new TypeError(`Non-default namedtuple field ${f} cannot follow default field${defaults.size > 1 ? "s" : ""} ${[...defaults.keys()].join(", ")}`);
      }
    }
    setupNT(cls, { name: className(cls), fields, defaults, types: ann instanceof PyDict ? (ann as PyDict<string, unknown>) : new PyDict() });
  }
}
Object.defineProperty(NamedTuple, "__module__", { value: "typing" });
constructedByNew.add(NamedTuple);

/** Set while makeRaw constructs: the class's own __new__ is not asked (it is the caller, or _make bypasses it). */
let madeRaw = false;

/** An instance of `cls` from its fields' values, as `tuple.__new__` would make it (no subclass __new__). */
function makeRaw(cls: Function, args: unknown[]): unknown {
  madeRaw = true;
  try {
    return Reflect.construct(cls, args);
  } finally {
    madeRaw = false;
  }
}

function setupNT(cls: Function, spec: NTSpec): void {
  Object.defineProperty(cls, NT, { value: spec, configurable: true });
  spec.fields.forEach((f, i) => {
    Object.defineProperty(cls.prototype, f, {
      get(this: unknown[]) {
        return this[i];
      },
      set() {
        throw new AttributeError("can't set attribute");
      },
      configurable: true,
    });
  });
  Object.defineProperty(cls, "__match_args__", { value: PyTuple.fromArray(spec.fields), configurable: true, writable: true });
}

function namedTupleClass(args: unknown[]): Function {
  const k = popKw(args) ?? {};
  const name = args[0];
  if (typeof name !== "string") throw new TypeError("NamedTuple() first argument must be a string");
  const spec: [string, unknown][] = [];
  const given = args.length > 1 ? args[1] : null;
  if (given !== null && given !== undefined) {
    for (const item of toIterable(given)) {
      const [n, t] = Array.from(toIterable(item));
      spec.push([n as string, t]);
    }
  }
  for (const [n, t] of Object.entries(k)) spec.push([n, t]);
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = { [name]: class extends NamedTuple {} }[name];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__qualname__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__module__", { value: "__main__", writable: true, configurable: true });
  const types = PyDict.fromEntries(spec);
  Object.defineProperty(C, "__annotations__", { value: types, writable: true, configurable: true });
  setupNT(C, { name, fields: spec.map((s) => s[0]), defaults: new Map(), types });
  return C;
}

// ───────────── TypedDict ─────────────

/** `class Movie(TypedDict)`: calling the class makes a plain dict. */
export class TypedDict extends PyObject {
  constructor(...args: any[]) {
    if ((new.target as unknown) === TypedDict) {
      super();
      return typedDictClass(args) as unknown as TypedDict;
    }
    super();
    const k = popKw(args);
    const d = new PyDict<unknown, unknown>();
    if (args.length > 0) d.update(args[0]);
    if (k) for (const [key, v] of Object.entries(k)) d.__setitem__(key, v);
    return d as unknown as TypedDict;
  }
  __init__(): void {}
  static __define__(cls: Function): void {
    defineKeys(cls, true);
  }
  /** `class Movie(TypedDict, total=False)`: its own keys are optional. */
  static __init_subclass__(this: Function, ...args: unknown[]): void {
    const k = popKw(args);
    for (const key of Object.keys(k ?? {}))
      if (key !== "total") throw new TypeError(`TypedDict.__init_subclass__() got an unexpected keyword argument '${key}'`);
    if (k && "total" in k) defineKeys(this, Boolean(k.total));
  }
}

const OWN_ANNOTATIONS: unique symbol = Symbol("typeddict-own-annotations");

/** A TypedDict class's required and optional keys (frozensets, as CPython's): its own annotations, by `total`, after its bases'. */
function defineKeys(cls: Function, total: boolean): void {
  const c = cls as { [OWN_ANNOTATIONS]?: PyDict<string, unknown>; __annotations__?: unknown };
  // (the body's own annotations, kept: __annotations__ becomes the merged dict below, and `total`
  // can come a second time from __init_subclass__)
  if (!Object.prototype.hasOwnProperty.call(cls, OWN_ANNOTATIONS)) {
    const body = Object.prototype.hasOwnProperty.call(cls, "__annotations__") ? c.__annotations__ : null;
    Object.defineProperty(cls, OWN_ANNOTATIONS, { value: body instanceof PyDict ? body : new PyDict() });
  }
  const own = c[OWN_ANNOTATIONS]!;
  const keys = [...own.keys()] as string[];
  const parent = Object.getPrototypeOf(cls) as { __required_keys__?: Iterable<string>; __optional_keys__?: Iterable<string>; __annotations__?: unknown };
  const fromBase = parent && parent !== TypedDict;
  // A TypedDict's __annotations__ are its bases' keys, then its own (as CPython's _TypedDictMeta).
  if (fromBase && parent.__annotations__ instanceof PyDict) {
    const merged = new PyDict<string, unknown>();
    merged.update(parent.__annotations__);
    merged.update(own);
    Object.defineProperty(cls, "__annotations__", { value: merged, writable: true, configurable: true });
  }
  // (a key annotated Required[...] or NotRequired[...] is so whatever `total` says)
  const qualifier = (k: string): "Required" | "NotRequired" | null => {
    const a = own.get(k);
    if (a instanceof _GenericAlias) return a.__origin__ === Required ? "Required" : a.__origin__ === NotRequired ? "NotRequired" : null;
    const m = typeof a === "string" ? /^\s*(?:typing(?:_extensions)?\.)?(Required|NotRequired)\s*\[/.exec(a) : null;
    return m ? (m[1] as "Required" | "NotRequired") : null;
  };
  const isRequired = (k: string) => (qualifier(k) ?? (total ? "Required" : "NotRequired")) === "Required";
  const required = [...(fromBase && parent.__required_keys__ ? parent.__required_keys__ : []), ...keys.filter(isRequired)];
  const optional = [...(fromBase && parent.__optional_keys__ ? parent.__optional_keys__ : []), ...keys.filter((k) => !isRequired(k))];
  Object.defineProperty(cls, "__required_keys__", { value: frozenset(PyList.fromArray(required)), configurable: true });
  Object.defineProperty(cls, "__optional_keys__", { value: frozenset(PyList.fromArray(optional)), configurable: true });
  Object.defineProperty(cls, "__total__", { value: total, configurable: true, writable: true });
}
Object.defineProperty(TypedDict, "__module__", { value: "typing" });

function typedDictClass(args: unknown[]): Function {
  const k = popKw(args);
  const name = args[0] as string;
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = { [name]: class extends TypedDict {} }[name];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__qualname__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__module__", { value: "__main__", writable: true, configurable: true });
  const ann = args[1] instanceof PyDict ? args[1] : new PyDict();
  Object.defineProperty(C, "__annotations__", { value: ann, writable: true, configurable: true });
  defineKeys(C, k && "total" in k ? Boolean(k.total) : true);
  return C;
}

// ───────────── functions ─────────────

export const TYPE_CHECKING = false;

export function cast<T>(_typ: unknown, val: T): T {
  return val;
}
export function assert_type<T>(val: T, _typ: unknown): T {
  return val;
}
export function overload<T>(f: T): T {
  return f;
}
export function final<T>(f: T): T {
  return f;
}
export function override<T>(f: T): T {
  return f;
}
export function no_type_check<T>(f: T): T {
  return f;
}
export function type_check_only<T>(f: T): T {
  return f;
}
export function dataclass_transform(..._args: unknown[]): <T>(f: T) => T {
  return (f) => f;
}
export function assert_never(arg: unknown): never {
  throw new (AssertionErrorRef())(`Expected code to be unreachable, but got: ${repr(arg)}`);
}
import { AssertionError } from "../builtins/exceptions.js";
function AssertionErrorRef(): typeof AssertionError {
  return AssertionError;
}

/** `reveal_type(x)` prints the runtime type on stderr and returns x. */
export function reveal_type<T>(x: T): T {
  stdio.stderr.write(`Runtime type is ${strRepr(typeName(x))}\n`);
  return x;
}

/** `NewType("UserId", int)`: an identity function with a name. */
export function NewType(name: string, tp: unknown): (x: unknown) => unknown {
  const f = (x: unknown) => x;
  Object.defineProperty(f, "name", { value: name });
  Object.defineProperty(f, "__name__", { value: name });
  Object.defineProperty(f, "__qualname__", { value: name });
  Object.defineProperty(f, "__supertype__", { value: tp });
  Object.defineProperty(f, "__pyrepr__", { value: () => `__main__.${name}` });
  return f;
}

const BUILTIN_TYPES: Record<string, unknown> = {
  int,
  str: pystr,
  float,
  bool,
  list,
  dict,
  set,
  tuple,
  bytes,
  object,
  frozenset,
  type,
  complex,
  None: NoneType,
};

/** typing's names an annotation's source text may use bare (`ClassVar[int]` after `from typing import ClassVar`). */
function typingName(name: string): unknown {
  const names: Record<string, unknown> = {
    Any,
    ClassVar,
    Final,
    Optional,
    Union,
    Literal,
    Annotated,
    Required,
    NotRequired,
    Unpack,
    Callable,
    Concatenate,
    TypeGuard,
    List,
    Dict,
    Set,
    FrozenSet,
    Tuple,
    Type,
    DefaultDict,
    OrderedDict,
    Counter,
    Deque,
    ChainMap,
    Awaitable,
    Coroutine,
    AsyncIterable,
    AsyncIterator,
    AsyncGenerator,
    Iterable,
    Iterator,
    Generator,
    Sequence,
    MutableSequence,
    Mapping,
    MutableMapping,
    AbstractSet,
    MutableSet,
    NoReturn,
    Never,
    Self,
    LiteralString,
    TypeAlias,
    Text,
    Hashable,
    Sized,
    Collection,
    Container,
    Reversible,
  };
  return Object.prototype.hasOwnProperty.call(names, name) ? names[name] : undefined;
}

const NOT_EVALUATED = Symbol("not evaluated");

/**
 * An annotation kept as its source text (`"ClassVar[dict[str, int]]"`), evaluated as far as
 * builtins and typing's names go: names, `typing.X`, subscripts, `|`, `None`, `...`, lists and
 * quoted forward references. Anything else (a program's own class, an expression) gives
 * NOT_EVALUATED, and the hint stays the text.
 */
function evalAnnotation(text: string): unknown {
  const tokens = text.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|'[^']*'|"[^"]*"|-?\d+|\S/g) ?? [];
  let i = 0;
  const fail = (): never => {
    throw NOT_EVALUATED;
  };
  const peek = () => tokens[i];
  const take = (t?: string) => {
    if (t !== undefined && tokens[i] !== t) fail();
    return tokens[i++];
  };
  const atom = (): unknown => {
    const t = take();
    if (t === undefined) return fail();
    if (t === "...") return Ellipsis;
    if (t === "None") return null;
    if (t === "True" || t === "False") return t === "True";
    if (/^-?\d+$/.test(t)) return BigInt(t);
    if (t[0] === "'" || t[0] === '"') return t.slice(1, -1);
    if (t === "[") {
      const items = peek() === "]" ? [] : args();
      take("]");
      return PyList.fromArray(items);
    }
    if (!/^[A-Za-z_]/.test(t)) return fail();
    let value: unknown;
    if (t === "typing" && peek() === ".") {
      take(".");
      value = typingName(take());
    } else value = Object.prototype.hasOwnProperty.call(BUILTIN_TYPES, t) ? BUILTIN_TYPES[t] : typingName(t);
    if (value === undefined) fail();
    return value;
  };
  const primary = (): unknown => {
    let v = atom();
    while (peek() === "[") {
      take("[");
      const items = args();
      take("]");
      v = getitem(v, items.length === 1 ? items[0] : PyTuple.fromArray(items));
    }
    return v;
  };
  const expr = (): unknown => {
    let v = primary();
    while (peek() === "|") {
      take("|");
      v = bitor(v, primary());
    }
    return v;
  };
  const args = (): unknown[] => {
    const items = [expr()];
    while (peek() === ",") {
      take(",");
      if (peek() === "]") break;
      items.push(expr());
    }
    return items;
  };
  try {
    const v = expr();
    if (i !== tokens.length) fail();
    return v;
  } catch (e) {
    if (e === NOT_EVALUATED || e instanceof TypeError) return NOT_EVALUATED;
    throw e;
  }
}

/** What get_type_hints gives for one annotation: evaluated, None as NoneType, Required/NotRequired/Annotated stripped unless include_extras. */
function typeHint(v: unknown, extras: boolean): unknown {
  if (typeof v === "string") {
    const e = evalAnnotation(v);
    if (e !== NOT_EVALUATED) v = typeof e === "string" ? typeHint(e, extras) : e;
  }
  if (v === null || v === undefined) return NoneType;
  if (!extras && v instanceof _GenericAlias && (v.__origin__ === Required || v.__origin__ === NotRequired || v._name === "typing.Annotated"))
    return typeHint(v.__args__[0], extras);
  return v;
}

/** get_type_hints(obj, include_extras=False): the annotations (a class's with its bases'), evaluated as far as builtins and typing go. */
export function get_type_hints(obj: unknown, ...rest: unknown[]): PyDict<string, unknown> {
  const k = popKw(rest) ?? {};
  const extras = truthyFlag(rest[2] ?? k.include_extras);
  const out = new PyDict<string, unknown>();
  const chain: unknown[] = [];
  if (typeof obj === "function" && obj.prototype instanceof PyObject) {
    for (let c: unknown = obj; c && c !== PyObject && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  } else chain.push(obj);
  for (const c of chain) {
    if (!Object.prototype.hasOwnProperty.call(c, "__annotations__")) continue;
    const ann = (c as { __annotations__?: unknown }).__annotations__;
    if (!(ann instanceof PyDict)) continue;
    for (const [name, v] of ann.items() as Iterable<[string, unknown]>) out.__setitem__(name, typeHint(v, extras));
  }
  return out;
}

function truthyFlag(x: unknown): boolean {
  return x !== undefined && x !== null && x !== false && x !== 0n;
}

/**
 * get_origin(tp): the class or form a subscripted type stands for: `list` for `list[int]` and
 * `typing.List[int]` (and for the bare `typing.List`), collections.abc.Callable for `Callable[...]`,
 * types.UnionType for `int | str`, Union for `Union[...]`, Annotated for `Annotated[...]`, Generic
 * for Generic itself; None for anything else.
 */
export function get_origin(tp: unknown): unknown {
  if (tp instanceof _GenericAlias) {
    if (tp._name === "typing.Annotated") return Annotated;
    if (tp.__origin__ === Callable) return abcClassOf("Callable") ?? null;
    return tp.__origin__;
  }
  if (tp instanceof GenericAlias || tp instanceof ParamSpecArgs || tp instanceof ParamSpecKwargs) return tp.__origin__;
  if (tp instanceof UnionType) return UnionType;
  if (tp === Generic) return Generic;
  if (tp instanceof _SpecialForm) return tp.__origin__ ?? abcClassOf(tp._name) ?? null;
  return null;
}

/**
 * get_args(tp): the arguments of a subscripted type, as a tuple: `Callable[[int], str]` gives
 * `([int], str)`, `Annotated[int, m]` gives `(int, m)`; `()` for anything else.
 */
export function get_args(tp: unknown): PyTuple<unknown> {
  if (tp instanceof _GenericAlias) {
    const args = Array.from(tp.__args__);
    const paramExpr = (a: unknown) => a === Ellipsis || a instanceof ParamSpec || (a instanceof _GenericAlias && a.__origin__ === Concatenate);
    const callable = tp.__origin__ === Callable || (tp.__origin__ !== null && tp.__origin__ === abcClassOf("Callable"));
    if (callable && !(args.length === 2 && paramExpr(args[0]))) {
      return PyTuple.fromArray([PyList.fromArray(args.slice(0, -1)), args[args.length - 1]]);
    }
    return tp.__args__;
  }
  if (tp instanceof GenericAlias || tp instanceof UnionType) return tp.__args__;
  return PyTuple.fromArray([]);
}

export function is_typeddict(tp: unknown): boolean {
  return typeof tp === "function" && tp.prototype instanceof TypedDict;
}

void KwArgs;
void PyList;
