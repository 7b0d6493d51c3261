// Builtin functions and type objects under their Python names.
import { InstanceDict, attributeKeys, shadowedAttributes } from "./instance-dict.js";
import { hashFloat, hashInt, hashTuple } from "./numhash.js";
import { markUnsupported } from "../unsupported.js";
import { isJsOnly, JS_NAMES, mangledIn, markPythonClass, propName, pythonKeyOf, pythonName } from "./js-names.js";
import {
  UnicodeEncodeError,
  EOFError,
  OverflowError,
  StopIteration,
  SystemExit,
  TypeError,
  ValueError,
  BaseException,
  Exception,
  ExceptionGroup,
  isExceptionClass,
  NotImplementedError,
  RuntimeError,
} from "./exceptions.js";
import { ITER_DONE, PyList, PyTuple, PyDict, PyDictView, PySet, PySetBase, PyFrozenSet, PyRange, sortInPlace } from "./collections.js";
import { KwArgs, METACLASS, PyObject, initlessBases, popKw, addressOf, className, isCallableObject } from "./object.js";
import { DESCRIPTOR_KIND, ITEM_METHODS, ITERATOR_KIND, descriptorKind, hexAddress, iteratorKind } from "./names.js";
import { RefusesAbstract } from "./abstract-refusal.js";
import { in_mro, mro_of, multiple_inheritance_used, set_builtin_bases, set_super_object_methods } from "./mro.js";
import { repr as reprImpl, str as strConv, floatRepr, isClass } from "./repr.js";
import {
  truthy,
  eq,
  lt,
  gt,
  add,
  toIterable,
  iter as iterImpl,
  next as nextImpl,
  call,
  callable as callableImpl,
  index as toIndex,
  intToFloat,
  hashNum,
  identityHash,
  typeName,
  setPytype,
  getattr as getattrImpl,
  callm,
  PySlice,
  strLen,
  NotImplemented,
  Ellipsis,
  plainDelattr,
  set_object_members,
  sequenceGetitem,
  sequenceSetitem,
  sequenceDelitem,
} from "./ops.js";
import { strMethod, intMethod, floatMethod } from "./strmethods.js";
import { PyBytes, PyByteArray, bytesData, bytesOfSource, wrapBytes, copyBytes, isExactBytes } from "./bytes.js";
import { fromHex, makeTrans } from "./bytesmethods.js";
import { PyMemoryView, makeMemoryView } from "./memoryview.js";
import { decodeBytes, encodeString } from "./codecs.js";
import { intFromBytes } from "./intbytes.js";
import { StdBinaryWriter } from "./stdbinary.js";
import { format as formatImpl, scaledIntExport } from "./format.js";
import { host } from "../host.js";
import { TextIOWrapper, makeStdin } from "./stdin.js";
import { stdioCall } from "./stdio-errors.js";
import { checkDigitsToInt } from "./int-limit.js";
import { PackedArgs, takes_packed, unpacked } from "./star-call.js";
import { applyArgs } from "./keywords.js";
import { inheritIteratorMethods, iterateUnclosed, typeShortName, type PyIterator } from "./protocol.js";
import { noteCodePoint } from "./surrogates.js";
import { intFromNumber } from "./int-from-number.js";
import { BUILTIN_TYPE_DIRS } from "./builtin-dirs.js";

type AnyFn = (...args: any[]) => any;

export function builtin<T extends AnyFn>(f: T, name?: string): T {
  Object.defineProperty(f, "__builtin__", { value: true });
  if (name) Object.defineProperty(f, "__name__", { value: name });
  return f;
}

