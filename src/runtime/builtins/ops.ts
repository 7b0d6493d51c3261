// Operators with Python semantics: arithmetic, comparison, truth, hashing, iteration, items, attributes.
import { noteMissingName } from "./suggestions.js";
import { CLASS_METHODS, programFunctionSite, programQualname } from "./program-functions.js";
import { code_object, signature_origin } from "./signature-info.js";
import { NOT_BOUND, applyArgs, callWithKeywords, methodQualname, parameterNames } from "./keywords.js";
import { SPREAD_LIMIT } from "./star-call.js";
import { concatChecked, loneHighMade, repeatChecked } from "./surrogates.js";
import { AttributeError, IndexError, OverflowError, TypeError, ValueError, ZeroDivisionError } from "./exceptions.js";
import { MemoryError } from "./exceptions.js";
import { host } from "../host.js";
import { FAST_SLICE } from "./slots.js";
import { addExactBytes, isExactBytes, sliceAddExactBytes, PyByteArray, PyBytes } from "./bytes.js";
import { PyList, PyTuple, PyDict, PyRange, PySetBase } from "./collections.js";
import { className, classQualname, KwArgs, METACLASS, PyObject, programClasses } from "./object.js";
import { class_descriptor } from "./class-descriptors.js";
import { bases_of, mro_of } from "./mro.js";
import { isClass } from "./repr.js";
import { isCallableObject, isJsClass, ITEM_METHODS } from "./names.js";
import { moduleNamespaceName, stdlibModuleFile } from "./module-files.js";
import { ARITY, ARITY_LEAST, ARITY_SHIFT, arity, checkArguments } from "./arity.js";
import { refusesKeywords, strMethodArityProblem } from "./builtin-arity.js";
import { strMethod, intMethod, floatMethod, strArg } from "./strmethods.js";
import { percentFormat } from "./percent.js";
import { pow as libmPow } from "./libm.js";
import { hideJsMember, isJsOnly, mangledIn, propName, pythonKeyOf, pythonName } from "./js-names.js";
import { eq, index, isIndexLike, NotImplemented, typeName, truthy, toIterable, callv } from "./protocol.js";
import { codePoints, PySlice, sliceIndices } from "./slices.js";
import { late, registerLate } from "./late.js";
import { InstanceDict, attributeKeys, containerShadowKey, set_instance_dict } from "./instance-dict.js";

// The layers below, re-exported: most of the runtime imports its operators from here.
export * from "./protocol.js";
export * from "./slices.js";
export { isJsClass } from "./names.js";

// ---------------------------------------------------------------------------------------------
// Arithmetic

const OPSYM: Record<string, string> = {
  __add__: "+",
  __sub__: "-",
  __mul__: "*",
  __truediv__: "/",
  __floordiv__: "//",
  __mod__: "%",
  __pow__: "** or pow()",
  __matmul__: "@",
  __lshift__: "<<",
  __rshift__: ">>",
  __and__: "&",
  __or__: "|",
  __xor__: "^",
  __divmod__: "divmod()",
};

function binopDispatch(a: unknown, b: unknown, m: string, rm: string): unknown {
  if (a !== null && typeof a === "object") {
    const f = (a as Record<string, unknown>)[m];
    if (typeof f === "function") {
      const r = f.call(a, b);
      if (r !== NotImplemented) return r;
    }
  }
  if (b !== null && typeof b === "object") {
    const f = (b as Record<string, unknown>)[rm];
    if (typeof f === "function") {
      const r = f.call(b, a);
      if (r !== NotImplemented) return r;
    }
  }
  if (m === "__mul__") {
    // Neither side multiplies: a sequence that repeats names the other operand, as CPython does.
    if (repeatsAsSequence(a)) throw new TypeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
    if (repeatsAsSequence(b)) throw new TypeError(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  throw new TypeError(`unsupported operand type(s) for ${OPSYM[m]}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** str, bytes, bytearray, list, tuple and their subclasses: the types `seq * n` repeats. */
function repeatsAsSequence(x: unknown): boolean {
  return typeof x === "string" || x instanceof PyList || x instanceof PyTuple || x instanceof PyBytes || x instanceof PyByteArray;
}

function inplaceDispatch(a: unknown, b: unknown, im: string): unknown {
  if (a !== null && typeof a === "object") {
    const f = (a as Record<string, unknown>)[im];
    if (typeof f === "function") {
      const r = f.call(a, b);
      if (r !== NotImplemented) return r;
    }
  }
  return undefined;
}

/** number view of an int for float arithmetic (OverflowError when too large) */
export function intToFloat(i: bigint): number {
  const f = Number(i);
  if (f === Infinity || f === -Infinity) throw new OverflowError("int too large to convert to float");
  return f;
}

/** numeric kind: 1 int (bigint/bool), 2 float, 0 other */
function nk(x: unknown): 0 | 1 | 2 {
  const t = typeof x;
  return t === "bigint" || t === "boolean" ? 1 : t === "number" ? 2 : 0;
}
function asInt(x: unknown): bigint {
  return typeof x === "boolean" ? (x ? 1n : 0n) : (x as bigint);
}
function asFloat(x: unknown): number {
  switch (typeof x) {
    case "number":
      return x;
    case "bigint":
      return intToFloat(x);
    case "boolean":
      return x ? 1 : 0;
  }
  return NaN;
}

function floatCheck(r: number, a: number, b: number): number {
  if ((r === Infinity || r === -Infinity) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new OverflowError(34n, "Numerical result out of range");
  }
  return r;
}

// The fast paths keep one `+` (or `-`) per operand type: a single `a + b` reached with ints, floats
// and strings has generic type feedback, and V8 then takes its slowest path for BigInts. The int
// case is a function of its own, as small as iadd: inlined at a call site (chain's
// `add(yield* f(...), 1n)`), the whole of add cost ~7% of that benchmark.
export function add(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a + b;
  return addNotInts(a, b);
}
function addNotInts(a: any, b: any): any {
  const ta = typeof a;
  if (ta === "number") {
    if (typeof b === "number") return a + b;
  } else if (ta === "string") {
    if (typeof b === "string") return loneHighMade ? concatChecked(a, b) : a + b;
  } else if (ta === "object") {
    const r = addExactBytes(a, b);
    if (r !== undefined) return r;
  }
  return addSlow(a, b);
}
function addSlow(a: unknown, b: unknown): unknown {
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) return ka === 1 && kb === 1 ? asInt(a) + asInt(b) : asFloat(a) + asFloat(b);
  if (typeof a === "string") {
    if (b !== null && typeof b === "object" && typeof (b as { __radd__?: unknown }).__radd__ === "function") {
      const r = (b as { __radd__(x: unknown): unknown }).__radd__(a);
      if (r !== NotImplemented) return r;
    }
    throw new TypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  return binopDispatch(a, b, "__add__", "__radd__");
}

export function sub(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a - b;
  return subNotInts(a, b);
}
function subNotInts(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) return ka === 1 && kb === 1 ? asInt(a) - asInt(b) : asFloat(a) - asFloat(b);
  return binopDispatch(a, b, "__sub__", "__rsub__");
}

function strRepeat(s: string, n: unknown): string {
  const c = index(n);
  if (c <= 0n) return "";
  // Checked first, as CPython's allocation is: a string the heap has no room for is MemoryError.
  const size = Number(c) * s.length;
  if (size > 1 << 20 && size > (host.heapRoom?.() ?? Infinity)) throw new MemoryError();
  return repeatChecked(s, Number(c));
}

/** A list, tuple, dict or set of the runtime's own classes (a program's subclass may define operators). */
function builtinContainer(x: object): boolean {
  const c = x.constructor;
  return c === PyList || c === PyTuple || c === PyDict || (x instanceof PySetBase && Object.getPrototypeOf(c) === PySetBase);
}

export function mul(a: any, b: any): any {
  const ta = typeof a;
  if (ta === typeof b && (ta === "bigint" || ta === "number")) return a * b;
  const ka = nk(a);
  const kb = nk(b);
  // (a float product past the largest float is inf, as in CPython: only ** raises OverflowError)
  if (ka && kb) return ka === 1 && kb === 1 ? asInt(a) * asInt(b) : asFloat(a) * asFloat(b);
  if (typeof a === "string") {
    if (kb === 1) return strRepeat(a, b);
    if (b !== null && typeof b === "object" && typeof (b as { __index__?: unknown }).__index__ === "function") return strRepeat(a, b);
    if (b !== null && typeof b === "object" && typeof (b as { __rmul__?: unknown }).__rmul__ === "function") {
      const r = (b as { __rmul__(x: unknown): unknown }).__rmul__(a);
      if (r !== NotImplemented) return r;
    }
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (typeof b === "string") {
    if (ka === 1) return strRepeat(b, a);
    if (a !== null && typeof a === "object" && typeof (a as { __mul__?: unknown }).__mul__ === "function") {
      const r = (a as { __mul__(x: unknown): unknown }).__mul__(b);
      if (r !== NotImplemented) return r;
    }
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(repeatsAsSequence(a) ? b : a)}'`);
  }
  if ((a instanceof PyList || a instanceof PyTuple) && kb !== 1 && (!(b !== null && typeof b === "object") || builtinContainer(b))) {
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if ((b instanceof PyList || b instanceof PyTuple) && ka !== 1 && (!(a !== null && typeof a === "object") || builtinContainer(a))) {
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  return binopDispatch(a, b, "__mul__", "__rmul__");
}

/** int / int, correctly rounded */
function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) throw new ZeroDivisionError("division by zero");
  const LIM = 9007199254740992n;
  if (a <= LIM && a >= -LIM && b <= LIM && b >= -LIM) return Number(a) / Number(b);
  const neg = a < 0n !== b < 0n;
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a === 0n) return neg ? -0 : 0;
  const shift = a.toString(2).length - b.toString(2).length - 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const bb = b << BigInt(shift);
    q = a / bb;
    r = a % bb;
  } else {
    const aa = a << BigInt(-shift);
    q = aa / b;
    r = aa % b;
  }
  if (r !== 0n) q |= 1n;
  let res = Number(q);
  // scale by 2**shift in safe steps
  let s = shift;
  while (s > 0) {
    const k = Math.min(s, 1000);
    res *= 2 ** k;
    s -= k;
  }
  while (s < 0) {
    const k = Math.max(s, -1000);
    res *= 2 ** k;
    s -= k;
  }
  if (res === Infinity) throw new OverflowError("integer division result too large for a float");
  return neg ? -res : res;
}

