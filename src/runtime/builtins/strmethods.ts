// Methods of str, int and float receivers (JS primitives), used by callm() and getattr().
import { LookupError, TypeError, ValueError, OverflowError } from "./exceptions.js";
import { late } from "./late.js";
import { PyList, PyTuple } from "./collections.js";
import { KwArgs, popKw } from "./object.js";
import { typeName, toIterable, index as toIndex, truthy } from "./protocol.js";
import { codePoints, strLen } from "./slices.js";
import { strFormatv, strFormatMap } from "./strformat.js";
import { takes_packed, unpacked } from "./star-call.js";
import { joinChecked } from "./surrogates.js";
import { floatRepr } from "./repr.js";
import { PyBytes, wrapBytes } from "./bytes.js";
import { encodeString } from "./codecs.js";
import { intToBytes } from "./intbytes.js";

type Fn = (self: any, ...args: any[]) => any;

const WS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RE = new RegExp(`[${WS}]+`, "g");
const WS_ONE = new RegExp(`^[${WS}]$`);
const LSTRIP_WS = new RegExp(`^[${WS}]+`);
const RSTRIP_WS = new RegExp(`[${WS}]+$`);
const ISSPACE = new RegExp(`^[${WS}]+$`);

const VALUE_TYPE = Symbol.for("tsyncio.valueType");

/** A str, or the value of a str subclass's instance or a StrEnum member (which CPython's str methods take as str). */
function strArg(x: unknown): unknown {
  if (typeof x === "string" || x === null || typeof x !== "object" || (x as Record<symbol, unknown>)[VALUE_TYPE] !== "str") return x;
  const v = (x as { _value_: unknown })._value_;
  return typeof v === "string" ? v : x;
}

function checkStr(x: unknown, what: string): string {
  if (typeof x === "string") return x;
  const v = strArg(x);
  // `what` is either the argument's name or the whole message up to its closing "not".
  if (typeof v !== "string") throw new TypeError(what.endsWith(" not") ? `${what} ${typeName(x)}` : `${what} must be str, not ${typeName(x)}`);
  return v;
}

function stripChars(s: string, chars: unknown, left: boolean, right: boolean, name: string): string {
  if (chars === undefined || chars === null) {
    if (left) s = s.replace(LSTRIP_WS, "");
    if (right) s = s.replace(RSTRIP_WS, "");
    return s;
  }
  chars = strArg(chars);
  if (typeof chars !== "string") throw new TypeError(`${name} arg must be None or str`);
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join("");
}

/** convert optional start/end (code point indices) to UTF-16 offsets in s */
function range16(s: string, start: unknown, end: unknown): [number, number, string[] | null] {
  const cps = codePoints(s);
  const n = cps === null ? s.length : cps.length;
  let a = start === undefined || start === null ? 0 : Number(toIndex(start));
  let b = end === undefined || end === null ? n : Number(toIndex(end));
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  if (b > n) b = n;
  if (cps === null) return [a, b, null];
  const off = (k: number) => (k >= n ? s.length : cps.slice(0, k).join("").length);
  return [a > n ? s.length + 1 : off(a), off(b), cps];
}

function cpIndex(s: string, i16: number, cps: string[] | null): bigint {
  if (cps === null || i16 < 0) return BigInt(i16);
  return BigInt(Array.from(s.slice(0, i16)).length);
}

function find(s: string, sub: string, start?: unknown, end?: unknown): bigint {
  sub = checkStr(sub, "must be str, not");
  const [a, b, cps] = range16(s, start, end);
  if (a > b) return -1n;
  const i = s.slice(0, b).indexOf(sub, a);
  return i < 0 ? -1n : cpIndex(s, i, cps);
}

function rfind(s: string, sub: string, start?: unknown, end?: unknown): bigint {
  sub = checkStr(sub, "must be str, not");
  const [a, b, cps] = range16(s, start, end);
  if (a > b) return -1n;
  const hay = s.slice(0, b);
  const i = hay.lastIndexOf(sub);
  return i < a ? -1n : cpIndex(s, i, cps);
}

