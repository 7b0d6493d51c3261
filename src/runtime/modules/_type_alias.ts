// typing.TypeAliasType (what the `type X = ...` statement makes, PEP 695), what subscripting a
// generic alias gives (`types.GenericAlias`: `Pair[int]`) and `X | None` of an alias
// (`types.UnionType`). Their reprs name types as typing does (`_type_repr`, shared with typing.ts).
import { markPythonClass } from "../builtins/js-names.js";
import { AttributeError, TypeError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { PyObject, popKw, classModule, classQualname } from "../builtins/object.js";
import { repr, strRepr } from "../builtins/repr.js";
import { Ellipsis, typeName, set_generic_alias_hook, set_type_union_hook, pytype } from "../builtins/ops.js";
import { issubclass } from "../builtins/functions.js";
import { current_module_name } from "../importer.js";

/** typing._type_repr: classes by qualified name (builtins bare), `...`, functions by name. */
export function _type_repr(x: unknown): string {
  if (typeof x === "function") {
    const q = (x as { __pytype__?: unknown; __qualname__?: unknown }).__qualname__;
    if (typeof q === "string" || Object.prototype.hasOwnProperty.call(x, "__module__")) {
      const m = classModule(x);
      const qn = classQualname(x);
      return m === "builtins" ? qn : `${m}.${qn}`;
    }
    return (x as Function).name;
  }
  if (x === Ellipsis) return "...";
  if (x === null || x === undefined) return "None";
  if (typeof x === "string") return `ForwardRef(${strRepr(x)})`;
  return repr(x);
}

/** Defines `name` on `obj` as a getter that runs `compute` once; `owner`: writing it raises AttributeError. */
export function lazyAttribute(obj: object, name: string, compute: () => unknown, owner?: string): void {
  let done = false;
  let value: unknown;
  Object.defineProperty(obj, name, {
    get() {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
    set: owner
      ? () => {
          throw new AttributeError(`attribute '${name}' of '${owner}' objects is not writable`);
        }
      : undefined,
    configurable: true,
  });
}

function defineConst(obj: object, name: string, value: unknown): void {
  Object.defineProperty(obj, name, { value, writable: true, configurable: true });
}

/** A hash from the repr: equal aliases have equal reprs. */
function reprHash(text: string): bigint {
  let h = 7n;
  for (const ch of text) h = (h * 31n + BigInt(ch.codePointAt(0)!)) & 0xffffffffn;
  return h;
}

/** types.GenericAlias's repr of an argument: a class by (qualified) name, `...`, a list as `[a, b]`. */
function aliasArgRepr(x: unknown): string {
  if (Array.isArray(x) && !(x instanceof PyTuple)) return `[${x.map(aliasArgRepr).join(", ")}]`;
  return _type_repr(x);
}

const TYPE_PARAM_CLASSES = new Set(["TypeVar", "ParamSpec", "TypeVarTuple"]);

/** The type variables among an alias's arguments, each once, in the order they first appear. */
function typeParametersOf(args: Iterable<unknown>, found: unknown[] = []): unknown[] {
  for (const a of args) {
    if (TYPE_PARAM_CLASSES.has(typeName(a))) {
      if (!found.includes(a)) found.push(a);
    } else if (a instanceof GenericAlias) typeParametersOf(a.__args__, found);
  }
  return found;
}

/** `Alias[int]`, `list[int]` (in an alias's value or a bound): types.GenericAlias. */
export class GenericAlias {
  readonly __args__: PyTuple<unknown>;
  constructor(
    readonly __origin__: unknown,
    args: unknown,
  ) {
    // (`types.GenericAlias(C, int)`, as `classmethod(types.GenericAlias)` makes `C[int]`: one argument is a tuple of one)
    this.__args__ = args instanceof PyTuple ? args : PyTuple.fromArray([args]);
  }
  get __parameters__(): PyTuple<unknown> {
    return PyTuple.fromArray(typeParametersOf(this.__args__));
  }
  /** `list[T][int]`: the type parameters among the arguments (however deep) replaced in order. */
  __getitem__(p: unknown): GenericAlias {
    const params = typeParametersOf(this.__args__);
    if (params.length === 0) throw new TypeError(`${this.__repr__()} is not a generic class`);
    const given = p instanceof PyTuple ? Array.from(p) : [p];
    if (given.length !== params.length)
      throw new TypeError(
        `Too ${given.length > params.length ? "many" : "few"} arguments for ${this.__repr__()}; actual ${given.length}, expected ${params.length}`,
      );
    const substitute = (a: unknown): unknown => {
      const at = params.indexOf(a);
      if (at >= 0) return given[at];
      return a instanceof GenericAlias ? new GenericAlias(a.__origin__, PyTuple.fromArray(Array.from(a.__args__, substitute))) : a;
    };
    return new GenericAlias(this.__origin__, PyTuple.fromArray(Array.from(this.__args__, substitute)));
  }
  __repr__(): string {
    const o = this.__origin__;
    const args = Array.from(this.__args__);
    return `${o instanceof TypeAliasType ? o.__name__ : _type_repr(o)}[${args.length ? args.map(aliasArgRepr).join(", ") : "()"}]`;
  }
  __eq__(o: unknown): boolean {
    return o instanceof GenericAlias && o.__origin__ === this.__origin__ && repr(o.__args__) === repr(this.__args__);
  }
  __hash__(): bigint {
    return reprHash(this.__repr__());
  }
  __call__(...args: unknown[]): unknown {
    const o = this.__origin__;
    if (typeof o !== "function") throw new TypeError(`'${typeName(o)}' object is not callable`);
    return Reflect.construct(o, args);
  }
  /** As a class statement's base (`class Q(deque[int])`): the class it subscripts. */
  __mro_entries__(_bases: unknown): PyTuple<unknown> {
    return PyTuple.fromArray([this.__origin__]);
  }
  __or__(o: unknown): UnionType {
    return new UnionType([this, o]);
  }
  __ror__(o: unknown): UnionType {
    return new UnionType([o, this]);
  }
}
Object.defineProperty(GenericAlias, "__module__", { value: "types" });
markPythonClass(GenericAlias);
// `list[int]`, `asyncio.Queue[str]`: what subscripting a generic class gives (ops.ts getitem).
set_generic_alias_hook((origin, args) => new GenericAlias(origin, args instanceof PyTuple ? args : PyTuple.fromArray([args])));

const NoneType = pytype(null);

/** `X | None` where X is a type alias: shown as `X | None`. */
export class UnionType {
  readonly __args__: PyTuple<unknown>;
  constructor(args: unknown[]) {
    const flat: unknown[] = [];
    // (None is held as NoneType, as CPython's `(int | None).__args__` has it, and shown as None)
    for (const a of args) for (const x of a instanceof UnionType ? Array.from(a.__args__) : [a ?? NoneType]) if (!flat.includes(x)) flat.push(x);
    this.__args__ = PyTuple.fromArray(flat);
  }
  __repr__(): string {
    return Array.from(this.__args__, (a) => (a === NoneType ? "None" : aliasArgRepr(a))).join(" | ");
  }
  /** Equal when the members are the same, in any order (`int | str == str | int`). */
  __eq__(o: unknown): boolean {
    if (!(o instanceof UnionType) || o.__args__.length !== this.__args__.length) return false;
    const mine = Array.from(this.__args__).map((a) => repr(a));
    return Array.from(o.__args__).every((a) => mine.includes(repr(a)));
  }
  __hash__(): bigint {
    // (order-free, as equality is)
    return reprHash(
      Array.from(this.__args__, (a) => repr(a))
        .sort()
        .join("|"),
    );
  }
  __or__(o: unknown): UnionType {
    return new UnionType([this, o]);
  }
  __ror__(o: unknown): UnionType {
    return new UnionType([o, this]);
  }
  /** isinstance(x, int | str): an instance of any member (None stands for NoneType). */
  __instancecheck__(x: unknown): boolean {
    return this.__subclasscheck__(pytype(x));
  }
  __subclasscheck__(c: unknown): boolean {
    for (const member of this.__args__) if (issubclass(c, member)) return true;
    return false;
  }
}
Object.defineProperty(UnionType, "__module__", { value: "types" });
// `int | int` is int itself.
set_type_union_hook((a, b) => {
  const union = new UnionType([a, b]);
  return union.__args__.length === 1 ? union.__args__[0] : union;
});
markPythonClass(UnionType);

/** `type X[T] = value`: typing.TypeAliasType (also made directly: `TypeAliasType("X", int)`). */
export class TypeAliasType extends PyObject {
  declare __name__: string;
  declare __type_params__: PyTuple<unknown>;
  declare __value__: unknown;
  declare __module__: string;
  __init__(name: unknown, ...rest: unknown[]): void {
    const k = popKw(rest) ?? {};
    if (typeof name !== "string") throw new TypeError(`TypeAliasType() argument 'name' must be str, not ${typeName(name)}`);
    defineConst(this, "__name__", name);
    defineConst(this, "__type_params__", k.type_params instanceof PyTuple ? k.type_params : PyTuple.fromArray([]));
    defineConst(this, "__module__", current_module_name());
    const value = "value" in k ? k.value : rest[0];
    if (rest.length || "value" in k) lazyAttribute(this, "__value__", () => value, "typing.TypeAliasType");
  }
  get __parameters__(): PyTuple<unknown> {
    return this.__type_params__;
  }
  __repr__(): string {
    return this.__name__;
  }
  __getitem__(args: unknown): GenericAlias {
    if (!this.__type_params__.length) throw new TypeError("Only generic type aliases are subscriptable");
    return new GenericAlias(this, args instanceof PyTuple ? args : PyTuple.fromArray([args]));
  }
  __or__(o: unknown): UnionType {
    return new UnionType([this, o]);
  }
  __ror__(o: unknown): UnionType {
    return new UnionType([o, this]);
  }
}
Object.defineProperty(TypeAliasType, "__module__", { value: "typing" });