export function truediv(a: any, b: any): any {
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) {
    if (ka === 1 && kb === 1) return intTrueDiv(asInt(a), asInt(b));
    const x = asFloat(a);
    const y = asFloat(b);
    if (y === 0) throw new ZeroDivisionError(ka === 1 && kb === 1 ? "division by zero" : "float division by zero");
    return x / y;
  }
  return binopDispatch(a, b, "__truediv__", "__rtruediv__");
}

function intFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
  const q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) return q - 1n;
  return q;
}
function intMod(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new ZeroDivisionError("integer modulo by zero");
  const r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) return r + b;
  return r;
}

/** float divmod per Python: returns [floordiv, mod] */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  // NaN counts as non-zero here, as in C: inf // 1 and inf % 1 are nan.
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floordiv(a: any, b: any): any {
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) {
    if (ka === 1 && kb === 1) return intFloorDiv(asInt(a), asInt(b));
    const x = asFloat(a);
    const y = asFloat(b);
    if (y === 0) throw new ZeroDivisionError("float floor division by zero");
    return floatDivmod(x, y)[0];
  }
  return binopDispatch(a, b, "__floordiv__", "__rfloordiv__");
}

export function mod(a: any, b: any): any {
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) {
    if (ka === 1 && kb === 1) return intMod(asInt(a), asInt(b));
    const x = asFloat(a);
    const y = asFloat(b);
    if (y === 0) throw new ZeroDivisionError("float modulo");
    return floatDivmod(x, y)[1];
  }
  if (typeof a === "string") return percentFormat(a, b);
  // An exact bytes template's `%` (its __mod__ cannot be replaced, and never returns
  // NotImplemented) without the method's lookup by name on a typed array.
  if (isExactBytes(a)) return a.__mod__(b);
  return binopDispatch(a, b, "__mod__", "__rmod__");
}

export function divmod(a: any, b: any): any {
  const ka = nk(a);
  const kb = nk(b);
  if (ka && kb) {
    if (ka === 1 && kb === 1) {
      const x = asInt(a);
      const y = asInt(b);
      if (y === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      return PyTuple.of(intFloorDiv(x, y), intMod(x, y));
    }
    const x = asFloat(a);
    const y = asFloat(b);
    if (y === 0) throw new ZeroDivisionError("float divmod()");
    return PyTuple.fromArray(floatDivmod(x, y));
  }
  return binopDispatch(a, b, "__divmod__", "__rdivmod__");
}
(divmod as { __builtin__?: boolean }).__builtin__ = true;

function floatPow(x: number, y: number): number {
  if (x === 0 && y < 0) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
  if (x < 0 && x !== -Infinity && !Number.isInteger(y) && Number.isFinite(y)) {
    throw new ValueError("math domain error (complex result not supported)");
  }
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1.0;
  const r = libmPow(x, y);
  return floatCheck(r, x, y);
}

export function pow(a: any, b: any, m?: any): any {
  const ka = nk(a);
  const kb = nk(b);
  if (m !== undefined && m !== null) {
    // Ternary pow of another number type is its own __pow__(b, m) (never the reflected method, as in CPython).
    if (a !== null && typeof a === "object" && typeof a.__pow__ === "function") {
      const r = a.__pow__(b, m);
      if (r !== NotImplemented) return r;
    }
    const km = nk(m);
    if (ka !== 1 || kb !== 1 || km !== 1) {
      // float's own pow refuses a modulus; with no float among them none of the three takes it
      if (ka === 2 || kb === 2 || km === 2) throw new TypeError("pow() 3rd argument not allowed unless all arguments are integers");
      throw new TypeError(`unsupported operand type(s) for ** or pow(): '${typeName(a)}', '${typeName(b)}', '${typeName(m)}'`);
    }
    let base = asInt(a);
    let e = asInt(b);
    const md = asInt(m);
    if (md === 0n) throw new ValueError("pow() 3rd argument cannot be 0");
    const am = md < 0n ? -md : md;
    if (e < 0n) {
      base = modInverse(base, am);
      e = -e;
    }
    let r = 1n % am;
    base = ((base % am) + am) % am;
    while (e > 0n) {
      if (e & 1n) r = (r * base) % am;
      base = (base * base) % am;
      e >>= 1n;
    }
    if (md < 0n && r !== 0n) r += md;
    return r;
  }
  if (ka && kb) {
    if (ka === 1 && kb === 1) {
      const x = asInt(a);
      const y = asInt(b);
      if (y >= 0n) return x ** y;
      return floatPow(intToFloat(x), intToFloat(y));
    }
    return floatPow(asFloat(a), asFloat(b));
  }
  return binopDispatch(a, b, "__pow__", "__rpow__");
}
(pow as { __builtin__?: boolean }).__builtin__ = true;

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new ValueError("base is not invertible for the given modulus");
  return ((s0 % m) + m) % m;
}

export function matmul(a: any, b: any): any {
  return binopDispatch(a, b, "__matmul__", "__rmatmul__");
}

function bothBool(a: unknown, b: unknown): boolean {
  return typeof a === "boolean" && typeof b === "boolean";
}

export function lshift(a: any, b: any): any {
  if (nk(a) === 1 && nk(b) === 1) {
    const y = asInt(b);
    if (y < 0n) throw new ValueError("negative shift count");
    return asInt(a) << y;
  }
  return binopDispatch(a, b, "__lshift__", "__rlshift__");
}
export function rshift(a: any, b: any): any {
  if (nk(a) === 1 && nk(b) === 1) {
    const y = asInt(b);
    if (y < 0n) throw new ValueError("negative shift count");
    return asInt(a) >> y;
  }
  return binopDispatch(a, b, "__rshift__", "__rrshift__");
}
export function bitand(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a & b;
  if (bothBool(a, b)) return a && b;
  if (nk(a) === 1 && nk(b) === 1) return asInt(a) & asInt(b);
  return binopDispatch(a, b, "__and__", "__rand__");
}
export function bitor(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a | b;
  if (bothBool(a, b)) return a || b;
  if (nk(a) === 1 && nk(b) === 1) return asInt(a) | asInt(b);
  // `int | str`, `int | None`: type.__or__ makes a types.UnionType (objects such as typing's
  // aliases and UnionType itself answer through their own __or__/__ror__).
  if (typeUnion !== null && isUnionMember(a) && isUnionMember(b) && (typeof a === "function" || typeof b === "function")) return typeUnion(a, b);
  return binopDispatch(a, b, "__or__", "__ror__");
}

function isUnionMember(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "function" && isClass(x));
}

/** Makes `types.UnionType` of two classes or None (modules/_type_alias.ts registers it when it loads). */
let typeUnion: ((a: unknown, b: unknown) => unknown) | null = null;
export function set_type_union_hook(hook: typeof typeUnion): void {
  typeUnion = hook;
}
export function bitxor(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a ^ b;
  if (bothBool(a, b)) return a !== b;
  if (nk(a) === 1 && nk(b) === 1) return asInt(a) ^ asInt(b);
  return binopDispatch(a, b, "__xor__", "__rxor__");
}

function unary(a: unknown, m: string, sym: string): unknown {
  if (a !== null && typeof a === "object") {
    const f = (a as Record<string, unknown>)[m];
    if (typeof f === "function") return f.call(a);
  }
  throw new TypeError(`bad operand type for unary ${sym}: '${typeName(a)}'`);
}

export function neg(a: any): any {
  switch (typeof a) {
    case "bigint":
      return -a;
    case "number":
      return -a;
    case "boolean":
      return a ? -1n : 0n;
  }
  return unary(a, "__neg__", "-");
}
export function pos(a: any): any {
  switch (typeof a) {
    case "bigint":
    case "number":
      return a;
    case "boolean":
      return a ? 1n : 0n;
  }
  return unary(a, "__pos__", "+");
}
export function invert(a: any): any {
  switch (typeof a) {
    case "bigint":
      return ~a;
    case "boolean":
      return a ? -2n : -1n;
  }
  return unary(a, "__invert__", "~");
}

// In-place operators: use __iadd__ etc. when defined, else the binary operator (`bin`, which tries
// the two binary methods `_m` and `_rm`, named here for the reader).
function makeInplace(im: string, _m: string, _rm: string, bin: (a: any, b: any) => any): (a: any, b: any) => any {
  return (a, b) => {
    if (a !== null && typeof a === "object") {
      const r = inplaceDispatch(a, b, im);
      if (r !== undefined) return r;
    }
    try {
      return bin(a, b);
    } catch (e) {
      throw inplaceRefusal(e, _m, a, b);
    }
  };
}