function typeObject<T extends AnyFn>(f: T, name: string, methods?: Record<string, AnyFn>): T {
  Object.defineProperty(f, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(f, "__qualname__", { value: name, writable: true, configurable: true });
  Object.defineProperty(f, "__module__", { value: "builtins", writable: true, configurable: true });
  Object.defineProperty(f, "__pytype__", { value: true });
  if (methods) {
    for (const k of Object.keys(methods)) {
      if (!Object.prototype.hasOwnProperty.call(f, k) || k === "name" || k === "length") {
        try {
          Object.defineProperty(f, k, { value: methods[k], writable: true, configurable: true });
        } catch {
          /* ignore */
        }
        if (!CLASS_LEVEL_METHODS.has(k)) describeMethod(methods[k], name, k);
        else describeClassLevelMethod(methods[k], f, name, k);
      }
    }
  }
  return f;
}

/** Methods of the builtin types that Python binds to the type itself (`dict.fromkeys`), not instance methods read from it. */
const CLASS_LEVEL_METHODS = new Set(["fromkeys", "maketrans", "fromhex", "from_bytes", "__new__", "__class_getitem__"]);

/** `list.append` read from its type: named and shown as CPython's method descriptor (`<method 'append' of 'list' objects>`). */
function describeMethod(fn: AnyFn, typeName: string, name: string): void {
  if (Object.prototype.hasOwnProperty.call(fn, "__pyrepr__") || !Object.isExtensible(fn)) return;
  const kind = name.startsWith("__") && name.endsWith("__") ? "slot wrapper" : "method";
  const text = kind === "method" ? `<method '${name}' of '${typeName}' objects>` : `<slot wrapper '${name}' of '${typeName}' objects>`;
  Object.defineProperty(fn, "__pyrepr__", { value: () => text, configurable: true });
  Object.defineProperty(fn, DESCRIPTOR_KIND, { value: kind === "method" ? "method_descriptor" : "wrapper_descriptor", configurable: true });
  for (const [key, value] of [
    ["__name__", name],
    ["__qualname__", `${typeName}.${name}`],
  ])
    if (!Object.prototype.hasOwnProperty.call(fn, key)) Object.defineProperty(fn, key, { value, writable: true, configurable: true });
}

/** `dict.fromkeys` read from its type: CPython's builtin method bound to the type (`<built-in method fromkeys of type object at 0x...>`). */
function describeClassLevelMethod(fn: AnyFn, type: Function, typeName: string, name: string): void {
  if (Object.prototype.hasOwnProperty.call(fn, "__pyrepr__") || !Object.isExtensible(fn)) return;
  Object.defineProperty(fn, "__pyrepr__", { value: () => `<built-in method ${name} of type object at ${hexAddress(type)}>`, configurable: true });
  Object.defineProperty(fn, DESCRIPTOR_KIND, { value: "builtin_function_or_method", configurable: true });
  for (const [key, value] of [
    ["__name__", name],
    ["__qualname__", `${typeName}.${name}`],
  ])
    if (!Object.prototype.hasOwnProperty.call(fn, key)) Object.defineProperty(fn, key, { value, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// print and the standard streams

export class StdStream {
  constructor(
    readonly fd: 1 | 2,
    readonly name: string,
  ) {}
  /** close() was called: the stream refuses writes (its descriptor stays open, as CPython's). */
  private _closed = false;
  checkOpen(): void {
    if (this._closed) throw new ValueError("I/O operation on closed file.");
  }
  write(s: unknown): bigint {
    this.checkOpen();
    if (typeof s !== "string") throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    const text = encodable(this.fd, s, [0]);
    stdioCall(() => host.write(this.fd, text));
    return BigInt(strLen(s));
  }
  writelines(lines: unknown): null {
    for (const l of toIterable(lines)) this.write(l);
    return null;
  }
  flush(): null {
    this.checkOpen();
    // (stderr is written at once: its flush leaves stdout's buffer alone, as CPython's does)
    if (this.fd === 1) stdioCall(() => host.flush());
    return null;
  }
  close(): null {
    if (this._closed) return null;
    this.flush();
    this._closed = true;
    return null;
  }
  fileno(): bigint {
    // (the raw file's message, without the full stop)
    if (this._closed) throw new ValueError("I/O operation on closed file");
    return BigInt(this.fd);
  }
  isatty(): boolean {
    return host.isatty?.(this.fd) ?? false;
  }
  readable(): boolean {
    return false;
  }
  writable(): boolean {
    return true;
  }
  get encoding(): string {
    return "utf-8";
  }
  get closed(): boolean {
    return this._closed;
  }
  private _buffer?: StdBinaryWriter;
  /** The binary stream under the text one (sys.stdout.buffer.write(b"...")). */
  get buffer(): StdBinaryWriter {
    return (this._buffer ??= new StdBinaryWriter(this.fd, this.name));
  }
  __repr__(): string {
    return `<_io.TextIOWrapper name='${this.name}' mode='w' encoding='utf-8'>`;
  }
  static __tp_name__ = "_io.TextIOWrapper";
  static __name__ = "TextIOWrapper";
  static __qualname__ = "TextIOWrapper";
  static __module__ = "_io";
}

// A str may hold lone surrogates, which UTF-8 cannot: stdout is strict (UnicodeEncodeError, after
// the pieces before the one that holds it are written), stderr writes them as \udXXX (CPython's
// streams use errors='strict' and 'backslashreplace').
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` as the stream can take it; `starts`: where the pieces that CPython writes one by one start. */
function encodable(fd: 1 | 2, text: string, starts: number[]): string {
  if (!SURROGATE.test(text)) return text;
  LONE_SURROGATE.lastIndex = 0;
  const m = LONE_SURROGATE.exec(text);
  if (m === null) return text;
  if (fd === 2) return text.replace(LONE_SURROGATE, (c) => "\\u" + c.charCodeAt(0).toString(16));
  let piece = 0;
  while (piece + 1 < starts.length && starts[piece + 1] <= m.index) piece++;
  const from = starts[piece];
  const to = piece + 1 < starts.length ? starts[piece + 1] : text.length;
  if (from > 0) stdioCall(() => host.write(fd, text.slice(0, from)));
  const position = strLen(text.slice(from, m.index));
  throw new UnicodeEncodeError("utf-8", text.slice(from, to), BigInt(position), BigInt(position + 1), "surrogates not allowed");
}

/** The current sys.stdout / sys.stderr (the sys module reads and writes these). */
// (excepthook: a program's `sys.excepthook`, which the report of an uncaught exception calls; run.ts)
export const stdio: { stdout: any; stderr: any; stdin: any; __stdout__: StdStream; __stderr__: StdStream; excepthook?: unknown } = {
  stdout: new StdStream(1, "<stdout>"),
  stderr: new StdStream(2, "<stderr>"),
  stdin: makeStdin(),
  __stdout__: null as unknown as StdStream,
  __stderr__: null as unknown as StdStream,
};
stdio.__stdout__ = stdio.stdout;
stdio.__stderr__ = stdio.stderr;

export const print = takes_packed(
  builtin(function print(...args: unknown[]): null {
    args = unpacked(args);
    const k = popKw(args);
    let sep = " ";
    let end = "\n";
    let file: any = null;
    let flush = false;
    if (k !== null) {
      if (k.sep != null) {
        if (typeof k.sep !== "string") throw new TypeError(`sep must be None or a string, not ${typeName(k.sep)}`);
        sep = k.sep;
      }
      if (k.end != null) {
        if (typeof k.end !== "string") throw new TypeError(`end must be None or a string, not ${typeName(k.end)}`);
        end = k.end;
      }
      if (k.file != null) file = k.file;
      if (k.flush !== undefined) flush = truthy(k.flush);
    }
    if (file === null) file = stdio.stdout;
    // (sys.stdout is None: print does nothing)
    if (file === null || file === undefined) return null;
    if (!(file instanceof StdStream)) {
      // Any other file gets each piece as CPython writes it: str(arg), sep, ..., end, one write() each.
      const w = (file as { write?: unknown }).write;
      if (typeof w !== "function") throw new AttributeError_(`'${typeName(file)}' object has no attribute 'write'`);
      for (let i = 0; i < args.length; i++) {
        if (i > 0) w.call(file, sep);
        const a = args[i];
        w.call(file, typeof a === "string" ? a : strConv(a));
      }
      w.call(file, end);
      // (a file without flush() raises CPython's AttributeError, after the writes)
      if (flush) callm(file, "flush");
      return null;
    }
    file.checkOpen();
    let text: string;
    // Where each piece (an argument, a sep, the end) starts: CPython writes them one by one.
    const starts: number[] = [0];
    const n = args.length;
    if (n === 1) {
      const a = args[0];
      text = typeof a === "string" ? a : strConv(a);
      starts.push(text.length);
      text += end;
    } else {
      text = "";
      for (let i = 0; i < n; i++) {
        if (i > 0) {
          text += sep;
          starts.push(text.length);
        }
        const a = args[i];
        text += typeof a === "string" ? a : strConv(a);
        starts.push(text.length);
      }
      text += end;
    }
    {
      const plain = text;
      text = encodable(file.fd, text, starts);
      const fd = file.fd;
      // A block-buffered stdout flushes its chunk between two of CPython's piece writes, which
      // decides where a child's output lands: write the pieces one by one there.
      if (fd === 1 && starts.length > 1 && text === plain && host.stdoutBlockBuffered === true) {
        const pieces = text;
        stdioCall(() => {
          for (let i = 0; i < starts.length; i++) {
            const piece = pieces.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : pieces.length);
            if (piece !== "") host.write(fd, piece);
          }
        });
      } else stdioCall(() => host.write(fd, text));
      if (flush && fd === 1) stdioCall(() => host.flush());
    }
    return null;
  }),
);

import { AttributeError as AttributeError_ } from "./exceptions.js";

/** input(): a line of sys.stdin (whatever object it is now) without its newline; EOFError at its end. */
export const input = builtin(function input(prompt: unknown = ""): string {
  const stdin = stdio.stdin;
  if (stdin === null || stdin === undefined) throw new RuntimeError("input(): lost sys.stdin");
  if (prompt !== null && prompt !== undefined && prompt !== "") {
    stdio.stdout.write(strConv(prompt));
  }
  stdioCall(() => host.flush());
  const line: unknown = stdin instanceof TextIOWrapper ? stdin.readline() : call(getattrImpl(stdin, "readline"));
  if (typeof line !== "string") throw new TypeError(`object.readline() returned non-string`);
  if (line === "") throw new EOFError("EOF when reading a line");
  return line.endsWith("\n") ? line.slice(0, -1) : line;
});

// ---------------------------------------------------------------------------------------------
// type objects

export const NoneType = typeObject(function NoneType(): null {
  return null;
}, "NoneType");

export const str = typeObject(
  function str(...args: unknown[]): string {
    // str() is "", but str(None) is "None" even when None arrives as undefined.
    if (args.length === 0) return "";
    const kw = args.length > 1 ? popKw(args) : null;
    const x = args[0];
    if (kw !== null || args.length > 1) {
      // (a call through a variable or a subclass's __new__: the compiler checked none of these)
      if (args.length > 3) throw new TypeError(`str() takes at most 3 arguments (${args.length} given)`);
      const encoding = kw?.encoding ?? args[1];
      const errors = kw?.errors ?? args[2];
      if (encoding !== undefined && typeof encoding !== "string") throw new TypeError(`str() argument 'encoding' must be str, not ${typeName(encoding)}`);
      if (errors !== undefined && typeof errors !== "string") throw new TypeError(`str() argument 'errors' must be str, not ${typeName(errors)}`);
      const d = bytesData(x);
      if (d === null) throw new TypeError(`decoding to str: need a bytes-like object, ${typeName(x)} found`);
      return decodeBytes(d, encoding ?? "utf-8", errors ?? "strict", x);
    }
    if (x instanceof KwArgs) return "";
    return strConv(x);
  },
  "str",
  strMethodTable(),
);

function strMethodTable(): Record<string, AnyFn> {
  const names = [
    "upper",
    "lower",
    "casefold",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "join",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "format",
    "format_map",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "title",
    "capitalize",
    "swapcase",
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "istitle",
    "isascii",
    "isidentifier",
    "isprintable",
    "partition",
    "rpartition",
    "splitlines",
    "encode",
    "removeprefix",
    "removesuffix",
    "expandtabs",
    "translate",
  ];
  const t: Record<string, AnyFn> = {};
  for (const n of names) {
    const m = strMethod(n)!;
    t[n] = takes_packed((self: unknown, ...a: unknown[]) => {
      if (typeof self !== "string") {
        throw new TypeError(`descriptor '${n}' for 'str' objects doesn't apply to a '${typeName(self)}' object`);
      }
      return a.length === 1 && a[0] instanceof PackedArgs ? applyArgs(m, undefined, [self, ...a[0].items]) : m(self, ...a);
    }, 1);
  }
  t.maketrans = (...args: unknown[]) => strMethod("maketrans")!("", ...args);
  return t;
}

const INT_RE = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|\d(?:_?\d)*)$/;
const WS_TRIM = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;

function parseIntStr(s: string, base: number, orig: unknown): bigint {
  const bad = () => new ValueError(`invalid literal for int() with base ${base}: ${reprImpl(orig)}`);
  let t = s.replace(WS_TRIM, "");
  // (other Unicode decimal digits count as their ASCII digit in every base, as CPython's int() reads them)
  if (/[^\x00-\x7f]/.test(t)) t = Array.from(t, (ch) => (unicodeDigit(ch) >= 0 ? String(unicodeDigit(ch)) : ch)).join("");
  let neg = false;
  if (t[0] === "+" || t[0] === "-") {
    neg = t[0] === "-";
    t = t.slice(1);
  }
  let b = base;
  if (b === 0) {
    if (!INT_RE.test(t)) throw bad();
    if (/^0[xX]/.test(t)) b = 16;
    else if (/^0[oO]/.test(t)) b = 8;
    else if (/^0[bB]/.test(t)) b = 2;
    else {
      b = 10;
      if (/^0+[1-9]/.test(t.replace(/_/g, ""))) throw bad();
    }
    // (one underscore may follow the prefix: 0x_1f)
    if (b !== 10) t = t.slice(t[2] === "_" ? 3 : 2);
  } else if ((b === 16 && /^0[xX]/.test(t)) || (b === 8 && /^0[oO]/.test(t)) || (b === 2 && /^0[bB]/.test(t))) {
    t = t.slice(2);
    if (t.startsWith("_")) t = t.slice(1);
  }
  if (t === "" || t.startsWith("_") || t.endsWith("_") || t.includes("__")) throw bad();
  t = t.replace(/_/g, "");
  let v = 0n;
  const B = BigInt(b);
  if (b === 10) {
    if (!/^\d+$/.test(t)) {
      // other Unicode decimal digits
      let u = "";
      for (const ch of t) {
        const d = unicodeDigit(ch);
        if (d < 0) throw bad();
        u += d;
      }
      t = u;
    }
    checkDigitsToInt(t.length, b);
    v = BigInt(t);
  } else {
    const lower = t.toLowerCase();
    for (const ch of lower) {
      const c = ch.charCodeAt(0);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 99;
      if (d >= b) throw bad();
    }
    checkDigitsToInt(lower.length, b);
    for (const ch of lower) {
      const c = ch.charCodeAt(0);
      v = v * B + BigInt(c >= 48 && c <= 57 ? c - 48 : c - 87);
    }
  }
  return neg ? -v : v;
}

