// dataclasses: dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, KW_ONLY.
//
// A translated `@dataclass class P: x: int; y: int = 0` reaches `dataclass()` as a class set up by
// define_class: `__annotations__` holds the annotated names in order (with their source text) and
// the class attributes hold defaults (`field(...)` values are Field objects). dataclass() adds the
// generated methods to the prototype unless the class body defined them itself.
import { markPythonClass } from "../builtins/js-names.js";
import { AttributeError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple, PySet } from "../builtins/collections.js";
import { PyObject, KwArgs, popKw, className, classQualname, hexAddress } from "../builtins/object.js";
import { repr, reprActive } from "../builtins/repr.js";
import { NotImplemented, call, callm_checked, eq, lt, le, gt, ge, hasattr, truthy } from "../builtins/ops.js";
import { hash, int, str as pystr, float, bool, list, dict, set, tuple, bytes, object, frozenset } from "../builtins/functions.js";

// ───────────── MISSING, Field, InitVar, KW_ONLY ─────────────

class _MISSING_TYPE {
  __repr__(): string {
    return `<dataclasses._MISSING_TYPE object at ${hexAddress(this)}>`;
  }
}
Object.defineProperty(_MISSING_TYPE, "__module__", { value: "dataclasses" });
export const MISSING: unknown = new _MISSING_TYPE();

type FieldKind = "_FIELD" | "_FIELD_CLASSVAR" | "_FIELD_INITVAR";

export class FrozenInstanceError extends AttributeError {}
Object.defineProperty(FrozenInstanceError, "__module__", { value: "dataclasses", writable: true, configurable: true });

export class Field {
  name: string | null = null;
  type: unknown = null;
  default: unknown;
  default_factory: unknown;
  init: boolean;
  repr: boolean;
  hash: unknown;
  compare: boolean;
  metadata: PyDict<unknown, unknown>;
  kw_only: unknown;
  _field_type: FieldKind | null = null;

  constructor(dflt: unknown, factory: unknown, init: boolean, rep: boolean, hsh: unknown, compare: boolean, metadata: unknown, kwOnly: unknown) {
    this.default = dflt;
    this.default_factory = factory;
    this.init = init;
    this.repr = rep;
    this.hash = hsh;
    this.compare = compare;
    this.metadata = metadata instanceof PyDict ? metadata : new PyDict();
    this.kw_only = kwOnly;
  }
  __repr__(): string {
    return (
      `Field(name=${repr(this.name)},type=${repr(this.type)},default=${repr(this.default)},` +
      `default_factory=${repr(this.default_factory)},init=${repr(this.init)},repr=${repr(this.repr)},` +
      `hash=${repr(this.hash)},compare=${repr(this.compare)},metadata=mappingproxy(${repr(this.metadata)}),` +
      `kw_only=${repr(this.kw_only)},_field_type=${this._field_type})`
    );
  }
}
Object.defineProperty(Field, "__module__", { value: "dataclasses" });

/** `field(*, default, default_factory, init, repr, hash, compare, metadata, kw_only)`. */
export function field(...args: unknown[]): Field {
  const k = popKw(args) ?? {};
  if (args.length) throw new TypeError(`field() takes 0 positional arguments but ${args.length} were given`);
  for (const name of Object.keys(k)) {
    if (!["default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"].includes(name)) {
      throw new TypeError(`field() got an unexpected keyword argument '${name}'`);
    }
  }
  const dflt = "default" in k ? k.default : MISSING;
  const factory = "default_factory" in k ? k.default_factory : MISSING;
  if (dflt !== MISSING && factory !== MISSING) throw new ValueError("cannot specify both default and default_factory");
  return new Field(
    dflt,
    factory,
    "init" in k ? truthy(k.init) : true,
    "repr" in k ? truthy(k.repr) : true,
    "hash" in k ? k.hash : null,
    "compare" in k ? truthy(k.compare) : true,
    k.metadata ?? null,
    "kw_only" in k ? k.kw_only : MISSING,
  );
}

