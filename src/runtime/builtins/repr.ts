// repr() and str() for every runtime value.
import { programQualname } from "./program-functions.js";
import { TypeError } from "./exceptions.js";
import { intToDecimal } from "./int-limit.js";
import { className, classModule, classQualname, hexAddress, isCallableObject, isJsClass, iteratorKind } from "./names.js";
import { PyObject } from "./object.js";
import { registerLate } from "./late.js";
import { moduleNamespaceName, stdlibModuleRepr } from "./module-files.js";

/** Objects whose repr is in progress (recursive containers print `[...]`). */
export const reprActive = new Set<object>();

const SIMPLE_STR = /^[ !#-&(-\[\]-~]*$/;
// Made at the first non-ASCII character: its Unicode property classes cost ~0.4 ms to make (V8 builds
// the sets from ICU's tables), which a program that never shows one need not pay at start-up.
let nonPrintRe: RegExp | undefined;
const NONPRINT = () => (nonPrintRe ??= /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u);

function escapeChar(ch: string, quote: string): string {
  switch (ch) {
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
  }
  if (ch === quote) return "\\" + ch;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp < 0x7f) return ch;
  if (cp !== 0x20 && NONPRINT().test(ch)) {
    if (cp <= 0xff) return "\\x" + cp.toString(16).padStart(2, "0");
    if (cp <= 0xffff) return "\\u" + cp.toString(16).padStart(4, "0");
    return "\\U" + cp.toString(16).padStart(8, "0");
  }
  return ch;
}

/** Python's repr of a str: quote choice and escapes. */
export function strRepr(s: string): string {
  if (SIMPLE_STR.test(s)) return "'" + s + "'";
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) out += escapeChar(ch, quote);
  return out + quote;
}

/** Python's float repr: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
export function floatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const e = x.toExponential(); // shortest round-trip digits
  const ei = e.indexOf("e");
  let mant = e.slice(0, ei);
  const exp = parseInt(e.slice(ei + 1), 10);
  const neg = mant[0] === "-";
  if (neg) mant = mant.slice(1);
  const digits = mant.replace(".", "");
  let out: string;
  if (exp < -4 || exp >= 16) {
    out = sci(digits, exp);
  } else if (exp < 0) {
    out = "0." + "0".repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    out = digits + "0".repeat(exp + 1 - digits.length) + ".0";
  } else {
    out = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  }
  return neg ? "-" + out : out;
}

function sci(digits: string, exp: number): string {
  const m = digits.length === 1 ? digits : digits[0] + "." + digits.slice(1);
  const a = Math.abs(exp);
  return m + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}

export function isClass(f: unknown): boolean {
  if (typeof f !== "function") return false;
  if ((f as { __pytype__?: unknown }).__pytype__ !== undefined && Object.prototype.hasOwnProperty.call(f, "__pytype__")) return true;
  const p = (f as { prototype?: unknown }).prototype;
  // (a runtime class of its own carries `__module__`; so does a decorated def, which is no class)
  return (
    p !== undefined &&
    (p instanceof PyObject || f === PyObject || p instanceof Error || (Object.prototype.hasOwnProperty.call(f, "__module__") && isJsClass(f)))
  );
}

const BUILTIN_CONTAINERS = new Set(["list", "dict", "set", "frozenset", "tuple", "bytearray"]);

/** `<bound method C.m of <__main__.C object at 0x...>>` for a method bound to its instance or class (getattr's bindMethod). */
function boundMethodRepr(f: Function, name: string): string | null {
  if (!Object.prototype.hasOwnProperty.call(f, "__self__") || !Object.prototype.hasOwnProperty.call(f, "__func__")) return null;
  const self = (f as { __self__?: unknown }).__self__;
  // A method of a builtin container (`[].append`): CPython's builtin method.
  if (self !== null && typeof self === "object" && BUILTIN_CONTAINERS.has(className(self.constructor)) && classModule(self.constructor) === "builtins")
    return `<built-in method ${name} of ${className(self.constructor)} object at ${hexAddress(self)}>`;
  const func = (f as { __func__?: { __qualname__?: unknown } }).__func__;
  let qualname = func !== null && func !== undefined && Object.prototype.hasOwnProperty.call(func, "__qualname__") ? func.__qualname__ : undefined;
  if (typeof qualname !== "string") {
    // The class that defines it: a class method lives on the class, the others on the prototype.
    const start = isClass(self) ? (self as Function) : self !== null && typeof self === "object" ? (self.constructor as Function) : null;
    if (start === null) return null;
    let owner: Function | null = null;
    for (let c: Function | null = start; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) {
      const holder = isClass(self) ? c : (c.prototype as object);
      if (holder && Object.prototype.hasOwnProperty.call(holder, name)) {
        owner = c;
        break;
      }
    }
    qualname = `${classQualname(owner ?? start)}.${name}`;
  }
  return `<bound method ${qualname} of ${repr(self)}>`;
}

