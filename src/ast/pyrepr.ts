// Python's repr() of the values an AST holds (str, bytes, int, float, complex, bool, None,
// Ellipsis), needed to print ast.dump text that matches CPython byte for byte.

import type { ConstantValue } from "./nodes.js";
import PRINTABLE_DELTAS from "./pyprintable.js";

/**
 * str.isprintable() of CPython 3.12 (Unicode 15.0): the JavaScript engine's own Unicode tables
 * are often newer, so the code points where printability flips come from pyprintable.ts.
 */
let printableEdges: Uint32Array | null = null;

function isPrintable(cp: number): boolean {
  if (!printableEdges) {
    const deltas = PRINTABLE_DELTAS.split(",");
    printableEdges = new Uint32Array(deltas.length);
    let at = 0;
    deltas.forEach((d, i) => (printableEdges![i] = at += parseInt(d, 36)));
  }
  // The number of edges at or below cp: odd means printable (the table starts non-printable).
  let lo = 0;
  let hi = printableEdges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (printableEdges[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/**
 * repr(str). `lone` lists the indices of UTF-16 units that are code points of their own in
 * Python (surrogates written as escapes, `"\\ud800\\udc02"`): JavaScript would read such a pair
 * as one character.
 */
export function strRepr(s: string, lone?: readonly number[]): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  const split = lone?.length ? new Set(lone) : null;
  for (let i = 0; i < s.length; i++) {
    let cp = s.codePointAt(i)!;
    if (cp > 0xffff) {
      if (split?.has(i)) cp = s.charCodeAt(i);
      else i++;
    }
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (!isPrintable(cp)) {
      out += cp < 0x100 ? "\\x" + hex(cp, 2) : cp < 0x10000 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

/** `bytes` values are stored as strings of char codes 0-255. */
export function bytesRepr(b: string): string {
  const quote = b.includes("'") && !b.includes('"') ? '"' : "'";
  let out = "b" + quote;
  for (let i = 0; i < b.length; i++) {
    const ch = b[i];
    const c = b.charCodeAt(i);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + hex(c, 2);
    else out += ch;
  }
  return out + quote;
}

/** repr(float): shortest round-trip digits, Python's choice of fixed or exponent notation. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mant, expText] = Math.abs(x).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1) || "0";
  return `${sign}${intPart}.${frac}`;
}

/** repr(complex) of a pure imaginary literal: no forced ".0" (1j, 1.5j, 1e+16j, infj). */
export function imagRepr(x: number): string {
  const r = floatRepr(x);
  return (r.endsWith(".0") ? r.slice(0, -2) : r) + "j";
}

export function constantRepr(v: ConstantValue, lone?: readonly number[]): string {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "string") return strRepr(v, lone);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return floatRepr(v);
  if ("complex" in v) return imagRepr(v.complex);
  if ("bytes" in v) return bytesRepr(v.bytes);
  return "Ellipsis";
}