/** CPython names the augmented operator when neither operand supports it: `for -=: 'str' and 'int'`. */
function inplaceRefusal(e: unknown, m: string, a: unknown, b: unknown): unknown {
  const operands = `: '${typeName(a)}' and '${typeName(b)}'`;
  if (!(e instanceof TypeError) || String(e.args[0]) !== `unsupported operand type(s) for ${OPSYM[m]}${operands}`) return e;
  return new TypeError(`unsupported operand type(s) for ${OPSYM[m].replace(" or pow()", "")}=${operands}`);
}
const iaddAny = makeInplace("__iadd__", "__add__", "__radd__", add);
const isubAny = makeInplace("__isub__", "__sub__", "__rsub__", sub);
// `n += 1` on ints: without the call through makeInplace's shared closure (whose `bin` call
// site sees every operator, so V8 inlines none of them).
export function iadd(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a + b;
  return iaddNotInts(a, b);
}
function iaddNotInts(a: any, b: any): any {
  // An exact bytearray's `+=` (its __iadd__ cannot be replaced) without the dispatch by name.
  // (instanceof and the prototype chain's class: Object.getPrototypeOf is a builtin call V8 does not fold)
  if (a instanceof PyByteArray && a.constructor === PyByteArray) return a.__iadd__(b);
  return iaddAny(a, b);
}
export function isub(a: any, b: any): any {
  if (typeof a === "bigint" && typeof b === "bigint") return a - b;
  return isubAny(a, b);
}
export const imul = makeInplace("__imul__", "__mul__", "__rmul__", mul);
export const itruediv = makeInplace("__itruediv__", "__truediv__", "__rtruediv__", truediv);
export const ifloordiv = makeInplace("__ifloordiv__", "__floordiv__", "__rfloordiv__", floordiv);
export const imod = makeInplace("__imod__", "__mod__", "__rmod__", mod);
export const ipow = makeInplace("__ipow__", "__pow__", "__rpow__", pow);
export const imatmul = makeInplace("__imatmul__", "__matmul__", "__rmatmul__", matmul);
export const ilshift = makeInplace("__ilshift__", "__lshift__", "__rlshift__", lshift);
export const irshift = makeInplace("__irshift__", "__rshift__", "__rrshift__", rshift);
export const iand = makeInplace("__iand__", "__and__", "__rand__", bitand);
export const ior = makeInplace("__ior__", "__or__", "__ror__", bitor);
export const ixor = makeInplace("__ixor__", "__xor__", "__rxor__", bitxor);

// ---------------------------------------------------------------------------------------------
// Items and slices

function sliceArray<T>(arr: ArrayLike<T>, start: unknown, stop: unknown, step: unknown): T[] {
  const [a, b, st, len] = sliceIndices(arr.length, start, stop, step);
  const out: T[] = new Array(len);
  if (st === 1) {
    for (let i = 0; i < len; i++) out[i] = arr[a + i];
  } else {
    for (let i = 0, j = a; i < len; i++, j += st) out[i] = arr[j];
  }
  void b;
  return out;
}

/** obj[start:stop:step] */
export function getslice(obj: unknown, start?: unknown, stop?: unknown, step?: unknown): any {
  if (typeof obj === "string") {
    const cps = codePoints(obj);
    if (cps === null && (step == null || step === 1n)) {
      const [a, b, , len] = sliceIndices(obj.length, start, stop, step);
      return len === 0 ? "" : obj.slice(a, b);
    }
    return sliceArray(cps ?? obj, start, stop, step).join("");
  }
  if (obj !== null && typeof obj === "object") {
    // first: a type with its own direct path (bytes) need not go through the checks below
    const f = (obj as { [FAST_SLICE]?: (a: unknown, b: unknown, c: unknown) => unknown })[FAST_SLICE];
    if (f !== undefined) return f.call(obj, start, stop, step);
  }
  if (obj instanceof Array) {
    // A list or tuple subclass's own __getitem__ takes the slice object, as CPython gives it.
    if ((obj as ItemMarked)[ITEM_METHODS] === true) return (obj as any).__getitem__(new PySlice(start, stop, step));
    return arraySlice(obj, start, stop, step);
  }
  if (obj instanceof PyRange) {
    // (the bounds as slice.indices() gives them, mapped through the range: range(10)[::-3] is
    // range(9, -1, -3), not some other stop with the same items)
    const [a, b, st] = sliceIndices(obj.length, start, stop, step);
    return new PyRange(obj.start + BigInt(a) * obj.step, obj.start + BigInt(b) * obj.step, obj.step * BigInt(st));
  }
  return getitem(obj, new PySlice(start, stop, step));
}

/** A slice of a list (a list), a tuple (a tuple: an exact tuple's whole slice is itself) or a JS array. */
function arraySlice(obj: unknown[], start: unknown, stop: unknown, step: unknown): unknown[] {
  if (obj instanceof PyList) return PyList.fromArray(sliceArray(obj, start, stop, step));
  if (obj instanceof PyTuple) {
    if (start == null && stop == null && step == null && obj.constructor === PyTuple) return obj;
    return PyTuple.fromArray(sliceArray(obj, start, stop, step));
  }
  return sliceArray(obj, start, stop, step);
}

/**
 * `obj[start:stop] + other` in one copy when both are exact bytes objects (and the bounds ints or
 * None), else undefined, having done nothing: the compiler's `add_slice(...) ?? add(getslice(...),
 * other)` for a bytes literal `other` (src/lower/slice-concat.ts).
 */
export function add_slice(obj: unknown, start: unknown, stop: unknown, other: unknown): PyBytes | undefined {
  return sliceAddExactBytes(obj, start, stop, other);
}

/** A list or tuple that may be a subclass's with its own item methods (names.ts). */
type ItemMarked = { [ITEM_METHODS]?: true };

function seqIndex(x: unknown, n: number, what: string): number {
  let i: number;
  if (typeof x === "bigint") i = Number(x);
  else if (typeof x === "boolean") i = x ? 1 : 0;
  else if (x !== null && typeof x === "object" && typeof (x as { __index__?: unknown }).__index__ === "function") i = Number(index(x));
  else throw new TypeError(`${what} indices must be integers or slices, not ${typeName(x)}`);
  if (i < 0) i += n;
  return i;
}

/**
 * `obj[key]`. A list's or tuple's element at an int index is taken here, in a function small
 * enough for TurboFan to inline into the caller (`state[0] += k` in a hot loop); everything else,
 * errors included, in getitemAny. (A subclass with its own item methods is marked ITEM_METHODS:
 * on a plain list that test reads a property no list has.)
 */
export function getitem(obj: any, key: any): any {
  if (typeof key === "bigint" && obj instanceof Array && (obj as ItemMarked)[ITEM_METHODS] === undefined) {
    const n = obj.length;
    let i = key === 0n ? 0 : Number(key); // (see setitem)
    if (i < 0) i += n;
    if (i >= 0 && i < n) return obj[i];
  }
  return getitemAny(obj, key);
}