/**
 * split()/rsplit()'s arguments with keywords: the keywords arrive in the first parameter not given
 * positionally (split(sep=",", maxsplit=1) passes them all as `sep`).
 */
function splitArgs(name: string, sep: unknown, maxsplit: unknown): [unknown, unknown] {
  const args = maxsplit instanceof KwArgs ? [sep, maxsplit] : [sep];
  const kw = popKw(args);
  if (!kw) return [sep, maxsplit];
  const given = args.length;
  sep = given > 0 ? args[0] : null;
  maxsplit = -1n;
  for (const [k, v] of Object.entries(kw)) {
    if (k === "sep" && given === 0) sep = v;
    else if (k === "maxsplit") maxsplit = v;
    else if (k === "sep") throw new TypeError(`argument for ${name}() given by name ('sep') and position (1)`);
    else throw new TypeError(`'${k}' is an invalid keyword argument for ${name}()`);
  }
  return [sep, maxsplit];
}

/** A third positional argument (without keywords; those are splitArgs' to judge). */
function tooManySplitArgs(name: string, extra: unknown[]): void {
  if (extra.length > 0 && !extra.some((x) => x instanceof KwArgs)) throw new TypeError(`${name}() takes at most 2 arguments (${2 + extra.length} given)`);
}

function split(s: string, sep: unknown = null, maxsplit: unknown = -1n, ...extra: unknown[]): PyList<string> {
  tooManySplitArgs("split", extra);
  [sep, maxsplit] = splitArgs("split", sep, maxsplit);
  // (maxsplit=None is CPython's TypeError: not an integer)
  let max = maxsplit === undefined ? -1 : Number(toIndex(maxsplit));
  const out = new PyList<string>();
  if (sep === undefined || sep === null) {
    let t = s.replace(LSTRIP_WS, "");
    while (t.length > 0) {
      // (what is left keeps its trailing whitespace: `'a b  '.split(None, 1)` is ['a', 'b  '])
      if (max === 0) {
        out.push(t);
        return out;
      }
      WS_RE.lastIndex = 0;
      const m = WS_RE.exec(t);
      if (!m) {
        out.push(t);
        return out;
      }
      out.push(t.slice(0, m.index));
      t = t.slice(m.index + m[0].length);
      max--;
    }
    return out;
  }
  sep = strArg(sep);
  if (typeof sep !== "string") throw new TypeError(`must be str or None, not ${typeName(sep)}`);
  if (sep === "") throw new ValueError("empty separator");
  if (max < 0) {
    for (const p of s.split(sep)) out.push(p);
    return out;
  }
  let i = 0;
  while (max-- > 0) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplit(s: string, sep: unknown = null, maxsplit: unknown = -1n, ...extra: unknown[]): PyList<string> {
  tooManySplitArgs("rsplit", extra);
  [sep, maxsplit] = splitArgs("rsplit", sep, maxsplit);
  // (maxsplit=None is CPython's TypeError: not an integer)
  let max = maxsplit === undefined ? -1 : Number(toIndex(maxsplit));
  if (max < 0) return split(s, sep);
  const parts: string[] = [];
  if (sep === undefined || sep === null) {
    let t = s.replace(RSTRIP_WS, "");
    while (t.length > 0) {
      // (what is left keeps its leading whitespace: `'  a b'.rsplit(None, 1)` is ['  a', 'b'])
      if (max === 0) {
        parts.push(t);
        break;
      }
      const m = new RegExp(`[${WS}]+(?!.*[${WS}])`, "s").exec(t);
      if (!m) {
        parts.push(t);
        break;
      }
      parts.push(t.slice(m.index + m[0].length));
      t = t.slice(0, m.index);
      max--;
    }
    return PyList.fromArray(parts.reverse());
  }
  sep = strArg(sep);
  if (typeof sep !== "string") throw new TypeError(`must be str or None, not ${typeName(sep)}`);
  if (sep === "") throw new ValueError("empty separator");
  let end = s.length;
  while (max-- > 0) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    parts.push(s.slice(j + sep.length, end));
    end = j;
  }
  parts.push(s.slice(0, end));
  return PyList.fromArray(parts.reverse());
}