/** `InitVar[T]` in an annotation: an __init__ parameter passed on to __post_init__, not a field. */
export class InitVar {
  constructor(readonly type: unknown) {}
  static __class_getitem__(t: unknown): InitVar {
    return new InitVar(t);
  }
  __repr__(): string {
    return `dataclasses.InitVar[${typeof this.type === "function" ? className(this.type) : repr(this.type)}]`;
  }
}
Object.defineProperty(InitVar, "__module__", { value: "dataclasses" });

class _KW_ONLY_TYPE {
  __repr__(): string {
    return `<dataclasses._KW_ONLY_TYPE object at ${hexAddress(this)}>`;
  }
}
export const KW_ONLY: unknown = new _KW_ONLY_TYPE();

// ───────────── the decorator ─────────────

interface Params {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  unsafe_hash: boolean;
  frozen: boolean;
  match_args: boolean;
  kw_only: boolean;
  slots: boolean;
}

const PARAM_NAMES = ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"];

/** `@dataclass`, `@dataclass(order=True, ...)`. */
export function dataclass(...args: unknown[]): any {
  const k = popKw(args) ?? {};
  for (const name of Object.keys(k)) {
    if (!PARAM_NAMES.includes(name)) throw new TypeError(`dataclass() got an unexpected keyword argument '${name}'`);
  }
  const opt = (name: string, d: boolean) => (Object.prototype.hasOwnProperty.call(k, name) ? truthy(k[name]) : d);
  const params: Params = {
    init: opt("init", true),
    repr: opt("repr", true),
    eq: opt("eq", true),
    order: opt("order", false),
    unsafe_hash: opt("unsafe_hash", false),
    frozen: opt("frozen", false),
    match_args: opt("match_args", true),
    kw_only: opt("kw_only", false),
    slots: opt("slots", false),
  };
  const cls = args[0];
  if (cls === undefined || cls === null) return (c: Function) => processClass(c, params);
  if (typeof cls !== "function") throw new TypeError(`dataclass() should be called on a class`);
  return processClass(cls, params);
}

const TYPE_NAMES: Record<string, unknown> = {
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
};

function resolveType(text: unknown): unknown {
  if (typeof text !== "string") return text;
  return Object.prototype.hasOwnProperty.call(TYPE_NAMES, text) ? TYPE_NAMES[text] : text;
}

function annotationKind(text: unknown): FieldKind | "KW_ONLY" {
  if (typeof text !== "string") {
    if (text instanceof InitVar || text === InitVar) return "_FIELD_INITVAR";
    if (text === KW_ONLY) return "KW_ONLY";
    return "_FIELD";
  }
  const t = text.trim().replace(/^["']|["']$/g, "");
  if (/^(typing\.)?ClassVar\b/.test(t)) return "_FIELD_CLASSVAR";
  if (/^(dataclasses\.)?InitVar\b/.test(t)) return "_FIELD_INITVAR";
  if (/^(dataclasses\.)?KW_ONLY$/.test(t)) return "KW_ONLY";
  return "_FIELD";
}

function ownAnnotations(cls: Function): [string, unknown][] {
  if (!Object.prototype.hasOwnProperty.call(cls, "__annotations__")) return [];
  const a = (cls as unknown as { __annotations__: unknown }).__annotations__;
  if (a instanceof PyDict) return [...a.items()] as [string, unknown][];
  if (a && typeof a === "object") return Object.entries(a);
  return [];
}

/** A class attribute the class body set: not a JS function's own `name` or `length` (read-only). */
function ownClassAttribute(cls: object, name: string): boolean {
  const d = Object.getOwnPropertyDescriptor(cls, name);
  return d !== undefined && (d.writable !== false || d.get !== undefined);
}

function hasOwn(o: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, name);
}

const FIELDS = "__dataclass_fields__";

function fieldsOf(cls: unknown): PyDict<string, Field> | null {
  if (cls === null || cls === undefined) return null;
  const f = (cls as Record<string, unknown>)[FIELDS];
  return f instanceof PyDict ? (f as PyDict<string, Field>) : null;
}

function isMutableDefault(v: unknown): boolean {
  return v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !(v as object).constructor.name.includes("Frozen"));
}

