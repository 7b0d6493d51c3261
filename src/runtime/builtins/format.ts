// format(), the format-spec mini-language, f-string helpers, %-formatting and str.format.
import { TypeError, ValueError, OverflowError } from "./exceptions.js";
import { floatRepr, repr, str } from "./repr.js";
import { intToDecimal } from "./int-limit.js";
import { typeName } from "./protocol.js";
import { codePoints, strLen } from "./slices.js";
import { joinChecked } from "./surrogates.js";
import { className } from "./object.js";

// ---------------------------------------------------------------------------------------------
// Exact decimal conversion of doubles (round-half-even on the exact binary value)

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** |x| = mant * 2**exp exactly (x finite, nonzero). */
function decompose(x: number): [bigint, number] {
  f64[0] = x;
  const lo = u32[0];
  const hi = u32[1];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  return [mant, e];
}

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

/** round(num/den) half-even, num >= 0, den > 0 */
function divRound(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num - q * den;
  const r2 = r * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| * 10**p rounded to an integer (half-even). */
function scaledInt(x: number, p: number): bigint {
  const [m, e] = decompose(x);
  if (e >= 0) {
    const v = m << BigInt(e);
    return p >= 0 ? v * pow10(p) : divRound(v, pow10(-p));
  }
  const den = 1n << BigInt(-e);
  return p >= 0 ? divRound(m * pow10(p), den) : divRound(m, den * pow10(-p));
}

const FLOAT_POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** 'f' formatting of |x| with p digits after the point (no sign). */
export function fixedDigits(x: number, p: number): string {
  if (x === 0) return p > 0 ? "0." + "0".repeat(p) : "0";
  if (x < 1e15 && p <= 15) {
    // Away from a tie, x * 10**p rounded to the nearest integer is the digits: as an exact integer
    // below 2**53 (V8's toFixed costs ~3x more), else through toFixed (exact except that it
    // breaks exact ties upward). Ties go to the exact path below.
    const y = x * FLOAT_POW10[p];
    const fl = Math.floor(y);
    const fr = y - fl;
    if (Math.abs(fr - 0.5) > y * 4e-16 + 1e-300) {
      if (y >= 2 ** 53) return x.toFixed(p);
      const digits = String(fr < 0.5 ? fl : fl + 1);
      if (p === 0) return digits;
      const padded = digits.length <= p ? "0".repeat(p - digits.length + 1) + digits : digits;
      return padded.slice(0, padded.length - p) + "." + padded.slice(padded.length - p);
    }
  }
  const s = scaledInt(Math.abs(x), p).toString();
  if (p === 0) return s;
  const padded = s.length <= p ? "0".repeat(p - s.length + 1) + s : s;
  return padded.slice(0, padded.length - p) + "." + padded.slice(padded.length - p);
}

/** |x| * 10**p rounded down to an integer. */
function scaledFloor(x: number, p: number): bigint {
  const [m, e] = decompose(x);
  if (e >= 0) {
    const v = m << BigInt(e);
    return p >= 0 ? v * pow10(p) : v / pow10(-p);
  }
  const den = 1n << BigInt(-e);
  return p >= 0 ? (m * pow10(p)) / den : m / (den * pow10(-p));
}

/** p+1 significant digits of |x| (x != 0) and the decimal exponent: [digits, exp]. */
export function sciDigits(x: number, p: number): [string, number] {
  const ax = Math.abs(x);
  if (ax === 0) return ["0".repeat(p + 1), 0];
  // The exponent is the k with 10**k <= |x| < 10**(k+1), checked on the exact value: log10 can be
  // one off near a power of ten, and the rounded digits cannot tell (9.99...95e-08 rounds up to
  // ten digits of 1e-07 at 16 digits but not at 17).
  let k = Math.floor(Math.log10(ax));
  for (let tries = 0; tries < 4; tries++) {
    const n = scaledFloor(ax, p - k).toString().length;
    if (n === p + 1) break;
    k += n > p + 1 ? 1 : -1;
  }
  const d = scaledInt(ax, p - k).toString();
  // Rounding carried into the next power of ten (9.996 to 3 digits): 1.00 times 10**(k+1).
  if (d.length === p + 2) return [d.slice(0, p + 1), k + 1];
  return [d, k];
}

function expStr(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}

/** 'e' formatting of |x| */
function expFormat(x: number, p: number, alt: boolean): string {
  const [d, k] = sciDigits(x, p);
  let m = d[0];
  if (p > 0) m += "." + d.slice(1);
  else if (alt) m += ".";
  return m + "e" + expStr(k);
}

/** 'g' formatting of |x|; noType: the spec without a presentation type (at least one decimal). */
function generalFormat(x: number, prec: number, alt: boolean, noType: boolean): string {
  const P = prec === 0 ? 1 : prec;
  if (x === 0) {
    // (no type and one digit: zero's exponent 0 is not below P - 1, so it is written with one, as 1.0's is)
    if (noType && P === 1) return alt ? "0.e+00" : "0e+00";
    if (alt) return "0." + "0".repeat(P - 1);
    return noType ? "0.0" : "0";
  }
  const [d, k] = sciDigits(x, P - 1);
  let s: string;
  if (k >= -4 && k < (noType ? P - 1 : P)) {
    const fp = P - 1 - k;
    s = fixedDigits(x, fp);
    if (!alt && s.includes(".")) {
      s = s.replace(/0+$/, "");
      if (s.endsWith(".")) s = noType ? s + "0" : s.slice(0, -1);
    } else if (alt && !s.includes(".")) s += ".";
  } else {
    let m = d[0];
    let frac = d.slice(1);
    if (!alt) frac = frac.replace(/0+$/, "");
    if (frac.length > 0) m += "." + frac;
    else if (alt) m += ".";
    s = m + "e" + expStr(k);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Spec parsing

interface Spec {
  fill: string;
  align: string; // "" | < > = ^
  sign: string; // "" | + - space
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string; // "" | , _
  precision: number; // -1 when absent
  type: string;
}

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/u;
const specCache = new Map<string, Spec>();

function parseSpec(spec: string, forType: string): Spec {
  let s = specCache.get(spec);
  if (s !== undefined) return s;
  const m = SPEC_RE.exec(spec);
  if (!m) throw specError(spec, forType);
  s = {
    fill: m[1] ?? "",
    align: m[2] ?? "",
    sign: m[3] ?? "",
    z: !!m[4],
    alt: !!m[5],
    zero: !!m[6],
    width: m[7] ? parseInt(m[7], 10) : -1,
    grouping: m[8] ?? "",
    precision: m[9] !== undefined ? parseInt(m[9], 10) : -1,
    type: m[10] ?? "",
  };
  if (s.grouping) {
    const problem = groupingProblem(s.grouping, s.type);
    if (problem) throw problem;
  }
  if (specCache.size > 500) specCache.clear();
  specCache.set(spec, s);
  return s;
}

/** A grouping the presentation type cannot have, as CPython's spec parser judges it (before the object's type does). */
function groupingProblem(grouping: string, type: string): ValueError | null {
  if (type === "" || "defgEFG%".includes(type)) return null;
  if ("boxX".includes(type)) return grouping === "," ? new ValueError(`Cannot specify ',' with '${type}'.`) : null;
  return new ValueError(`Cannot specify '${grouping}' with '${type}'.`);
}

/** Why a spec the standard mini-language refuses is wrong, in CPython's words (its parser's order). */
function specError(spec: string, forType: string): ValueError {
  const m = /^(?:[\s\S]?[<>=^])?[+\- ]?z?#?0?\d*([,_])?([\s\S]*)$/u.exec(spec)!;
  const [, grouping, tail] = m;
  let rest = tail;
  if (grouping && (rest[0] === "," || rest[0] === "_")) {
    return new ValueError(rest[0] === grouping ? `Cannot specify '${grouping}' with '${grouping}'.` : "Cannot specify both ',' and '_'.");
  }
  if (rest.startsWith(".")) {
    const digits = /^\.\d+/.exec(rest);
    if (!digits) return new ValueError("Format specifier missing precision");
    rest = rest.slice(digits[0].length);
  }
  // One character left is the presentation type, which this type does not have (the parser
  // judges a grouping with it first).
  if ([...rest].length === 1 && grouping) {
    const problem = groupingProblem(grouping, rest);
    if (problem) return problem;
  }
  if ([...rest].length === 1) return new ValueError(`Unknown format code '${rest}' for object of type '${forType}'`);
  return new ValueError(`Invalid format specifier '${spec}' for object of type '${forType}'`);
}

/** A float format spec parsed once by a caller that keeps it (printf-style templates). */
export type FloatSpec = Spec;
export function parseFloatSpec(spec: string): FloatSpec {
  return parseSpec(spec, "float");
}

function group(digits: string, sep: string, every: number): string {
  if (sep === "" || digits.length <= every) return digits;
  let out = "";
  let i = digits.length % every;
  if (i > 0) out = digits.slice(0, i);
  for (; i < digits.length; i += every) out += (out ? sep : "") + digits.slice(i, i + every);
  return out;
}

/** Apply sign, zero padding with grouping, and alignment to a formatted number. */
export function finishNumber(sp: Spec, neg: boolean, prefix: string, intPart: string, rest: string, every: number): string {
  const signStr = neg ? "-" : sp.sign === "+" ? "+" : sp.sign === " " ? " " : "";
  let fill = sp.fill;
  let align = sp.align;
  // The 0 flag is a fill of '0' unless a fill is given, whatever the alignment ('<08' pads on the
  // right with zeros); without an alignment it also means '=' (zeros after the sign).
  if (sp.zero && fill === "") {
    fill = "0";
    if (align === "") align = "=";
  }
  if (fill === "") fill = " ";
  if (align === "") align = ">";
  let body = group(intPart, sp.grouping, every);
  if (align === "=" && fill === "0" && sp.zero && sp.width > 0) {
    const target = sp.width - signStr.length - prefix.length - rest.length;
    if (sp.grouping) {
      let d = intPart;
      while (body.length < target) {
        d = "0" + d;
        body = group(d, sp.grouping, every);
      }
    } else if (body.length < target) {
      body = "0".repeat(target - body.length) + body;
    }
    return signStr + prefix + body + rest;
  }
  return align3(signStr + prefix, body + rest, sp.width, fill, align);
}

function align3(lead: string, body: string, width: number, fill: string, align: string): string {
  if (width <= 0) return lead + body;
  const len = strLen(lead) + strLen(body);
  if (width <= len) return lead + body;
  const pad = width - len;
  switch (align) {
    case "<":
      return lead + body + fill.repeat(pad);
    case "^": {
      const left = Math.floor(pad / 2);
      return fill.repeat(left) + lead + body + fill.repeat(pad - left);
    }
    case "=":
      return lead + fill.repeat(pad) + body;
    default:
      return fill.repeat(pad) + lead + body;
  }
}

function formatStr(s: string, spec: string, tname = "str"): string {
  const sp = parseSpec(spec, tname);
  // (a grouping is judged first, as the parser's, against the default type 's')
  if (sp.grouping && sp.type === "") throw new ValueError(`Cannot specify '${sp.grouping}' with 's'.`);
  if (sp.type !== "" && sp.type !== "s") throw new ValueError(`Unknown format code '${sp.type}' for object of type '${tname}'`);
  if (sp.sign) throw new ValueError(`${sp.sign === " " ? "Space" : "Sign"} not allowed in string format specifier`);
  if (sp.z) throw new ValueError("Negative zero coercion (z) not allowed in string format specifier");
  if (sp.alt) throw new ValueError("Alternate form (#) not allowed in string format specifier");
  if (sp.align === "=") throw new ValueError("'=' alignment not allowed in string format specifier");
  if (sp.grouping) throw new ValueError(`Cannot specify '${sp.grouping}' with 's'.`);
  if (sp.precision >= 0) {
    const cps = codePoints(s);
    if (cps === null) s = s.slice(0, sp.precision);
    else s = cps.slice(0, sp.precision).join("");
  }
  let fill = sp.fill || " ";
  if (sp.zero && !sp.fill) fill = "0";
  return align3("", s, sp.width, fill, sp.align || "<");
}

function formatInt(v: bigint, spec: string, tname = "int"): string {
  const sp = parseSpec(spec, tname);
  let t = sp.type;
  switch (t) {
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%":
      return formatFloat(intToFloatChecked(v), spec, sp);
    case "s":
      throw new ValueError(`Unknown format code 's' for object of type '${tname}'`);
  }
  if (sp.precision >= 0) throw new ValueError("Precision not allowed in integer format specifier");
  if (sp.z) throw new ValueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (t === "c") {
    if (sp.sign) throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (sp.alt) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    // (read as a C long first)
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new OverflowError("Python int too large to convert to C long");
    if (v < 0n || v > 0x10ffffn) throw new OverflowError("%c arg not in range(0x110000)");
    return align3("", String.fromCodePoint(Number(v)), sp.width, sp.fill || " ", sp.align || ">");
  }
  const neg = v < 0n;
  const a = neg ? -v : v;
  let digits: string;
  let prefix = "";
  let every = 3;
  switch (t) {
    case "b":
      digits = a.toString(2);
      if (sp.alt) prefix = "0b";
      every = 4;
      break;
    case "o":
      digits = a.toString(8);
      if (sp.alt) prefix = "0o";
      every = 4;
      break;
    case "x":
      digits = a.toString(16);
      if (sp.alt) prefix = "0x";
      every = 4;
      break;
    case "X":
      digits = a.toString(16).toUpperCase();
      if (sp.alt) prefix = "0X";
      every = 4;
      break;
    case "n":
      if (sp.grouping) throw new ValueError("Cannot specify ',' with 'n'.");
      digits = intToDecimal(a);
      break;
    default:
      digits = intToDecimal(a);
  }
  if (sp.grouping === "," && every === 4) throw new ValueError(`Cannot specify ',' with '${t}'.`);
  return finishNumber(sp, neg, prefix, digits, "", every);
}

export function intToFloatChecked(v: bigint): number {
  const f = Number(v);
  if (!Number.isFinite(f)) throw new OverflowError("int too large to convert to float");
  return f;
}

export function formatFloat(x: number, spec: string, sp?: Spec): string {
  sp ??= parseSpec(spec, "float");
  const t = sp.type;
  let neg = x < 0 || Object.is(x, -0);
  let body: string;
  const upper = t === "E" || t === "F" || t === "G";
  const prec = sp.precision;
  let pct = "";
  if (x !== x || x === Infinity || x === -Infinity) {
    // (the type is checked for inf and nan too)
    if (!"eEfFgGn%".includes(t)) throw new ValueError(`Unknown format code '${t}' for object of type 'float'`);
    body = x !== x ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    neg = x === -Infinity;
    if (t === "%") pct = "%";
    // (zero padding pads inf and nan with zeros too, but never groups them)
    const s = finishNumber({ ...sp, grouping: "" }, neg, "", body + pct, "", 3);
    return s;
  }
  const ax = Math.abs(x);
  switch (t) {
    case "f":
    case "F":
      body = fixedDigits(ax, prec < 0 ? 6 : prec);
      if (sp.alt && !body.includes(".")) body += ".";
      break;
    case "e":
    case "E":
      body = expFormat(ax, prec < 0 ? 6 : prec, sp.alt);
      break;
    case "g":
    case "G":
    case "n":
      body = generalFormat(ax, prec < 0 ? 6 : prec, sp.alt, false);
      break;
    case "%":
      // (x * 100 in floating point, as CPython: the largest floats give inf%)
      if (ax * 100 === Infinity) {
        body = "inf";
        pct = "%";
        break;
      }
      body = fixedDigits(ax * 100, prec < 0 ? 6 : prec);
      if (sp.alt && !body.includes(".")) body += ".";
      pct = "%";
      break;
    case "":
      if (prec < 0) {
        body = floatRepr(ax);
      } else {
        body = generalFormat(ax, prec, sp.alt, true);
      }
      break;
    default:
      throw new ValueError(`Unknown format code '${t}' for object of type 'float'`);
  }
  if (upper) body = body.toUpperCase();
  if (sp.z && neg && /^[0.]*(e[+-]\d+)?$/i.test(body.replace(/e.*/i, ""))) {
    if (!/[1-9]/.test(body.replace(/e.*$/i, ""))) neg = false;
  }
  // split integer part (for grouping / zero padding) from the rest
  let d = 0;
  while (d < body.length && body.charCodeAt(d) >= 48 && body.charCodeAt(d) <= 57) d++;
  return finishNumber(sp, neg, "", body.slice(0, d), body.slice(d) + pct, 3);
}

/** format(value, spec) */
export function format(value: unknown, spec: unknown = ""): string {
  if (typeof spec !== "string") throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
  switch (typeof value) {
    case "string":
      return spec === "" ? value : formatStr(value, spec);
    case "bigint":
      return spec === "" ? intToDecimal(value) : formatInt(value, spec);
    case "number":
      return spec === "" ? floatRepr(value) : formatFloat(value, spec);
    case "boolean":
      return spec === "" ? (value ? "True" : "False") : formatInt(value ? 1n : 0n, spec, "bool");
  }
  if (value !== null && typeof value === "object") {
    const f = (value as { __format__?: (s: string) => unknown }).__format__;
    if (typeof f === "function") {
      const r = f.call(value, spec);
      if (typeof r !== "string") throw new TypeError(`__format__ must return a str, not ${typeName(r)}`);
      return r;
    }
  }
  if (spec === "") return str(value);
  throw new TypeError(`unsupported format string passed to ${typeName(value)}.__format__`);
}
(format as { __builtin__?: boolean }).__builtin__ = true;

/** f-string replacement field: conversion is "r", "s", "a" or null. */
export function format_value(value: unknown, conversion?: string | null, spec = ""): string {
  if (conversion) {
    if (conversion === "r") value = repr(value);
    else if (conversion === "s") value = str(value);
    else if (conversion === "a") value = ascii(value);
  }
  if (spec === "" && typeof value === "string") return value;
  return format(value, spec);
}

/** Concatenate f-string parts (already formatted strings). */
export function fstr(...parts: string[]): string {
  return joinChecked(parts, "");
}

export function ascii(x: unknown): string {
  return repr(x).replace(/[^\x00-\x7f]/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0xff) return "\\x" + cp.toString(16).padStart(2, "0");
    if (cp <= 0xffff) return "\\u" + cp.toString(16).padStart(4, "0");
    return "\\U" + cp.toString(16).padStart(8, "0");
  });
}
(ascii as { __builtin__?: boolean }).__builtin__ = true;

void className;

export { scaledInt as scaledIntExport };