function join(s: string, it: unknown): string {
  const parts: string[] = [];
  let i = 0;
  let items: Iterable<unknown>;
  try {
    items = toIterable(it);
  } catch (e) {
    if (e instanceof TypeError && String(e.args[0]) === `'${typeName(it)}' object is not iterable`) throw new TypeError("can only join an iterable");
    throw e;
  }
  for (const x of items) {
    if (typeof x !== "string") {
      // A str subclass's instance or a StrEnum member joins as its value.
      const v = x !== null && typeof x === "object" && (x as Record<symbol, unknown>)[VALUE_TYPE] === "str" ? (x as { _value_: unknown })._value_ : null;
      if (typeof v !== "string") throw new TypeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
      parts.push(v);
      i++;
      continue;
    }
    parts.push(x);
    i++;
  }
  return joinChecked(parts, s);
}

function replace(s: string, old: unknown, nw: unknown, count: unknown = -1n): string {
  const o = checkStr(old, "replace() argument 1");
  const r = checkStr(nw, "replace() argument 2");
  let c = count === undefined || count === null ? -1 : Number(toIndex(count));
  if (c < 0) {
    if (o !== "") return s.split(o).join(r);
    c = Infinity;
  }
  if (o === "") {
    const cps = Array.from(s);
    let out = "";
    let k = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (k < c) {
        out += r;
        k++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  let out = "";
  let i = 0;
  while (c-- > 0) {
    const j = s.indexOf(o, i);
    if (j < 0) break;
    out += s.slice(i, j) + r;
    i = j + o.length;
  }
  return out + s.slice(i);
}

function startsEnds(s: string, prefix: unknown, start: unknown, end: unknown, ends: boolean): boolean {
  const name = ends ? "endswith" : "startswith";
  const [a, b] = range16(s, start, end);
  if (a > s.length) return false;
  const sub = s.slice(a, Math.max(a, b));
  const test = (p: unknown): boolean => {
    if (typeof p !== "string") {
      const v = strArg(p);
      if (typeof v !== "string") throw new TypeError(`tuple for ${name} must only contain str, not ${typeName(p)}`);
      p = v;
    }
    return ends ? sub.endsWith(p as string) : sub.startsWith(p as string);
  };
  if (prefix instanceof PyTuple) return prefix.some(test);
  prefix = strArg(prefix);
  if (typeof prefix !== "string") {
    throw new TypeError(`${name} first arg must be str or a tuple of str, not ${typeName(prefix)}`);
  }
  return test(prefix);
}

function count(s: string, sub: unknown, start?: unknown, end?: unknown): bigint {
  sub = checkStr(sub, "must be str, not");
  const [a, b] = range16(s, start, end);
  if (a > b) return 0n;
  const hay = s.slice(a, b);
  if (sub === "") return BigInt(strLen(hay) + 1);
  return BigInt(hay.split(sub as string).length - 1);
}

function fillArg(f: unknown): string {
  if (f === undefined) return " ";
  f = strArg(f);
  if (typeof f !== "string") throw new TypeError(`The fill character must be a unicode character, not ${typeName(f)}`);
  if (strLen(f) !== 1) throw new TypeError("The fill character must be exactly one character long");
  return f;
}

function center(s: string, width: unknown, fill?: unknown): string {
  const w = Number(toIndex(width));
  const f = fillArg(fill);
  const n = strLen(s);
  if (w <= n) return s;
  const marg = w - n;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return f.repeat(left) + s + f.repeat(marg - left);
}

function ljust(s: string, width: unknown, fill?: unknown): string {
  const w = Number(toIndex(width));
  // (the fill is checked even when nothing is padded)
  const f = fillArg(fill);
  const n = strLen(s);
  return w <= n ? s : s + f.repeat(w - n);
}
function rjust(s: string, width: unknown, fill?: unknown): string {
  const w = Number(toIndex(width));
  // (the fill is checked even when nothing is padded)
  const f = fillArg(fill);
  const n = strLen(s);
  return w <= n ? s : f.repeat(w - n) + s;
}
function zfill(s: string, width: unknown): string {
  const w = Number(toIndex(width));
  const n = strLen(s);
  if (w <= n) return s;
  const pad = "0".repeat(w - n);
  if (s[0] === "+" || s[0] === "-") return s[0] + pad + s.slice(1);
  return pad + s;
}

// Made at first use: a regular expression with Unicode property classes costs ~0.1-0.3 ms to make
// (V8 builds its character sets from ICU's tables), which a program that never asks pays at start-up.
// CPython's classes: isupper/islower ask Unicode's Uppercase and Lowercase properties (Lu and Ll
// plus letters such as ª and Ⓐ), a titlecase letter (Lt, ǅ) is neither, and title() goes by Cased.
let casedRe: RegExp | undefined;
let lowerRe: RegExp | undefined;
let upperRe: RegExp | undefined;
let titleRe: RegExp | undefined;
const CASED = () => (casedRe ??= /\p{Cased}/u);
const LOWER = () => (lowerRe ??= /\p{Lowercase}/u);
const UPPER = () => (upperRe ??= /\p{Uppercase}/u);
const TITLE = () => (titleRe ??= /\p{Lt}/u);

const SIGMA_CASED = /^\p{Cased}$/u;
const SIGMA_IGNORABLE = /^\p{Case_Ignorable}$/u;

/**
 * cps[i] in lower case, where a capital sigma is final (ς) after a cased letter and before none
 * (case-ignorable characters between skipped), as Unicode's Final_Sigma and CPython's lower() say.
 */
function lowerAt(cps: string[], i: number): string {
  const ch = cps[i];
  if (ch !== "\u03a3") return ch.toLowerCase();
  let j = i - 1;
  while (j >= 0 && SIGMA_IGNORABLE.test(cps[j])) j--;
  if (j < 0 || !SIGMA_CASED.test(cps[j])) return "\u03c3";
  let k = i + 1;
  while (k < cps.length && SIGMA_IGNORABLE.test(cps[k])) k++;
  return k < cps.length && SIGMA_CASED.test(cps[k]) ? "\u03c3" : "\u03c2";
}

function title(s: string): string {
  let out = "";
  let prevCased = false;
  const cps = s.includes("\u03a3") ? Array.from(s) : null;
  let i = 0;
  for (const ch of s) {
    if (prevCased) out += cps === null ? ch.toLowerCase() : lowerAt(cps, i);
    else out += ch.toUpperCase() === ch.toLowerCase() ? ch : titleChar(ch);
    prevCased = CASED().test(ch);
    i++;
  }
  return out;
}

/**
 * Titlecase mappings that are not the uppercase's first letter followed by the rest in lower case
 * (Unicode's: ŉ, the Latin digraphs, Greek letters with iota subscript), as CPython 3.12 maps them.
 */
const TITLE_SPECIAL: Record<string, string> = {
  "\u0149": "\u02bcN",
  "\u01c4": "\u01c5",
  "\u01c5": "\u01c5",
  "\u01c6": "\u01c5",
  "\u01c7": "\u01c8",
  "\u01c8": "\u01c8",
  "\u01c9": "\u01c8",
  "\u01ca": "\u01cb",
  "\u01cb": "\u01cb",
  "\u01cc": "\u01cb",
  "\u01f1": "\u01f2",
  "\u01f2": "\u01f2",
  "\u01f3": "\u01f2",
  "\u1fb2": "\u1fba\u0345",
  "\u1fb3": "\u1fbc",
  "\u1fb4": "\u0386\u0345",
  "\u1fb7": "\u0391\u0342\u0345",
  "\u1fbc": "\u1fbc",
  "\u1fc2": "\u1fca\u0345",
  "\u1fc3": "\u1fcc",
  "\u1fc4": "\u0389\u0345",
  "\u1fc7": "\u0397\u0342\u0345",
  "\u1fcc": "\u1fcc",
  "\u1ff2": "\u1ffa\u0345",
  "\u1ff3": "\u1ffc",
  "\u1ff4": "\u038f\u0345",
  "\u1ff7": "\u03a9\u0342\u0345",
  "\u1ffc": "\u1ffc",
};

function titleChar(ch: string): string {
  const special = TITLE_SPECIAL[ch];
  if (special !== undefined) return special;
  const cp = ch.codePointAt(0)!;
  // Georgian Mkhedruli letters title as themselves (their uppercase is Mtavruli).
  if (cp >= 0x10d0 && cp <= 0x10ff && cp !== 0x10fb && cp !== 0x10fc) return ch;
  // Greek with iota subscript, U+1F80-1FAF: each group of 16 titles as its last 8 letters.
  if (cp >= 0x1f80 && cp <= 0x1faf) return String.fromCharCode(cp | 8);
  const u = ch.toUpperCase();
  return Array.from(u).length > 1 ? u[0] + u.slice(1).toLowerCase() : u;
}
function capitalize(s: string): string {
  const cps = Array.from(s);
  if (cps.length === 0) return s;
  if (!s.includes("\u03a3")) return titleChar(cps[0]) + cps.slice(1).join("").toLowerCase();
  return (
    titleChar(cps[0]) +
    cps
      .slice(1)
      .map((_, j) => lowerAt(cps, j + 1))
      .join("")
  );
}
function swapcase(s: string): string {
  let out = "";
  const cps = s.includes("\u03a3") ? Array.from(s) : null;
  let i = 0;
  for (const ch of s) {
    out += UPPER().test(ch) ? (cps === null ? ch.toLowerCase() : lowerAt(cps, i)) : LOWER().test(ch) ? ch.toUpperCase() : ch;
    i++;
  }
  return out;
}
function isupper(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (LOWER().test(ch) || TITLE().test(ch)) return false;
    if (UPPER().test(ch)) cased = true;
  }
  return cased;
}
function islower(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (UPPER().test(ch) || TITLE().test(ch)) return false;
    if (LOWER().test(ch)) cased = true;
  }
  return cased;
}
function istitle(s: string): boolean {
  let cased = false;
  let prev = false;
  for (const ch of s) {
    if (UPPER().test(ch) || TITLE().test(ch)) {
      if (prev) return false;
      prev = true;
      cased = true;
    } else if (LOWER().test(ch)) {
      if (!prev) return false;
      prev = true;
      cased = true;
    } else prev = false;
  }
  return cased;
}

