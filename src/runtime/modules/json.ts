// json: dumps/loads with Python's formatting (ints stay ints, floats use Python's repr).
import { checkDigitsToInt, intToDecimal } from "../builtins/int-limit.js";
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { floatRepr } from "../builtins/repr.js";
import { call, toIterable, truthy, typeName, typeShortName, lt } from "../builtins/ops.js";
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

export function dumps(obj: unknown, ...rest: unknown[]): string {
  const k = popKw(rest) ?? {};
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
    // (CPython names `o.__class__.__name__`: Decimal, not decimal.Decimal)
    throw new TypeError(`Object of type ${typeShortName(o)} is not JSON serializable`);
  };
  return enc(obj, 0);
}

export function dump(obj: unknown, fp: { write(s: string): unknown }, ...rest: unknown[]): null {
  fp.write(dumps(obj, ...rest));
  return null;
}

export function loads(s: unknown, ...rest: unknown[]): unknown {
  const k = popKw(rest) ?? {};
  if (typeof s !== "string") {
    const d = bytesData(s);
    if (d !== null) s = decodeBytes(d, "utf-8", "surrogatepass");
    else throw new TypeError(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
  }
  const doc = s as string;
  let i = 0;
  const objectHook = k.object_hook ?? null;
  // parse_float=Decimal and the like: called with the number's text.
  const parseFloatHook = k.parse_float ?? null;
  const parseIntHook = k.parse_int ?? null;
  const parseConstant = k.parse_constant ?? null;
  const ws = () => {
    while (i < doc.length && " \t\n\r".includes(doc[i])) i++;
  };
  const err = (msg: string, pos = i): never => {
    throw new JSONDecodeError(msg, doc, pos);
  };
  const parseString = (): string => {
    let out = "";
    i++;
    for (;;) {
      if (i >= doc.length) err("Unterminated string starting at", i);
      const ch = doc[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === "\\") {
        const e = doc[i + 1];
        const map: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e in map) {
          out += map[e];
          i += 2;
        } else if (e === "u") {
          const h = doc.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) err("Invalid \\uXXXX escape", i + 1);
          noteCodePoint(parseInt(h, 16));
          out += String.fromCharCode(parseInt(h, 16));
          i += 6;
        } else err("Invalid \\escape", i);
      } else if (ch < " ") {
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
      ws();
      if (doc[i] === "}") {
        i++;
        return objectHook ? call(objectHook, d) : d;
      }
      for (;;) {
        ws();
        if (doc[i] !== '"') err("Expecting property name enclosed in double quotes");
        const key = parseString();
        ws();
        if (doc[i] !== ":") err("Expecting ':' delimiter");
        i++;
        d.__setitem__(key, value());
        ws();
        if (doc[i] === ",") {
          i++;
          continue;
        }
        if (doc[i] === "}") {
          i++;
          return objectHook ? call(objectHook, d) : d;
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
  const v = value();
  ws();
  if (i < doc.length) err("Extra data");
  return v;
}

export function load(fp: { read(): unknown }, ...rest: unknown[]): unknown {
  return loads(fp.read(), ...rest);
}
void lt;
