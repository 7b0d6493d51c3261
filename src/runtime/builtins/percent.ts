// printf-style formatting: "fmt" % args and b"fmt" % args.
// A template is parsed once into conversion specs (kept in a small bounded cache keyed by the
// template text), then each call only walks the specs: programs format the same few templates in
// hot loops. Errors still come in CPython's order: a malformed spec is recorded where it stands and
// raised when the walk reaches it, after the conversions before it have taken their arguments.
import { TypeError, ValueError, OverflowError } from "./exceptions.js";
import { repr, str } from "./repr.js";
import { intToDecimal } from "./int-limit.js";
import { typeName, index as toIndex } from "./protocol.js";
import { hasSurrogate, noteSurrogateFree, shortSurrogateFree, strLen } from "./slices.js";
import { late } from "./late.js";
import { PyTuple } from "./collections.js";
import { ascii, formatFloat, intToFloatChecked, parseFloatSpec, type FloatSpec } from "./format.js";

/** One conversion, with the literal text that precedes it. */
interface PercentSpec {
  readonly lit: string;
  /** A parse error to raise here ("incomplete format", ...), or null. */
  readonly error: string | null;
  readonly key: string | null;
  readonly left: boolean;
  readonly plus: boolean;
  readonly space: boolean;
  readonly alt: boolean;
  readonly zero: boolean;
  /** -1 none, -2 taken from the arguments (`*`). */
  readonly width: number;
  readonly prec: number;
  readonly conv: string;
  /** Index of the conversion character, for "unsupported format character" messages. */
  readonly at: number;
  /** format()'s spec for a float conversion whose precision is in the template, else "". */
  readonly floatSpec: string;
  /** floatSpec parsed (formatFloat then skips its spec cache), or null. */
  readonly floatParsed: FloatSpec | null;
  /** A numeric conversion (diuoxXeEfFgG): ASCII text, zero padding applies. */
  readonly numeric: boolean;
}

interface CompiledPercent {
  readonly specs: readonly PercentSpec[];
  readonly tail: string;
  /** The template has no surrogates (so neither have its literal runs). */
  readonly surrogateFree: boolean;
}

const STAR = -2;
const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledPercent>();

let lastFmt = "";
let lastCompiled: CompiledPercent | null = null;

