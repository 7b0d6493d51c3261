// Values of number and string literals, decoded the way CPython's tokenizer and parser do it.

import type { ConstantValue } from "../ast/nodes.js";
import { unicodeName } from "./unicode-names.js";

/** A problem in a literal: `at` is an offset into the literal's text. */
export class LiteralError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly end: number = at,
  ) {
    super(message);
  }
}

const MAX_STR_DIGITS = 4300;

/** A decimal int literal past the int<->str conversion limit (CPython gives it no column). */
export class IntLimitError extends Error {
  constructor(digits: number) {
    super(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; ` +
        "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
    );
  }
}

/** Value of a Number token: int → bigint, float → number, imaginary → {complex}. */
export function numberValue(text: string): ConstantValue {
  // A decimal int of up to 15 digits without a leading zero (most literals): exact as a double,
  // no regular expressions.
  if (text.length > 0 && text.length <= 15 && (text.length === 1 || text.charCodeAt(0) !== 48)) {
    let digits = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
    }
    if (digits) return BigInt(Number(text));
  }
  const t = text.replace(/_/g, "");
  if (/^0[xob]/i.test(t)) return BigInt(t.slice(0, 2).toLowerCase() + t.slice(2));
  const last = t[t.length - 1];
  if (last === "j" || last === "J") return { complex: Number(t.slice(0, -1)) };
  if (/^[0-9]+$/.test(t)) {
    if (t.length > 1 && t[0] === "0" && /[1-9]/.test(t))
      throw new LiteralError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 0, text.length);
    // The compiler converts with the default int<->str limit (runtime/builtins/int-limit.ts).
    if (t.length > MAX_STR_DIGITS) throw new IntLimitError(t.length);
    return BigInt(t);
  }
  return Number(t);
}

/** The parts of a string token: prefix letters, quote, and the text between the quotes. */
export interface StringToken {
  prefix: string;
  quote: string;
  /** Offset of the body inside the token text. */
  bodyStart: number;
  body: string;
  raw: boolean;
  bytes: boolean;
  fstring: boolean;
  unicode: boolean;
}

export function splitStringToken(text: string): StringToken {
  let i = 0;
  while (i < text.length && text[i] !== "'" && text[i] !== '"') i++;
  // (most strings have no prefix, and the triple quotes are constants: no new string for either)
  const prefix = i === 0 ? "" : text.slice(0, i).toLowerCase();
  const q = text[i];
  const triple = q === '"' ? '"""' : q === "'" ? "'''" : q.repeat(3);
  const quote = text.length >= i + 6 && text.startsWith(triple, i) ? triple : q;
  const bodyStart = i + quote.length;
  const closed = text.length >= bodyStart + quote.length && text.endsWith(quote);
  const body = text.slice(bodyStart, closed ? text.length - quote.length : text.length);
  return {
    prefix,
    quote,
    bodyStart,
    body,
    raw: prefix.includes("r"),
    bytes: prefix.includes("b"),
    fstring: prefix.includes("f"),
    unicode: prefix === "u",
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

const isHex = (s: string) => /^[0-9a-fA-F]+$/.test(s);

/**
 * Decodes the body of a string literal. CRLF and lone CR become "\n" (CPython reads source with
 * universal newlines). In f-string literal parts, `{{` and `}}` stand for one brace. `lone`
 * collects the indices of surrogates written as escapes (each its own code point in Python).
 */
export function decodeBody(body: string, opts: { raw: boolean; bytes: boolean; fstring?: boolean }, lone?: number[]): string {
  // Most bodies have nothing to decode: the body is the value (the loop below copies it a
  // character at a time, a docstring's thousands of characters as thousands of concatenations).
  if (isPlainBody(body, opts)) return body;
  let out = "";
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body[i];
    if (c === "\r") {
      out += "\n";
      if (body[i + 1] === "\n") i++;
    } else if (opts.fstring && (c === "{" || c === "}") && body[i + 1] === c) {
      out += c;
      i++;
    } else if (c !== "\\" || opts.raw) {
      if (opts.bytes && c.charCodeAt(0) > 0x7f) throw new LiteralError("bytes can only contain ASCII literal characters", i);
      out += c;
    } else {
      i = decodeEscape(body, i, opts.bytes, (s) => {
        // A surrogate written as an escape is a code point of its own (see strRepr's `lone`).
        if (lone && s.length === 1 && s >= "\ud800" && s <= "\udfff") lone.push(out.length);
        out += s;
      });
    }
  }
  return out;
}

/** Whether decodeBody would copy `body` unchanged: no CR, no escape, no brace of an f-string piece, no non-ASCII byte. */
function isPlainBody(body: string, opts: { raw: boolean; bytes: boolean; fstring?: boolean }): boolean {
  const escapes = !opts.raw;
  const braces = opts.fstring === true;
  const bytes = opts.bytes;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13 || (c === 92 && escapes) || ((c === 123 || c === 125) && braces) || (c > 0x7f && bytes)) return false;
  }
  return true;
}

/** Decodes the escape starting with the backslash at `i`; returns the index of its last char. */
function decodeEscape(body: string, i: number, bytes: boolean, emit: (s: string) => void): number {
  const e = body[i + 1];
  if (e === undefined) {
    emit("\\");
    return i;
  }
  if (e === "\n") return i + 1;
  if (e === "\r") return body[i + 2] === "\n" ? i + 2 : i + 1;
  if (e in SIMPLE_ESCAPES) {
    emit(SIMPLE_ESCAPES[e]);
    return i + 1;
  }
  if (e >= "0" && e <= "7") {
    let j = i + 1;
    let digits = "";
    while (j < body.length && digits.length < 3 && body[j] >= "0" && body[j] <= "7") digits += body[j++];
    const v = parseInt(digits, 8);
    emit(bytes ? String.fromCharCode(v & 0xff) : String.fromCodePoint(v));
    return j - 1;
  }
  const hexLen = e === "x" ? 2 : !bytes && e === "u" ? 4 : !bytes && e === "U" ? 8 : 0;
  if (hexLen) {
    const digits = body.slice(i + 2, i + 2 + hexLen);
    if (digits.length < hexLen || !isHex(digits)) {
      const kind = bytes ? "bytes" : "unicode";
      const what = e === "x" ? "\\xXX" : e === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
      const valid = /^[0-9a-fA-F]*/.exec(digits)![0].length;
      const codec = bytes ? "could not convert" : `'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + valid}`;
      throw new LiteralError(bytes ? `(value error) invalid \\x escape at position ${i}` : `(${kind} error) ${codec}: truncated ${what} escape`, i);
    }
    const v = parseInt(digits, 16);
    if (v > 0x10ffff)
      throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 9}: illegal Unicode character`, i);
    emit(String.fromCodePoint(v));
    return i + 1 + hexLen;
  }
  if (!bytes && e === "N") {
    const close = body.indexOf("}", i + 3);
    const name = body[i + 2] === "{" && close > 0 ? body.slice(i + 3, close) : null;
    const ch = name === null ? undefined : unicodeName(name);
    if (ch === undefined)
      throw new LiteralError(
        `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${close > 0 ? close : i + 1}: ${name === null ? "malformed \\N character escape" : "unknown Unicode character name"}`,
        i,
      );
    emit(ch);
    return close;
  }
  // An unknown escape keeps its backslash (CPython only warns).
  emit("\\");
  return i;
}