function partition(s: string, sep: unknown): PyTuple<string> {
  if (sep instanceof KwArgs) throw new TypeError("str.partition() takes no keyword arguments");
  sep = checkStr(sep, "must be str, not");
  if (sep === "") throw new ValueError("empty separator");
  const i = s.indexOf(sep as string);
  if (i < 0) return PyTuple.of(s, "", "");
  return PyTuple.of(s.slice(0, i), sep as string, s.slice(i + (sep as string).length));
}
function rpartition(s: string, sep: unknown): PyTuple<string> {
  if (sep instanceof KwArgs) throw new TypeError("str.rpartition() takes no keyword arguments");
  sep = checkStr(sep, "must be str, not");
  if (sep === "") throw new ValueError("empty separator");
  const i = s.lastIndexOf(sep as string);
  if (i < 0) return PyTuple.of("", "", s);
  return PyTuple.of(s.slice(0, i), sep as string, s.slice(i + (sep as string).length));
}

function splitlines(s: string, keepends: unknown = false): PyList<string> {
  const args = [keepends];
  const kw = popKw(args);
  if (kw && "keepends" in kw) keepends = kw.keepends;
  else if (kw) keepends = false;
  const keep = truthy(keepends);
  const out = new PyList<string>();
  const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let i = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push(keep ? s.slice(i, m.index + m[0].length) : s.slice(i, m.index));
    i = m.index + m[0].length;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}

