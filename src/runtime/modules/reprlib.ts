// reprlib: Repr (reprs with size limits: at most maxlist items of a list, maxstring characters of a
// str, nesting to maxlevel, ... with fillvalue for what is left out, and indent= for one item a
// line), the module's repr() with the default limits, and recursive_repr (functools' own).
// Limits, dispatch (a repr_TYPENAME method, so a subclass adds types) and output follow CPython 3.12.
import { PyList } from "../builtins/collections.js";
import { PyObject, popKw } from "../builtins/object.js";
import { Exception, TypeError, ValueError } from "../builtins/exceptions.js";
import { call, getattr, getitem, hasattr } from "../builtins/ops.js";
import { toIterable, typeName, typeShortName } from "../builtins/protocol.js";
import { id, len, sorted } from "../builtins/functions.js";
import { repr as builtinRepr } from "../builtins/repr.js";
import { recursive_repr } from "./functools.js";

export { recursive_repr };

const LIMITS: [string, unknown][] = [
  ["maxlevel", 6n],
  ["maxtuple", 6n],
  ["maxlist", 6n],
  ["maxarray", 5n],
  ["maxdict", 4n],
  ["maxset", 6n],
  ["maxfrozenset", 6n],
  ["maxdeque", 6n],
  ["maxstring", 30n],
  ["maxlong", 40n],
  ["maxother", 30n],
  ["fillvalue", "..."],
  ["indent", null],
];

const num = (x: unknown) => Number(x as bigint);

