// The special methods of int, bool, float and str values called by name: `(3).__add__(4)`,
// `"a".__len__()`, `x.__lt__(y)` in a user's __lt__, `functools.reduce(int.__mul__, ...)`.
// Operators on these values never come here (ops.ts handles them directly); this is only the
// attribute form. CPython's rules, as observed on 3.12:
// - a numeric operator method answers NotImplemented for an operand of another type (int's take
//   int/bool only, so `(3).__eq__(3.0)` and `(2).__mul__("ab")` are NotImplemented; float's take
//   int/bool/float); str's comparisons take only str;
// - str.__add__ and str.__mul__ raise as `+` and `*` do ("can only concatenate", "cannot be
//   interpreted as an integer"); str.__mod__ formats; str.__rmod__ is NotImplemented.
import { TypeError } from "./exceptions.js";
import { NotImplemented, eq, ne, lt, le, gt, ge, truthy, iter, typeName } from "./protocol.js";
import { add, sub, mul, truediv, floordiv, mod, divmod, pow, lshift, rshift, bitand, bitor, bitxor, neg, pos, invert, getitem, contains } from "./ops.js";
import { repr } from "./repr.js";
import { format } from "./format.js";
import { len, int, float, str, bool, hash, round } from "./functions.js";
import { PyTuple } from "./collections.js";
import { registerLate } from "./late.js";

type Fn = (self: any, ...args: any[]) => any;
type Kind = "int" | "bool" | "float" | "str";

const isInt = (x: unknown): boolean => typeof x === "bigint" || typeof x === "boolean";
const isNumber = (x: unknown): boolean => isInt(x) || typeof x === "number";

/** Whether a binary method of a value of `kind` takes `other` (else it answers NotImplemented). */
function takes(kind: Kind, other: unknown): boolean {
  if (kind === "int" || kind === "bool") return isInt(other);
  if (kind === "float") return isNumber(other);
  return typeof other === "string";
}

const ARITHMETIC: Record<string, (a: any, b: any) => any> = { add, sub, mul, truediv, floordiv, mod, divmod, pow };
const INT_ONLY: Record<string, (a: any, b: any) => any> = { lshift, rshift, and: bitand, or: bitor, xor: bitxor };
const COMPARISONS: Record<string, (a: unknown, b: unknown) => boolean> = { eq, ne, lt, le, gt, ge };

function binary(kind: Kind, op: (a: any, b: any) => any, reflected: boolean): Fn {
  return (self, other, ...rest) => {
    if (!takes(kind, other)) return NotImplemented;
    // int.__pow__(exp, mod): the three-argument form.
    if (op === pow && rest.length) return reflected ? pow(other, self, rest[0]) : pow(self, other, rest[0]);
    const r = reflected ? op(other, self) : op(self, other);
    // `&`, `|`, `^` of two bools is a bool only through bool's own methods: int's give an int
    // (`int.__and__(True, True)` is 1, `True.__and__(True)` is True).
    return kind === "int" && typeof r === "boolean" ? BigInt(r) : r;
  };
}

/** The methods bool defines itself; the others it inherits from int (whose descriptor check takes any int). */
const BOOL_OWN = new Set(["__and__", "__or__", "__xor__", "__rand__", "__ror__", "__rxor__", "__repr__"]);

/** The special methods of one kind of value, by name (built once, on first use). */
function table(kind: Kind): Record<string, Fn> {
  const t: Record<string, Fn> = {};
  if (kind !== "str") {
    const ops = kind === "float" ? ARITHMETIC : { ...ARITHMETIC, ...INT_ONLY };
    for (const [name, op] of Object.entries(ops)) {
      t[`__${name}__`] = binary(kind, op, false);
      t[`__r${name}__`] = binary(kind, op, true);
    }
    t.__neg__ = (x) => neg(x);
    t.__pos__ = (x) => pos(x);
    if (kind !== "float") t.__invert__ = (x) => invert(x);
    // round() and math's trunc/floor/ceil ask these; an int's are itself (a bool's, its int).
    t.__round__ = (x, ...nd) => round(x, ...nd);
    t.__trunc__ = (x) => int(x);
    t.__floor__ = (x) => (typeof x === "number" ? int(Math.floor(x)) : int(x));
    t.__ceil__ = (x) => (typeof x === "number" ? int(Math.ceil(x)) : int(x));
    t.__getnewargs__ = (x) => PyTuple.of(typeof x === "boolean" ? BigInt(x) : x);
  } else {
    t.__add__ = (s, other) => add(s, other);
    t.__mul__ = (s, n) => {
      if (!isInt(n)) throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
      return mul(s, n);
    };
    t.__rmul__ = t.__mul__;
    t.__mod__ = (s, args) => mod(s, args);
    t.__rmod__ = () => NotImplemented;
    t.__len__ = (s) => len(s);
    t.__getitem__ = (s, key) => getitem(s, key);
    t.__iter__ = (s) => iter(s);
    t.__contains__ = (s, item) => contains(s, item);
    t.__getnewargs__ = (s) => PyTuple.of(s);
  }
  t.__hash__ = (x) => hash(x);
  for (const [name, op] of Object.entries(COMPARISONS)) t[`__${name}__`] = (self, other) => (takes(kind, other) ? op(self, other) : NotImplemented);
  // (str has no __bool__: its truth is its __len__)
  if (kind !== "str") t.__bool__ = (x) => truthy(x);
  t.__repr__ = (x) => repr(x);
  t.__format__ = (x, spec) => format(x, spec);
  return t;
}