/** int() of bytes-like data: its error shows the data as bytes, whatever held it (CPython copies it). */
function parseBytesInt(d: Uint8Array, base: number): bigint {
  return parseIntStr(decodeBytes(d, "latin-1"), base, copyBytes(d));
}

/** A decimal digit of any script as its ASCII digit; any other character as it is. */
function asciiDigit(ch: string): string {
  if (ch.charCodeAt(0) < 128) return ch;
  const d = unicodeDigit(ch);
  return d < 0 ? ch : String(d);
}

function unicodeDigit(ch: string): number {
  if (!/^\p{Nd}$/u.test(ch)) return -1;
  const cp = ch.codePointAt(0)!;
  // decimal digit blocks are contiguous runs of 10 starting at a code point ending in 0 or 6
  for (let z = cp; z > cp - 10; z--) {
    if (!/^\p{Nd}$/u.test(String.fromCodePoint(z - 1))) return cp - z;
  }
  return (cp - 0x30) % 10;
}

export const int = typeObject(
  function int(x: unknown = 0n, base?: unknown): bigint {
    if (base !== undefined && !(base instanceof KwArgs)) {
      const b = Number(toIndex(base));
      if (b !== 0 && (b < 2 || b > 36)) throw new ValueError("int() base must be >= 2 and <= 36, or 0");
      if (typeof x === "string") return parseIntStr(x, b, x);
      // bytes and bytearray take a base too (int(b"ff", 16)); memoryview and others do not
      if (x instanceof PyBytes || x instanceof PyByteArray) return parseBytesInt(bytesData(x)!, b);
      throw new TypeError("int() can't convert non-string with explicit base");
    }
    if (base instanceof KwArgs && base.kw.base !== undefined) return int(x, base.kw.base);
    switch (typeof x) {
      case "bigint":
        return x;
      case "boolean":
        return x ? 1n : 0n;
      case "number":
        if (x !== x) throw new ValueError("cannot convert float NaN to integer");
        if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
        return BigInt(Math.trunc(x));
      case "string":
        return parseIntStr(x, 10, x);
    }
    if (x !== null && (typeof x === "object" || isCallableObject(x))) {
      for (const m of ["__int__", "__index__", "__trunc__"]) {
        const f = (x as Record<string, unknown>)[m];
        if (typeof f === "function") return f.call(x) as bigint;
      }
      const d = bytesData(x);
      if (d !== null) return parseBytesInt(d, 10);
    }
    throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
  },
  "int",
  {
    ...Object.fromEntries(["bit_length", "bit_count", "as_integer_ratio", "is_integer", "conjugate", "to_bytes"].map((n) => [n, intMethod(n)!])),
    from_bytes: intFromBytes,
  },
);

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?)$/;

function parseFloatStr(s: string, orig: unknown): number {
  let t = s.replace(WS_TRIM, "");
  // Decimal digits of any script count as their ASCII digits, as for int() ('١.٥' is 1.5).
  if (/[^\x00-\x7f]/.test(t)) t = Array.from(t, asciiDigit).join("");
  const low = t.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(low);
  if (m) return m[2] === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
  if (!FLOAT_RE.test(t)) throw new ValueError(`could not convert string to float: ${reprImpl(orig)}`);
  return parseFloat(t.replace(/_/g, ""));
}

export const float = typeObject(
  function float(x: unknown = 0.0): number {
    switch (typeof x) {
      case "number":
        return x;
      case "bigint":
        return intToFloat(x);
      case "boolean":
        return x ? 1 : 0;
      case "string":
        return parseFloatStr(x, x);
    }
    if (x !== null && (typeof x === "object" || isCallableObject(x))) {
      const f = (x as { __float__?: () => number }).__float__;
      if (typeof f === "function") return f.call(x);
      const i = (x as { __index__?: () => bigint }).__index__;
      if (typeof i === "function") return intToFloat(i.call(x));
      // bytes, bytearray, memoryview: their ASCII text, named by its repr in the error.
      const d = bytesData(x);
      if (d !== null) {
        let text = "";
        for (let k = 0; k < d.length; k++) text += String.fromCharCode(d[k]);
        return parseFloatStr(text, x);
      }
    }
    throw new TypeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
  },
  "float",
  {
    ...Object.fromEntries(["is_integer", "as_integer_ratio", "hex", "conjugate"].map((n) => [n, floatMethod(n)!])),
    fromhex(...args: unknown[]) {
      if (args.length !== 1) throw new TypeError(`float.fromhex() takes exactly one argument (${args.length} given)`);
      return floatFromHex(args[0]);
    },
  },
);

const HEX_FLOAT = /^[ \t\n\v\f\r]*([+-]?)(?:(inf(?:inity)?|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?)[ \t\n\v\f\r]*$/i;

/** float.fromhex: `[sign] [0x] digits [. digits] [p exponent]` or inf/nan, rounded once (half to
 *  even, into subnormals) from the exact value, as CPython does. */
function floatFromHex(s: unknown): number {
  if (typeof s !== "string") throw new TypeError("bad argument type for built-in operation");
  const m = HEX_FLOAT.exec(s);
  const whole = m?.[3] ?? "";
  const fraction = m?.[4] ?? "";
  if (!m || (!m[2] && whole === "" && fraction === "")) throw new ValueError("invalid hexadecimal floating-point string");
  const sign = m[1] === "-" ? -1 : 1;
  if (m[2]) return m[2].length === 3 && m[2].toLowerCase() === "nan" ? NaN : sign * Infinity;
  const digits = BigInt("0x" + (whole + fraction || "0"));
  if (digits === 0n) return sign * 0;
  // value = digits * 2**low, kept to 53 bits and no finer than 2**-1074
  const low = BigInt(m[5] ?? "0") - 4n * BigInt(fraction.length);
  const top = BigInt(digits.toString(2).length - 1) + low;
  if (top > 1024n) throw new OverflowError("hexadecimal value too large to represent as a float");
  if (top < -1076n) return sign * 0;
  const keep = top - 52n > -1074n ? top - 52n : -1074n;
  let mantissa: bigint;
  if (keep <= low) mantissa = digits << (low - keep);
  else {
    const shift = keep - low;
    mantissa = digits >> shift;
    const rest = digits & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (mantissa & 1n) === 1n)) mantissa += 1n;
  }
  const value = Number(mantissa) * Math.pow(2, Number(keep));
  if (value === Infinity) throw new OverflowError("hexadecimal value too large to represent as a float");
  return sign * value;
}

export const bool = typeObject(function bool(x: unknown = false): boolean {
  return truthy(x);
}, "bool");
set_builtin_bases(bool, int);

/** The comparison and arithmetic slots of list and tuple read from the type (`tuple.__hash__` as a
 *  default argument, `tuple.__add__(self, other)` in a subclass): each checks that `self` is one. */