/** getitem's rest: an unmarked list's or tuple's int index reaches it only out of range. */
function getitemAny(obj: any, key: any): any {
  if (obj instanceof Array) {
    // (a subclass's own __getitem__, or its class's inherited raw one: sequenceGetitem)
    if ((obj as ItemMarked)[ITEM_METHODS] === true) return (obj as any).__getitem__(key);
    if (typeof key === "bigint") throw new IndexError(obj instanceof PyTuple ? "tuple index out of range" : "list index out of range");
    if (!(obj instanceof PyList) && !(obj instanceof PyTuple) && typeof (obj as any).__getitem__ === "function") {
      return (obj as any).__getitem__(key);
    }
    return sequenceGetitem(obj, key);
  }
  // (`r[s]` with a slice object: the range getslice makes)
  if (obj instanceof PyRange && key instanceof PySlice) return getslice(obj, key.start, key.stop, key.step);
  if (typeof obj === "string") {
    if (key instanceof PySlice) return getslice(obj, key.start, key.stop, key.step);
    if (typeof key !== "bigint" && typeof key !== "boolean" && !(key !== null && typeof key === "object" && typeof key.__index__ === "function")) {
      throw new TypeError(`string indices must be integers, not '${typeName(key)}'`);
    }
    const cps = codePoints(obj);
    const n = cps === null ? obj.length : cps.length;
    let i = Number(index(key));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new IndexError("string index out of range");
    return cps === null ? obj[i] : cps[i];
  }
  if (obj !== null && typeof obj === "object") {
    const f = obj.__getitem__;
    if (typeof f === "function") return f.call(obj, key);
    if (obj instanceof Map) {
      if (obj.has(key)) return obj.get(key);
      throw new (KeyErrorRef())(key);
    }
    if (obj.constructor === Object && typeof key === "string") {
      if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
      throw new (KeyErrorRef())(key);
    }
  }
  // A callable object that is not a class (a unittest.mock MagicMock) subscripted through __getitem__.
  if (typeof obj === "function" && !isJsClass(obj) && !isClass(obj) && typeof (obj as { __getitem__?: unknown }).__getitem__ === "function") {
    return (obj as { __getitem__(k: unknown): unknown }).__getitem__(key);
  }
  if (typeof obj === "function" && typeof (obj as { __class_getitem__?: unknown }).__class_getitem__ === "function") {
    return (obj as { __class_getitem__(k: unknown): unknown }).__class_getitem__(key);
  }
  if (typeof obj === "function" && isClass(obj)) return classSubscript(obj, key);
  throw new TypeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** The builtin classes CPython subscripts into a types.GenericAlias (`list[int]`); the others refuse. */
const GENERIC_BUILTINS = new Set(["list", "dict", "tuple", "set", "frozenset", "type", "enumerate", "ExceptionGroup", "BaseExceptionGroup"]);
const PLAIN_BUILTINS = new Set([
  "int",
  "float",
  "complex",
  "bool",
  "str",
  "bytes",
  "bytearray",
  "memoryview",
  "object",
  "range",
  "slice",
  "property",
  "staticmethod",
  "classmethod",
  "super",
  "map",
  "filter",
  "zip",
  "reversed",
]);

/** Makes `types.GenericAlias(origin, args)` (modules/_type_alias.ts registers it when it loads). */
let genericAlias: ((origin: Function, args: unknown) => unknown) | null = null;
export function set_generic_alias_hook(hook: typeof genericAlias): void {
  genericAlias = hook;
}

/**
 * `C[args]` for a class without `__class_getitem__`: a generic builtin (and, as nothing says
 * otherwise, a runtime module's class: asyncio.Queue, collections.deque) gives a GenericAlias;
 * the program's own classes, exceptions and the other builtins are not subscriptable.
 */
function classSubscript(cls: Function, key: unknown): unknown {
  const name = className(cls);
  const plain =
    !GENERIC_BUILTINS.has(name) && (PLAIN_BUILTINS.has(name) || programClasses.has(cls) || (cls.prototype instanceof Error && !/ExceptionGroup$/.test(name)));
  if (plain || genericAlias === null) throw new TypeError(`type '${name}' is not subscriptable`);
  return genericAlias(cls, key);
}

import { KeyError } from "./exceptions.js";
function KeyErrorRef(): typeof KeyError {
  return KeyError;
}

/**
 * `list.__getitem__(xs, key)` / `tuple.__getitem__`: the items themselves, whatever a subclass
 * overrides (a subclass's `super().__getitem__(i)`); a slice is a plain list or tuple.
 */
export function sequenceGetitem(obj: unknown[], key: unknown): unknown {
  if (key instanceof PySlice) return arraySlice(obj, key.start, key.stop, key.step);
  const what = obj instanceof PyTuple ? "tuple" : "list";
  const i = seqIndex(key, obj.length, what);
  if (i >= 0 && i < obj.length) return obj[i];
  throw new IndexError(`${what} index out of range`);
}

/** `list.__setitem__(xs, key, value)`: into the list's own storage. */
export function sequenceSetitem(obj: PyList<unknown>, key: unknown, value: unknown): void {
  if (key instanceof PySlice) return setslice(obj, key.start, key.stop, key.step, value);
  const i = seqIndex(key, obj.length, "list");
  if (i >= 0 && i < obj.length) {
    obj[i] = value;
    return;
  }
  throw new IndexError("list assignment index out of range");
}

/** `list.__delitem__(xs, key)`: from the list's own storage. */
export function sequenceDelitem(obj: PyList<unknown>, key: unknown): void {
  if (key instanceof PySlice) {
    const [a, b, st, len] = sliceIndices(obj.length, key.start, key.stop, key.step);
    if (st === 1) {
      obj.splice(a, Math.max(0, b - a));
      return;
    }
    const idx: number[] = [];
    for (let i = 0, j = a; i < len; i++, j += st) idx.push(j);
    idx.sort((x, y) => y - x);
    for (const j of idx) obj.splice(j, 1);
    return;
  }
  const i = seqIndex(key, obj.length, "list");
  if (i >= 0 && i < obj.length) {
    obj.splice(i, 1);
    return;
  }
  throw new IndexError("list assignment index out of range");
}

function setslice(obj: PyList<unknown>, start: unknown, stop: unknown, step: unknown, value: unknown): void {
  const [a, b, st, len] = sliceIndices(obj.length, start, stop, step);
  // a number or None is never iterable: CPython's own words for assigning one to a slice
  if (value === null || typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") {
    throw new TypeError(st === 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
  }
  const vals = value instanceof Array ? Array.from(value) : Array.from(toIterable(value));
  if (st === 1) {
    obj.splice(a, Math.max(0, b - a), ...vals);
    return;
  }
  if (vals.length !== len) {
    throw new ValueError(`attempt to assign sequence of size ${vals.length} to extended slice of size ${len}`);
  }
  for (let i = 0, j = a; i < len; i++, j += st) obj[j] = vals[i];
}

/** `obj[key] = value`: a list's element at an int index here (small: inlined), the rest in setitemAny. */
export function setitem(obj: any, key: any, value: any): void {
  if (typeof key === "bigint" && obj instanceof PyList && (obj as ItemMarked)[ITEM_METHODS] === undefined) {
    const n = obj.length;
    // Index 0 (a counter kept in a list, `state[0] += k`) without Number(bigint), a runtime
    // call of ~130 instructions; a BigInt compared with a constant is a few.
    let i = key === 0n ? 0 : Number(key);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
      obj[i] = value;
      return;
    }
  }
  setitemAny(obj, key, value);
}

/** setitem's rest: an unmarked list's int index reaches it only out of range. */
function setitemAny(obj: any, key: any, value: any): void {
  if (obj instanceof PyList && (obj as ItemMarked)[ITEM_METHODS] === undefined) {
    if (typeof key === "bigint") throw new IndexError("list assignment index out of range");
    return sequenceSetitem(obj, key, value);
  }
  if (typeof obj === "function" && !isJsClass(obj) && !isClass(obj) && typeof obj.__setitem__ === "function") {
    obj.__setitem__(key, value);
    return;
  }
  if (obj !== null && typeof obj === "object") {
    const f = obj.__setitem__;
    if (typeof f === "function") {
      f.call(obj, key, value);
      return;
    }
    if (obj instanceof Map) {
      obj.set(key, value);
      return;
    }
    if (obj.constructor === Object && typeof key === "string") {
      obj[key] = value;
      return;
    }
  }
  throw new TypeError(`'${typeName(obj)}' object does not support item assignment`);
}

/** obj[start:stop:step] = value */
export function setslice_(obj: any, start: unknown, stop: unknown, step: unknown, value: unknown): void {
  setitem(obj, new PySlice(start, stop, step), value);
}

export function delitem(obj: any, key: any): void {
  if (obj instanceof PyList && (obj as ItemMarked)[ITEM_METHODS] === undefined) return sequenceDelitem(obj, key);
  if (typeof obj === "function" && !isJsClass(obj) && !isClass(obj) && typeof obj.__delitem__ === "function") {
    obj.__delitem__(key);
    return;
  }
  if (obj !== null && typeof obj === "object") {
    const f = obj.__delitem__;
    if (typeof f === "function") {
      f.call(obj, key);
      return;
    }
    if (obj instanceof Map) {
      if (!obj.delete(key)) throw new KeyError(key);
      return;
    }
  }
  throw new TypeError(`'${typeName(obj)}' object ${deletesBySequence(obj, key) ? "doesn't" : "does not"} support item deletion`);
}

/** Whether `del obj[key]` fails in CPython's sequence branch (its words differ): an int key, and a
 *  type with sequence methods (str, tuple, bytes, range, sets, and any class the program made). */
function deletesBySequence(obj: any, key: unknown): boolean {
  if (!isIndexLike(key)) return false;
  if (typeof obj === "string" || obj instanceof PyTuple || obj instanceof PyRange || obj instanceof PySetBase || obj instanceof PyBytes) return true;
  return obj !== null && typeof obj === "object" && programClasses.has(obj.constructor);
}

/** `item in container` (operator.contains(container, item) order). */
export function contains(container: any, item: any): boolean {
  if (typeof container === "string") {
    if (typeof item !== "string") {
      const v = strArg(item);
      if (typeof v === "string") return container.includes(v);
      throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (typeof container === "function" && typeof container.__contains__ === "function") return truthy(container.__contains__(item));
  if (container !== null && typeof container === "object") {
    if ((container instanceof PyList || container instanceof PyTuple) && (container as ItemMarked)[ITEM_METHODS] === undefined) {
      const n = container.length;
      for (let i = 0; i < n; i++) {
        const y = container[i];
        if (y === item || eq(y, item)) return true;
      }
      return false;
    }
    const f = container.__contains__;
    if (typeof f === "function") return truthy(f.call(container, item));
    if (container instanceof Map || container instanceof Set) return container.has(item);
    let it: Iterable<unknown>;
    try {
      it = toIterable(container);
    } catch (e) {
      if (e instanceof TypeError) throw new TypeError(`argument of type '${typeName(container)}' is not iterable`);
      throw e;
    }
    for (const y of it) if (y === item || eq(y, item)) return true;
    return false;
  }
  throw new TypeError(`argument of type '${typeName(container)}' is not iterable`);
}

/** `item not in container` */
export function not_contains(container: any, item: any): boolean {
  return !contains(container, item);
}

// ---------------------------------------------------------------------------------------------
// Attributes

function noAttr(obj: unknown, name: string, suggest = true): AttributeError {
  let e: AttributeError;
  if (typeof obj === "function" && isClass(obj)) {
    e = new AttributeError(`type object '${className(obj)}' has no attribute '${name}'`);
  } else if (obj !== null && typeof obj === "object" && (Object.prototype.toString.call(obj) === "[object Module]" || moduleNamespaceName(obj) !== undefined)) {
    const n = (obj as { __name__?: string }).__name__ ?? moduleNamespaceName(obj) ?? "?";
    e = new AttributeError(`module '${n}' has no attribute '${name}'`);
  } else {
    e = new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  e.obj = obj;
  // (the report's "Did you mean" looks at the object's dir(); CPython suggests nothing after a
  // failed write or delete)
  if (suggest) noteMissingName(e, { name, obj });
  return e;
}

function primitiveMethod(obj: unknown, name: string): ((...a: any[]) => any) | undefined {
  let m: ((...a: any[]) => any) | undefined;
  switch (typeof obj) {
    case "string":
      m = strMethod(name);
      break;
    case "bigint":
    case "boolean":
      m = intMethod(name);
      break;
    case "number":
      m = floatMethod(name);
      break;
    default:
      return undefined;
  }
  // The operator methods called by name (`(3).__add__(4)`): primitive-dunders.ts.
  return m ?? (name.startsWith("__") ? late.primitiveDunder(obj, name) : undefined);
}

const PRIM_ATTRS: Record<string, (x: any) => unknown> = {
  real: (x) => (typeof x === "boolean" ? (x ? 1n : 0n) : x),
  imag: (x) => (typeof x === "number" ? 0.0 : 0n),
  numerator: (x) => (typeof x === "boolean" ? (x ? 1n : 0n) : x),
  denominator: () => 1n,
};

/**
 * `name`/`length` of a class or function as Python sees them: JS gives every function read-only own
 * `name` and `length` properties, which are not Python attributes and hide a base class's own.
 */
function pythonFunctionAttribute(fn: Function, name: "name" | "length"): unknown {
  for (let o: object | null = fn; o !== null && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
    // (a class attribute of that name which JS's own could not make way for: program.ts)
    const py = Object.getOwnPropertyDescriptor(o, SHADOWED_NAME[name]);
    if (py?.get) return py.get.call(fn);
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d && (d.writable !== false || d.get)) return d.get ? d.get.call(fn) : d.value;
  }
  return undefined;
}

/** Where a class keeps a Python attribute named `name` or `length` (JS's own `name`/`length` of the class stay). */
export const SHADOWED_NAME = { name: Symbol.for("tsyncio.class-attribute:name"), length: Symbol.for("tsyncio.class-attribute:length") } as const;

const NO_DEFAULT_ATTR: unique symbol = Symbol("NO_DEFAULT_ATTR");
/** getattr's "default" for object.__getattribute__: the generic lookup, no hook, no __getattr__. */
const GENERIC_LOOKUP: unique symbol = Symbol("GENERIC_LOOKUP");

/** On the prototype of a program class that defines `__getattribute__` (inherited by its subclasses). */
export const GETATTRIBUTE_HOOK: unique symbol = Symbol("tsyncio.getattribute");
/** Some class of the program defines `__getattribute__`: until then getattr tests one boolean only. */
let getattributeDefined = false;

/** A program class defines `__getattribute__` (define_class): its instances' reads go through it. */
export function hook_getattribute(cls: Function): void {
  Object.defineProperty(cls.prototype, GETATTRIBUTE_HOOK, { value: true, configurable: true });
  getattributeDefined = true;
}

/** An instance whose class defines `__getattribute__` (the test costs one boolean until one does). */
export function getattributeHooked(obj: any): boolean {
  return getattributeDefined && obj !== null && typeof obj === "object" && obj[GETATTRIBUTE_HOOK] === true;
}

/**
 * `obj.name` for an instance whose class defines `__getattribute__`: that method answers; when it
 * raises AttributeError, `__getattr__` (if any) does, as CPython's slot does.
 */
function hookedGetattr(obj: any, name: string, dflt: unknown): any {
  try {
    return obj.__getattribute__(name);
  } catch (e) {
    if (!(e instanceof AttributeError)) throw e;
    const ga = getattrHook(obj);
    if (ga !== undefined) {
      try {
        return ga.call(obj, name);
      } catch (e2) {
        if (dflt !== NO_DEFAULT_ATTR && e2 instanceof AttributeError) return dflt;
        throw e2;
      }
    }
    if (dflt !== NO_DEFAULT_ATTR) return dflt;
    throw e;
  }
}

/** `object.__getattribute__(obj, name)`: the generic lookup (instance, class, methods bound), without hooks. */
export function object_getattribute(obj: any, name: unknown): any {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  return getattr(obj, name, GENERIC_LOOKUP);
}

const selfFirstViews = new WeakMap<Function, Function>();

/**
 * A runtime class's method read from the class (`threading.Thread.join`): the JS method takes the
 * instance as `this`, Python's function takes it first (`Thread.join(t)`). One view per method, so
 * `C.m is C.m`; a blocking method's generator form (`$g`) is offered the same way.
 */
/** The method each selfFirst view stands for (its `__code__` is the method's). */
const viewedMethods = new WeakMap<Function, Function>();

function selfFirst(method: Function, name: string): Function {
  let view = selfFirstViews.get(method);
  if (view) return view;
  view = function (this: unknown, self: unknown, ...args: unknown[]) {
    return applyArgs(method, self, args);
  };
  for (const key of ["__qualname__", "__doc__", "__module__"]) {
    const d = Object.getOwnPropertyDescriptor(method, key);
    if (d) Object.defineProperty(view, key, d);
  }
  Object.defineProperty(view, "name", { value: name, configurable: true });
  // (a method bound under a mangled private name keeps the name it was written with: define_class)
  const own = Object.getOwnPropertyDescriptor(method, "__name__");
  Object.defineProperty(view, "__name__", { value: own ? own.value : name, writable: true, configurable: true });
  const g = (method as { $g?: Function }).$g;
  if (typeof g === "function")
    Object.defineProperty(view, "$g", {
      value: function (this: unknown, self: unknown, ...args: unknown[]) {
        return g.apply(self, args);
      },
    });
  selfFirstViews.set(method, view);
  selfFirstViews.set(view, view);
  viewedMethods.set(view, method);
  return view;
}

/** Symbol-keyed marks a bound method copies from its function (asyncio adds the coroutine function's). */
export const BOUND_METHOD_MARKS = new Set<symbol>();

export { CLASS_METHODS } from "./program-functions.js";

/**
 * Runtime `__new__` methods that take the class as their first argument (`type.__new__(mcs, name,
 * bases, ns)`): read from a class, the function itself, as CPython's staticmethod `__new__`.
 */
export const EXPLICIT_CLASS_NEW = new WeakSet<Function>();

/** `f` bound to `self`, as Python's bound method: `__self__`, `__func__` and `__name__` set. */
export function bindMethod(f: Function, self: unknown): Function {
  const bound = f.bind(self);
  Object.defineProperty(bound, "__self__", { value: self });
  Object.defineProperty(bound, "__func__", { value: f });
  Object.defineProperty(bound, "__name__", { value: (f as { __name__?: string }).__name__ ?? f.name });
  // Marks that describe what calling the function gives (a coroutine function's) stay visible on the bound method.
  for (const k of BOUND_METHOD_MARKS)
    if (Object.prototype.hasOwnProperty.call(f, k)) Object.defineProperty(bound, k, { value: (f as unknown as Record<symbol, unknown>)[k] });
  return bound;
}

/**
 * A function's `__get__(instance, owner=None)`: the function itself for no instance, else the
 * function bound to it (a def of the program, or a method read from its class, takes self first).
 */
function functionGet(f: Function, instance: unknown, _owner: unknown = null): Function {
  if (instance === null || instance === undefined) return f;
  // (a bound method calls its __func__ with the instance as `this`: the method that passes it first)
  return bindMethod(methodOfFunction === null ? f : methodOfFunction(f), instance);
}

/** The instances' method made of a function that takes self first (program.ts: methodCalling). */
let methodOfFunction: ((f: Function) => Function) | null = null;
export function set_function_method_hook(hook: (f: Function) => Function): void {
  methodOfFunction = hook;
}

/** `f.__get__` read as an attribute: the method-wrapper of a function that binds as a method. */
function functionGetWrapper(f: Function): Function {
  const get = (instance: unknown, owner: unknown = null) => functionGet(f, instance, owner);
  Object.defineProperty(get, "__name__", { value: "__get__" });
  return get;
}

// `f.__get__(obj, cls)` called as a method (the translation calls it on the function itself): a
// member of every JS function, which getattr and hasattr do not see (Function.prototype is
// JavaScript's), so only functions that bind as methods answer `__get__` there.
Object.defineProperty(Function.prototype, "__get__", {
  value: function (this: Function, instance: unknown, owner: unknown = null): Function {
    if (Object.prototype.hasOwnProperty.call(this, "__func__")) return this;
    if (!bindsAsMethod(this)) throw new AttributeError(`'${typeName(this)}' object has no attribute '__get__'`);
    return functionGet(this, instance, owner);
  },
  writable: true,
  configurable: true,
});
// (not an attribute dir() or getattr() see on classes and builtins: getattr answers a def's itself)
hideJsMember(Function.prototype, "__get__");

/**
 * Does a callable found on a class become a method of the instance that reads it? A Python function
 * does (its __get__ binds the instance); a class (builtin or the program's), a builtin function, a
 * bound method or a callable object is no such descriptor and is given back as it is.
 */
export function bindsAsMethod(v: Function): boolean {
  return (
    !isJsClass(v) &&
    !isClass(v) &&
    !(v as { __builtin__?: boolean }).__builtin__ &&
    !Object.prototype.hasOwnProperty.call(v, "__func__") &&
    !isCallableObject(v)
  );
}

/**
 * Whether `obj.name` is a getter's answer (a property's, a static method's, a descriptor's
 * `__get__`): a function it gives is given back unbound, as CPython binds only a function stored
 * on the class.
 */
function answeredByGetter(obj: object, name: string): boolean {
  for (let o = Object.getPrototypeOf(obj); o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d !== undefined) return d.get !== undefined;
  }
  return false;
}

export function getattr(obj: any, name: string, dflt: unknown = NO_DEFAULT_ATTR): any {
  if (getattributeDefined && dflt !== GENERIC_LOOKUP && getattributeHooked(obj)) return hookedGetattr(obj, name, dflt);
  // The common case first: an attribute the program stored on an instance (an own enumerable
  // property, never bound as a method); the general path below gives the same answer.
  if (typeof obj === "object" && obj !== null && dflt === NO_DEFAULT_ATTR && Object.prototype.propertyIsEnumerable.call(obj, name)) {
    const v = obj[name];
    if (v !== undefined && name !== "constructor" && name !== "__proto__") return v;
  }
  // (the runtime itself reads symbol-keyed members through getattr)
  if (typeof name !== "string" && typeof name !== "symbol") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) {
    const m = obj == null ? undefined : primitiveMethod(obj, name);
    if (m !== undefined) {
      // (a bound method of the value: type() says builtin_function_or_method)
      const bound = (...args: unknown[]) => m(obj, ...args);
      Object.defineProperty(bound, "__self__", { value: obj });
      Object.defineProperty(bound, "__func__", { value: m });
      return bound;
    }
    if (
      typeof obj !== "string" &&
      typeof obj !== "object" &&
      obj != null &&
      Object.prototype.hasOwnProperty.call(PRIM_ATTRS, name) &&
      (typeof obj !== "number" || name === "real" || name === "imag")
    ) {
      return PRIM_ATTRS[name](obj);
    }
    if (name === "__class__") return pytype(obj);
    if (dflt !== NO_DEFAULT_ATTR && dflt !== GENERIC_LOOKUP) return dflt;
    throw noAttr(obj, name);
  }
  if (name === "__get__" && typeof obj === "function" && isClass(obj) && typeof obj.prototype?.__get__ !== "function") return missingAttr(obj, name, dflt);
  if (name === "__get__" && typeof obj === "function" && !isClass(obj)) {
    // (a builtin function has none: Function.prototype's is JavaScript's; a bound method gives itself)
    if (bindsAsMethod(obj)) return functionGetWrapper(obj);
    if (Object.prototype.hasOwnProperty.call(obj, "__func__")) return (_instance: unknown, _owner: unknown = null) => obj;
    return missingAttr(obj, name, dflt);
  }
  if (!(typeof obj === "function" && (name === "name" || name === "length")) && isJsOnly(obj, name)) {
    // JavaScript's own members (constructor, toString, call, push, ...) are not Python attributes;
    // a mangled name is stored under its own key (propName).
    const stored = propName(name);
    if (stored !== name && stored in obj) return getattr(obj, stored, dflt);
    const pythonKey = pythonKeyOf(obj, name);
    if (pythonKey !== undefined) {
      const v = obj[pythonKey];
      return typeof v === "function" ? bindMethod(v, obj) : v;
    }
    const shadow = containerShadowKey(obj, name);
    if (shadow !== undefined && shadow in obj) return obj[shadow];
    return missingAttr(obj, name, dflt);
  }
  let v: any;
  try {
    v = typeof obj === "function" && (name === "name" || name === "length") ? pythonFunctionAttribute(obj, name) : obj[name];
  } catch (e) {
    // A module object answers a missing name with AttributeError: getattr's default applies.
    if (dflt !== NO_DEFAULT_ATTR && dflt !== GENERIC_LOOKUP && e instanceof AttributeError) return dflt;
    throw e;
  }
  if (v !== undefined || (name in obj && (typeof obj !== "function" || (name !== "name" && name !== "length")))) {
    // A class method read from its class (`functools.partial(K.build)`) is bound to that class.
    if (typeof v === "function" && typeof obj === "function" && CLASS_METHODS.has(v)) return bindMethod(v, obj);
    if (
      typeof v === "function" &&
      typeof obj === "object" &&
      !Object.prototype.hasOwnProperty.call(obj, name) &&
      bindsAsMethod(v) &&
      !answeredByGetter(obj, name)
    ) {
      return bindMethod(v, obj);
    }
    return v;
  }
  if (name === "__class__") return pytype(obj);
  if (typeof obj === "function" && isClass(obj) && obj.prototype && typeof obj.prototype[name] === "function") {
    // A method read from its class is the plain function, named `Class.method`.
    const f = obj.prototype[name];
    if (EXPLICIT_CLASS_NEW.has(f)) return f;
    if (!Object.prototype.hasOwnProperty.call(f, "__qualname__")) {
      let owner = obj.prototype;
      while (owner && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
      if (owner) Object.defineProperty(f, "__qualname__", { value: `${classQualname(owner.constructor)}.${name}`, writable: true, configurable: true });
    }
    return selfFirst(f, name);
  }
  // (a builtin function, a class or a bound method has none: Function.prototype's is not Python's)
  // A def or lambda of the program (a plain JS function: no names of its own).
  // `f.__code__` of a def or lambda of a program that reads some `__code__` (signature-info.ts)
  if (name === "__code__" && typeof obj === "function" && !isClass(obj)) {
    // (a method read from its class or bound to an instance: its function's)
    const inner = Object.prototype.hasOwnProperty.call(obj, "__func__") ? (obj as { __func__?: unknown }).__func__ : undefined;
    const fn = signature_origin(viewedMethods.get(obj) ?? (typeof inner === "function" ? inner : obj));
    const site = programFunctionSite(fn);
    const q = site === null ? undefined : String(getattr(obj, "__qualname__"));
    const code = site === null || q === undefined ? undefined : code_object(fn, q.slice(q.lastIndexOf(".") + 1), q, site.path, site.line);
    if (code !== undefined) return code;
  }
  if ((name === "__name__" || name === "__qualname__") && typeof obj === "function" && !isClass(obj)) {
    // (a bound method's are its function's, named by the class that defines it)
    const bound = obj as { __func__?: unknown; __self__?: unknown };
    const qualname =
      typeof bound.__func__ === "function" && Object.prototype.hasOwnProperty.call(obj, "__func__")
        ? ((bound.__func__ as { __qualname__?: string }).__qualname__ ?? methodQualname(bound.__func__, bound.__self__) ?? programQualname(bound.__func__))
        : programQualname(obj);
    if (qualname !== undefined) return name === "__qualname__" ? qualname : qualname.slice(qualname.lastIndexOf(".") + 1);
  }
  if (name === "__name__" && typeof obj === "function") return className(obj);
  if (name === "__qualname__" && typeof obj === "function" && isClass(obj)) return classQualname(obj);
  // A def of the script (an imported module's defs carry their own).
  if (name === "__module__" && typeof obj === "function") return obj === PyObject ? "builtins" : "__main__";
  if (name === "__mro__" && typeof obj === "function" && isClass(obj)) return PyTuple.fromArray(mro_of(obj));
  if (name === "__bases__" && typeof obj === "function" && isClass(obj)) return PyTuple.fromArray(bases_of(obj));
  // A function without a docstring (or a class without one).
  if (name === "__doc__" && typeof obj === "function") return null;
  // A function or class that is not generic (PEP 695); a bound method's are its function's.
  if (name === "__type_params__" && typeof obj === "function" && !obj.__builtin__) return obj.__func__ ? getattr(obj.__func__, name) : PyTuple.fromArray([]);
  // (a callable object, such as a functools.partial, is a JS function with an instance's attributes)
  // (a def's attributes, `f._target = f`, are its own properties too)
  if (
    name === "__dict__" &&
    (typeof obj === "object" || isCallableObject(obj) || isPlainFunction(obj)) &&
    !(obj instanceof PyObject && slotNamesOf(obj.constructor) !== null)
  ) {
    // Writes through to the object (instance-dict.ts); filled without writing back.
    const d = InstanceDict.of(obj);
    // Values in slots are no entries of the instance's __dict__.
    const slots = obj instanceof PyObject ? slotsOf(obj.constructor).names : null;
    for (const k of attributeKeys(obj)) if (slots === null || !slots.has(k)) PyDict.prototype.__setitem__.call(d, pythonName(k), obj[k]);
    return d;
  }
  // What every object inherits from `object` (`obj.__ne__`, `C.__reduce_ex__`: functions.ts).
  const inherited = objectMember(obj, name);
  if (inherited !== undefined) return inherited;
  // Every type has a __doc__ (None without a docstring), which its instances read: the runtime's
  // classes carry none (`contextlib.aclosing(x).__doc__`).
  if (name === "__doc__" && obj !== null && (typeof obj === "object" || isClass(obj))) return null;
  // A bound method reads the other attributes from its function (`obj.method.__wrapped__`).
  if (typeof obj === "function" && Object.prototype.hasOwnProperty.call(obj, "__func__") && Object.prototype.hasOwnProperty.call(obj, "__self__")) {
    const bound = obj as { __func__: unknown; __self__: unknown; __name__?: unknown };
    const fromFunction = getattr(bound.__func__, name, BOUND_METHOD_MISS);
    if (fromFunction !== BOUND_METHOD_MISS) return fromFunction;
    // (a program method is bound in its `this`-taking form; its attributes are on the class's
    // Python function of that name, what a decorator such as functools.wraps returned)
    const self = bound.__self__;
    if (typeof bound.__name__ === "string" && self !== null && typeof self === "object") {
      const classFunction = getattr((self as object).constructor, bound.__name__, BOUND_METHOD_MISS);
      if (typeof classFunction === "function" && classFunction !== bound.__func__) {
        const fromClass = getattr(classFunction, name, BOUND_METHOD_MISS);
        if (fromClass !== BOUND_METHOD_MISS) return fromClass;
      }
    }
  }
  return missingAttr(obj, name, dflt);
}
const BOUND_METHOD_MISS = Symbol("bound method miss");
(getattr as { __builtin__?: boolean }).__builtin__ = true;

/** A def, lambda or the runtime's function: no class, no builtin (whose attributes are the runtime's). */
function isPlainFunction(obj: unknown): obj is Function {
  return typeof obj === "function" && !isClass(obj) && !(obj as { __builtin__?: boolean }).__builtin__;
}

/** object's methods a program's class and its instances have without defining them (set by functions.ts). */
let objectMember: (obj: unknown, name: string) => unknown = () => undefined;
export function set_object_members(f: (obj: unknown, name: string) => unknown): void {
  objectMember = f;
}

// Lists, tuples and sets: their classes define the special methods the operators use; the others
// Python code may call by name (`xs.__getitem__(0)`, a list subclass's `super().__setitem__(...)`,
// `{1}.__rsub__(s)`) are here.
type Fn = (self: any, ...args: any[]) => any;
type Container = "list" | "tuple" | "set";

function containerKind(x: unknown): Container | null {
  return x instanceof PyList ? "list" : x instanceof PyTuple ? "tuple" : x instanceof PySetBase ? "set" : null;
}

function containerTable(kind: Container): Record<string, Fn> {
  const t: Record<string, Fn> = {};
  if (kind === "set") {
    // The reflected set operators: a set on both sides, else NotImplemented.
    for (const [name, op] of Object.entries({ or: bitor, and: bitand, xor: bitxor, sub })) {
      t[`__r${name}__`] = (x, other) => (other instanceof PySetBase ? op(other, x) : NotImplemented);
    }
    return t;
  }
  t.__iter__ = (x) => toIterable(x)[Symbol.iterator]();
  t.__getitem__ = (x, key) => sequenceGetitem(x, key);
  if (kind === "list") {
    t.__setitem__ = (x, key, v) => (sequenceSetitem(x, key, v), null);
    t.__delitem__ = (x, key) => (sequenceDelitem(x, key), null);
    t.__reversed__ = (x: unknown[]) => [...x].reverse()[Symbol.iterator]();
  }
  return t;
}

const containerTables: Partial<Record<Container, Record<string, Fn>>> = {};

/** The special method `name` of a list, tuple or set that its class does not define, taking the value first, or undefined. */
function containerDunder(obj: unknown, name: string): Fn | undefined {
  const kind = containerKind(obj);
  if (kind === null) return undefined;
  const t = (containerTables[kind] ??= containerTable(kind));
  return Object.prototype.hasOwnProperty.call(t, name) ? t[name] : undefined;
}

/**
 * The `__getattr__` that answers for obj: its class's. A class's own is its metaclass's, not the
 * method its instances use (which the JS static chain shows on the class too).
 */
function getattrHook(obj: any): Function | undefined {
  if (typeof obj === "function" && isJsClass(obj)) {
    const meta = (obj as { [METACLASS]?: Function })[METACLASS];
    const ga = (meta?.prototype as { __getattr__?: unknown } | undefined)?.__getattr__;
    return typeof ga === "function" ? ga : undefined;
  }
  const ga = obj.__getattr__;
  return typeof ga === "function" && !isJsOnly(obj, "__getattr__") ? ga : undefined;
}

/** No such attribute: `__getattr__` decides, else the default or AttributeError. */
function missingAttr(obj: any, name: string, dflt: unknown): any {
  // A runtime module held as a value: its name and file (module-files.ts).
  const moduleName = name === "__name__" || name === "__file__" ? moduleNamespaceName(obj) : undefined;
  if (moduleName !== undefined) {
    const file = name === "__name__" ? moduleName : stdlibModuleFile(moduleName);
    if (file !== null) return file;
  }
  const d = typeof obj === "object" && name.startsWith("__") ? containerDunder(obj, name) : undefined;
  if (d !== undefined) return (...args: unknown[]) => d(obj, ...args);
  if (dflt === GENERIC_LOOKUP) throw noAttr(obj, name);
  const ga = getattrHook(obj);
  if (ga !== undefined) {
    if (dflt === NO_DEFAULT_ATTR) return ga.call(obj, name);
    try {
      return ga.call(obj, name);
    } catch (e) {
      if (e instanceof AttributeError) return dflt;
      throw e;
    }
  }
  if (dflt !== NO_DEFAULT_ATTR) return dflt;
  throw noAttr(obj, name);
}

export function hasattr(obj: any, name: string): boolean {
  try {
    getattr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof AttributeError) return false;
    throw e;
  }
}
(hasattr as { __builtin__?: boolean }).__builtin__ = true;

/** How `Class.name = value` works (program.ts: methods, descriptors, class attributes). */
let setClassAttribute: ((cls: Function, name: string, value: unknown) => void) | null = null;

export function set_class_attribute_hook(hook: typeof setClassAttribute): void {
  setClassAttribute = hook;
}

export function setattr(obj: any, name: string, value: unknown): null {
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) {
    // An int's, float's or str's own attributes cannot be set; any other name does not exist.
    if (obj !== null && obj !== undefined && typeof name === "string") {
      if ((name === "real" || name === "imag" || ((name === "numerator" || name === "denominator") && typeof obj !== "number")) && typeof obj !== "string") {
        // (the descriptors of a bool are int's)
        throw new AttributeError(`attribute '${name}' of '${typeof obj === "boolean" ? "int" : typeName(obj)}' objects is not writable`);
      }
      if (primitiveMethod(obj, name) !== undefined) throw new AttributeError(`'${typeName(obj)}' object attribute '${name}' is read-only`);
    }
    throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  name = propName(name);
  if (typeof obj === "function" && setClassAttribute && obj.prototype instanceof PyObject) {
    setClassAttribute(obj, name, value);
    return null;
  }
  const sa = obj.__setattr__;
  // A class's own __setattr__ (a PyObject, or a program's `class C(dict)` / `class L(list)`).
  if (
    typeof sa === "function" &&
    (obj instanceof PyObject || obj instanceof PyDict || obj instanceof PyList || obj instanceof PySetBase) &&
    sa !== (PyObject.prototype as { __setattr__?: unknown }).__setattr__ &&
    !Object.prototype.hasOwnProperty.call(obj, "__setattr__")
  ) {
    sa.call(obj, name, value);
    return null;
  }
  // A runtime module (a module namespace, whose exports are its own read-only properties) takes
  // assignments through the __setattr__ it exports (sys.stdout = ..., threading.excepthook = ...).
  if (typeof sa === "function" && !(obj instanceof PyObject) && Object.prototype.hasOwnProperty.call(obj, "__setattr__")) {
    sa.call(obj, name, value);
    return null;
  }
  return plainSetattr(obj, name, value);
}
(setattr as { __builtin__?: boolean }).__builtin__ = true;

const slotInfo = new WeakMap<Function, { names: Set<string>; dict: boolean }>();

/** The `__slots__` names of a program's class and its bases, and whether its instances have a `__dict__` too. */
function slotsOf(cls: Function): { names: Set<string>; dict: boolean } {
  let info = slotInfo.get(cls);
  if (info !== undefined) return info;
  info = { names: new Set<string>(), dict: false };
  for (let c: Function | null = cls; c !== PyObject; c = Object.getPrototypeOf(c) as Function | null) {
    if (c === null || c === Function.prototype) {
      info.dict = true;
      break;
    }
    // A class without __slots__ gives its instances a __dict__ (its bases' slots still hold their names).
    if (!Object.prototype.hasOwnProperty.call(c, "__slots__")) {
      info.dict = true;
      continue;
    }
    const slots = (c as { __slots__?: unknown }).__slots__;
    for (const n of typeof slots === "string" ? [slots] : Array.from(toIterable(slots)))
      if (typeof n === "string") info.names.add(propName(mangledIn(className(c), n)));
  }
  if (info.names.has("__dict__")) info.dict = true;
  slotInfo.set(cls, info);
  return info;
}

/**
 * The attribute names instances of a program's class can hold when every class of its chain up to
 * object declares `__slots__` (none of them `__dict__`): then they have no `__dict__`. Else null.
 */
export function slotNamesOf(cls: Function): Set<string> | null {
  const info = slotsOf(cls);
  return info.dict ? null : info.names;
}

/** CPython's refusal of `obj.name = v` on an instance without `__dict__`, or null when the write may go ahead. */
function slotRefusal(obj: PyObject, name: string): AttributeError | null {
  const slots = slotNamesOf(obj.constructor);
  if (slots === null || slots.has(name)) return null;
  for (let c: Function | null = obj.constructor; c !== null && c !== PyObject; c = Object.getPrototypeOf(c) as Function | null) {
    // A class attribute: a data descriptor takes the write, anything else cannot be shadowed.
    if (Object.prototype.hasOwnProperty.call(c, name)) {
      const v = (c as unknown as Record<string, unknown>)[name];
      const set = v !== null && typeof v === "object" ? (v as { __set__?: unknown }).__set__ : undefined;
      if (typeof set === "function") return null;
      return new AttributeError(`'${typeName(obj)}' object attribute '${pythonName(name)}' is read-only`);
    }
    // A property (compiled as an accessor) takes the write, or refuses it itself; a method cannot be shadowed.
    const d = Object.getOwnPropertyDescriptor(c.prototype, name);
    if (d !== undefined) {
      if (d.get !== undefined || d.set !== undefined) return null;
      return new AttributeError(`'${typeName(obj)}' object attribute '${pythonName(name)}' is read-only`);
    }
  }
  return noAttr(obj, pythonName(name), false);
}

/** The write itself, no `__setattr__` hook asked: setattr's last step and `object.__setattr__`. */
export function plainSetattr(obj: any, name: string, value: unknown): null {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  name = propName(name);
  if (Object.isFrozen(obj)) throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  if (obj instanceof PyObject) {
    const refused = slotRefusal(obj, name);
    if (refused !== null) throw refused;
    // (`setattr(obj, "__dict__", d)`: whether d is shared is unknown here)
    if (name === "__dict__") return set_instance_dict(obj, value, false);
  }
  // Overwriting what the engine or the runtime keeps for JavaScript (a list's length, an error's stack).
  if (isJsOnly(obj, name)) {
    // (a dict or list subclass's own attribute of such a name is kept aside: instance-dict.ts)
    const shadow = containerShadowKey(obj, name);
    if (shadow !== undefined) {
      obj[shadow] = value;
      return null;
    }
    if (Object.prototype.hasOwnProperty.call(obj, name)) throw noAttr(obj, name, false);
    // (Python's attribute kept under another key: an exception's `name`, see hideJsMember)
    const pythonKey = pythonKeyOf(obj, name);
    if (pythonKey !== undefined) {
      obj[pythonKey] = value;
      return null;
    }
  }
  try {
    obj[name] = value;
  } catch (e) {
    // A property without a setter: JS's message does not name the class the way Python does.
    if (e instanceof Error && e.name === "TypeError" && /only a getter/.test(e.message)) {
      throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no setter`);
    }
    throw e;
  }
  return null;
}

/**
 * What a class or one of its bases holds as `name`: a data attribute's value (a property object,
 * a plain value), or an accessor (a compiled `@property`'s property view, program.ts).
 */
function classAttribute(cls: Function, name: string): { value?: any; accessor?: boolean } | undefined {
  for (let c: Function | null = cls; c && c !== PyObject && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) {
    const d = Object.getOwnPropertyDescriptor(c, name);
    if (d === undefined) continue;
    if ("value" in d) return { value: d.value };
    // (a descriptor object the class reads through its __get__ sits behind a getter)
    const raw = class_descriptor(c, name);
    return raw !== undefined ? { value: raw } : { accessor: true };
  }
  return undefined;
}

export function delattr(obj: any, name: string): null {
  if (obj !== null && (typeof obj === "object" || typeof obj === "function") && isJsOnly(obj, name)) {
    if (containerShadowKey(obj, name) !== undefined) return plainDelattr(obj, name);
    if (propName(name) === name) throw noAttr(obj, name, false);
    name = propName(name);
  }
  if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || !(name in obj)) {
    throw noAttr(obj, name, false);
  }
  const da = obj.__delattr__;
  if (typeof da === "function") {
    da.call(obj, name);
    return null;
  }
  return plainDelattr(obj, name);
}
(delattr as { __builtin__?: boolean }).__builtin__ = true;

/** `del obj.name` without the object's `__delattr__` (object.__delattr__, what `super().__delattr__(name)` reaches). */
export function plainDelattr(obj: any, name: string): null {
  if (obj !== null && (typeof obj === "object" || typeof obj === "function") && isJsOnly(obj, name)) {
    const shadow = containerShadowKey(obj, name);
    if (shadow !== undefined && shadow in obj) {
      delete obj[shadow];
      return null;
    }
    if (propName(name) === name) throw noAttr(obj, name, false);
    name = propName(name);
  }
  if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || !(name in obj)) throw noAttr(obj, name, false);
  // A property's deleter (`@x.deleter`), compiled as a method of that name.
  const deleter = obj[`__delete_${name}__`];
  if (typeof deleter === "function") {
    deleter.call(obj);
    return null;
  }
  // An instance of the program's class without its own `name`: a descriptor among the class's
  // attributes (a property object) deletes through its __delete__; a `@property` without deleter,
  // a method or a class attribute cannot be deleted from the instance.
  if (obj instanceof PyObject && !Object.prototype.hasOwnProperty.call(obj, name) && programClasses.has(obj.constructor)) {
    const found = classAttribute(obj.constructor, name);
    const del = found?.value?.__delete__;
    if (typeof del === "function") {
      del.call(found!.value, obj);
      return null;
    }
    if (found?.accessor) throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
    throw noAttr(obj, name, false);
  }
  if (typeof obj === "function" && obj.prototype instanceof PyObject && Object.prototype.hasOwnProperty.call(obj, name)) {
    // One entry of the class's namespace, kept on the class and on its prototype (methods, the
    // instances' getter of a class attribute): both go.
    delete obj.prototype[name];
  }
  delete obj[name];
  return null;
}

/** Method call that works on str/int/float receivers: callm(obj, "upper"). */
export function callm(obj: any, name: string, ...args: any[]): any {
  return callv_method(obj, name, args);
}

/**
 * `obj.name(...)` where the compiler could not tell that the callee takes these arguments (the
 * program stores functions in attributes of that name, or defines a method of that name taking
 * other counts, src/lower/attribute-calls.ts): more or fewer positional arguments than a
 * translated function takes are CPython's TypeError, a missing method CPython's AttributeError.
 * A call within the function's bounds costs what a JS method call costs plus the bounds check.
 */
export function callm_checked(obj: any, name: string, ...args: any[]): any {
  // (a class too: `K.m(...)` of a function the class body assigned, `m = wrap(lambda self, y: y)`)
  if (obj !== null && (typeof obj === "object" || typeof obj === "function") && !(getattributeDefined && getattributeHooked(obj))) {
    const f = obj[name];
    if (typeof f === "function" && !(f.prototype !== undefined && isJsClass(f)) && !isJsOnly(obj, name)) {
      const bounds = (f as { [ARITY]?: number })[ARITY] ?? arity(f);
      const n = args.length;
      if (n > bounds >> ARITY_SHIFT || n < (bounds & ARITY_LEAST)) checkArguments(isInstanceMethod(obj, name) ? bindMethod(f, obj) : f, args);
      return applyArgs(f, obj, args);
    }
  }
  return callv_method(obj, name, args);
}

/**
 * Whether `obj.name` is a method of the instances (a def of the class, taking the instance as
 * `this`), so a call's error counts the instance among the arguments. A function stored on the
 * instance is called as it is; what a class's getter gives (a staticmethod's function, a
 * classmethod already bound to the class) was made by its descriptor.
 */
function isInstanceMethod(obj: object, name: string): boolean {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return false;
  for (let o = Object.getPrototypeOf(obj); o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d !== undefined) return "value" in d;
  }
  return false;
}

/**
 * A method called with keywords packed at the end (`obj.m(*args, k=v)` where the compiler could not
 * see the method): a translated def without a rest parameter cannot take the KwArgs itself, so they
 * are bound by name as callkw_method binds them.
 */
function callKeywordsAtEnd(f: Function, obj: object, args: any[]): any {
  if (refusesKeywords(f, (args[args.length - 1] as KwArgs).kw)) return applyArgs(f, obj, args.slice(0, -1));
  const names = parameterNames(f);
  if (names !== null && !names.some((n: string) => n.startsWith("..."))) {
    const r = callWithKeywords(f, obj, args.slice(0, -1), (args[args.length - 1] as KwArgs).kw);
    if (r !== NOT_BOUND) return r;
  }
  return applyArgs(f, obj, args);
}

/** `obj.name(*args)`: callm with the arguments as one array (star-call.ts). */
export function callv_method(obj: any, name: string, args: any[]): any {
  // (an empty `**kwargs` passes nothing: a runtime method would take it for an argument)
  const n = args.length;
  if (n !== 0 && args[n - 1] instanceof KwArgs && args[n - 1].isEmpty()) args = args.slice(0, -1);
  if (getattributeDefined && getattributeHooked(obj)) return callv(getattr(obj, name), args);
  if (obj !== null && (typeof obj === "object" || typeof obj === "function") && isJsOnly(obj, name)) return callv(getattr(obj, name), args);
  if (obj !== null && typeof obj === "object") {
    const f = obj[name];
    // A class held in an attribute is constructed (methods have no prototype: the cheap test first).
    if (typeof f === "function") {
      if (f.prototype !== undefined && isJsClass(f)) return callv(f, args);
      if (args.length !== 0 && args[args.length - 1] instanceof KwArgs) return callKeywordsAtEnd(f, obj, args);
      return applyArgs(f, obj, args);
    }
    if (f !== undefined) return callv(f, args);
    // `self.__class__(...)`: a new instance of the object's type
    if (name === "__class__") return callv(pytype(obj), args);
    // `xs.__getitem__(0)`: a special method a list, tuple or set has in Python only.
    const d = name.startsWith("__") ? containerDunder(obj, name) : undefined;
    if (d !== undefined) return d(obj, ...args);
    const ga = getattrHook(obj);
    if (ga !== undefined) return callv(ga.call(obj, name), args);
    const inherited = objectMember(obj, name);
    if (inherited !== undefined) return callv(inherited, args);
    throw noAttr(obj, name);
  }
  if (typeof obj === "function") {
    const f = (obj as any)[name];
    // A class held in an attribute is constructed (methods have no prototype: the cheap test first).
    if (typeof f === "function") return f.prototype !== undefined && isJsClass(f) ? callv(f, args) : applyArgs(f, obj, args);
    // `Class.method(instance, ...)`: a method the class holds on its prototype, called unbound.
    if (f === undefined) return callv(getattr(obj, name), args);
    // A callable object the class holds (a method decorated with a class: `@Counter def m`).
    return callv(f, args);
  }
  const m = obj == null ? undefined : primitiveMethod(obj, name);
  if (m !== undefined) {
    if (typeof obj === "string") {
      const n = args.length !== 0 && args[args.length - 1] instanceof KwArgs ? args.length - 1 : args.length;
      const problem = strMethodArityProblem(name, n);
      if (problem !== null) throw new TypeError(problem);
    }
    return args.length <= SPREAD_LIMIT ? m(obj, ...args) : applyArgs(m, undefined, [obj, ...args]);
  }
  throw noAttr(obj, name);
}

// type() of a value (set up by functions.ts, which defines the builtin type objects)
export let pytype: (x: unknown) => unknown = (x) => (x as { constructor?: unknown })?.constructor;
export function setPytype(f: (x: unknown) => unknown): void {
  pytype = f;
}

registerLate({ getattr, getitem, object_getattribute, plainSetattr, sequenceGetitem, sequenceSetitem, sequenceDelitem });
