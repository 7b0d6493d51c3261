// str.encode / bytes.decode: the codecs Python programs use most (utf-8, ascii, latin-1, cp1252,
// utf-16/32 with and without a byte order) and the error handlers (strict, ignore, replace,
// backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace), with CPython's
// UnicodeError ranges and reasons. Positions count code points, as Python's str does.
import { LookupError, TypeError, UnicodeDecodeError, UnicodeEncodeError, NotImplementedError } from "./exceptions.js";
import { host } from "../host.js";
import { joinChecked, noteCodePoint } from "./surrogates.js";

type CodecKind = "utf-8" | "utf-8-sig" | "ascii" | "latin-1" | "cp1252" | "utf-16" | "utf-16-le" | "utf-16-be" | "utf-32" | "utf-32-le" | "utf-32-be";

const ALIASES: Record<string, CodecKind> = {};
const alias = (kind: CodecKind, names: string) => names.split(" ").forEach((n) => (ALIASES[n] = kind));
alias("utf-8", "utf_8 utf8 u8 utf cp65001 utf8_ucs2 utf8_ucs4");
alias("utf-8-sig", "utf_8_sig utf8_sig");
alias("ascii", "ascii us_ascii 646 us ansi_x3.4_1968 ansi_x3_4_1968 ansi_x3.4_1986 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6");
alias("latin-1", "latin_1 latin1 latin l1 iso8859_1 iso_8859_1 8859 cp819 iso_ir_100 ibm819 csisolatin1 iso_8859_1_1987");
alias("cp1252", "cp1252 windows_1252 1252");
alias("utf-16", "utf_16 utf16 u16");
alias("utf-16-le", "utf_16_le utf_16le");
alias("utf-16-be", "utf_16_be utf_16be");
alias("utf-32", "utf_32 utf32 u32");
alias("utf-32-le", "utf_32_le utf_32le");
alias("utf-32-be", "utf_32_be utf_32be");

/** The codec an encoding name means (Python's normalisation: case and punctuation do not matter). */
export function codecOf(encoding: unknown): CodecKind {
  if (typeof encoding !== "string") throw new TypeError(`encode() argument 'encoding' must be str, not ${typeof encoding}`);
  const key = encoding
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_|_$/g, "");
  const kind = ALIASES[key];
  if (kind === undefined) throw new LookupError(`unknown encoding: ${encoding}`);
  return kind;
}

/** The name a codec gives itself in UnicodeError messages. */
function codecName(kind: CodecKind): string {
  if (kind === "cp1252") return "charmap";
  if (kind === "utf-8-sig") return "utf-8";
  return kind;
}

// cp1252's 0x80–0x9F (0 = undefined); the rest is latin-1.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const CP1252_ENCODE = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i] as [number, number]).filter(([cp]) => cp !== 0));

/** A growable byte buffer. */
class ByteWriter {
  buf = new Uint8Array(64);
  n = 0;
  push(b: number): void {
    if (this.n === this.buf.length) this.grow(1);
    this.buf[this.n++] = b;
  }
  grow(k: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/** Write one code point; false when the codec cannot encode it. */
function encodeCodePoint(kind: CodecKind, cp: number, out: ByteWriter): boolean {
  switch (kind) {
    case "ascii":
      if (cp >= 0x80) return false;
      out.push(cp);
      return true;
    case "latin-1":
      if (cp >= 0x100) return false;
      out.push(cp);
      return true;
    case "cp1252": {
      if (cp < 0x80 || (cp >= 0xa0 && cp < 0x100)) out.push(cp);
      else {
        const b = CP1252_ENCODE.get(cp);
        if (b === undefined) return false;
        out.push(b);
      }
      return true;
    }
    case "utf-8":
    case "utf-8-sig":
      if (isSurrogate(cp)) return false;
      utf8Write(cp, out);
      return true;
    case "utf-16":
    case "utf-16-le":
    case "utf-16-be": {
      if (isSurrogate(cp)) return false;
      const be = kind === "utf-16-be";
      const unit = (u: number) => (be ? (out.push(u >> 8), out.push(u & 0xff)) : (out.push(u & 0xff), out.push(u >> 8)));
      if (cp < 0x10000) unit(cp);
      else {
        const c = cp - 0x10000;
        unit(0xd800 + (c >> 10));
        unit(0xdc00 + (c & 0x3ff));
      }
      return true;
    }
    case "utf-32":
    case "utf-32-le":
    case "utf-32-be": {
      if (isSurrogate(cp)) return false;
      const bytes = [cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, cp >>> 24];
      if (kind === "utf-32-be") bytes.reverse();
      for (const b of bytes) out.push(b);
      return true;
    }
  }
}

function utf8Write(cp: number, out: ByteWriter): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6));
    out.push(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18));
    out.push(0x80 | ((cp >> 12) & 0x3f));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  }
}

function encodeReason(kind: CodecKind): string {
  if (kind === "ascii") return "ordinal not in range(128)";
  if (kind === "latin-1") return "ordinal not in range(256)";
  if (kind === "cp1252") return "character maps to <undefined>";
  return "surrogates not allowed";
}