function compile(fmt: string): CompiledPercent {
  // A loop formats the same literal, the same string each time: found without hashing.
  if (fmt === lastFmt && lastCompiled !== null) return lastCompiled;
  let c = cache.get(fmt);
  if (c === undefined) {
    c = parse(fmt);
    // Bounded: a program that builds templates dynamically must not grow memory without end.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(fmt, c);
  }
  lastFmt = fmt;
  lastCompiled = c;
  return c;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

function parse(fmt: string): CompiledPercent {
  const specs: PercentSpec[] = [];
  const n = fmt.length;
  let lit = "";
  let i = 0;
  const fail = (error: string): CompiledPercent => {
    specs.push({
      lit,
      error,
      key: null,
      left: false,
      plus: false,
      space: false,
      alt: false,
      zero: false,
      width: -1,
      prec: -1,
      conv: "",
      at: i,
      floatSpec: "",
      floatParsed: null,
      numeric: false,
    });
    return { specs, tail: "", surrogateFree: false };
  };
  while (i < n) {
    const p = fmt.indexOf("%", i);
    if (p < 0) {
      lit += fmt.slice(i);
      break;
    }
    lit += fmt.slice(i, p);
    i = p + 1;
    if (i >= n) return fail("incomplete format");
    if (fmt[i] === "%") {
      // Only a bare "%%" is a literal; "%5%" goes through the conversion path (and is rejected).
      lit += "%";
      i++;
      continue;
    }
    let key: string | null = null;
    if (fmt[i] === "(") {
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (fmt[j] === "(") depth++;
        else if (fmt[j] === ")") depth--;
        j++;
      }
      if (depth > 0) return fail("incomplete format key");
      key = fmt.slice(i + 1, j - 1);
      i = j;
    }
    let left = false,
      plus = false,
      space = false,
      alt = false,
      zero = false;
    for (; i < n; i++) {
      const ch = fmt[i];
      if (ch === "-") left = true;
      else if (ch === "+") plus = true;
      else if (ch === " ") space = true;
      else if (ch === "#") alt = true;
      else if (ch === "0") zero = true;
      else break;
    }
    let width = -1;
    if (fmt[i] === "*") {
      width = STAR;
      i++;
    } else if (isDigit(fmt[i])) {
      const s = i;
      while (isDigit(fmt[i])) i++;
      width = parseInt(fmt.slice(s, i), 10);
    }
    let prec = -1;
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        prec = STAR;
        i++;
      } else {
        const s = i;
        while (isDigit(fmt[i])) i++;
        prec = i > s ? parseInt(fmt.slice(s, i), 10) : 0;
      }
    }
    while (i < n && (fmt[i] === "h" || fmt[i] === "l" || fmt[i] === "L")) i++;
    if (i >= n) return fail("incomplete format");
    const conv = fmt[i];
    const floatSpec = "eEfFgG".includes(conv) && prec !== STAR ? floatSpecOf(plus, space, alt, prec, conv) : "";
    const floatParsed = floatSpec !== "" ? parseFloatSpec(floatSpec) : null;
    specs.push({ lit, error: null, key, left, plus, space, alt, zero, width, prec, conv, at: i, floatSpec, floatParsed, numeric: isNumericConv(conv) });
    lit = "";
    i++;
  }
  return { specs, tail: lit, surrogateFree: !hasSurrogate(fmt) };
}

function floatSpecOf(plus: boolean, space: boolean, alt: boolean, prec: number, conv: string): string {
  return (plus ? "+" : space ? " " : "") + (alt ? "#" : "") + "." + (prec < 0 ? 6 : prec) + conv;
}

/** What differs for bytes templates (PEP 461); null for str. */
export interface BytesPercentRules {
  /** Text (latin-1) for %s/%b/%r/%a/%c; other conversions format numbers as str does. */
  text(v: unknown, conv: string): string;
  /** The mapping key for `%(name)s`, given the key's latin-1 text. */
  key(name: string): unknown;
  isMapping(args: unknown): boolean;
}

function isStrMapping(args: unknown): boolean {
  if (args === null || typeof args !== "object" || args instanceof PyTuple) return false;
  return args instanceof Array || typeof (args as { __getitem__?: unknown }).__getitem__ === "function";
}

function starArg(v: unknown): number {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new TypeError("* wants int");
}

/** "fmt" % args */
export function percentFormat(fmt: string, args: unknown): string {
  return runPercent(compile(fmt), args, null);
}

/**
 * `"fmt" % (a, b, ...)` with a str literal template and a tuple display (the compiler's mod_tuple):
 * the items as they would be in the tuple, which is never built. The same as percentFormat(fmt,
 * tuple): a tuple is never a mapping and str's `%` comes before any `__rmod__` of a tuple.
 */
export function mod_tuple(fmt: string, items: readonly unknown[]): string {
  return walkPercent(compile(fmt), items, null, null, null);
}

/** b"fmt" % args, on the template's latin-1 text; returns latin-1 text. */
export function percentFormatBytes(fmtText: string, args: unknown, rules: BytesPercentRules): string {
  return runPercent(compile(fmtText), args, rules);
}

/** Positional argument `k` of `count`: `items[k]`, or `single` when there is no tuple. */
function argAt(items: readonly unknown[] | null, single: unknown, k: number, count: number): unknown {
  if (k >= count) throw new TypeError("not enough arguments for format string");
  return items === null ? single : items[k];
}