/** Which table a primitive value's special methods come from, or null (not a primitive). */
function kindOf(x: unknown): Kind | null {
  return typeof x === "string" ? "str" : typeof x === "boolean" ? "bool" : typeof x === "bigint" ? "int" : typeof x === "number" ? "float" : null;
}

const tables: Partial<Record<Kind, Record<string, Fn>>> = {};

/** The special method `name` of a primitive value, taking the value first, or undefined. */
export function primitiveDunder(obj: unknown, name: string): Fn | undefined {
  const kind = kindOf(obj);
  if (kind === null) return undefined;
  const t = (tables[kind] ??= table(kind));
  return Object.prototype.hasOwnProperty.call(t, name) ? t[name] : undefined;
}

registerLate({ primitiveDunder });

// `int.__add__(2, 3)`, `functools.reduce(int.__mul__, xs)`, `sorted(xs, key=str.__len__)`: the type
// objects hold the same methods, taking the value first (CPython's descriptor check on it).
const KIND_NAMES: Record<Kind, string> = { int: "int", bool: "bool", float: "float", str: "str" };
/** The ones CPython defines as plain methods (not operator slots): their descriptor check words it otherwise. */
const METHOD_DESCRIPTORS = new Set(["__round__", "__trunc__", "__floor__", "__ceil__", "__getnewargs__", "__format__"]);
/** How the builtins probe an object for these (arguments after `this`), and CPython's error for a type. */
const PROBES: Record<string, { args: number; message: (type: Function) => string }> = {
  __len__: { args: 0, message: () => "object of type 'type' has no len()" },
  __iter__: { args: 0, message: () => "'type' object is not iterable" },
  __contains__: { args: 1, message: () => "argument of type 'type' is not iterable" },
  __getitem__: { args: 1, message: (type) => `type '${(type as { __name__?: string }).__name__}' is not subscriptable` },
};
for (const [type, kind] of [
  [int, "int"],
  [bool, "bool"],
  [float, "float"],
  [str, "str"],
] as [Function, Kind][]) {
  const t = (tables[kind] ??= table(kind));
  for (const name of Object.keys(t)) {
    if (Object.prototype.hasOwnProperty.call(type, name)) continue;
    const probe = PROBES[name];
    const method = function (this: unknown, self: unknown, ...args: unknown[]): unknown {
      // An operation's probe on the type object itself (`len(str)`, `x in str`, `iter(str)`,
      // `str[0]`): CPython looks these up on type(str), which has none.
      if (probe !== undefined && this === type && arguments.length === probe.args) throw new TypeError(probe.message(type));
      // bool's inherited methods are int's: they take any int (a bool too), and answer as int's do.
      const owner: Kind = kind === "bool" && !BOOL_OWN.has(name) ? "int" : kind;
      const selfKind = kindOf(self);
      if (selfKind === null || (selfKind !== owner && !(owner === "int" && selfKind === "bool"))) {
        throw new TypeError(
          METHOD_DESCRIPTORS.has(name)
            ? `descriptor '${name}' for '${KIND_NAMES[owner]}' objects doesn't apply to a '${typeName(self)}' object`
            : `descriptor '${name}' requires a '${KIND_NAMES[owner]}' object but received a '${typeName(self)}'`,
        );
      }
      return (tables[owner] ??= table(owner))[name](self, ...args);
    };
    Object.defineProperty(method, "name", { value: name });
    Object.defineProperty(method, "__name__", { value: name, writable: true, configurable: true });
    Object.defineProperty(method, "__qualname__", { value: `${(type as { __name__?: string }).__name__}.${name}`, writable: true, configurable: true });
    Object.defineProperty(type, name, { value: method, writable: true, configurable: true });
  }
}