/** The first N items of X. */
function firstItems(x: unknown, n: number): unknown[] {
  const out: unknown[] = [];
  if (n <= 0) return out;
  for (const item of toIterable(x)) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** sorted(x) when its items order, else its items as they come. */
function possiblySorted(x: unknown): unknown[] {
  try {
    return [...sorted(x)];
  } catch (e) {
    if (e instanceof Exception) return [...toIterable(x)];
    throw e;
  }
}

export class Repr extends PyObject {
  [limit: string]: any;
  __init__(...args: unknown[]): null {
    const kw = popKw(args) ?? {};
    if (args.length) throw new TypeError(`Repr.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    const names = LIMITS.map(([n]) => n);
    for (const k of Object.keys(kw)) if (!names.includes(k)) throw new TypeError(`Repr.__init__() got an unexpected keyword argument '${k}'`);
    for (const [name, dflt] of LIMITS) this[name] = name in kw ? kw[name] : dflt;
    return null;
  }

  repr(x: unknown): unknown {
    return call(getattr(this, "repr1"), x, this.maxlevel);
  }

  repr1(x: unknown, level: unknown): unknown {
    const typename = typeShortName(x).split(/\s+/).join("_");
    const method = `repr_${typename}`;
    if (hasattr(this, method)) return call(getattr(this, method), x, level);
    return call(getattr(this, "repr_instance"), x, level);
  }

  /** The pieces joined by ', ', or one a line indented by level when indent is set. */
  _join(pieces: unknown, level: unknown): string {
    const list = [...toIterable(pieces)].map(String);
    if (this.indent === null || this.indent === undefined) return list.join(", ");
    if (!list.length) return "";
    let indent: unknown = this.indent;
    if (typeof indent === "bigint" || typeof indent === "boolean") {
      const n = Number(indent);
      if (n < 0) throw new ValueError(`Repr.indent cannot be negative int (was ${builtinRepr(indent)})`);
      indent = " ".repeat(n);
    }
    if (typeof indent !== "string") throw new TypeError(`Repr.indent must be a str, int or None, not ${builtinRepr(call(getattr(indent, "__class__")))}`);
    const depth = Math.max(0, num(this.maxlevel) - num(level) + 1);
    const sep = ",\n" + indent.repeat(depth);
    const joined = ["", ...list, ""].join(sep);
    return joined.slice(1, indent.length ? -indent.length : undefined);
  }

  _repr_iterable(x: unknown, level: unknown, left: string, right: string, maxiter: unknown, trail = ""): string {
    const n = Number(len(x));
    let s: string;
    if (num(level) <= 0 && n) s = String(this.fillvalue);
    else {
      const newlevel = num(level) - 1;
      const pieces = firstItems(x, num(maxiter)).map((elem) => String(call(getattr(this, "repr1"), elem, BigInt(newlevel))));
      if (n > num(maxiter)) pieces.push(String(this.fillvalue));
      s = String(call(getattr(this, "_join"), PyList.fromArray(pieces), level));
      if (n === 1 && trail && (this.indent === null || this.indent === undefined)) right = trail + right;
    }
    return `${left}${s}${right}`;
  }

  repr_tuple(x: unknown, level: unknown): string {
    return this._repr_iterable(x, level, "(", ")", this.maxtuple, ",");
  }
  repr_list(x: unknown, level: unknown): string {
    return this._repr_iterable(x, level, "[", "]", this.maxlist);
  }
  repr_array(x: unknown, level: unknown): string {
    const code = getattr(x, "typecode");
    if (!Number(len(x))) return `array('${code}')`;
    return this._repr_iterable(x, level, `array('${code}', [`, "])", this.maxarray);
  }
  repr_set(x: unknown, level: unknown): string {
    if (!Number(len(x))) return "set()";
    return this._repr_iterable(PyList.fromArray(possiblySorted(x)), level, "{", "}", this.maxset);
  }
  repr_frozenset(x: unknown, level: unknown): string {
    if (!Number(len(x))) return "frozenset()";
    return this._repr_iterable(PyList.fromArray(possiblySorted(x)), level, "frozenset({", "})", this.maxfrozenset);
  }
  repr_deque(x: unknown, level: unknown): string {
    return this._repr_iterable(x, level, "deque([", "])", this.maxdeque);
  }
  repr_dict(x: unknown, level: unknown): string {
    const n = Number(len(x));
    if (n === 0) return "{}";
    if (num(level) <= 0) return `{${this.fillvalue}}`;
    const newlevel = BigInt(num(level) - 1);
    const repr1 = getattr(this, "repr1");
    const pieces = firstItems(PyList.fromArray(possiblySorted(x)), num(this.maxdict)).map(
      (key) => `${call(repr1, key, newlevel)}: ${call(repr1, getitem(x, key), newlevel)}`,
    );
    if (n > num(this.maxdict)) pieces.push(String(this.fillvalue));
    return `{${call(getattr(this, "_join"), PyList.fromArray(pieces), level)}}`;
  }
  repr_str(x: unknown, _level: unknown): string {
    const chars = [...(x as string)];
    const max = num(this.maxstring);
    let s = builtinRepr(chars.slice(0, Math.max(0, max)).join(""));
    if ([...s].length > max) {
      const i = Math.max(0, Math.floor((max - 3) / 2));
      const j = Math.max(0, max - 3 - i);
      const kept = builtinRepr(chars.slice(0, i).join("") + (j ? chars.slice(chars.length - j).join("") : ""));
      const k = [...kept];
      s = k.slice(0, i).join("") + String(this.fillvalue) + (j ? k.slice(k.length - j).join("") : "");
    }
    return s;
  }
  repr_int(x: unknown, _level: unknown): string {
    return this.shorten(builtinRepr(x), num(this.maxlong));
  }
  repr_instance(x: unknown, _level: unknown): string {
    let s: string;
    try {
      s = builtinRepr(x);
    } catch (e) {
      if (!(e instanceof Exception)) throw e;
      return `<${typeName(x)} instance at 0x${id(x).toString(16)}>`;
    }
    return this.shorten(s, num(this.maxother));
  }
  /** S cut to MAX characters, its middle replaced by the fill value. */
  private shorten(s: string, max: number): string {
    const chars = [...s];
    if (chars.length <= max) return s;
    const i = Math.max(0, Math.floor((max - 3) / 2));
    const j = Math.max(0, max - 3 - i);
    return chars.slice(0, i).join("") + String(this.fillvalue) + (j ? chars.slice(chars.length - j).join("") : "");
  }
  static __module__ = "reprlib";
}

export const aRepr = new Repr();
export const repr = (x: unknown): unknown => aRepr.repr(x);
Object.defineProperty(repr, "name", { value: "repr" });