function runPercent(c: CompiledPercent, args: unknown, bytes: BytesPercentRules | null): string {
  if (args instanceof PyTuple) return walkPercent(c, args as PyTuple<unknown>, null, null, bytes);
  const mapping = (bytes === null ? isStrMapping(args) : bytes.isMapping(args)) ? args : null;
  return walkPercent(c, null, args, mapping, bytes);
}

/**
 * The conversions of `c` on positional `items` (or on the one argument `single` when items is
 * null), or on `mapping`'s keys when it is not null. Nothing is allocated for the arguments.
 */
function walkPercent(c: CompiledPercent, items: readonly unknown[] | null, single: unknown, mapping: unknown, bytes: BytesPercentRules | null): string {
  // No closure here: the CLI bundle names every function it creates, which costs per call.
  let next = 0;
  let count = items === null ? 1 : items.length;
  let out = "";
  // The result is known to have no surrogates when the template and each converted value have
  // none (numbers are ASCII; short text is checked): len() of it then need not read it.
  let surrogateFree = bytes === null && c.surrogateFree;
  const specs = c.specs;
  for (let k = 0; k < specs.length; k++) {
    const sp = specs[k];
    out += sp.lit;
    if (sp.error !== null) throw new ValueError(sp.error);
    let width = sp.width === STAR ? starArg(argAt(items, single, next++, count)) : sp.width;
    // (a negative precision from '*' is 0, as CPython's)
    const prec = sp.prec === STAR ? Math.max(0, starArg(argAt(items, single, next++, count))) : sp.prec;
    let v: unknown;
    if (sp.key !== null) {
      if (mapping === null) throw new TypeError("format requires a mapping");
      v = late.getitem(mapping, bytes === null ? sp.key : bytes.key(sp.key));
      // After a keyed conversion, positional ones have nothing left to take (as CPython).
      next = count = 0;
    } else v = argAt(items, single, next++, count);
    let left = sp.left;
    if (width < -1) {
      left = true;
      width = -width;
    }
    let s = convert(sp, v, prec, bytes);
    if (surrogateFree && !sp.numeric) surrogateFree = shortSurrogateFree(s);
    const conv = sp.conv;
    if (sp.zero && !left && width > s.length && sp.numeric) {
      // Zeros go after the sign and the 0x/0o prefix.
      const lead = s[0] === "-" || s[0] === "+" || s[0] === " " ? 1 : 0;
      const pre = (conv === "x" || conv === "X" || conv === "o") && s[lead] === "0" && s[lead + 1] === (conv === "o" ? "o" : conv) ? lead + 2 : lead;
      s = s.slice(0, pre) + "0".repeat(width - s.length) + s.slice(pre);
    }
    if (width > 0) {
      // numbers are ASCII, and bytes templates work on latin-1 text: one unit per character
      const len = bytes === null && !sp.numeric ? strLen(s) : s.length;
      if (len < width) s = left ? s + spaces(width - len) : spaces(width - len) + s;
    }
    out += s;
  }
  out += c.tail;
  if (next < count && mapping === null) {
    throw new TypeError(`not all arguments converted during ${bytes === null ? "string" : "bytes"} formatting`);
  }
  if (surrogateFree) noteSurrogateFree(out);
  return out;
}

// Runs of spaces for padding, made once: String#repeat is a builtin call per conversion.
const SPACES: string[] = [];
for (let k = 0; k <= 32; k++) SPACES.push(" ".repeat(k));
function spaces(n: number): string {
  return n <= 32 ? SPACES[n] : " ".repeat(n);
}

function isNumericConv(conv: string): boolean {
  return "diuoxXeEfFgG".includes(conv);
}

function unsupported(sp: PercentSpec): never {
  throw new ValueError(`unsupported format character '${sp.conv}' (0x${sp.conv.charCodeAt(0).toString(16)}) at index ${sp.at}`);
}