function processClass(cls: Function, params: Params): Function {
  const c = cls as unknown as Record<string, unknown>;
  const proto = cls.prototype as Record<string, unknown>;
  const qual = classQualname(cls);

  // fields of dataclass bases, nearest base last (their order is the definition order)
  const all = new Map<string, Field>();
  const chain: Function[] = [];
  for (let b = Object.getPrototypeOf(cls); b && b !== Function.prototype && b !== PyObject; b = Object.getPrototypeOf(b)) chain.unshift(b);
  let anyFrozenBase = false;
  let anyNonFrozenBase = false;
  for (const b of chain) {
    if (!hasOwn(b, FIELDS)) continue;
    for (const f of [...(b as unknown as Record<string, PyDict<string, Field>>)[FIELDS].values()] as Field[]) all.set(f.name as string, f);
    const p = (b as unknown as { __dataclass_params__?: DataclassParams }).__dataclass_params__;
    if (p) {
      if (p.frozen) anyFrozenBase = true;
      else anyNonFrozenBase = true;
    }
  }

  // this class's own annotations
  let kwOnlyNow = params.kw_only;
  let sawKwOnlyMarker = false;
  for (const [name, ann] of ownAnnotations(cls)) {
    const kind = annotationKind(ann);
    if (kind === "KW_ONLY") {
      if (sawKwOnlyMarker) throw new TypeError(`'KW_ONLY' is KW_ONLY, but KW_ONLY has already been specified`);
      sawKwOnlyMarker = true;
      kwOnlyNow = true;
      continue;
    }
    const own = ownClassAttribute(c, name) ? c[name] : MISSING;
    let f: Field;
    if (own instanceof Field) f = own;
    else {
      f = new Field(own, MISSING, true, true, null, true, null, MISSING);
    }
    f.name = name;
    f.type = resolveType(ann);
    f._field_type = kind;
    if (kind === "_FIELD_CLASSVAR" || kind === "_FIELD_INITVAR") {
      if (f.default_factory !== MISSING) throw new TypeError(`field ${name} cannot have a default factory`);
    }
    if (kind === "_FIELD" || kind === "_FIELD_INITVAR") {
      if (f.kw_only === MISSING) f.kw_only = kwOnlyNow;
    } else f.kw_only = false;
    if (kind === "_FIELD" && isMutableDefault(f.default)) {
      throw new ValueError(
        `mutable default ${repr((f.default as object).constructor === PyList ? list : (f.default as object).constructor === PyDict ? dict : set)} for field ${name} is not allowed: use default_factory`,
      );
    }
    // the class attribute: the default itself, or nothing
    if (own instanceof Field) {
      if (f.default === MISSING) {
        delete c[name];
        if (hasOwn(proto, name)) delete proto[name];
      } else {
        Object.defineProperty(c, name, { value: f.default, writable: true, configurable: true, enumerable: true });
      }
    }
    all.set(name, f);
  }

  if (params.frozen && anyNonFrozenBase) throw new TypeError("cannot inherit frozen dataclass from a non-frozen one");
  if (!params.frozen && anyFrozenBase) throw new TypeError("cannot inherit non-frozen dataclass from a frozen one");

  const fieldDict = new PyDict<string, Field>();
  for (const [n, f] of all) fieldDict.__setitem__(n, f);
  Object.defineProperty(cls, FIELDS, { value: fieldDict, writable: true, configurable: true });
  Object.defineProperty(cls, "__dataclass_params__", { value: new DataclassParams(params), writable: true, configurable: true });

  const fieldList = [...all.values()];
  const real = fieldList.filter((f) => f._field_type === "_FIELD");
  const initFields = fieldList.filter((f) => f._field_type !== "_FIELD_CLASSVAR" && f.init);
  const setIfAbsent = (name: string, fn: unknown) => {
    if (hasOwn(proto, name)) return true;
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    return false;
  };

  if (params.init) {
    // required positional after defaulted positional is an error
    let seenDefault: Field | null = null;
    for (const f of initFields) {
      if (f.kw_only) continue;
      const hasDefault = f.default !== MISSING || f.default_factory !== MISSING;
      if (hasDefault) seenDefault = f;
      else if (seenDefault) throw new TypeError(`non-default argument '${f.name}' follows default argument`);
    }
    // CPython's generated __init__ calls __post_init__ only when the class has one now, at
    // decoration: a base's __init__ reached through super() from a subclass's __post_init__ must
    // not call that __post_init__ again.
    setIfAbsent("__init__", makeInit(qual, fieldList, params.frozen, hasattr(cls, "__post_init__")));
  }
  if (params.repr) {
    const rf = real.filter((f) => f.repr);
    setIfAbsent("__repr__", function (this: Record<string, unknown>) {
      if (reprActive.has(this)) return "...";
      reprActive.add(this);
      try {
        return `${classQualname(this.constructor)}(${rf.map((f) => `${f.name}=${repr(this[f.name as string])}`).join(", ")})`;
      } finally {
        reprActive.delete(this);
      }
    });
  }
  const cmpFields = real.filter((f) => f.compare);
  const values = (o: Record<string, unknown>) => cmpFields.map((f) => o[f.name as string]);
  if (params.eq) {
    setIfAbsent("__eq__", function (this: Record<string, unknown>, other: unknown) {
      if (other === null || typeof other !== "object" || (other as object).constructor !== this.constructor) return NotImplemented;
      if (other === this) return true;
      const a = values(this);
      const b = values(other as Record<string, unknown>);
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !eq(a[i], b[i])) return false;
      return true;
    });
  }
  if (params.order) {
    if (!params.eq) throw new ValueError("eq must be true if order is true");
    const ops: [string, (a: unknown, b: unknown) => boolean][] = [
      ["__lt__", lt],
      ["__le__", le],
      ["__gt__", gt],
      ["__ge__", ge],
    ];
    for (const [name, op] of ops) {
      const fn = function (this: Record<string, unknown>, other: unknown) {
        if (other === null || typeof other !== "object" || (other as object).constructor !== this.constructor) return NotImplemented;
        return op(PyTuple.fromArray(values(this)), PyTuple.fromArray(values(other as Record<string, unknown>)));
      };
      if (setIfAbsent(name, fn)) {
        throw new TypeError(`Cannot overwrite attribute ${name} in class ${className(cls)}. Consider using functools.total_ordering`);
      }
    }
  }
  if (params.frozen) {
    const names = new Set(real.map((f) => f.name as string));
    // CPython 3.12 remakes a slots=True class, and its frozen methods still compare with the old
    // one: another name reaches `super(old_class, self)`, which refuses the new class's instance.
    const staleClass = () => new TypeError("super(type, obj): obj must be an instance or subtype of type");
    const frozenSet = function (this: object, name: string, value: unknown) {
      if (names.has(name) || (this.constructor === cls && !params.slots)) throw new FrozenInstanceError(`cannot assign to field ${repr(name)}`);
      if (params.slots) throw staleClass();
      (this as Record<string, unknown>)[name] = value;
    };
    const frozenDel = function (this: object, name: string) {
      if (names.has(name) || (this.constructor === cls && !params.slots)) throw new FrozenInstanceError(`cannot delete field ${repr(name)}`);
      if (params.slots) throw staleClass();
      delete (this as Record<string, unknown>)[name];
    };
    if (setIfAbsent("__setattr__", frozenSet)) throw new TypeError(`Cannot overwrite attribute __setattr__ in class ${className(cls)}`);
    if (setIfAbsent("__delattr__", frozenDel)) throw new TypeError(`Cannot overwrite attribute __delattr__ in class ${className(cls)}`);
  }
  // __hash__: CPython's table of (unsafe_hash, eq, frozen, explicit __hash__)
  const explicitHash = hasOwn(proto, "__hash__");
  const hashFields = real.filter((f) => (f.hash === null ? f.compare : truthy(f.hash)));
  const genHash = function (this: Record<string, unknown>) {
    return hash(PyTuple.fromArray(hashFields.map((f) => this[f.name as string])));
  };
  if (params.unsafe_hash) {
    if (explicitHash) throw new TypeError(`Cannot overwrite attribute __hash__ in class ${className(cls)}`);
    Object.defineProperty(proto, "__hash__", { value: genHash, writable: true, configurable: true });
  } else if (params.eq && params.frozen) {
    if (!explicitHash) Object.defineProperty(proto, "__hash__", { value: genHash, writable: true, configurable: true });
  } else if (params.eq && !explicitHash) {
    Object.defineProperty(proto, "__hash__", { value: null, writable: true, configurable: true });
  }
  if (params.match_args && !hasOwn(c, "__match_args__")) {
    Object.defineProperty(cls, "__match_args__", {
      value: PyTuple.fromArray(initFields.filter((f) => !f.kw_only).map((f) => f.name)),
      writable: true,
      configurable: true,
    });
  }
  if (params.slots) {
    // slots=True: the class's __slots__ names its fields; when its bases have slots too, its
    // instances have no __dict__ and take no other attribute (ops.ts slotNamesOf).
    const fieldNames = [...all.values()].filter((f) => f._field_type === "_FIELD").map((f) => f.name);
    Object.defineProperty(cls, "__slots__", { value: PyTuple.fromArray(fieldNames), writable: true, configurable: true });
  }
  return cls;
}