function checkedSequenceSlots(proto: object, cls: Function, owner: string, names: string[]): Record<string, (self: any, ...a: any[]) => unknown> {
  return Object.fromEntries(
    names.map((n) => [
      n,
      (self: any, ...a: any[]) => {
        if (!(self instanceof cls)) throw new TypeError(`descriptor '${n}' requires a '${owner}' object but received a '${typeName(self)}'`);
        return (proto as any)[n].apply(self, a);
      },
    ]),
  );
}
const SEQUENCE_SLOTS = ["__add__", "__mul__", "__rmul__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];

export const list = typeObject(
  function list(it?: unknown): PyList<any> {
    if (it === undefined) return new PyList();
    return PyList.fromIterable(it);
  },
  "list",
  {
    ...unboundMethods(PyList.prototype, [
      ...["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear"],
      ...["__iter__", "__len__", "__contains__", "__repr__"],
    ]),
    ...checkedSequenceSlots(PyList.prototype, PyList, "list", SEQUENCE_SLOTS),
    // (the list's own items, whatever a subclass overrides: `list.__getitem__(self, i)` in its __getitem__)
    __getitem__: (self: any, key: unknown) => sequenceGetitem(self, key),
    __setitem__: (self: any, key: unknown, value: unknown) => (sequenceSetitem(self, key, value), null),
    __delitem__: (self: any, key: unknown) => (sequenceDelitem(self, key), null),
  },
);

export const tuple = typeObject(
  function tuple(it?: unknown): PyTuple<any> {
    if (it === undefined) return PyTuple.of();
    return PyTuple.fromIterable(it);
  },
  "tuple",
  {
    ...unboundMethods(PyTuple.prototype, ["index", "count", "__iter__", "__len__", "__contains__", "__repr__"]),
    ...checkedSequenceSlots(PyTuple.prototype, PyTuple, "tuple", SEQUENCE_SLOTS),
    // (the tuple's own hash, whatever a subclass's __hash__ says: it may call this one)
    __hash__: (self: any) => {
      if (!(self instanceof PyTuple)) throw new TypeError(`descriptor '__hash__' requires a 'tuple' object but received a '${typeName(self)}'`);
      return hashTuple(self, pyHash);
    },
    __getitem__: (self: any, key: unknown) => sequenceGetitem(self, key),
  },
);

/** A builtin type's methods read from the type (`list.__iter__(self)`): each applies the prototype's to `self`. */
function unboundMethods(proto: object, names: string[]): Record<string, (self: any, ...a: any[]) => unknown> {
  return Object.fromEntries(names.map((n) => [n, (self: any, ...a: any[]) => (proto as any)[n].apply(self, a)]));
}

export const dict = typeObject(
  function dict(src?: unknown, kwa?: unknown): PyDict<any, any> {
    // (naming KwArgs here also tells keyword calls through an attribute, `self.factory(a=1)`, to pass
    // the keywords whole rather than bind them to these parameter names: keywords.ts)
    if (kwa !== undefined && !(kwa instanceof KwArgs)) throw new TypeError(`dict expected at most 1 argument, got ${arguments.length}`);
    return new PyDict(src as any, kwa);
  },
  "dict",
  {
    fromkeys: (it: unknown, v: unknown = null) => PyDict.fromkeys(it, v),
    ...Object.fromEntries(
      [
        ...["get", "setdefault", "pop", "popitem", "update", "copy", "clear", "keys", "values", "items"],
        ...["__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__"],
      ].map((n) => [n, (self: any, ...a: any[]) => (PyDict.prototype as any)[n].apply(self, a)]),
    ),
  },
);

export const set = typeObject(function set(it?: unknown): PySet<any> {
  return new PySet(it);
}, "set");

export const frozenset = typeObject(function frozenset(it?: unknown): PyFrozenSet<any> {
  if (it instanceof PyFrozenSet && it.constructor === PyFrozenSet) return it;
  return new PyFrozenSet(it);
}, "frozenset");

// `list.__hash__ is None` (and dict's, set's), as CPython's unhashable types say; frozenset's
// hashes a frozenset (cachetools-style `hash=frozenset.__hash__` defaults).
for (const t of [list, dict, set]) Object.defineProperty(t, "__hash__", { value: null, writable: true, configurable: true });
Object.defineProperty(frozenset, "__hash__", {
  value: checkedSequenceSlots(PyFrozenSet.prototype, PyFrozenSet, "frozenset", ["__hash__"]).__hash__,
  writable: true,
  configurable: true,
});

export const range = typeObject(function range(a: unknown, b?: unknown, c?: unknown): PyRange {
  if (a === undefined) throw new TypeError("range expected at least 1 argument, got 0");
  if (b === undefined) return new PyRange(0n, toIndex(a), 1n);
  return new PyRange(toIndex(a), toIndex(b), c === undefined ? 1n : toIndex(c));
}, "range");

export const slice = typeObject(function slice(a: unknown, b?: unknown, c?: unknown): PySlice {
  if (b === undefined) return new PySlice(null, a, null);
  return new PySlice(a, b, c ?? null);
}, "slice");

/** The bytes of bytes(...) / bytearray(...) arguments: (source), (str, encoding[, errors]) or nothing. */
function bytesArgs(args: unknown[], typeWord: "bytes" | "bytearray"): Uint8Array {
  const kw = popKw(args) ?? {};
  const [x, encoding, errors] = ["source" in kw ? kw.source : args[0], "encoding" in kw ? kw.encoding : args[1], "errors" in kw ? kw.errors : args[2]];
  if (typeof x === "string") {
    if (encoding === undefined) throw new TypeError("string argument without an encoding");
    return encodeString(x, encoding, errors ?? "strict");
  }
  if (encoding !== undefined) throw new TypeError("encoding without a string argument");
  if (errors !== undefined) throw new TypeError("errors without a string argument");
  return bytesOfSource(x, typeWord);
}

export const bytes = typeObject(
  function bytes(...args: unknown[]): PyBytes {
    // `class Token(bytes)`: a new bytes object whose class is the subclass
    if (new.target !== undefined && new.target !== bytes) return Object.setPrototypeOf(copyBytes(bytesArgs(args, "bytes")), new.target.prototype);
    if (args.length === 1 && args[0] instanceof PyBytes && args[0].constructor === PyBytes) return args[0];
    return wrapBytes(bytesArgs(args, "bytes"));
  },
  "bytes",
  { fromhex: (s: unknown) => wrapBytes(fromHex(s)), maketrans: (a: unknown, b: unknown) => wrapBytes(makeTrans(a, b)) },
) as ((...args: unknown[]) => PyBytes) & { new (...args: unknown[]): PyBytes; fromhex(s: unknown): PyBytes; maketrans(a: unknown, b: unknown): PyBytes };

export const bytearray = typeObject(
  function bytearray(...args: unknown[]): PyByteArray {
    const b = new PyByteArray(bytesArgs(args, "bytearray"));
    return new.target !== undefined && new.target !== bytearray ? Object.setPrototypeOf(b, new.target.prototype) : b;
  },
  "bytearray",
  { fromhex: (s: unknown) => new PyByteArray(fromHex(s)), maketrans: (a: unknown, b: unknown) => wrapBytes(makeTrans(a, b)) },
) as ((...args: unknown[]) => PyByteArray) & {
  new (...args: unknown[]): PyByteArray;
  fromhex(s: unknown): PyByteArray;
  maketrans(a: unknown, b: unknown): PyBytes;
};

// Subclasses of bytes and bytearray inherit the runtime classes' methods.
bytes.prototype = PyBytes.prototype;
bytearray.prototype = PyByteArray.prototype;

export const memoryview = typeObject(function memoryview(obj: unknown): PyMemoryView {
  return makeMemoryView(obj);
}, "memoryview");

export const FunctionType = typeObject(function FunctionType(): never {
  throw new TypeError("cannot create 'function' instances");
}, "function");
/** `types.MethodType`: a function bound to an object (`type(obj.method)`); called, it binds one. */
export const MethodType = typeObject(function method(fn: unknown, self: unknown): Function {
  if (typeof fn !== "function") throw new TypeError("first argument must be callable");
  if (self === null || self === undefined) throw new TypeError("instance must not be None");
  // (a function read by Python code takes the object as its first argument, a method's view too)
  const bound = (...args: unknown[]) => call(fn, self, ...args);
  Object.defineProperty(bound, "__self__", { value: self });
  Object.defineProperty(bound, "__func__", { value: fn });
  Object.defineProperty(bound, "name", { value: `bound ${(fn as { __name__?: string }).__name__ ?? fn.name}` });
  return bound;
}, "method");

/** A method bound by getattr (bindMethod): `__func__` and `__self__` of its own. */
function isBoundMethod(x: Function): boolean {
  return Object.prototype.hasOwnProperty.call(x, "__func__") && Object.prototype.hasOwnProperty.call(x, "__self__");
}

/** A bound method of a builtin value (`[].append`, `"a".upper`): CPython's builtin_function_or_method. */
function boundToBuiltin(x: Function): boolean {
  const self = (x as { __self__?: unknown }).__self__;
  if (self === null || (typeof self !== "object" && typeof self !== "function")) return true;
  return RUNTIME_TYPES.has((self as { constructor?: unknown }).constructor) || Boolean((x as { __func__?: { __builtin__?: boolean } }).__func__?.__builtin__);
}

export const BuiltinFunctionType = typeObject(function builtin_function_or_method(): never {
  throw new TypeError("cannot create 'builtin_function_or_method' instances");
}, "builtin_function_or_method");
export const GeneratorType = typeObject(function generator(): never {
  throw new TypeError("cannot create 'generator' instances");
}, "generator");
export const ModuleType = typeObject(function module(): never {
  throw new TypeError("cannot create 'module' instances");
}, "module");

/** The builtin types that have no class in the runtime (list_iterator, dict_keys...): one object per name. */
const builtinTypes = new Map<string, Function>();
function builtinType(name: string): Function {
  let t = builtinTypes.get(name);
  if (t === undefined) {
    t = typeObject(function (): never {
      throw new TypeError(`cannot create '${name}' instances`);
    }, name);
    builtinTypes.set(name, t);
  }
  return t;
}

const RUNTIME_TYPES = new Map<unknown, unknown>([
  [PyList, list],
  [PyTuple, tuple],
  [PyDict, dict],
  [PySet, set],
  [PyFrozenSet, frozenset],
  [PyRange, range],
  [PySlice, slice],
  [PyBytes, bytes],
  [PyByteArray, bytearray],
  [PyMemoryView, memoryview],
  [PyObject, PyObject],
]);

function pytypeOf(x: unknown): unknown {
  switch (typeof x) {
    case "string":
      return str;
    case "bigint":
      return int;
    case "number":
      return float;
    case "boolean":
      return bool;
    case "undefined":
      return NoneType;
    case "function":
      if (isCallableObject(x)) return (x as { constructor: unknown }).constructor;
      if (isClass(x)) return (x as { [METACLASS]?: unknown })[METACLASS] ?? type;
      if (isBoundMethod(x as Function)) return boundToBuiltin(x as Function) ? BuiltinFunctionType : MethodType;
      const descriptor = descriptorKind(x as Function);
      if (descriptor !== undefined) return builtinType(descriptor);
      return (x as { __builtin__?: boolean }).__builtin__ ? BuiltinFunctionType : FunctionType;
    case "object": {
      if (x === null) return NoneType;
      const c = (x as { constructor?: unknown }).constructor;
      const t = RUNTIME_TYPES.get(c);
      if (t !== undefined) return t;
      if (x instanceof PyDictView) return builtinType(typeName(x));
      if (typeof c === "function" && c !== Object) return c;
      const kind = iteratorKind(x);
      if (kind !== undefined) return builtinType(kind);
      if (typeName(x) === "generator") return GeneratorType;
      if (typeName(x) === "module") return ModuleType;
      return PyObject;
    }
  }
  return PyObject;
}
setPytype(pytypeOf);

/** type(x), or type(name, bases, dict) to make a class (`any` to TS: a class, passed where a program's `type[X]` is expected). */
export const type = typeObject(function type(x: unknown, bases?: unknown, ns?: unknown): any {
  if (bases === undefined) return pytypeOf(x);
  const base = (bases instanceof Array && bases.length > 0 ? bases[0] : PyObject) as new (...a: unknown[]) => object;
  const C = class extends base {};
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "name", { value: String(x) });
  // (its own names: a base made by a class statement has __name__/__qualname__ of its own)
  for (const key of ["__name__", "__qualname__"]) Object.defineProperty(C, key, { value: String(x), writable: true, configurable: true });
  if (ns instanceof PyDict) {
    for (const [k, v] of ns.entries()) {
      (C.prototype as Record<string, unknown>)[k as string] = v;
      // Class attributes are read from the class itself (`C.x`), methods from the prototype.
      if (typeof v !== "function") Object.defineProperty(C, k as string, { value: v, writable: true, configurable: true, enumerable: true });
    }
  }
  return C;
}, "type");

