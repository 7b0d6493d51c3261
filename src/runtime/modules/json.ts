// json: dumps/loads with Python's formatting (ints stay ints, floats use Python's repr).
import { checkDigitsToInt, intToDecimal } from "../builtins/int-limit.js";
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, popKw } from "../builtins/object.js";
import { init_from } from "./_runtime_init.js";
import { floatRepr } from "../builtins/repr.js";
import { call, callm, toIterable, truthy, typeName, typeShortName, lt } from "../builtins/ops.js";
import { sortInPlace } from "../builtins/collections.js";
import { bytesData } from "../builtins/bytes.js";
import { decodeBytes } from "../builtins/codecs.js";
import { noteCodePoint } from "../builtins/surrogates.js";

export class JSONDecodeError extends ValueError {
  msg: string;
  doc: string;
  pos: bigint;
  lineno: bigint;
  colno: bigint;
  constructor(msg: string, doc: string, position: number | bigint) {
    const pos = Number(position);
    const lineno = doc.slice(0, pos).split("\n").length;
    const colno = pos - doc.lastIndexOf("\n", pos - 1);
    super(`${msg}: line ${lineno} column ${colno} (char ${pos})`);
    this.msg = msg;
    this.doc = doc;
    this.pos = BigInt(pos);
    this.lineno = BigInt(lineno);
    this.colno = BigInt(colno);
  }
  static __module__ = "json.decoder";
}