class DataclassParams {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  unsafe_hash: boolean;
  frozen: boolean;
  constructor(p: Params) {
    this.init = p.init;
    this.repr = p.repr;
    this.eq = p.eq;
    this.order = p.order;
    this.unsafe_hash = p.unsafe_hash;
    this.frozen = p.frozen;
  }
  __repr__(): string {
    return `_DataclassParams(init=${repr(this.init)},repr=${repr(this.repr)},eq=${repr(this.eq)},order=${repr(this.order)},unsafe_hash=${repr(this.unsafe_hash)},frozen=${repr(this.frozen)})`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function makeInit(qual: string, fieldList: Field[], frozen: boolean, hasPost: boolean): (...args: unknown[]) => void {
  const params = fieldList.filter((f) => f._field_type !== "_FIELD_CLASSVAR" && f.init);
  const positional = params.filter((f) => !f.kw_only);
  const keyword = params.filter((f) => f.kw_only);
  const ordered = [...positional, ...keyword];
  const nRequiredPos = positional.filter((f) => f.default === MISSING && f.default_factory === MISSING).length;
  const stored = fieldList.filter((f) => f._field_type === "_FIELD");
  const initVars = fieldList.filter((f) => f._field_type === "_FIELD_INITVAR");
  const fname = `${qual}.__init__()`;
  // The common call, every field given by position and nothing else to do (not frozen, no InitVar,
  // every stored field an init parameter): the values go straight in, as CPython's generated
  // __init__ does, without the argument binding below.
  const byPosition =
    !frozen && initVars.length === 0 && keyword.length === 0 && stored.length === positional.length && stored.every((f, i) => f === positional[i])
      ? stored.map((f) => f.name as string)
      : null;
  return function __init__(this: Record<string, unknown>, ...args: unknown[]): void {
    const kw = popKw(args);
    if (kw === null && byPosition !== null && args.length === byPosition.length) {
      for (let i = 0; i < args.length; i++) this[byPosition[i]] = args[i];
      if (hasPost) callm_checked(this, "__post_init__");
      return;
    }
    const k = kw ?? {};
    if (args.length > positional.length) {
      const expect =
        nRequiredPos === positional.length
          ? plural(positional.length + 1, "positional argument")
          : `from ${nRequiredPos + 1} to ${positional.length + 1} positional arguments`;
      throw new TypeError(`${fname} takes ${expect} but ${args.length + 1} were given`);
    }
    const vals = new Map<string, unknown>();
    args.forEach((v, i) => vals.set(positional[i].name as string, v));
    for (const [name, v] of Object.entries(k)) {
      const f = params.find((p) => p.name === name);
      if (!f) throw new TypeError(`${fname} got an unexpected keyword argument '${name}'`);
      if (vals.has(name)) throw new TypeError(`${fname} got multiple values for argument '${name}'`);
      vals.set(name, v);
    }
    const missingPos = positional.filter((f) => !vals.has(f.name as string) && f.default === MISSING && f.default_factory === MISSING);
    if (missingPos.length) throw new TypeError(`${fname} missing ${missingList(missingPos, "positional")}`);
    const missingKw = keyword.filter((f) => !vals.has(f.name as string) && f.default === MISSING && f.default_factory === MISSING);
    if (missingKw.length) throw new TypeError(`${fname} missing ${missingList(missingKw, "keyword-only")}`);
    const setField = (name: string, v: unknown) => {
      if (frozen) Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      else this[name] = v;
    };
    for (const f of stored) {
      const name = f.name as string;
      if (vals.has(name)) setField(name, vals.get(name));
      else if (f.default_factory !== MISSING) setField(name, call(f.default_factory));
      else if (f.default !== MISSING) setField(name, f.default);
    }
    void ordered;
    if (hasPost) callm_checked(this, "__post_init__", ...initVars.map((f) => (vals.has(f.name as string) ? vals.get(f.name as string) : f.default)));
  };
}

function missingList(fs: Field[], kind: string): string {
  const names = fs.map((f) => `'${f.name}'`);
  const n = names.length;
  const list = n === 1 ? names[0] : n === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")}, and ${names[n - 1]}`;
  return `${n} required ${kind} argument${n === 1 ? "" : "s"}: ${list}`;
}

// ───────────── helpers ─────────────

function isDataclassInstance(x: unknown): boolean {
  return x !== null && typeof x === "object" && fieldsOf((x as object).constructor) !== null;
}

export function is_dataclass(x: unknown): boolean {
  if (typeof x === "function") return fieldsOf(x) !== null;
  return isDataclassInstance(x);
}

/** The fields (not ClassVar / InitVar pseudo-fields) of a dataclass or instance, as a tuple. */
export function fields(x: unknown): PyTuple<Field> {
  const cls = typeof x === "function" ? x : (x as object | null)?.constructor;
  const fs = fieldsOf(cls);
  if (fs === null) throw new TypeError("must be called with a dataclass type or instance");
  return PyTuple.fromArray(([...fs.values()] as Field[]).filter((f) => f._field_type === "_FIELD"));
}

function realFields(x: object): Field[] {
  return ([...fieldsOf(x.constructor)!.values()] as Field[]).filter((f) => f._field_type === "_FIELD");
}

function deepConvert(x: unknown, asDict: boolean, factory: unknown): unknown {
  if (isDataclassInstance(x)) {
    const o = x as Record<string, unknown>;
    const parts = realFields(o).map((f) => [f.name, deepConvert(o[f.name as string], asDict, factory)] as [string, unknown]);
    if (asDict) {
      if (factory !== dict && factory !== null) return call(factory, PyList.fromArray(parts.map((p) => PyTuple.fromArray(p))));
      return PyDict.fromEntries(parts);
    }
    const t = PyTuple.fromArray(parts.map((p) => p[1]));
    return factory !== tuple && factory !== null ? call(factory, PyList.fromArray(parts.map((p) => p[1]))) : t;
  }
  if (x instanceof PyList) return PyList.fromArray(x.map((v) => deepConvert(v, asDict, factory)));
  if (x instanceof PyTuple) {
    const items = Array.from(x, (v) => deepConvert(v, asDict, factory));
    const fieldsAttr = (x.constructor as { _fields?: unknown })._fields;
    if (x.constructor !== PyTuple && fieldsAttr !== undefined) return new (x.constructor as new (...a: unknown[]) => unknown)(...items);
    return PyTuple.fromArray(items);
  }
  if (x instanceof PyDict) {
    const d = new (x.constructor as new () => PyDict<unknown, unknown>)();
    for (const [kk, v] of x.items() as Iterable<[unknown, unknown]>) d.__setitem__(deepConvert(kk, asDict, factory), deepConvert(v, asDict, factory));
    return d;
  }
  if (x instanceof PySet) return new (x.constructor as new (it: unknown) => unknown)(Array.from(x, (v) => deepConvert(v, asDict, factory)));
  return x;
}

/** `asdict(obj, *, dict_factory=dict)`. */
export function asdict(obj: unknown, ...rest: unknown[]): PyDict<string, unknown> {
  const k = popKw(rest) ?? {};
  if (!isDataclassInstance(obj)) throw new TypeError("asdict() should be called on dataclass instances");
  return deepConvert(obj, true, k.dict_factory ?? dict) as PyDict<string, unknown>;
}

/** `astuple(obj, *, tuple_factory=tuple)`. */
export function astuple(obj: unknown, ...rest: unknown[]): PyTuple<unknown> {
  const k = popKw(rest) ?? {};
  if (!isDataclassInstance(obj)) throw new TypeError("astuple() should be called on dataclass instances");
  return deepConvert(obj, false, k.tuple_factory ?? tuple) as PyTuple<unknown>;
}

/** `replace(obj, **changes)`: a new instance with some init fields changed. */
export function replace(obj: unknown, ...rest: unknown[]): unknown {
  const k = popKw(rest) ?? {};
  if (rest.length) throw new TypeError(`replace() takes 1 positional argument but ${rest.length + 1} were given`);
  if (!isDataclassInstance(obj)) throw new TypeError("replace() should be called on dataclass instances");
  const o = obj as Record<string, unknown>;
  const changes: Record<string, unknown> = { ...k };
  for (const f of [...fieldsOf(o.constructor)!.values()] as Field[]) {
    if (f._field_type === "_FIELD_CLASSVAR") continue;
    const name = f.name as string;
    if (!f.init) {
      if (name in changes) throw new ValueError(`field ${name} is declared with init=False, it cannot be specified with replace()`);
      continue;
    }
    if (!(name in changes)) {
      if (f._field_type === "_FIELD_INITVAR" && f.default === MISSING) {
        throw new ValueError(`InitVar ${repr(name)} must be specified with replace()`);
      }
      if (f._field_type === "_FIELD") changes[name] = o[name];
    }
  }
  return new (o.constructor as new (...a: unknown[]) => unknown)(new KwArgs(changes));
}

/** `make_dataclass(cls_name, fields, *, bases=(), namespace=None, **params)` (basic). */
export function make_dataclass(name: string, specs: unknown, ...rest: unknown[]): Function {
  const k = popKw(rest) ?? {};
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = { [name]: class extends PyObject {} }[name];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__qualname__", { value: name, writable: true, configurable: true });
  Object.defineProperty(C, "__module__", { value: "types", writable: true, configurable: true });
  const ann = new PyDict<string, unknown>();
  for (const spec of Array.from(specs as Iterable<unknown>)) {
    if (typeof spec === "string") ann.__setitem__(spec, "typing.Any");
    else {
      const parts = Array.from(spec as Iterable<unknown>);
      ann.__setitem__(parts[0] as string, parts[1] ?? "typing.Any");
      if (parts.length > 2) Object.defineProperty(C, parts[0] as string, { value: parts[2], writable: true, configurable: true, enumerable: true });
    }
  }
  Object.defineProperty(C, "__annotations__", { value: ann, writable: true, configurable: true });
  const params: Record<string, unknown> = { ...k };
  delete params.bases;
  delete params.namespace;
  return dataclass(C, new KwArgs(params));
}