export const object = PyObject;

// ---------------------------------------------------------------------------------------------
// isinstance / issubclass

/** Objects standing for an int or str subclass (IntEnum/IntFlag/StrEnum members) name it under this key. */
const VALUE_TYPE = Symbol.for("tsyncio.valueType");
const valueType = (x: unknown): unknown => (x !== null && typeof x === "object" ? (x as Record<symbol, unknown>)[VALUE_TYPE] : undefined);

function isinstance1(x: unknown, cls: unknown): boolean {
  switch (cls) {
    case int:
      return typeof x === "bigint" || typeof x === "boolean" || valueType(x) === "int";
    case float:
      return typeof x === "number" || valueType(x) === "float";
    case str:
      return typeof x === "string" || valueType(x) === "str";
    case bool:
      return typeof x === "boolean";
    case list:
      return x instanceof PyList;
    case tuple:
      return x instanceof PyTuple;
    case dict:
      return x instanceof PyDict;
    case set:
      return x instanceof PySet;
    case frozenset:
      return x instanceof PyFrozenSet;
    case range:
      return x instanceof PyRange;
    case NoneType:
      return x === null || x === undefined;
    case PyObject:
      return true;
    case type:
      return typeof x === "function" && isClass(x);
    case slice:
      return x instanceof PySlice;
    // (the iterators these builtin types make)
    case map:
      return x instanceof MapIterator;
    case filter:
      return x instanceof FilterIterator;
    case zip:
      return x instanceof ZipIterator;
    case enumerate:
      return x instanceof EnumerateIterator;
    case reversed:
      return x instanceof ReversedIterator;
    case bytes:
      return x instanceof PyBytes;
    case bytearray:
      return x instanceof PyByteArray;
    case memoryview:
      return x instanceof PyMemoryView;
    case FunctionType:
      return typeof x === "function" && !isClass(x) && pytypeOf(x) === FunctionType;
    case MethodType:
      return typeof x === "function" && pytypeOf(x) === MethodType;
    case GeneratorType:
      return pytypeOf(x) === GeneratorType;
    case BuiltinFunctionType:
      return typeof x === "function" && pytypeOf(x) === BuiltinFunctionType;
    case ModuleType:
      return pytypeOf(x) === ModuleType;
  }
  if (typeof cls === "function" && (cls.prototype !== undefined || (cls as { __instancecheck__?: unknown }).__instancecheck__ !== undefined)) {
    const hi = (cls as { __instancecheck__?: (x: unknown) => unknown }).__instancecheck__;
    // A class made by a metaclass is an instance of it (metaclass.ts).
    const meta = typeof x === "function" ? (x as { [METACLASS]?: Function })[METACLASS] : undefined;
    if (meta !== undefined && (meta === cls || meta.prototype instanceof (cls as Function))) return true;
    if (typeof hi === "function") return truthy(hi.call(cls, x));
    if (x !== null && (typeof x === "object" || typeof x === "function")) {
      if (x instanceof (cls as new () => unknown)) return true;
      // A class with several bases extends copies of them: its MRO names the originals.
      return multiple_inheritance_used && in_mro(x, cls);
    }
    return false;
  }
  if (cls instanceof Array) return cls.some((c) => isinstance1(x, c));
  // An object answering the check itself (typing's `Iterator`, `List`...: their __instancecheck__).
  const check = cls !== null && typeof cls === "object" ? (cls as { __instancecheck__?: unknown }).__instancecheck__ : undefined;
  if (typeof check === "function") return truthy(check.call(cls, x));
  if (typeName(cls) === "GenericAlias") throw new TypeError("isinstance() argument 2 cannot be a parameterized generic");
  throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
}

/**
 * A class whose `__instancecheck__` tells what its instances surely are in TS (collections.abc's
 * Iterable: a JS iterable): `isinstance(x, Iterable)` narrows x for TS where it is true.
 */
export interface InstanceGuard<I> {
  __instancecheck__(x: unknown): x is I;
}

export function isinstance<I>(x: unknown, cls: InstanceGuard<I>): x is I;
export function isinstance(x: unknown, cls: unknown): boolean;
export function isinstance(x: unknown, cls: unknown): boolean {
  if (isinstance1(x, cls)) return true;
  // An object whose class answers `__class__` itself (wrapt's ObjectProxy: a property giving the
  // wrapped object's class): CPython checks that class too.
  const claimed = x instanceof PyObject && "__class__" in x ? (x as { __class__?: unknown }).__class__ : undefined;
  return claimed !== undefined && claimed !== pytypeOf(x) && typeof claimed === "function" && isClass(claimed) && issubclass(claimed, cls);
}
builtin(isinstance);

const BUILTIN_SUPER: Map<unknown, unknown[]> = new Map([[bool, [int]]]);

export const issubclass = builtin(function issubclass(c: unknown, cls: unknown): boolean {
  if (cls instanceof Array) return cls.some((k) => issubclass(c, k));
  if (typeof c !== "function") throw new TypeError("issubclass() arg 1 must be a class");
  // An object answering the check itself (typing's aliases), or a class that does: the runtime's
  // (collections.abc's) or a program's through its metaclass (a classmethod of that name is not asked).
  const check = cls !== null && (typeof cls === "object" || typeof cls === "function") ? (cls as { __subclasscheck__?: unknown }).__subclasscheck__ : undefined;
  // (abc.ABC's and collections.abc's subclasses have ABCMeta's check; collections.abc's classes derive
  // from PyObject: a runtime class is one the program did not define)
  const asks =
    typeof cls === "object" ||
    !((cls as Function).prototype instanceof PyObject) ||
    (cls as Function).prototype instanceof RefusesAbstract ||
    initlessBases.has(cls as Function) ||
    (cls as { [METACLASS]?: Function })[METACLASS] !== undefined;
  if (typeof check === "function" && asks) return truthy(check.call(cls, c));
  if (typeName(cls) === "GenericAlias") throw new TypeError("issubclass() argument 2 cannot be a parameterized generic");
  if (c === cls || cls === PyObject) return true;
  const sup = BUILTIN_SUPER.get(c);
  if (sup && sup.some((s) => issubclass(s, cls))) return true;
  // A program's subclass of int, float or str (value-subclass.ts: its root stands for the type).
  if ((cls === int || cls === float || cls === str) && mro_of(c as Function).includes(cls as Function)) return true;
  const rt = [...RUNTIME_TYPES.entries()].find(([, t]) => t === cls);
  const target = rt ? rt[0] : cls;
  if (typeof target !== "function") return false;
  if (c === target) return true;
  if (cls === Exception && (c === ExceptionGroup || (c as Function).prototype instanceof ExceptionGroup)) return true;
  return (c as Function).prototype instanceof (target as Function) || (multiple_inheritance_used && mro_of(c as Function).includes(target as Function));
});

// ---------------------------------------------------------------------------------------------
// Other builtins

export const repr = builtin(function repr(x: unknown): string {
  return reprImpl(x);
});

export const len = builtin(function len(x: unknown): bigint {
  // (a list or tuple subclass with its own __len__ is marked: names.ts)
  if (x instanceof Array && (x as { [ITEM_METHODS]?: true })[ITEM_METHODS] === undefined) return intFromNumber(x.length);
  if (typeof x === "string") return intFromNumber(strLen(x));
  // An exact bytes object (a subclass may define its own __len__).
  if (isExactBytes(x)) return intFromNumber(x.length);
  // A class with __len__ on itself (an Enum class, whose metaclass defines it in CPython).
  if (x !== null && (typeof x === "object" || (typeof x === "function" && typeof (x as { __len__?: unknown }).__len__ === "function"))) {
    if (x instanceof PyDict || x instanceof PySetBase) return intFromNumber(x.m.size);
    const f = (x as { __len__?: () => unknown }).__len__;
    if (typeof f === "function") {
      const n = f.call(x);
      if (typeof n === "bigint") {
        if (n < 0n) throw new ValueError("__len__() should return >= 0");
        return n;
      }
      if (typeof n === "boolean") return n ? 1n : 0n;
      throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
    }
    if (x instanceof Map || x instanceof Set) return BigInt(x.size);
    if (x instanceof Uint8Array) return BigInt(x.length);
  }
  throw new TypeError(`object of type '${typeName(x)}' has no len()`);
});

export const sorted = builtin(function sorted(it: unknown, ...rest: unknown[]): PyList<any> {
  const k = popKw(rest);
  if (rest.length > 0) throw new TypeError(`sorted expected 1 argument, got ${rest.length + 1}`);
  const l = PyList.fromIterable<unknown>(it);
  sortInPlace(l, (k?.key ?? null) as AnyFn | null, k?.reverse !== undefined ? truthy(k.reverse) : false);
  return l;
});