function expandtabs(s: string, tabsize: unknown = 8n): string {
  // (expandtabs(tabsize=4): the keyword arrives as the one parameter)
  if (tabsize instanceof KwArgs) tabsize = popKw([tabsize])?.tabsize ?? 8n;
  const ts = Number(toIndex(tabsize));
  let out = "";
  let col = 0;
  for (const ch of s) {
    if (ch === "\t") {
      if (ts > 0) {
        const n = ts - (col % ts);
        out += " ".repeat(n);
        col += n;
      }
    } else if (ch === "\n" || ch === "\r") {
      out += ch;
      col = 0;
    } else {
      out += ch;
      col++;
    }
  }
  return out;
}

function encode(s: string, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const u = encodeString(s, "encoding" in kw ? kw.encoding : (args[0] ?? "utf-8"), "errors" in kw ? kw.errors : (args[1] ?? "strict"));
  return wrapBytes(u);
}

/**
 * Full case folding: per character, upper- then lower-casing gives Unicode's folding (ß → ss,
 * ſ → s, ς → σ) except for a few characters handled here (Cherokee folds to upper case).
 * Per character, so that lower-casing's final-sigma rule does not apply.
 */
function casefold(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = "";
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp === 0x131) out += c;
    else if (cp === 0x1e9e) out += "ss";
    else if ((cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) out += c.toUpperCase();
    else if (cp >= 0x13a0 && cp <= 0x13f5) out += c;
    else out += c.toUpperCase().toLowerCase();
  }
  return out;
}

