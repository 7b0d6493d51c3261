// PEP 695 at run time: the type parameters of `class C[T]` / `def f[T]` and the `type X = ...`
// statement. A type parameter is a TypeVar (TypeVarTuple, ParamSpec) that infers its variance and
// evaluates its bound lazily; `type X = v` makes a TypeAliasType whose value is evaluated on first
// read, so it may name what the program defines later.
import { PyTuple } from "./builtins/collections.js";
import { bases_of } from "./builtins/mro.js";
import { PyObject } from "./builtins/object.js";
import { Generic, ParamSpec, TypeVar, TypeVarTuple, _GenericAlias, _type_repr } from "./modules/typing.js";
import { GenericAlias, TypeAliasType, UnionType, lazyAttribute } from "./modules/_type_alias.js";
import { bitor, getitem } from "./builtins/ops.js";
import { isClass } from "./builtins/repr.js";

/**
 * One type parameter: `kind` "" (`T`, `T: bound`, `T: (a, b)`), "*" (`*Ts`) or "**" (`**P`).
 * `bound` and `constraints` are evaluated when first read, as CPython does.
 */
export function type_param(name: string, kind: "" | "*" | "**" = "", bound?: () => unknown, constraints?: () => unknown): TypeVar {
  const tv = kind === "*" ? new TypeVarTuple(name) : kind === "**" ? new ParamSpec(name) : new TypeVar(name);
  tv.__infer_variance__ = true;
  if (bound) lazyAttribute(tv, "__bound__", bound);
  if (constraints)
    lazyAttribute(tv, "__constraints__", () => {
      const c = constraints();
      return c instanceof PyTuple ? c : PyTuple.fromArray([c]);
    });
  return tv;
}

/** `Generic[T, *Ts, P]` as CPython shows it in `__orig_bases__` (a TypeVarTuple as `typing.Unpack[Ts]`). */
function genericOf(params: readonly unknown[]): _GenericAlias {
  const alias = new _GenericAlias(Generic, PyTuple.fromArray([...params]), "typing.Generic");
  alias.__repr__ = () => `typing.Generic[${params.map((p) => (p instanceof TypeVarTuple ? `typing.Unpack[${p.__name__}]` : _type_repr(p))).join(", ")}]`;
  return alias;
}

function defineConst(obj: object, name: string, value: unknown): void {
  Object.defineProperty(obj, name, { value, writable: true, configurable: true });
}

/** A def's `__type_params__`; returns the function, so that it can wrap an expression. */
export function set_type_params<F extends object>(fn: F, params: unknown[]): F {
  defineConst(fn, "__type_params__", PyTuple.fromArray(params));
  return fn;
}

/**
 * A generic class (`class C[T](Base)`): `__type_params__`, `__parameters__` and `__orig_bases__`
 * (its bases, then the implicit `Generic[T]`), set by define_class.
 */
export function set_class_type_params(cls: Function, params: unknown[], origBases?: unknown[]): void {
  set_type_params(cls, params);
  defineConst(cls, "__parameters__", PyTuple.fromArray(params));
  const bases = origBases ?? bases_of(cls).filter((b) => b !== Generic && b !== PyObject);
  defineConst(cls, "__orig_bases__", PyTuple.fromArray([...bases, genericOf(params)]));
}

/** The `type` statement: `type_alias("Pair", () => value, [Pair_T])`, the value evaluated on first read. */
export function type_alias(name: string, value: () => unknown, params: unknown[] = []): TypeAliasType {
  const alias = new TypeAliasType(name);
  defineConst(alias, "__type_params__", PyTuple.fromArray(params));
  lazyAttribute(alias, "__value__", value, "typing.TypeAliasType");
  return alias;
}

// In a type alias's value and a bound (type expressions), `list[int]` and `int | None` are what
// CPython makes of them: types.GenericAlias and types.UnionType (`list[int]`, `int | None`).

/** `X[args]` in a type expression: a class without its own `__class_getitem__` (or a Generic one) gives a GenericAlias. */
export function type_getitem(obj: unknown, key: unknown): unknown {
  if (typeof obj === "function" && isClass(obj)) {
    const own = (obj as { __class_getitem__?: unknown }).__class_getitem__;
    if (own === undefined || own === Generic.__class_getitem__) return new GenericAlias(obj, key instanceof PyTuple ? key : PyTuple.fromArray([key]));
  }
  return getitem(obj, key);
}

/** `a | b` in a type expression: two classes (or None) give a UnionType; typing's objects their own union. */
export function type_or(a: unknown, b: unknown): unknown {
  // collections.abc's `Iterable[T]` is a types.GenericAlias in CPython (typing's names are not).
  const abcAlias = (x: unknown) => x instanceof _GenericAlias && (x as unknown as { _name: string })._name.startsWith("collections.abc.");
  const plain = (x: unknown) =>
    x === null || x === undefined || (typeof x === "function" && isClass(x)) || x instanceof GenericAlias || x instanceof UnionType || abcAlias(x);
  return plain(a) && plain(b) ? new UnionType([a, b]) : bitor(a, b);
}