class SeqReverseIterator implements Iterator<unknown> {
  // (from the engine's iterator prototype: inheritIteratorMethods below)
  declare __next__: () => unknown;
  declare __iter__: () => this;
  private i: number;
  constructor(private readonly a: ArrayLike<unknown>) {
    this.i = a.length - 1;
  }
  next(): IteratorResult<unknown> {
    if (this.i < 0 || this.i >= this.a.length) {
      this.i = -1;
      return ITER_DONE;
    }
    return { value: this.a[this.i--], done: false };
  }
  [Symbol.iterator](): this {
    return this;
  }
  __repr__(): string {
    return `<${className(this.constructor)} object at 0x${addressOf(this).toString(16)}>`;
  }
  static __name__ = "list_reverseiterator";
}
/** reversed() of a tuple or a string. */
class ReversedIterator extends SeqReverseIterator {
  static __name__ = "reversed";
}

/**
 * The lazy iterator objects of map(), filter() and zip(): a JS generator under a class whose Python
 * name is the builtin's (`type(map(f, xs)).__name__ == 'map'`).
 */
class BuiltinIterator<T> implements IterableIterator<T> {
  declare __next__: () => T;
  declare __iter__: () => this;
  constructor(private readonly it: Iterator<T>) {}
  next(): IteratorResult<T> {
    return this.it.next();
  }
  [Symbol.iterator](): this {
    return this;
  }
  __repr__(): string {
    return `<${className(this.constructor)} object at 0x${addressOf(this).toString(16)}>`;
  }
}
class MapIterator<T> extends BuiltinIterator<T> {
  static __name__ = "map";
}
class FilterIterator<T> extends BuiltinIterator<T> {
  static __name__ = "filter";
}
class ZipIterator<T> extends BuiltinIterator<T> {
  static __name__ = "zip";
}

export const reversed = builtin(function reversed(x: unknown): PyIterator<unknown> {
  if (x instanceof PyList) return new SeqReverseIterator(x);
  if (x instanceof Array) return new ReversedIterator(x);
  if (typeof x === "string") return new ReversedIterator(Array.from(x));
  if (x !== null && typeof x === "object") {
    const f = (x as { __reversed__?: () => unknown }).__reversed__;
    // (`__reversed__ = None`: a Mapping says it is not reversible)
    if (f === null) throw new TypeError(`'${typeName(x)}' object is not reversible`);
    if (typeof f === "function") {
      const it = iterImpl(f.call(x)) as PyIterator<unknown>;
      const kind =
        x instanceof PyDictView
          ? ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"][x.kind]
          : x instanceof PyDict && x.constructor === PyDict
            ? "dict_reversekeyiterator"
            : undefined;
      if (kind !== undefined && Object.isExtensible(it)) Object.defineProperty(it, ITERATOR_KIND, { value: kind });
      return it;
    }
    const l = (x as { __len__?: () => bigint }).__len__;
    const g = (x as { __getitem__?: (i: bigint) => unknown }).__getitem__;
    if (typeof l === "function" && typeof g === "function") {
      const n = Number(l.call(x));
      return (function* () {
        for (let i = n - 1; i >= 0; i--) yield g.call(x, BigInt(i));
      })() as unknown as PyIterator<unknown>;
    }
  }
  throw new TypeError(`'${typeName(x)}' object is not reversible`);
});

class EnumerateIterator implements Iterator<PyTuple<unknown>> {
  constructor(
    private readonly it: Iterator<unknown>,
    private n: bigint,
  ) {}
  next(): IteratorResult<PyTuple<unknown>> {
    const r = this.it.next();
    if (r.done) return ITER_DONE; // (shared: see collections.ts ITER_DONE)
    const t = PyTuple.of<unknown>(this.n, r.value);
    this.n++;
    return { value: t, done: false };
  }
  [Symbol.iterator](): this {
    return this;
  }
  __repr__(): string {
    return `<enumerate object at 0x${addressOf(this).toString(16)}>`;
  }
  static __name__ = "enumerate";
}

for (const cls of [SeqReverseIterator, BuiltinIterator, EnumerateIterator]) inheritIteratorMethods(cls);
// (builtin types: `type(reversed(xs))` is `<class 'list_reverseiterator'>`)
for (const cls of [SeqReverseIterator, ReversedIterator, MapIterator, FilterIterator, ZipIterator, EnumerateIterator])
  Object.defineProperty(cls, "__module__", { value: "builtins", configurable: true, writable: true });

export const enumerate = builtin(function enumerate(it: unknown, start: unknown = 0n): PyIterator<PyTuple<unknown>> {
  if (start instanceof KwArgs) start = start.kw.start ?? 0n;
  return new EnumerateIterator(toIterable(it)[Symbol.iterator](), toIndex(start)) as unknown as PyIterator<PyTuple<unknown>>;
});

export const zip = takes_packed(
  builtin(function zip(...its: unknown[]): PyIterator<PyTuple<unknown>> {
    its = unpacked(its);
    const k = popKw(its);
    const strict = k?.strict !== undefined && truthy(k.strict);
    const iters = its.map((i) => toIterable(i)[Symbol.iterator]());
    return new ZipIterator(
      (function* () {
        if (iters.length === 0) return;
        for (;;) {
          const vals: unknown[] = [];
          for (let i = 0; i < iters.length; i++) {
            const r = iters[i].next();
            if (r.done) {
              if (strict) {
                if (i > 0) throw new ValueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? "s 1-" + i : " 1"}`);
                for (let j = 1; j < iters.length; j++) {
                  if (!iters[j].next().done) throw new ValueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? "s 1-" + j : " 1"}`);
                }
              }
              return;
            }
            vals.push(r.value);
          }
          yield PyTuple.fromArray(vals);
        }
      })(),
    );
  }),
);

export const map = takes_packed(
  builtin(function map(f: unknown, ...its: unknown[]): PyIterator<unknown> {
    its = unpacked(its);
    if (its.length === 0) throw new TypeError("map() must have at least two arguments.");
    if (its.length === 1) {
      const it = toIterable(its[0]);
      return new MapIterator(
        (function* () {
          for (const x of it) yield call(f, x);
        })(),
      );
    }
    const iters = its.map((i) => toIterable(i)[Symbol.iterator]());
    return new MapIterator(
      (function* () {
        for (;;) {
          const vals: unknown[] = [];
          for (const it of iters) {
            const r = it.next();
            if (r.done) return;
            vals.push(r.value);
          }
          yield call(f, ...vals);
        }
      })(),
    );
  }),
  1,
);

export const filter = builtin(function filter(f: unknown, it: unknown): PyIterator<unknown> {
  const src = iterateUnclosed(it);
  return new FilterIterator(
    (function* () {
      for (const x of src) if (f === null || f === undefined ? truthy(x) : truthy(call(f, x))) yield x;
    })(),
  );
});