function unicodeEncodeError(kind: CodecKind, s: string, start: number, end: number, reason: string): UnicodeEncodeError {
  const e = new UnicodeEncodeError(codecName(kind), s, BigInt(start), BigInt(end), reason);
  Object.assign(e, { encoding: codecName(kind), object: s, start: BigInt(start), end: BigInt(end), reason });
  return e;
}

function unicodeDecodeError(kind: CodecKind, b: Uint8Array, start: number, end: number, reason: string, bytesObj: unknown): UnicodeDecodeError {
  const e = new UnicodeDecodeError(codecName(kind), bytesObj ?? b, BigInt(start), BigInt(end), reason);
  Object.assign(e, { encoding: codecName(kind), object: bytesObj ?? b, start: BigInt(start), end: BigInt(end), reason });
  return e;
}

const escapeCp = (cp: number) =>
  cp < 0x100 ? "\\x" + cp.toString(16).padStart(2, "0") : cp < 0x10000 ? "\\u" + cp.toString(16).padStart(4, "0") : "\\U" + cp.toString(16).padStart(8, "0");

/** `\N{NAME}` for namereplace, or the backslash escape of a code point without a name. */
export function nameEscape(cp: number): string {
  const name = host.unicodeName?.(cp);
  if (name === undefined) throw new NotImplementedError("the 'namereplace' error handler needs a Unicode name table, which this host does not have");
  return name === null ? escapeCp(cp) : `\\N{${name}}`;
}

const ENCODE_HANDLERS = new Set(["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass", "namereplace"]);

/** str.encode(encoding, errors) as bytes (a plain Uint8Array; the caller wraps it). */
export function encodeString(s: string, encoding: unknown = "utf-8", errors: unknown = "strict"): Uint8Array {
  const kind = codecOf(encoding);
  if (typeof errors !== "string") throw new TypeError(`encode() argument 'errors' must be str, not ${typeof errors}`);
  if (kind === "utf-8" && !LONE_SURROGATE.test(s)) return new TextEncoder().encode(s);
  const out = new ByteWriter();
  if (kind === "utf-16") (out.push(0xff), out.push(0xfe));
  if (kind === "utf-32") [0xff, 0xfe, 0, 0].forEach((b) => out.push(b));
  if (kind === "utf-8-sig") [0xef, 0xbb, 0xbf].forEach((b) => out.push(b));
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const sub = kind === "utf-16" ? "utf-16-le" : kind === "utf-32" ? "utf-32-le" : kind;
  for (let i = 0; i < cps.length;) {
    if (encodeCodePoint(sub, cps[i], out)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && !encodeCodePoint(sub, cps[end], new ByteWriter())) end++;
    const fail = () => unicodeEncodeError(kind, s, i, end, encodeReason(kind));
    const text = (t: string) => {
      for (const c of t) encodeCodePoint(sub, c.codePointAt(0)!, out);
    };
    const run = cps.slice(i, end);
    switch (errors) {
      case "strict":
        throw fail();
      case "ignore":
        break;
      case "replace":
        text("?".repeat(run.length));
        break;
      case "backslashreplace":
        text(run.map(escapeCp).join(""));
        break;
      case "xmlcharrefreplace":
        text(run.map((cp) => `&#${cp};`).join(""));
        break;
      case "surrogateescape":
        if (!run.every((cp) => cp >= 0xdc80 && cp <= 0xdcff)) throw fail();
        run.forEach((cp) => out.push(cp - 0xdc00));
        break;
      case "surrogatepass":
        if (!(sub === "utf-8" || sub === "utf-8-sig") || !run.every(isSurrogate)) throw fail();
        run.forEach((cp) => utf8Write(cp, out));
        break;
      case "namereplace":
        text(run.map(nameEscape).join(""));
        break;
      default:
        throw new LookupError(`unknown error handler name '${errors}'`);
    }
    i = end;
  }
  return out.result().slice();
}

/** Returns the decoded text, or the failing range [start, end, reason] of the first error from `from`. */
type DecodeStep = (b: Uint8Array, i: number, out: string[]) => number | [number, number, string];

function utf8Step(b: Uint8Array, i: number, out: string[]): number | [number, number, string] {
  const c = b[i];
  if (c < 0x80) {
    out.push(String.fromCharCode(c));
    return i + 1;
  }
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return [i, i + 1, "invalid start byte"];
  let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [i, b.length, "unexpected end of data"];
    const d = b[i + k];
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return [i, i + k, "invalid continuation byte"];
    cp = (cp << 6) | (d & 0x3f);
  }
  out.push(String.fromCodePoint(cp));
  return i + need + 1;
}

function utf16Step(be: boolean): DecodeStep {
  return (b, i, out) => {
    if (i + 1 >= b.length) return [i, b.length, "truncated data"];
    const unit = (k: number) => (be ? (b[k] << 8) | b[k + 1] : b[k] | (b[k + 1] << 8));
    const u = unit(i);
    if (u < 0xd800 || u > 0xdfff) {
      out.push(String.fromCharCode(u));
      return i + 2;
    }
    if (u >= 0xdc00) return [i, i + 2, "illegal encoding"];
    if (i + 3 >= b.length) return [i, b.length, "unexpected end of data"];
    const v = unit(i + 2);
    if (v < 0xdc00 || v > 0xdfff) return [i, i + 2, "illegal UTF-16 surrogate"];
    out.push(String.fromCharCode(u, v));
    return i + 4;
  };
}