function convert(sp: PercentSpec, v: unknown, prec: number, bytes: BytesPercentRules | null): string {
  const t = sp.conv;
  switch (t) {
    case "s":
    case "r":
    case "a":
    case "b": {
      let s: string;
      if (bytes !== null) {
        s = bytes.text(v, t);
        return prec >= 0 && s.length > prec ? s.slice(0, prec) : s;
      }
      if (t === "b") unsupported(sp);
      s = t === "s" ? (typeof v === "string" ? v : str(v)) : t === "r" ? repr(v) : ascii(v);
      return prec >= 0 && s.length > prec ? Array.from(s).slice(0, prec).join("") : s;
    }
    case "c":
      return bytes !== null ? bytes.text(v, t) : charOf(v);
    case "d":
    case "i":
    case "u": {
      let iv: bigint;
      if (typeof v === "bigint") iv = v;
      else if (typeof v === "boolean") iv = v ? 1n : 0n;
      else if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new OverflowError(`cannot convert float ${v !== v ? "NaN" : "infinity"} to integer`);
        iv = BigInt(Math.trunc(v));
      } else if (
        v !== null &&
        typeof v === "object" &&
        (typeof (v as { __int__?: unknown }).__int__ === "function" || typeof (v as { __index__?: unknown }).__index__ === "function")
      ) {
        // A number with __int__ but no __index__ (a Decimal) is truncated by its __int__, as CPython's int() does.
        const asInt = (v as { __int__?: () => unknown }).__int__;
        iv = typeof (v as { __index__?: unknown }).__index__ !== "function" && typeof asInt === "function" ? toIndex(asInt.call(v)) : toIndex(v);
      } else throw new TypeError(`%${t} format: a real number is required, not ${typeName(v)}`);
      return signed(intToDecimal(iv < 0n ? -iv : iv), iv < 0n, sp, prec, "");
    }
    case "o":
    case "x":
    case "X": {
      let iv: bigint;
      if (typeof v === "bigint") iv = v;
      else if (typeof v === "boolean") iv = v ? 1n : 0n;
      else if (v !== null && typeof v === "object" && typeof (v as { __index__?: unknown }).__index__ === "function") iv = toIndex(v);
      else throw new TypeError(`%${t} format: an integer is required, not ${typeName(v)}`);
      const a = iv < 0n ? -iv : iv;
      let d = t === "o" ? a.toString(8) : a.toString(16);
      if (t === "X") d = d.toUpperCase();
      return signed(d, iv < 0n, sp, prec, sp.alt ? (t === "o" ? "0o" : t === "x" ? "0x" : "0X") : "");
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      let fv: number;
      if (typeof v === "number") fv = v;
      else if (typeof v === "bigint") fv = intToFloatChecked(v);
      else if (typeof v === "boolean") fv = v ? 1 : 0;
      else if (v !== null && typeof v === "object" && typeof (v as { __float__?: unknown }).__float__ === "function")
        fv = (v as { __float__(): number }).__float__();
      else throw new TypeError(`must be real number, not ${typeName(v)}`);
      if (sp.floatParsed !== null) return formatFloat(fv, sp.floatSpec, sp.floatParsed);
      return formatFloat(fv, floatSpecOf(sp.plus, sp.space, sp.alt, prec, t));
    }
    default:
      return unsupported(sp);
  }
}

function charOf(v: unknown): string {
  if (typeof v === "string") {
    if (strLen(v) !== 1) throw new TypeError("%c requires int or char");
    return v;
  }
  if (typeof v === "bigint" || typeof v === "boolean") {
    const cp = typeof v === "bigint" ? v : v ? 1n : 0n;
    if (cp < 0n || cp > 0x10ffffn) throw new OverflowError("%c arg not in range(0x110000)");
    return String.fromCodePoint(Number(cp));
  }
  throw new TypeError("%c requires int or char");
}

function signed(digits: string, neg: boolean, sp: PercentSpec, prec: number, prefix: string): string {
  if (prec > digits.length) digits = "0".repeat(prec - digits.length) + digits;
  return (neg ? "-" : sp.plus ? "+" : sp.space ? " " : "") + prefix + digits;
}