function minmax(name: string, args: unknown[], better: (a: unknown, b: unknown) => boolean): unknown {
  const k = popKw(args);
  const key = (k?.key ?? null) as AnyFn | null;
  const hasDefault = k !== null && "default" in k;
  let items: Iterable<unknown>;
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  if (args.length === 1) items = toIterable(args[0]);
  else {
    if (hasDefault) throw new TypeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  let best: unknown;
  let bestKey: unknown;
  let first = true;
  for (const x of items) {
    const kx = key === null ? x : call(key, x);
    if (first) {
      best = x;
      bestKey = kx;
      first = false;
    } else if (better(kx, bestKey)) {
      best = x;
      bestKey = kx;
    }
  }
  if (first) {
    if (hasDefault) return k!.default;
    throw new ValueError(`${name}() iterable argument is empty`);
  }
  return best;
}

export const max = takes_packed(
  builtin(function max(...args: unknown[]): any {
    return minmax("max", unpacked(args), gt);
  }),
);
export const min = takes_packed(
  builtin(function min(...args: unknown[]): any {
    return minmax("min", unpacked(args), lt);
  }),
);

export const sum = builtin(function sum(it: unknown, start: unknown = 0n): any {
  if (start instanceof KwArgs) start = start.kw.start ?? 0n;
  if (typeof start === "string") throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (start instanceof PyBytes) throw new TypeError("sum() can't sum bytes [use b''.join(seq) instead]");
  if (start instanceof PyByteArray) throw new TypeError("sum() can't sum bytearray [use b''.join(seq) instead]");
  let acc: any = start;
  const iterator = toIterable(it)[Symbol.iterator]();
  // int phase
  for (;;) {
    if (typeof acc === "bigint" || typeof acc === "boolean") {
      let r = iterator.next();
      let iacc = typeof acc === "boolean" ? (acc ? 1n : 0n) : acc;
      while (!r.done && (typeof r.value === "bigint" || typeof r.value === "boolean")) {
        iacc += typeof r.value === "boolean" ? (r.value ? 1n : 0n) : r.value;
        r = iterator.next();
      }
      acc = iacc;
      if (r.done) return acc;
      if (typeof r.value === "number") {
        acc = floatSum(intToFloat(iacc), r.value, iterator);
        if (acc.done) return acc.value;
        acc = acc.value;
        continue;
      }
      acc = add(acc, r.value);
      continue;
    }
    if (typeof acc === "number") {
      const r = floatSum(acc, undefined, iterator);
      if (r.done) return r.value;
      acc = r.value;
      continue;
    }
    const r = iterator.next();
    if (r.done) return acc;
    acc = add(acc, r.value);
  }
});

/** Neumaier-compensated float summation (CPython 3.12); stops at the first non-number item. */
function floatSum(start: number, firstItem: number | undefined, it: Iterator<unknown>): { done: boolean; value: any } {
  let s = start;
  let c = 0.0;
  const addOne = (x: number) => {
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  };
  if (firstItem !== undefined) addOne(firstItem);
  for (;;) {
    const r = it.next();
    if (r.done) {
      if (c !== 0 && Number.isFinite(c)) s += c;
      return { value: s, done: true };
    }
    const v = r.value;
    if (typeof v === "number") addOne(v);
    else if (typeof v === "bigint" && v >= -(2n ** 53n) && v <= 2n ** 53n) addOne(Number(v));
    else if (typeof v === "boolean") addOne(v ? 1 : 0);
    else {
      if (c !== 0 && Number.isFinite(c)) s += c;
      return { value: add(s, v), done: false };
    }
  }
}

export const abs = builtin(function abs(x: unknown): any {
  switch (typeof x) {
    case "bigint":
      return x < 0n ? -x : x;
    case "number":
      return Math.abs(x);
    case "boolean":
      return x ? 1n : 0n;
  }
  if (x !== null && typeof x === "object") {
    const f = (x as { __abs__?: () => unknown }).__abs__;
    if (typeof f === "function") return f.call(x);
  }
  throw new TypeError(`bad operand type for abs(): '${typeName(x)}'`);
});

function roundHalfEvenInt(x: number): bigint {
  if (x !== x) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  const f = Math.floor(x);
  const d = x - f;
  let r = f;
  if (d > 0.5) r = f + 1;
  else if (d === 0.5) r = f % 2 === 0 ? f : f + 1;
  return BigInt(r);
}

export const round = builtin(function round(x: unknown, nd: unknown = null): any {
  if (nd instanceof KwArgs) nd = nd.kw.ndigits ?? null;
  if (typeof x === "number") {
    if (nd === null || nd === undefined) return roundHalfEvenInt(x);
    const n = Number(toIndex(nd));
    if (!Number.isFinite(x) || x === 0) return x;
    if (n > 330) return x;
    if (n < -330) return 0 * x;
    const D = scaledIntExport(Math.abs(x), n);
    const v = parseFloat(D.toString() + "e" + -n);
    if (!Number.isFinite(v)) throw new OverflowError("rounded value too large to represent");
    return x < 0 ? -v : v;
  }
  if (typeof x === "bigint" || typeof x === "boolean") {
    const v = typeof x === "boolean" ? (x ? 1n : 0n) : x;
    if (nd === null || nd === undefined) return v;
    const n = toIndex(nd);
    if (n >= 0n) return v;
    const p = 10n ** -n;
    const neg = v < 0n;
    const a = neg ? -v : v;
    let q = a / p;
    const r = a - q * p;
    if (r * 2n > p || (r * 2n === p && (q & 1n) === 1n)) q += 1n;
    const res = q * p;
    return neg ? -res : res;
  }
  if (x !== null && typeof x === "object") {
    const f = (x as { __round__?: (n?: unknown) => unknown }).__round__;
    if (typeof f === "function") return nd === null ? f.call(x) : f.call(x, nd);
  }
  throw new TypeError(`type ${typeName(x)} doesn't define __round__ method`);
});

export const any = builtin(function any(it: unknown): boolean {
  for (const x of iterateUnclosed(it)) if (truthy(x)) return true;
  return false;
});
export const all = builtin(function all(it: unknown): boolean {
  for (const x of iterateUnclosed(it)) if (!truthy(x)) return false;
  return true;
});

export const id = builtin(function id(x: unknown): bigint {
  if (x !== null && (typeof x === "object" || typeof x === "function")) return addressOf(x);
  return 0x55d4a0000000n + BigInt((hashNum(x) & 0xffffff) * 32);
});

function pyHash(x: unknown): bigint {
  switch (typeof x) {
    case "bigint":
      return hashInt(x);
    case "boolean":
      return x ? 1n : 0n;
    case "number":
      return hashFloat(x);
    case "string":
      return BigInt(hashNum(x));
    case "undefined":
      return 4238894112n;
    case "object":
      if (x === null) return 4238894112n;
      // (a subclass's own __hash__ runs: `class HashedTuple(tuple)` caching it)
      if (x instanceof PyTuple && (x as { __hash__?: unknown }).__hash__ === PyTuple.prototype.__hash__) return hashTuple(x, pyHash);
      {
        const f = (x as { __hash__?: unknown }).__hash__;
        if (f === null) throw new TypeError(`unhashable type: '${typeName(x)}'`);
        if (typeof f === "function" && !(x instanceof PyFrozenSet)) {
          const r = f.call(x);
          if (typeof r !== "bigint" && typeof r !== "boolean") throw new TypeError("__hash__ method should return an integer");
          return hashOfHashResult(typeof r === "boolean" ? (r ? 1n : 0n) : r);
        }
      }
      return BigInt(hashNum(x));
    case "function":
      return addressOf(x) >> 4n;
  }
  return 0n;
}

/**
 * What hash() makes of the int a `__hash__` method returned: kept as it is when it fits a C
 * Py_hash_t (64 bits here; -1 is -2, CPython's error value), else hashed as an int.
 */
function hashOfHashResult(r: bigint): bigint {
  if (r >= -(1n << 63n) && r < 1n << 63n) return r === -1n ? -2n : r;
  return hashInt(r);
}

export const hash = builtin(function hash(x: unknown): bigint {
  return pyHash(x);
});

export const chr = builtin(function chr(i: unknown): string {
  const n = toIndex(i);
  if (n < 0n || n > 0x10ffffn) throw new ValueError("chr() arg not in range(0x110000)");
  noteCodePoint(Number(n));
  return String.fromCodePoint(Number(n));
});

export const ord = builtin(function ord(c: unknown): bigint {
  if (typeof c === "string") {
    const n = strLen(c);
    if (n !== 1) throw new TypeError(`ord() expected a character, but string of length ${n} found`);
    return BigInt(c.codePointAt(0)!);
  }
  const d = bytesData(c);
  if (d !== null) {
    if (d.length !== 1) throw new TypeError(`ord() expected a character, but string of length ${d.length} found`);
    return BigInt(d[0]);
  }
  throw new TypeError(`ord() expected string of length 1, but ${typeName(c)} found`);
});

function radix(i: unknown, base: number, prefix: string): string {
  const n = toIndex(i);
  return n < 0n ? "-" + prefix + (-n).toString(base) : prefix + n.toString(base);
}
export const hex = builtin(function hex(i: unknown): string {
  return radix(i, 16, "0x");
});
export const oct = builtin(function oct(i: unknown): string {
  return radix(i, 8, "0o");
});
export const bin = builtin(function bin(i: unknown): string {
  return radix(i, 2, "0b");
});

export const callable = builtin(function callable(x: unknown): boolean {
  return callableImpl(x);
});

export const iter = builtin(function iter(x: unknown, ...rest: unknown[]): any {
  const it = iterImpl(x, ...rest);
  // The engine's iterator (or a container's generator) named by the Python type it stands for.
  const kind = rest.length > 0 ? "callable_iterator" : containerIteratorKind(x);
  if (kind !== undefined && it !== x && Object.isExtensible(it)) Object.defineProperty(it, ITERATOR_KIND, { value: kind });
  return it;
});

/** The type of `iter(x)` for a builtin container x whose iterator is no class of its own. */
function containerIteratorKind(x: unknown): string | undefined {
  if (typeof x === "string") return /^[\0-\x7f]*$/.test(x) ? "str_ascii_iterator" : "str_iterator";
  if (x === null || typeof x !== "object") return undefined;
  if (x instanceof PyTuple) return "tuple_iterator";
  if (x instanceof PyDictView) return ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator"][x.kind];
  if (x instanceof PyDict && x.constructor === PyDict) return "dict_keyiterator";
  if (x instanceof PySetBase && (x.constructor === PySet || x.constructor === PyFrozenSet)) return "set_iterator";
  if (x instanceof PyByteArray) return "bytearray_iterator";
  if (x instanceof PyBytes) return "bytes_iterator";
  return undefined;
}
export const next = builtin(function next(it: unknown, ...d: unknown[]): any {
  return d.length > 0 ? nextImpl(it, d[0]) : nextImpl(it);
});

export const exit = builtin(function exit(code: unknown = null): never {
  throw new SystemExit(code);
});
export const quit = builtin(function quit(code: unknown = null): never {
  throw new SystemExit(code);
});

export const vars = builtin(function vars(obj?: unknown): PyDict<string, unknown> {
  if (obj === undefined || obj === null || (typeof obj !== "object" && typeof obj !== "function")) {
    throw new TypeError("vars() argument must have __dict__ attribute");
  }
  // (a builtin function has no __dict__)
  if (typeof obj === "function" && (obj as { __builtin__?: boolean }).__builtin__ === true && !isClass(obj))
    throw new TypeError("vars() argument must have __dict__ attribute");
  // A class of the program: its namespace, a mappingproxy (class-namespace.ts, through the class's `__dict__`).
  // (typed as the dict it views)
  if (typeof obj === "function" && Object.prototype.hasOwnProperty.call(obj, "__dict__"))
    return (obj as unknown as { __dict__: PyDict<string, unknown> }).__dict__;
  // An instance's dict writes through to it (instance-dict.ts); a class's or function's is a copy.
  const d = typeof obj === "object" ? InstanceDict.of<string, unknown>(obj) : new PyDict<string, unknown>();
  for (const k of typeof obj === "object" ? attributeKeys(obj) : Object.keys(obj))
    PyDict.prototype.__setitem__.call(d, pythonName(k), (obj as Record<string, unknown>)[k]);
  if (typeof obj === "object") for (const [k, v] of shadowedAttributes(obj)) PyDict.prototype.__setitem__.call(d, k, v);
  return d;
});

/** What every object has from `object` (CPython 3.12's dir(object())). */
const OBJECT_NAMES = [
  "__class__",
  "__delattr__",
  "__dir__",
  "__doc__",
  "__eq__",
  "__format__",
  "__ge__",
  "__getattribute__",
  "__getstate__",
  "__gt__",
  "__hash__",
  "__init__",
  "__init_subclass__",
  "__le__",
  "__lt__",
  "__ne__",
  "__new__",
  "__reduce__",
  "__reduce_ex__",
  "__repr__",
  "__setattr__",
  "__sizeof__",
  "__str__",
  "__subclasshook__",
];

/**
 * dir() of an instance or class of a Python-level class: object's methods, `__module__`, and
 * `__dict__`/`__weakref__` unless every class up to object declares `__slots__` (then its slot names).
 */
function addObjectNames(obj: unknown, names: Set<string>): void {
  const cls = typeof obj === "function" ? obj : obj !== null && typeof obj === "object" ? (obj as { constructor?: unknown }).constructor : undefined;
  if (typeof cls !== "function" || !(cls === PyObject || cls.prototype instanceof PyObject)) return;
  for (const n of OBJECT_NAMES) names.add(n);
  if (obj === cls) {
    // A class's own JS `name`/`length` (unless the program set them) and the type's __name__/__qualname__.
    for (const k of ["name", "length"]) {
      let set = false;
      for (let c: object | null = cls; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
        const d = Object.getOwnPropertyDescriptor(c, k);
        if (d && (d.writable !== false || d.get)) set = true;
      }
      if (!set) names.delete(k);
    }
    names.delete("__name__");
    names.delete("__qualname__");
  }
  if (cls === PyObject) return;
  names.add("__module__");
  let slotted = true;
  for (let c: Function = cls; c !== PyObject && c !== null; c = Object.getPrototypeOf(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, "__slots__")) {
      slotted = false;
      break;
    }
    const slots = (c as { __slots__?: unknown }).__slots__;
    names.add("__slots__");
    for (const n of typeof slots === "string" ? [slots] : Array.from(slots as Iterable<unknown>))
      if (typeof n === "string") names.add(mangledIn(className(c), n));
  }
  if (!slotted) {
    names.add("__dict__");
    names.add("__weakref__");
  }
}