function functionRepr(f: Function): string {
  const g = f as { __qualname__?: string; __builtin__?: boolean; __pyrepr__?: () => string; __name__?: string };
  if (typeof g.__pyrepr__ === "function") return g.__pyrepr__();
  if (isClass(f)) {
    const m = classModule(f);
    const q = classQualname(f);
    return m === "builtins" ? `<class '${q}'>` : `<class '${m}.${q}'>`;
  }
  if (g.__builtin__) return `<built-in function ${g.__name__ ?? f.name}>`;
  const bound = /^bound (.*)$/.exec(f.name);
  if (bound) {
    const method = boundMethodRepr(f, bound[1]);
    if (method !== null) return method;
    return `<bound method ${bound[1]}>`;
  }
  return `<function ${g.__qualname__ ?? programQualname(f) ?? (f.name || "<lambda>")} at ${hexAddress(f)}>`;
}

export function repr(x: unknown): string {
  switch (typeof x) {
    case "string":
      return strRepr(x);
    case "bigint":
      return intToDecimal(x);
    case "number":
      return floatRepr(x);
    case "boolean":
      return x ? "True" : "False";
    case "undefined":
      return "None";
    case "function":
      return functionRepr(x);
    case "symbol":
      return String(x);
    case "object": {
      if (x === null) return "None";
      const r = (x as { __repr__?: () => unknown }).__repr__;
      if (typeof r === "function") {
        const s = r.call(x);
        if (typeof s !== "string") {
          throw new TypeError(`__repr__ returned non-string (type ${className((s as object)?.constructor)})`);
        }
        return s;
      }
      // An engine iterator (iter([]), iter(d)) by its Python type's name.
      const kind = iteratorKind(x);
      if (kind !== undefined) return `<${kind} object at ${hexAddress(x)}>`;
      // A generator object: named by its function (mark_generator / define_class), else a genexpr.
      if (Object.prototype.toString.call(x) === "[object Generator]") {
        const q = (x as { __qualname__?: unknown }).__qualname__;
        return `<generator object ${typeof q === "string" ? q : "<genexpr>"} at ${hexAddress(x)}>`;
      }
      // A runtime module the program holds as a value.
      const moduleName = moduleNamespaceName(x);
      if (moduleName !== undefined) return stdlibModuleRepr(moduleName);
      return foreignRepr(x);
    }
  }
  return String(x);
}

/** repr of plain JS objects (arrays, Maps, ...) that reach Python code. */
function foreignRepr(x: object): string {
  if (Array.isArray(x)) {
    if (reprActive.has(x)) return "[...]";
    reprActive.add(x);
    try {
      return "[" + x.map(repr).join(", ") + "]";
    } finally {
      reprActive.delete(x);
    }
  }
  if (x instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of x) parts.push(repr(k) + ": " + repr(v));
    return "{" + parts.join(", ") + "}";
  }
  if (x instanceof Set) {
    if (x.size === 0) return "set()";
    return "{" + [...x].map(repr).join(", ") + "}";
  }
  if (x instanceof Error) return `${x.name}(${strRepr(x.message)})`;
  const c = (x as { constructor?: unknown }).constructor;
  if (c === Object || c === undefined) {
    return (
      "{" +
      Object.entries(x)
        .map(([k, v]) => strRepr(k) + ": " + repr(v))
        .join(", ") +
      "}"
    );
  }
  // object.__repr__ names the module of a runtime class that declares one (asyncio's policy).
  const mod = Object.prototype.hasOwnProperty.call(c, "__module__") ? (c as { __module__?: unknown }).__module__ : undefined;
  if (typeof mod === "string" && mod !== "builtins") return `<${mod}.${classQualname(c)} object at ${hexAddress(x)}>`;
  return `<${className(c)} object at ${hexAddress(x)}>`;
}

export function str(x: unknown): string {
  switch (typeof x) {
    case "string":
      return x;
    case "bigint":
      return intToDecimal(x);
    case "number":
      return floatRepr(x);
    case "boolean":
      return x ? "True" : "False";
    case "undefined":
      return "None";
    case "function":
      // (a class whose metaclass defines __str__: metaclass.ts)
      if (typeof (x as { __pystr__?: unknown }).__pystr__ === "function") return (x as unknown as { __pystr__: () => string }).__pystr__();
      if (!isCallableObject(x)) return repr(x);
    // falls through: a callable object (a mock) has its own __str__
    case "object": {
      if (x === null) return "None";
      const f = (x as { __str__?: () => unknown }).__str__;
      if (typeof f === "function") {
        const s = f.call(x);
        if (typeof s !== "string") {
          throw new TypeError(`__str__ returned non-string (type ${className((s as object)?.constructor)})`);
        }
        return s;
      }
      return repr(x);
    }
  }
  return repr(x);
}

registerLate({ repr, str });