function encodeStr(s: string, asciiOnly: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
      if (c > 0xffff) {
        const v = c - 0x10000;
        out += "\\u" + (0xd800 + (v >> 10)).toString(16).padStart(4, "0") + "\\u" + (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, "0");
      } else out += "\\u" + c.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

/** dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw) */
export function dumps(obj: unknown, ...rest: unknown[]): string {
  const k = popKw(rest) ?? {};
  if (k.cls !== undefined && k.cls !== null) {
    // As CPython: the class is made with every option (a subclass's __init__ sees them), then encode().
    const { cls, ...given } = k;
    const options = { ...ENCODER_DEFAULTS, ...given };
    return callm(call(cls, new KwArgs(options)), "encode", obj) as string;
  }
  return encodeWith(obj, k);
}

const ENCODER_DEFAULTS: Record<string, unknown> = {
  skipkeys: false,
  ensure_ascii: true,
  check_circular: true,
  allow_nan: true,
  indent: null,
  separators: null,
  default: null,
  sort_keys: false,
};

/** The JSON text of `obj` with dumps' options (`default`: the fallback for other objects). */
function encodeWith(obj: unknown, k: Record<string, unknown>): string {
  return encoderFor(k).enc(obj, 0);
}

/** dumps' options read once: the text of a value (`enc`), of a key, and what the pieces between them are. */
function encoderFor(k: Record<string, unknown>) {
  const indentArg = k.indent ?? null;
  const indent = indentArg === null ? null : typeof indentArg === "string" ? indentArg : " ".repeat(Number(indentArg));
  const sortKeys = truthy(k.sort_keys ?? false);
  const asciiOnly = truthy(k.ensure_ascii ?? true);
  const allowNan = truthy(k.allow_nan ?? true);
  const dflt = k.default ?? null;
  const skipkeys = truthy(k.skipkeys ?? false);
  let itemSep = indent !== null ? "," : ", ";
  let keySep = ": ";
  if (k.separators != null) {
    const s = Array.from(toIterable(k.separators)) as string[];
    itemSep = s[0];
    keySep = s[1];
  }
  const seen = new Set<object>();
  const floatStr = (x: number): string => {
    if (x !== x || !Number.isFinite(x)) {
      if (!allowNan) throw new ValueError(`Out of range float values are not JSON compliant: ${floatRepr(x)}`);
      return x !== x ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
    }
    return floatRepr(x);
  };
  const keyStr = (key: unknown): string | null => {
    if (typeof key === "string") return key;
    if (typeof key === "bigint") return intToDecimal(key);
    if (typeof key === "number") return floatStr(key);
    if (typeof key === "boolean") return key ? "true" : "false";
    if (key === null || key === undefined) return "null";
    const valueType = typeof key === "object" ? (key as Record<symbol, unknown>)[Symbol.for("tsyncio.valueType")] : undefined;
    if (valueType === "int" || valueType === "str") return keyStr((key as { _value_: unknown })._value_);
    if (skipkeys) return null;
    throw new TypeError(`keys must be str, int, float, bool or None, not ${typeName(key)}`);
  };
  const enc = (o: unknown, level: number): string => {
    switch (typeof o) {
      case "string":
        return encodeStr(o, asciiOnly);
      case "bigint":
        return intToDecimal(o);
      case "number":
        return floatStr(o);
      case "boolean":
        return o ? "true" : "false";
      case "undefined":
        return "null";
    }
    if (o === null) return "null";
    const nl = indent !== null ? "\n" + indent.repeat(level + 1) : "";
    const nlEnd = indent !== null ? "\n" + indent.repeat(level) : "";
    if (o instanceof PyList || o instanceof PyTuple) {
      if (seen.has(o)) throw new ValueError("Circular reference detected");
      if (o.length === 0) return "[]";
      seen.add(o);
      const parts = Array.from(o, (x) => enc(x, level + 1));
      seen.delete(o);
      return "[" + nl + parts.join(itemSep + nl) + nlEnd + "]";
    }
    if (o instanceof PyDict) {
      if (seen.has(o)) throw new ValueError("Circular reference detected");
      if (o.size === 0) return "{}";
      seen.add(o);
      let entries = [...o.entries()];
      if (sortKeys) {
        const idx = PyList.fromArray(entries);
        sortInPlace(idx, (e) => e[0], false);
        entries = [...idx];
      }
      const parts: string[] = [];
      for (const [key, v] of entries) {
        const ks = keyStr(key);
        if (ks === null) continue;
        parts.push(encodeStr(ks, asciiOnly) + keySep + enc(v, level + 1));
      }
      seen.delete(o);
      return "{" + nl + parts.join(itemSep + nl) + nlEnd + "}";
    }
    // An int or str subclass (IntEnum, StrEnum, `class S(str, Enum)` members) encodes as its value.
    const valueType = typeof o === "object" ? (o as Record<symbol, unknown>)[Symbol.for("tsyncio.valueType")] : undefined;
    if (valueType === "int" || valueType === "str") return enc((o as { _value_: unknown })._value_, level);
    if (dflt !== null) return enc(call(dflt, o), level);
    throw notSerializable(o);
  };
  return { enc, keyStr, indent, itemSep, keySep, sortKeys, seen, dflt };
}

/**
 * The pieces CPython's pure-Python encoder yields (what `JSONEncoder.iterencode` gives without
 * `_one_shot`, and json.dump writes one by one): a container's opening with the first item's
 * separator, each scalar item with the separator before it, a dict's key, key separator and
 * scalar value apart, nested containers in their own pieces.
 */
function* encodeChunks(obj: unknown, k: Record<string, unknown>): Generator<string> {
  const e = encoderFor(k);
  const isScalar = (v: unknown) => v === null || v === undefined || typeof v !== "object";
  function* chunks(o: unknown, level: number): Generator<string> {
    if (isScalar(o)) return yield e.enc(o, level);
    if (o instanceof PyList || o instanceof PyTuple) {
      if (o.length === 0) return yield "[]";
      if (e.seen.has(o)) throw new ValueError("Circular reference detected");
      e.seen.add(o);
      const nl = e.indent !== null ? "\n" + e.indent.repeat(level + 1) : "";
      let buf = "[" + nl;
      for (let i = 0; i < o.length; i++) {
        if (i > 0) buf = e.itemSep + nl;
        if (isScalar(o[i])) yield buf + e.enc(o[i], level + 1);
        else {
          yield buf;
          yield* chunks(o[i], level + 1);
        }
      }
      if (e.indent !== null) yield "\n" + e.indent.repeat(level);
      yield "]";
      e.seen.delete(o);
      return;
    }
    if (o instanceof PyDict) {
      if (o.size === 0) return yield "{}";
      if (e.seen.has(o)) throw new ValueError("Circular reference detected");
      e.seen.add(o);
      const nl = e.indent !== null ? "\n" + e.indent.repeat(level + 1) : "";
      yield "{";
      if (nl) yield nl;
      let entries = [...o.entries()];
      if (e.sortKeys) {
        const idx = PyList.fromArray(entries);
        sortInPlace(idx, (x) => x[0], false);
        entries = [...idx];
      }
      let first = true;
      for (const [key, v] of entries) {
        const ks = e.keyStr(key);
        if (ks === null) continue;
        if (!first) yield e.itemSep + nl;
        first = false;
        yield e.enc(ks, level + 1);
        yield e.keySep;
        if (isScalar(v)) yield e.enc(v, level + 1);
        else yield* chunks(v, level + 1);
      }
      if (e.indent !== null) yield "\n" + e.indent.repeat(level);
      yield "}";
      e.seen.delete(o);
      return;
    }
    // (an int or str subclass, or what `default` makes of another object: as one value)
    const valueType = (o as Record<symbol, unknown>)[Symbol.for("tsyncio.valueType")];
    if (valueType === "int" || valueType === "str" || e.dflt === null) return yield e.enc(o, level);
    yield* chunks(call(e.dflt, o), level);
  }
  yield* chunks(obj, 0);
}

// (CPython names `o.__class__.__name__`: Decimal, not decimal.Decimal)
const notSerializable = (o: unknown) => new TypeError(`Object of type ${typeShortName(o)} is not JSON serializable`);

/**
 * json.JSONEncoder: dumps' options on an object. A subclass overrides default() (called for what
 * JSON has no form for; this one raises TypeError) or encode(); dumps(cls=C) makes C with every
 * option and calls its encode().
 */
export class JSONEncoder {
  static __module__ = "json.encoder";
  skipkeys: unknown = false;
  ensure_ascii: unknown = true;
  check_circular: unknown = true;
  allow_nan: unknown = true;
  sort_keys: unknown = false;
  indent: unknown = null;
  item_separator = ", ";
  key_separator = ": ";
  constructor(...args: unknown[]) {
    init_from(this, new.target, JSONEncoder, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    if (args.length > 0) throw new TypeError(`JSONEncoder.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    for (const name of ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent"] as const) {
      if (k[name] !== undefined) this[name] = k[name];
    }
    if (k.separators !== undefined && k.separators !== null) {
      [this.item_separator, this.key_separator] = Array.from(toIterable(k.separators)) as [string, string];
    } else if (this.indent !== null) this.item_separator = ",";
    // (a `default` given is the instance's own, hiding the method)
    if (k.default !== undefined && k.default !== null) (this as { default: unknown }).default = k.default;
    return null;
  }
  default(o: unknown): unknown {
    throw notSerializable(o);
  }
  /** The text of `o`: a str's directly, else the pieces of `iterencode(o, _one_shot=True)` joined (a subclass may override either). */
  encode(o: unknown): string {
    if (typeof o === "string") return encodeStr(o, truthy(this.ensure_ascii));
    const own = (this as { iterencode?: unknown }).iterencode;
    if (own === JSONEncoder.prototype.iterencode) return encodeWith(o, this.options());
    return Array.from(toIterable(callm(this, "iterencode", o, true)) as Iterable<string>).join("");
  }
  /** The text in pieces as CPython's pure-Python encoder yields them (in one with `_one_shot` and no indent, as its C encoder). */
  iterencode(o: unknown, _one_shot: unknown = false): Iterable<unknown> {
    if (truthy(_one_shot) && this.indent === null) return PyList.fromArray([encodeWith(o, this.options())]);
    return encodeChunks(o, this.options());
  }
  private options(): Record<string, unknown> {
    return {
      skipkeys: this.skipkeys,
      ensure_ascii: this.ensure_ascii,
      allow_nan: this.allow_nan,
      sort_keys: this.sort_keys,
      indent: this.indent,
      separators: PyTuple.of(this.item_separator, this.key_separator),
      default: (x: unknown) => callm(this, "default", x),
    };
  }
}

/**
 * json.JSONDecoder(*, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
 * strict=True, object_pairs_hook=None): decode(s) the whole text, raw_decode(s, idx=0) the value
 * that starts at idx with where it ends.
 */
export class JSONDecoder {
  static __module__ = "json.decoder";
  object_hook: unknown = null;
  object_pairs_hook: unknown = null;
  parse_float: unknown = null;
  parse_int: unknown = null;
  parse_constant: unknown = null;
  strict: unknown = true;
  constructor(...args: unknown[]) {
    init_from(this, new.target, JSONDecoder, args);
  }
  __init__(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    if (args.length > 0) throw new TypeError(`JSONDecoder.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    for (const name of ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant", "strict"] as const) {
      if (k[name] !== undefined) this[name] = k[name];
    }
    return null;
  }
  private options(): DecodeOptions {
    return {
      object_hook: this.object_hook,
      object_pairs_hook: this.object_pairs_hook,
      parse_float: this.parse_float,
      parse_int: this.parse_int,
      parse_constant: this.parse_constant,
      strict: truthy(this.strict),
    };
  }
  decode(s: unknown): unknown {
    return decodeWhole(docText(s), this.options());
  }
  raw_decode(s: unknown, idx: unknown = 0n): PyTuple<unknown> {
    const doc = docText(s);
    const [v, end] = decodeAt(doc, Number(idx), this.options());
    return PyTuple.of(v, BigInt(end));
  }
}

export function dump(obj: unknown, fp: { write(s: string): unknown }, ...rest: unknown[]): null {
  // (an encoder class given: its iterencode's pieces, written one by one as CPython does)
  const k = rest.length > 0 && rest[rest.length - 1] instanceof KwArgs ? (rest[rest.length - 1] as KwArgs).kw : {};
  if (k.cls !== undefined && k.cls !== null && rest.length === 1) {
    const { cls, ...given } = k;
    const encoder = call(cls, new KwArgs({ ...ENCODER_DEFAULTS, ...given }));
    for (const chunk of toIterable(callm(encoder, "iterencode", obj))) callm(fp, "write", chunk);
    return null;
  }
  fp.write(dumps(obj, ...rest));
  return null;
}

/** A decoder's options (JSONDecoder's attributes, loads' keywords): hooks are null when not given. */
interface DecodeOptions {
  object_hook: unknown;
  object_pairs_hook: unknown;
  parse_float: unknown;
  parse_int: unknown;
  parse_constant: unknown;
  strict: boolean;
}
const hookOf = (x: unknown) => (x === undefined ? null : x);

/** The JSON value that starts at `start` (no whitespace skipped before it), and where it ends. */
/** JSON's one-letter escapes and what they stand for. */
const SHORT_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function decodeAt(doc: string, start: number, options: DecodeOptions): [unknown, number] {
  let i = start;
  const objectHook = options.object_hook;
  const pairsHook = options.object_pairs_hook;
  // parse_float=Decimal and the like: called with the number's text.
  const parseFloatHook = options.parse_float;
  const parseIntHook = options.parse_int;
  const parseConstant = options.parse_constant;
  // An object's pairs go to object_pairs_hook when there is one (it wins over object_hook).
  const made = (d: PyDict<string, unknown>, pairs: PyTuple<unknown>[]): unknown =>
    pairsHook !== null ? call(pairsHook, PyList.fromArray(pairs)) : objectHook !== null ? call(objectHook, d) : d;
  const ws = () => {
    i = skipSpace(doc, i);
  };
  const err = (msg: string, pos = i): never => {
    throw new JSONDecodeError(msg, doc, pos);
  };
  const parseString = (): string => {
    let out = "";
    const begin = i;
    i++;
    for (;;) {
      if (i >= doc.length) err("Unterminated string starting at", begin);
      const ch = doc[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === "\\") {
        const e = doc[i + 1];
        if (e === undefined) err("Unterminated string starting at", begin);
        if (e in SHORT_ESCAPES) {
          out += SHORT_ESCAPES[e];
          i += 2;
        } else if (e === "u") {
          const h = doc.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) err("Invalid \\uXXXX escape", i + 1);
          noteCodePoint(parseInt(h, 16));
          out += String.fromCharCode(parseInt(h, 16));
          i += 6;
        } else err("Invalid \\escape", i);
      } else if (ch < " " && options.strict) {
        err("Invalid control character at", i);
      } else {
        out += ch;
        i++;
      }
    }
  };
  const value = (): unknown => {
    ws();
    const ch = doc[i];
    if (ch === "{") {
      i++;
      const d = new PyDict<string, unknown>();
      const pairs: PyTuple<unknown>[] = [];
      ws();
      if (doc[i] === "}") {
        i++;
        return made(d, pairs);
      }
      for (;;) {
        ws();
        if (doc[i] !== '"') err("Expecting property name enclosed in double quotes");
        const key = parseString();
        ws();
        if (doc[i] !== ":") err("Expecting ':' delimiter");
        i++;
        const v = value();
        if (pairsHook !== null) pairs.push(PyTuple.of(key, v));
        else d.__setitem__(key, v);
        ws();
        if (doc[i] === ",") {
          i++;
          continue;
        }
        if (doc[i] === "}") {
          i++;
          return made(d, pairs);
        }
        err("Expecting ',' delimiter");
      }
    }
    if (ch === "[") {
      i++;
      const l = new PyList<unknown>();
      ws();
      if (doc[i] === "]") {
        i++;
        return l;
      }
      for (;;) {
        l.push(value());
        ws();
        if (doc[i] === ",") {
          i++;
          continue;
        }
        if (doc[i] === "]") {
          i++;
          return l;
        }
        err("Expecting ',' delimiter");
      }
    }
    if (ch === '"') return parseString();
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(doc.slice(i, i + 400));
    if (m && m[0] !== "-") {
      i += m[0].length;
      if (m[1] || m[2]) return parseFloatHook !== null ? call(parseFloatHook, m[0]) : parseFloat(m[0]);
      if (parseIntHook !== null) return call(parseIntHook, m[0]);
      checkDigitsToInt(m[0].length - (m[0][0] === "-" ? 1 : 0), 10);
      return BigInt(m[0]);
    }
    for (const [lit, v] of [
      ["null", null],
      ["true", true],
      ["false", false],
      ["NaN", NaN],
      ["Infinity", Infinity],
      ["-Infinity", -Infinity],
    ] as const) {
      if (doc.startsWith(lit, i)) {
        i += lit.length;
        return parseConstant !== null && typeof v === "number" ? call(parseConstant, lit) : v;
      }
    }
    return err("Expecting value");
  };
  // (a value must start right here: raw_decode does not skip whitespace)
  if (skipSpace(doc, i) !== i) err("Expecting value");
  const v = value();
  return [v, i];
}

function docText(s: unknown): string {
  if (typeof s === "string") return s;
  const d = bytesData(s);
  if (d !== null) return decodeBytes(d, "utf-8", "surrogatepass");
  throw new TypeError(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
}
/** Where JSON's whitespace (space, tab, newline, return) that starts at `i` ends. */
function skipSpace(doc: string, i: number): number {
  while (i < doc.length && " \t\n\r".includes(doc[i])) i++;
  return i;
}
function decodeWhole(doc: string, options: DecodeOptions): unknown {
  const [v, end] = decodeAt(doc, skipSpace(doc, 0), options);
  const after = skipSpace(doc, end);
  if (after < doc.length) throw new JSONDecodeError("Extra data", doc, after);
  return v;
}

/** loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None, **kw) */
export function loads(s: unknown, ...rest: unknown[]): unknown {
  const k = popKw(rest) ?? {};
  if (typeof s !== "string" && bytesData(s) === null) {
    throw new TypeError(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
  }
  if (k.cls !== undefined && k.cls !== null) {
    const { cls, ...options } = k;
    return callm(call(cls, new KwArgs(options)), "decode", typeof s === "string" ? s : docText(s));
  }
  return decodeWhole(docText(s), {
    object_hook: hookOf(k.object_hook),
    object_pairs_hook: hookOf(k.object_pairs_hook),
    parse_float: hookOf(k.parse_float),
    parse_int: hookOf(k.parse_int),
    parse_constant: hookOf(k.parse_constant),
    strict: truthy(k.strict ?? true),
  });
}

export function load(fp: { read(): unknown }, ...rest: unknown[]): unknown {
  return loads(fp.read(), ...rest);
}
void lt;