/** The builtin type a value is exactly of (or that is this type object), when dir() answers from BUILTIN_TYPE_DIRS. */
function builtinTypeOf(obj: unknown): string | undefined {
  switch (typeof obj) {
    case "string":
    case "bigint":
    case "number":
    case "boolean":
      return typeShortName(obj);
    case "function": {
      const types: Array<[unknown, string]> = [
        [str, "str"],
        [int, "int"],
        [float, "float"],
        [bool, "bool"],
        [list, "list"],
        [tuple, "tuple"],
        [dict, "dict"],
        [set, "set"],
        [frozenset, "frozenset"],
        [bytes, "bytes"],
      ];
      return types.find(([t]) => t === obj)?.[1];
    }
  }
  if (obj === null) return "NoneType";
  if (obj === undefined) return undefined; // (dir() without an argument)
  const proto = Object.getPrototypeOf(obj);
  if (proto === PyList.prototype) return "list";
  if (proto === PyTuple.prototype) return "tuple";
  if (proto === PyDict.prototype) return "dict";
  if (proto === PySet.prototype) return "set";
  if (proto === PyFrozenSet.prototype) return "frozenset";
  if (isExactBytes(obj)) return "bytes";
  return undefined;
}

export const dir = builtin(function dir(obj?: unknown): PyList<string> {
  // A class's own `__dir__` answers for its instances (sorted, as CPython sorts what it returns).
  const ownDir = obj instanceof PyObject ? (obj as { __dir__?: unknown }).__dir__ : undefined;
  if (typeof ownDir === "function") {
    const l = PyList.fromArray([...toIterable(ownDir.call(obj))] as string[]);
    l.sort();
    return l;
  }
  return defaultDir(obj);
});

/** object.__dir__: the names dir() lists when the class has no `__dir__` of its own. */
function defaultDir(obj: unknown): PyList<string> {
  const builtinType = builtinTypeOf(obj);
  if (builtinType !== undefined) return PyList.fromArray([...BUILTIN_TYPE_DIRS[builtinType]]);
  const names = new Set<string>();
  let o: unknown = obj;
  // (Function.prototype's members are JavaScript's: its `__get__` is the runtime's, for functions)
  while (o !== null && o !== undefined && o !== Object.prototype && o !== Function.prototype) {
    // (a list or tuple subclass's instance holds its items at index keys: no attributes)
    const items = Array.isArray(o);
    for (const k of Object.getOwnPropertyNames(o)) if (!items || !/^\d+$/.test(k)) names.add(k);
    o = Object.getPrototypeOf(o);
  }
  // The same view as getattr: JavaScript's own members are not Python attributes.
  for (const k of names) {
    if (typeof obj === "object" || typeof obj === "function" ? isJsOnly(obj as object, k) && pythonKeyOf(obj as object, k) === undefined : JS_NAMES.has(k))
      names.delete(k);
  }
  for (const k of ["constructor", "__proto__", "prototype"]) {
    if (names.delete(propName(k))) names.add(k);
  }
  addObjectNames(obj, names);
  const l = PyList.fromArray([...names]);
  l.sort();
  return l;
}

/**
 * object's methods that a program's class (and its instances) have without defining them, as CPython
 * gives them: the comparisons (`__ne__` inverts `__eq__`, the orderings return NotImplemented),
 * `__dir__`, `__delattr__`, `__getstate__`, `__subclasshook__`; pickling's `__reduce__`/`__reduce_ex__`
 * and `__sizeof__` exist but refuse to run (tsyncio has no pickle, and no object sizes).
 */
const OBJECT_METHODS: Record<string, (self: any, ...args: any[]) => unknown> = {
  __eq__: (self, other) => (self === other ? true : NotImplemented),
  __ne__: (self, other) => {
    const eq = (self as { __eq__?: unknown }).__eq__;
    const r = typeof eq === "function" ? eq.call(self, other) : self === other ? true : NotImplemented;
    return r === NotImplemented ? NotImplemented : !truthy(r);
  },
  __lt__: () => NotImplemented,
  __le__: () => NotImplemented,
  __gt__: () => NotImplemented,
  __ge__: () => NotImplemented,
  // (object's own: what a class's `super().__hash__()` / `super().__delattr__(name)` reach, past its override)
  // (the identity hash hash() gives an object without its own __hash__)
  __hash__: (self) => identityHash(self),
  __dir__: (self) => defaultDir(self),
  __delattr__: (self, name) => {
    if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
    return plainDelattr(self, name);
  },
  __getstate__: (self) => {
    const d = getattr(self, "__dict__", null);
    return d instanceof PyDict && d.size > 0 ? d : null;
  },
  __subclasshook__: () => NotImplemented,
  __reduce__: () => {
    throw new NotImplementedError("object.__reduce__() (pickling) is not supported by tsyncio");
  },
  __reduce_ex__: () => {
    throw new NotImplementedError("object.__reduce_ex__() (pickling) is not supported by tsyncio");
  },
  __sizeof__: () => {
    throw new NotImplementedError("object.__sizeof__() is not supported by tsyncio (no object sizes)");
  },
};

set_super_object_methods((self: unknown, name: string) => {
  if (!Object.prototype.hasOwnProperty.call(OBJECT_METHODS, name) || self === null || typeof self !== "object") return undefined;
  const f = OBJECT_METHODS[name];
  return builtin((...args: unknown[]) => f(self, ...args), name);
});

set_object_members((obj: unknown, name: string) => {
  if (!Object.prototype.hasOwnProperty.call(OBJECT_METHODS, name)) return undefined;
  const f = OBJECT_METHODS[name];
  const isClassObject = typeof obj === "function" && isClass(obj) && (obj === PyObject || obj.prototype instanceof PyObject);
  if (!isClassObject && !(obj instanceof PyObject)) return undefined;
  // (__subclasshook__ is a class method: bound to the class either way)
  if (name === "__subclasshook__") return builtin(() => f(obj), name);
  // Read from a class: the function, the instance first; from an instance: bound to it.
  return isClassObject ? builtin((self: unknown, ...args: unknown[]) => f(self, ...args), name) : builtin((...args: unknown[]) => f(obj, ...args), name);
});

export const format = builtin(function format(v: unknown, spec: unknown = ""): string {
  return formatImpl(v, spec);
});

export const getattr = getattrImpl;
export { hasattr, setattr, delattr, divmod, pow } from "./ops.js";
export { ascii } from "./format.js";

/** aiter/anext are asyncio territory; the basic synchronous helpers live here. */
export const NotImplementedValue = NotImplemented;
export { NotImplemented, Ellipsis };

/**
 * `complex`: the type, so `isinstance(x, (int, float, complex))` works (no value is one); making a
 * complex number raises (complex literals are diagnosed at compile time, TSY1021).
 */
export const complex = typeObject(function complex(..._args: unknown[]): never {
  throw new NotImplementedError("complex numbers are not supported by tsyncio");
}, "complex");

export const breakpoint = builtin(function breakpoint(): null {
  return null;
});

export const globals = builtin(function globals(): never {
  throw new NotImplementedError("globals() is not supported");
});

markUnsupported(globals, "no access to the module's namespace");

void [BaseException, StopIteration, isExceptionClass, PyDictView, eq, className, floatRepr];