function utf32Step(be: boolean): DecodeStep {
  return (b, i, out) => {
    if (i + 3 >= b.length) return [i, b.length, "truncated data"];
    const cp = be ? ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0 : ((b[i + 3] << 24) | (b[i + 2] << 16) | (b[i + 1] << 8) | b[i]) >>> 0;
    if (cp > 0x10ffff) return [i, i + 4, "code point not in range(0x110000)"];
    if (isSurrogate(cp)) return [i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"];
    out.push(String.fromCodePoint(cp));
    return i + 4;
  };
}

const asciiStep: DecodeStep = (b, i, out) => {
  if (b[i] >= 0x80) return [i, i + 1, "ordinal not in range(128)"];
  out.push(String.fromCharCode(b[i]));
  return i + 1;
};

const cp1252Step: DecodeStep = (b, i, out) => {
  const c = b[i];
  const cp = c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80] : c;
  if (cp === 0) return [i, i + 1, "character maps to <undefined>"];
  out.push(String.fromCharCode(cp));
  return i + 1;
};

/** Bytes as latin-1 text (one char per byte), in chunks so long inputs do not overflow the call stack. */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000) as unknown as number[]);
  return s;
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** bytes.decode(encoding, errors). `bytesObj` is the Python object named in a UnicodeDecodeError. */
export function decodeBytes(b: Uint8Array, encoding: unknown = "utf-8", errors: unknown = "strict", bytesObj?: unknown): string {
  let kind = codecOf(encoding);
  if (typeof errors !== "string") throw new TypeError(`decode() argument 'errors' must be str, not ${typeof errors}`);
  if (kind === "latin-1") return latin1(b);
  let i = 0;
  if (kind === "utf-8-sig" && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  if (kind === "utf-8" || kind === "utf-8-sig") {
    try {
      return fatalUtf8.decode(i ? b.subarray(i) : b);
    } catch {
      /* an error: the careful decoder below finds where */
    }
  }
  if (kind === "utf-16") {
    if (b[0] === 0xfe && b[1] === 0xff) ((kind = "utf-16-be"), (i = 2));
    else ((kind = "utf-16-le"), (i = b[0] === 0xff && b[1] === 0xfe ? 2 : 0));
  }
  if (kind === "utf-32") {
    if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) ((kind = "utf-32-be"), (i = 4));
    else ((kind = "utf-32-le"), (i = b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0 ? 4 : 0));
  }
  const step: DecodeStep =
    kind === "ascii"
      ? asciiStep
      : kind === "cp1252"
        ? cp1252Step
        : kind === "utf-16-le" || kind === "utf-16-be"
          ? utf16Step(kind === "utf-16-be")
          : kind === "utf-32-le" || kind === "utf-32-be"
            ? utf32Step(kind === "utf-32-be")
            : utf8Step;
  const out: string[] = [];
  while (i < b.length) {
    const r = step(b, i, out);
    if (typeof r === "number") {
      i = r;
      continue;
    }
    const [start, end, reason] = r;
    switch (errors) {
      case "strict":
        throw unicodeDecodeError(kind, b, start, end, reason, bytesObj);
      case "ignore":
        break;
      case "replace":
        out.push("\ufffd");
        break;
      case "backslashreplace":
        for (let k = start; k < end; k++) out.push("\\x" + b[k].toString(16).padStart(2, "0"));
        break;
      case "surrogateescape":
        for (let k = start; k < end; k++) {
          if (b[k] < 0x80) throw unicodeDecodeError(kind, b, start, end, reason, bytesObj);
          out.push(String.fromCharCode(0xdc00 + b[k]));
        }
        break;
      case "surrogatepass": {
        // utf-8 of a surrogate (ED A0..BF xx) decodes to the lone surrogate
        if (
          (kind === "utf-8" || kind === "utf-8-sig") &&
          b[start] === 0xed &&
          start + 2 < b.length &&
          b[start + 1] >= 0xa0 &&
          b[start + 1] <= 0xbf &&
          (b[start + 2] & 0xc0) === 0x80
        ) {
          const cp = ((b[start] & 0x0f) << 12) | ((b[start + 1] & 0x3f) << 6) | (b[start + 2] & 0x3f);
          noteCodePoint(cp);
          out.push(String.fromCharCode(cp));
          i = start + 3;
          continue;
        }
        throw unicodeDecodeError(kind, b, start, end, reason, bytesObj);
      }
      case "xmlcharrefreplace":
      case "namereplace":
        throw new TypeError("don't know how to handle UnicodeDecodeError in error callback");
      default:
        if (!ENCODE_HANDLERS.has(errors)) throw new LookupError(`unknown error handler name '${errors}'`);
    }
    i = end;
  }
  return joinChecked(out, "");
}