/** A test of every character; a Unicode pattern's expression is made at first use (as CASED's). */
const isX = (pattern: RegExp | string) => {
  let re = typeof pattern === "string" ? undefined : pattern;
  return (s: string) => s.length > 0 && (re ??= new RegExp(pattern, "u")).test(s);
};

const STR_METHODS: Record<string, Fn> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  casefold,
  strip: (s: string, c?: unknown) => stripChars(s, c, true, true, "strip"),
  lstrip: (s: string, c?: unknown) => stripChars(s, c, true, false, "lstrip"),
  rstrip: (s: string, c?: unknown) => stripChars(s, c, false, true, "rstrip"),
  split,
  rsplit,
  join,
  replace,
  startswith: (s: string, p: unknown, a?: unknown, b?: unknown) => startsEnds(s, p, a, b, false),
  endswith: (s: string, p: unknown, a?: unknown, b?: unknown) => startsEnds(s, p, a, b, true),
  find,
  rfind,
  index: (s: string, sub: string, a?: unknown, b?: unknown) => {
    const r = find(s, sub, a, b);
    if (r < 0n) throw new ValueError("substring not found");
    return r;
  },
  rindex: (s: string, sub: string, a?: unknown, b?: unknown) => {
    const r = rfind(s, sub, a, b);
    if (r < 0n) throw new ValueError("substring not found");
    return r;
  },
  count,
  format: takes_packed((s: string, ...args: unknown[]) => strFormatv(s, unpacked(args).slice()), 1),
  format_map: (s: string, m: unknown) => strFormatMap(s, m),
  center,
  ljust,
  rjust,
  zfill,
  title,
  capitalize,
  swapcase,
  isdigit: isX("^\\p{Nd}+$"),
  isdecimal: isX("^\\p{Nd}+$"),
  isnumeric: isX("^\\p{N}+$"),
  isalpha: isX("^\\p{L}+$"),
  isalnum: isX("^[\\p{L}\\p{N}]+$"),
  isspace: isX(ISSPACE),
  isupper,
  islower,
  istitle,
  isascii: (s: string) => /^[\x00-\x7f]*$/.test(s),
  isidentifier: (s: string) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s),
  isprintable: (s: string) => !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(s.replace(/ /g, "")),
  partition,
  rpartition,
  splitlines,
  encode,
  removeprefix: (s: string, p: unknown) => {
    const x = checkStr(p, "removeprefix() argument");
    return s.startsWith(x) ? s.slice(x.length) : s;
  },
  removesuffix: (s: string, p: unknown) => {
    const x = checkStr(p, "removesuffix() argument");
    return x.length > 0 && s.endsWith(x) ? s.slice(0, s.length - x.length) : s;
  },
  expandtabs,
  __len__: (s: string) => BigInt(strLen(s)),
  __contains__: (s: string, x: unknown) => s.includes(checkStr(x, "'in <string>' requires string as left operand, not")),
  __str__: (s: string) => s,
  maketrans: (_s: string, ...args: unknown[]) => maketrans(...args),
  translate: (s: string, table: unknown) => translate(s, table),
};

function maketrans(...args: unknown[]): unknown {
  if (args.length === 0 || args.length > 3) throw new TypeError(`maketrans() takes from 1 to 3 positional arguments but ${args.length} were given`);
  const [x, y, z] = args;
  // A dict of code points to replacement strings (or None).
  const { PyDict } = dictRef();
  const d = new PyDict<bigint, unknown>();
  if (args.length === 1) {
    if (!(x instanceof PyDict)) throw new TypeError("if you give only one argument to maketrans it must be a dict");
    for (const [k, v] of x.entries()) {
      if (typeof k === "string") {
        if (strLen(k) !== 1) throw new ValueError("string keys in translate table must be of length 1");
        d.__setitem__(BigInt(k.codePointAt(0)!), v);
      } else if (typeof k === "bigint" || typeof k === "boolean") d.__setitem__(BigInt(k), v);
      else throw new TypeError("keys in translate table must be strings or integers");
    }
    return d;
  }
  if (typeof x !== "string") throw new TypeError("first maketrans argument must be a string if there is a second argument");
  if (typeof y !== "string") throw new TypeError(`maketrans() argument 2 must be str, not ${typeName(y)}`);
  const a = Array.from(x);
  const b = Array.from(y);
  if (a.length !== b.length) throw new ValueError("the first two maketrans arguments must have equal length");
  a.forEach((c, i) => d.__setitem__(BigInt(c.codePointAt(0)!), BigInt(b[i].codePointAt(0)!)));
  if (args.length === 3) {
    if (typeof z !== "string") throw new TypeError(`maketrans() argument 3 must be str, not ${typeName(z)}`);
    for (const c of z) d.__setitem__(BigInt(c.codePointAt(0)!), null);
  }
  return d;
}
function translate(s: string, table: unknown): string {
  let out = "";
  const { PyDict } = dictRef();
  // An exact dict answers misses without an exception per character.
  const dict = table instanceof PyDict && table.constructor === PyDict ? table : null;
  for (const ch of s) {
    const k = BigInt(ch.codePointAt(0)!);
    let v: unknown;
    if (dict !== null) {
      if (!dict.__contains__(k)) {
        out += ch;
        continue;
      }
      v = dict.get(k);
    } else {
      try {
        v = late.getitem(table, k);
      } catch (e) {
        if (e instanceof LookupError) {
          out += ch;
          continue;
        }
        throw e;
      }
    }
    if (v === null || v === undefined) continue;
    if (typeof v === "string") out += v;
    else if (typeof v === "bigint" || typeof v === "boolean") {
      const n = BigInt(v);
      if (n < 0n || n > 0x10ffffn) throw new ValueError("character mapping must be in range(0x110000)");
      out += String.fromCodePoint(Number(n));
    } else throw new TypeError("character mapping must return integer, None or str");
  }
  return out;
}
import { PyDict } from "./collections.js";
function dictRef(): { PyDict: typeof PyDict } {
  return { PyDict };
}

function bitLength(i: bigint): bigint {
  if (i < 0n) i = -i;
  return i === 0n ? 0n : BigInt(i.toString(2).length);
}

function asIntSelf(x: bigint | boolean): bigint {
  return typeof x === "boolean" ? (x ? 1n : 0n) : x;
}

const INT_METHODS: Record<string, Fn> = {
  bit_length: (x) => bitLength(asIntSelf(x)),
  bit_count: (x) => {
    let i = asIntSelf(x);
    if (i < 0n) i = -i;
    return BigInt(i.toString(2).replace(/0/g, "").length);
  },
  is_integer: () => true,
  as_integer_ratio: (x) => PyTuple.of(asIntSelf(x), 1n),
  conjugate: (x) => asIntSelf(x),
  __index__: (x) => asIntSelf(x),
  __int__: (x) => asIntSelf(x),
  __float__: (x) => Number(asIntSelf(x)),
  __abs__: (x) => {
    const i = asIntSelf(x);
    return i < 0n ? -i : i;
  },
  to_bytes: (x, ...args: unknown[]) => intToBytes(asIntSelf(x), ...args),
  __str__: (x) => asIntSelf(x).toString(),
};

function floatAsRatio(x: number): PyTuple<bigint> {
  if (!Number.isFinite(x)) {
    if (x !== x) throw new ValueError("cannot convert NaN to integer ratio");
    throw new OverflowError("cannot convert Infinity to integer ratio");
  }
  if (x === 0) return PyTuple.of(0n, 1n);
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  let num = BigInt(m);
  let den = 1n << BigInt(e);
  while (den > 1n && (num & 1n) === 0n) {
    num >>= 1n;
    den >>= 1n;
  }
  return PyTuple.of(num, den);
}

function floatHex(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  x = Math.abs(x);
  if (x === 0) return sign + "0x0.0p+0";
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let lead = "1";
  if (exp === 0) {
    lead = "0";
    exp = -1022;
  } else exp -= 1023;
  const m = mant.toString(16).padStart(13, "0");
  return `${sign}0x${lead}.${m}p${exp >= 0 ? "+" : "-"}${Math.abs(exp)}`;
}

const FLOAT_METHODS: Record<string, Fn> = {
  is_integer: (x: number) => Number.isInteger(x),
  as_integer_ratio: (x: number) => floatAsRatio(x),
  hex: (x: number) => floatHex(x),
  conjugate: (x: number) => x,
  __float__: (x: number) => x,
  __str__: (x: number) => floatRepr(x),
  __abs__: (x: number) => Math.abs(x),
  __int__: (x: number) => {
    if (!Number.isFinite(x)) throw new ValueError("cannot convert float NaN to integer");
    return BigInt(Math.trunc(x));
  },
};

/**
 * Python's str methods as plain functions of the string (`pystr.upper(s)`): what the compiler
 * emits for a method call on a value it has proven to be a str, instead of the dynamic `callm`.
 */
export const pystr: Readonly<Record<string, Fn>> = Object.freeze({ ...STR_METHODS });

// Maps, not the objects' own-property checks: a method lookup runs on every dynamic str method call.
const STR_METHOD_MAP = new Map(Object.entries(STR_METHODS));
const INT_METHOD_MAP = new Map(Object.entries(INT_METHODS));
const FLOAT_METHOD_MAP = new Map(Object.entries(FLOAT_METHODS));
export function strMethod(name: string): Fn | undefined {
  return STR_METHOD_MAP.get(name);
}
export function intMethod(name: string): Fn | undefined {
  return INT_METHOD_MAP.get(name);
}
export function floatMethod(name: string): Fn | undefined {
  return FLOAT_METHOD_MAP.get(name);
}
export { floatHex, floatAsRatio, split as strSplit, join as strJoin, bitLength, strArg };
void WS_ONE;
