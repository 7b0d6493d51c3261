// re: Python regular expressions on top of JS RegExp. A Python pattern is translated once into a JS
// source (always with the `u` flag, so matching is by code point like Python) and matched with the
// `d` flag for group spans. Python's `.`, `^`, `$`, \A, \Z, \w, \d, \s and \b are rewritten explicitly
// because their JS meanings differ (line terminators, ASCII-only classes). Indices given to and
// returned from Python are code points; JS works in UTF-16 units, so positions are converted.
import { call, typeName } from "../builtins/ops.js";
import { repr, strRepr } from "../builtins/repr.js";
import { Exception, IndexError, OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { patternWidth } from "./re_width.js";
import { current_location } from "../program.js";
import { _warn_at } from "../asyncio/_warnings.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { kw, popKw } from "../builtins/object.js";
import { argumentNameList, placeKeywords, positionalRange, wereGiven } from "../builtins/keywords.js";
import { latin1 } from "../builtins/codecs.js";
import { bytesData, bytesFromLatin1 } from "../builtins/bytes.js";
import { Enum, IntFlag } from "./enum.js";

// Flags: an IntFlag like CPython's re.RegexFlag, shown as `re.IGNORECASE|re.MULTILINE`.
const FLAG_VALUES: [string, bigint][] = [
  ["NOFLAG", 0n],
  ["TEMPLATE", 1n],
  ["IGNORECASE", 2n],
  ["LOCALE", 4n],
  ["MULTILINE", 8n],
  ["DOTALL", 16n],
  ["UNICODE", 32n],
  ["VERBOSE", 64n],
  ["DEBUG", 128n],
  ["ASCII", 256n],
];
export const RegexFlag = new (IntFlag as unknown as new (...a: unknown[]) => Function)(
  "RegexFlag",
  PyList.fromArray(FLAG_VALUES.map(([n, v]) => PyTuple.of<unknown>(n, v))),
  kw({ module: "re" }),
) as unknown as { [name: string]: unknown; prototype: Record<string, unknown> };
function flagRepr(this: { _value_: bigint }): string {
  const v = this._value_;
  if (v === 0n) return "re.NOFLAG";
  const names = FLAG_VALUES.filter(([, b]) => b !== 0n && (v & b) === b).map(([n]) => "re." + n);
  const rest = FLAG_VALUES.reduce((acc, [, b]) => acc & ~b, v);
  if (rest !== 0n) names.push("0x" + rest.toString(16));
  return names.join("|");
}
RegexFlag.prototype.__repr__ = flagRepr;
RegexFlag.prototype.__str__ = flagRepr;
const flag = (n: string) => RegexFlag[n] as bigint; // an IntFlag member: an int to Python code
export const NOFLAG = flag("NOFLAG");
export const IGNORECASE = flag("IGNORECASE");
export const I = IGNORECASE;
export const LOCALE = flag("LOCALE");
export const L = LOCALE;
export const MULTILINE = flag("MULTILINE");
export const M = MULTILINE;
export const DOTALL = flag("DOTALL");
export const S = DOTALL;
export const UNICODE = flag("UNICODE");
export const U = UNICODE;
export const VERBOSE = flag("VERBOSE");
export const X = VERBOSE;
export const DEBUG = flag("DEBUG");
export const ASCII = flag("ASCII");
export const A = ASCII;

const FLAG_NAMES: [number, string][] = [
  [2, "IGNORECASE"],
  [4, "LOCALE"],
  [8, "MULTILINE"],
  [16, "DOTALL"],
  [64, "VERBOSE"],
  [128, "DEBUG"],
  [256, "ASCII"],
];
const INLINE_FLAGS: Record<string, number> = { i: 2, L: 4, m: 8, s: 16, u: 32, x: 64, a: 256 };

/** re.error: raised for a pattern Python would reject or tsyncio cannot translate faithfully. */
export class error extends Exception {
  static __module__ = "re";
  msg: string;
  pattern: string | null;
  pos: bigint | null;
  constructor(msg: string, pattern: string | null = null, pos: number | bigint | null = null) {
    super(pos === null ? msg : `${msg} at position ${pos}`);
    this.msg = msg;
    this.pattern = pattern;
    this.pos = pos === null ? null : BigInt(pos);
  }
}

// --- positions: Python code points <-> JS UTF-16 units -----------------------------------------

const SURROGATE = /[\uD800-\uDFFF]/;

class Positions {
  private cpOf: Int32Array | null = null; // UTF-16 index -> code point index
  private u16Of: Int32Array | null = null; // code point index -> UTF-16 index
  readonly cpLength: number;
  constructor(readonly s: string) {
    if (!SURROGATE.test(s)) {
      this.cpLength = s.length;
      return;
    }
    const cpOf = new Int32Array(s.length + 1);
    const u16: number[] = [];
    let cp = 0;
    for (let i = 0; i < s.length;) {
      const c = s.codePointAt(i)!;
      const w = c > 0xffff ? 2 : 1;
      u16.push(i);
      cpOf[i] = cp;
      if (w === 2) cpOf[i + 1] = cp + 1; // never a match boundary under the u flag
      i += w;
      cp++;
    }
    cpOf[s.length] = cp;
    u16.push(s.length);
    this.cpOf = cpOf;
    this.u16Of = Int32Array.from(u16);
    this.cpLength = cp;
  }
  toCp(i: number): number {
    return this.cpOf === null ? i : this.cpOf[i];
  }
  toU16(cp: number): number {
    return this.u16Of === null ? cp : this.u16Of[cp];
  }
}

// --- pattern translation ------------------------------------------------------------------------

const SUPPORTS_MODIFIERS = (() => {
  try {
    new RegExp("(?i:a)", "u");
    return true;
  } catch {
    return false;
  }
})();

const UNI_WORD = "\\p{L}\\p{N}_";
const ASCII_WORD = "a-zA-Z0-9_";
const UNI_SPACE = "\\t\\n\\x0b\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const ASCII_SPACE = " \\t\\n\\r\\f\\x0b";
const SYNTAX_CHARS = new Set("^$\\.*+?()[]{}|/".split(""));
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

interface Translated {
  source: string;
  flags: number;
  groups: number;
  groupIndex: Map<string, number>;
  /** parent[g] is the capturing group enclosing group g (0 for none). */
  parent: number[];
  /** Case-insensitivity is left to JS's `i` flag (else it is emulated in the source). */
  jsI: boolean;
}

/** A code point as a JS pattern atom that means exactly that character (inside or outside a class). */
function literal(c: string, inClass = false): string {
  if (SYNTAX_CHARS.has(c) || (inClass && c === "-")) return "\\" + c;
  const n = c.codePointAt(0)!;
  if (n < 0x20 || n === 0x7f || (n >= 0x80 && n < 0xa0) || (n >= 0xd800 && n <= 0xdfff)) return `\\u{${n.toString(16)}}`;
  return c;
}

/** A FutureWarning about the pattern, shown where the program called re (as CPython's stacklevel does). */
function warn(message: string): void {
  const at = current_location();
  _warn_at(at?.filename ?? "sys", at?.lineno ?? 1, message, "FutureWarning", true);
}

function translate(pattern: string, flags: number): Translated {
  const cps = Array.from(pattern);
  let i = 0;
  const fail = (msg: string, at = i): never => {
    throw new error(msg, pattern, at);
  };
  const unsupported = (what: string, at = i): never => {
    throw new error(`tsyncio does not support ${what} in regular expressions`, pattern, at);
  };

  // Global inline flags `(?aimsx)` at the start apply to the whole pattern.
  while (cps[i] === "(" && cps[i + 1] === "?" && cps[i + 2] !== undefined && cps[i + 2] in INLINE_FLAGS) {
    let j = i + 2;
    let f = 0;
    while (cps[j] !== undefined && cps[j] in INLINE_FLAGS) f |= INLINE_FLAGS[cps[j++]];
    if (cps[j] !== ")") break; // a scoped group `(?i:...)`, handled by the parser
    flags |= f;
    i = j + 1;
  }
  if (flags & 4) throw new ValueError("cannot use LOCALE flag with a str pattern");
  if (flags & 256 && flags & 32) throw new ValueError("ASCII and UNICODE flags are incompatible");

  let groups = 0;
  const groupIndex = new Map<string, number>();
  const parent: number[] = [0];
  const openGroups: number[] = [];
  const closedGroups = new Set<number>();

  const wordClass = (f: number) => (f & 256 ? ASCII_WORD : UNI_WORD);
  const spaceClass = (f: number) => (f & 256 ? ASCII_SPACE : UNI_SPACE);

  /** Class escapes: [positive body, negated?] for \d \w \s and their negations. */
  const classEscape = (c: string, f: number): [string, boolean] | null => {
    switch (c) {
      case "d":
        return [f & 256 ? "0-9" : "\\p{Nd}", false];
      case "D":
        return [f & 256 ? "0-9" : "\\p{Nd}", true];
      case "w":
        return [wordClass(f), false];
      case "W":
        return [wordClass(f), true];
      case "s":
        return [spaceClass(f), false];
      case "S":
        return [spaceClass(f), true];
    }
    return null;
  };

  /** Escapes meaning one character (\n, \x41, \u00e9, \0, \. ...), or null. Advances i past it. */
  const charEscape = (inClass: boolean): string | null => {
    const c = cps[i + 1];
    if (c === undefined) fail("bad escape (end of pattern)");
    if (c in SIMPLE_ESCAPES) {
      i += 2;
      return String.fromCodePoint(SIMPLE_ESCAPES[c]);
    }
    if (c === "b" && inClass) {
      i += 2;
      return "\b";
    }
    const hex = (n: number): string => {
      const digits = cps.slice(i + 2, i + 2 + n).join("");
      if (digits.length !== n || !/^[0-9a-fA-F]+$/.test(digits)) fail(`incomplete escape \\${c}${digits}`);
      const v = parseInt(digits, 16);
      if (v > 0x10ffff) fail(`bad escape \\${c}${digits}`);
      i += 2 + n;
      return String.fromCodePoint(v);
    };
    if (c === "x") return hex(2);
    if (c === "u") return hex(4);
    if (c === "U") return hex(8);
    if (c === "N") unsupported("\\N{...} named characters");
    if (c === "0" || (inClass && /[0-7]/.test(c))) {
      let j = i + 1;
      let digits = "";
      while (digits.length < 3 && /[0-7]/.test(cps[j] ?? "")) digits += cps[j++];
      i = j;
      return String.fromCodePoint(parseInt(digits, 8));
    }
    if (/[0-7]/.test(c) && /[0-7]/.test(cps[i + 2] ?? "") && /[0-7]/.test(cps[i + 3] ?? "")) {
      const v = parseInt(cps.slice(i + 1, i + 4).join(""), 8);
      if (v > 0o377) fail(`octal escape value \\${cps.slice(i + 1, i + 4).join("")} outside of range 0-0o377`);
      i += 4;
      return String.fromCodePoint(v);
    }
    if (/[0-9a-zA-Z]/.test(c)) return null;
    i += 2;
    return c;
  };

  // Case-insensitivity: a pattern-wide IGNORECASE uses JS's `i` flag; a scoped (?i:...) on a Node without
  // regexp modifiers is emulated by listing each letter's case variants (also the whole pattern's, when a
  // (?-i:...) turns it off somewhere).
  const jsI = (flags & 2) !== 0 && (SUPPORTS_MODIFIERS || !/\(\?[a-zA-Z]*-[a-zA-Z]*i[a-zA-Z]*:/.test(pattern));
  const emulateI = (f: number) => (f & 2) !== 0 && !jsI;
  const caseVariants = (c: string): string[] => {
    const out = new Set([c]);
    for (const v of [c.toLowerCase(), c.toUpperCase()]) if (Array.from(v).length === 1) out.add(v);
    return [...out];
  };
  /** Case variants of a range: ASCII letters are mapped; other cased ranges are refused. */
  const rangeVariants = (lo: number, hi: number, at: number): string => {
    if (hi >= 0xb5) unsupported("non-ASCII character ranges inside a scoped (?i:...)", at);
    let extra = "";
    const map = (a: number, b: number, delta: number) => {
      const x = Math.max(lo, a);
      const y = Math.min(hi, b);
      if (x <= y) extra += `${String.fromCharCode(x + delta)}-${String.fromCharCode(y + delta)}`;
    };
    map(0x61, 0x7a, -32);
    map(0x41, 0x5a, 32);
    return extra;
  };

  const parseClass = (f: number): string => {
    const start = i;
    i++; // [
    let negated = false;
    if (cps[i] === "^") {
      negated = true;
      i++;
    }
    // Python warns about what a future version may read as nested sets or set operations.
    if (cps[start + 1] === "[") warn(`Possible nested set at position ${start + 1}`);
    let body = "";
    let caseExtra = "";
    const extras: string[] = [];
    let first = true;
    let lastChar: string | null = null; // the previous member, when it is a single character
    let lastEscape: number | null = null; // where the previous member starts, when it is a class escape (\d...)
    const member = (ch: string) => {
      body += literal(ch, true);
      if (emulateI(f)) for (const v of caseVariants(ch)) if (v !== ch) caseExtra += literal(v, true);
      lastChar = ch;
    };
    for (;;) {
      const c = cps[i];
      if (c === undefined) fail("unterminated character set", start);
      if (c === "]" && !first) {
        i++;
        break;
      }
      first = false;
      if (c === "\\") {
        const e = classEscape(cps[i + 1], f);
        if (e) {
          i += 2;
          if (!e[1]) body += e[0];
          else extras.push(`[^${e[0]}]`); // a negated set cannot nest in a JS class: an alternative instead
          lastChar = null;
          lastEscape = i - 2;
          continue;
        }
        const ch = charEscape(true);
        if (ch === null) fail(`bad escape \\${cps[i + 1]}`);
        member(ch!);
        lastEscape = null;
        continue;
      }
      if (c === "-" && lastEscape !== null && cps[i + 1] !== "]" && cps[i + 1] !== undefined) {
        // `\d-z`: a class escape cannot end a range.
        const that = cps[i + 1] === "\\" ? "\\" + (cps[i + 2] ?? "") : cps[i + 1];
        fail(`bad character range ${cps.slice(lastEscape, i).join("")}-${that}`, lastEscape);
      }
      lastEscape = null;
      if (c === "-" && lastChar !== null && cps[i + 1] !== "]" && cps[i + 1] !== undefined) {
        // A range: its upper end is a character or a character escape.
        const at = i;
        i++;
        let hi: string | null;
        if (cps[i] === "\\") {
          if (classEscape(cps[i + 1], f)) fail(`bad character range ${lastChar}-\\${cps[i + 1]}`, at - 1);
          hi = charEscape(true);
          if (hi === null) fail(`bad escape \\${cps[i + 1]}`);
        } else {
          if (cps[i] === "-") warn(`Possible set difference at position ${i - 1}`);
          hi = cps[i++];
        }
        const lo = (lastChar as string).codePointAt(0)!;
        const h = hi!.codePointAt(0)!;
        if (h < lo) fail(`bad character range ${lastChar}-${hi}`, at - 1);
        body += "-" + literal(hi!, true);
        if (emulateI(f)) caseExtra += rangeVariants(lo, h, at);
        lastChar = null;
        continue;
      }
      if (!first && "&~|".includes(c) && cps[i + 1] === c) {
        warn(`Possible set ${c === "&" ? "intersection" : c === "~" ? "symmetric difference" : "union"} at position ${i}`);
      } else if (c === "-" && cps[i + 1] === "-" && body !== "") warn(`Possible set difference at position ${i}`);
      i++;
      member(c);
    }
    body += caseExtra;
    if (extras.length === 0) {
      if (body === "") return negated ? "[\\s\\S]" : "[]";
      return `[${negated ? "^" : ""}${body}]`;
    }
    const alts = (body ? [`[${body}]`] : []).concat(extras).join("|");
    return negated ? `(?:(?!${alts})[\\s\\S])` : `(?:${alts})`;
  };

  /** One literal character outside a class (with its case variants inside a scoped (?i:...)). */
  const literalAtom = (c: string, f: number): string => {
    if (!emulateI(f)) return literal(c);
    const vs = caseVariants(c);
    return vs.length === 1 ? literal(c) : `[${vs.map((v) => literal(v, true)).join("")}]`;
  };

  /** Parses alternatives until `)` or the end; returns the JS source. */
  const parseSeq = (f: number, depth: number): string => {
    let out = "";
    let canRepeat = false; // the previous item can take a quantifier
    let lastWasQuantifier = false;
    const atom = (s: string) => {
      out += s;
      canRepeat = true;
      lastWasQuantifier = false;
    };
    while (i < cps.length) {
      const c = cps[i];
      if (f & 64) {
        if (/\s/.test(c)) {
          i++;
          continue;
        }
        if (c === "#") {
          while (i < cps.length && cps[i] !== "\n") i++;
          continue;
        }
      }
      if (c === ")") {
        if (depth === 0) fail("unbalanced parenthesis");
        return out;
      }
      if (c === "|") {
        out += "|";
        canRepeat = false;
        lastWasQuantifier = false;
        i++;
        continue;
      }
      if (c === "*" || c === "+" || c === "?" || (c === "{" && quantifierAt(i) !== null)) {
        const qStart = i;
        let q: string;
        if (c === "{") {
          const [text, end] = quantifierAt(i)!;
          q = text;
          i = end;
        } else {
          q = c;
          i++;
        }
        if (lastWasQuantifier) {
          if (c === "+") unsupported("possessive quantifiers", qStart);
          fail("multiple repeat", qStart);
        }
        if (!canRepeat) fail("nothing to repeat", qStart);
        if (cps[i] === "?") {
          q += "?";
          i++;
        } else if (cps[i] === "+") unsupported("possessive quantifiers");
        out += q;
        lastWasQuantifier = true;
        continue;
      }
      if (c === "(") {
        atom(parseGroup(f, depth));
        continue;
      }
      if (c === "[") {
        atom(parseClass(f));
        continue;
      }
      if (c === ".") {
        i++;
        atom(f & 16 ? "[\\s\\S]" : "[^\\n]");
        continue;
      }
      if (c === "^") {
        i++;
        out += f & 8 ? "(?<![^\\n])" : "(?<![\\s\\S])";
        canRepeat = false;
        lastWasQuantifier = false;
        continue;
      }
      if (c === "$") {
        i++;
        out += f & 8 ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
        canRepeat = false;
        lastWasQuantifier = false;
        continue;
      }
      if (c === "\\") {
        const e = cps[i + 1];
        const cls = e === undefined ? null : classEscape(e, f);
        if (cls) {
          i += 2;
          atom(`[${cls[1] ? "^" : ""}${cls[0]}]`);
          continue;
        }
        if (e === "A") {
          i += 2;
          out += "(?<![\\s\\S])";
          canRepeat = false;
          continue;
        }
        if (e === "Z") {
          i += 2;
          out += "(?![\\s\\S])";
          canRepeat = false;
          continue;
        }
        if (e === "b" || e === "B") {
          i += 2;
          const w = `[${wordClass(f)}]`;
          if (e === "b") out += `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
          else out += `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
          canRepeat = false;
          continue;
        }
        if (e !== undefined && /[1-9]/.test(e) && !(/[0-7]/.test(e) && /[0-7]/.test(cps[i + 2] ?? "") && /[0-7]/.test(cps[i + 3] ?? ""))) {
          let digits = e;
          if (/[0-9]/.test(cps[i + 2] ?? "")) digits += cps[i + 2];
          const n = Number(digits);
          if (n > groups || openGroups.includes(n)) fail(n > groups ? "invalid group reference " + n : "cannot refer to an open group", i + 1);
          i += 1 + digits.length;
          if (emulateI(f)) unsupported("backreferences inside a scoped (?i:...)", i);
          atom(`(?:\\${n})`);
          continue;
        }
        const ch = charEscape(false);
        if (ch === null) fail(`bad escape \\${e}`);
        atom(literalAtom(ch!, f));
        continue;
      }
      i++;
      atom(literalAtom(c, f));
    }
    // (an unclosed group is refused by parseGroup, at its opening parenthesis, as CPython does)
    return out;
  };

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}` at position j: [JS quantifier, end index], or null for a literal `{`. */
  function quantifierAt(j: number): [string, number] | null {
    let k = j + 1;
    let lo = "";
    let hi = "";
    while (/[0-9]/.test(cps[k] ?? "")) lo += cps[k++];
    let comma = false;
    if (cps[k] === ",") {
      comma = true;
      k++;
      while (/[0-9]/.test(cps[k] ?? "")) hi += cps[k++];
    }
    if (cps[k] !== "}" || (!lo && !comma)) return null;
    // Python's limit (MAXREPEAT, 2**32 - 1) is checked before the order of the bounds.
    if ((lo && Number(lo) >= 0xffffffff) || (hi && Number(hi) >= 0xffffffff)) throw new OverflowError("the repetition number is too large");
    if (lo && hi && Number(hi) < Number(lo)) fail("min repeat greater than max repeat", j + 1);
    const q = comma ? `{${lo || "0"},${hi}}` : `{${lo}}`;
    return [q, k + 1];
  }

  const parseGroup = (f: number, depth: number): string => {
    const start = i;
    i++; // (
    const capture = (): string => {
      const n = ++groups;
      parent[n] = openGroups.length ? openGroups[openGroups.length - 1] : 0;
      openGroups.push(n);
      const inner = parseSeq(f, depth + 1);
      if (cps[i] !== ")") fail("missing ), unterminated subpattern", start);
      openGroups.pop();
      closedGroups.add(n);
      i++; // )
      return `(${inner})`;
    };
    const sub = (prefix: string, f2 = f): string => {
      const inner = parseSeq(f2, depth + 1);
      if (cps[i] !== ")") fail("missing ), unterminated subpattern", start);
      i++;
      return `(${prefix}${inner})`;
    };
    if (cps[i] !== "?") {
      return capture();
    }
    i++; // ?
    const c = cps[i];
    if (c === ":") {
      i++;
      return sub("?:");
    }
    if (c === "=" || c === "!") {
      i++;
      return sub("?" + c);
    }
    if (c === "<" && (cps[i + 1] === "=" || cps[i + 1] === "!")) {
      i += 2;
      const bodyStart = i;
      const translated = sub("?<" + cps[i - 1]);
      // JS takes any look-behind; Python only one of a fixed width.
      const width = patternWidth(cps, bodyStart, i - 1, (f & 64) !== 0);
      if (width !== null && width[0] !== width[1]) throw new error("look-behind requires fixed-width pattern", pattern);
      return translated;
    }
    if (c === "#") {
      while (i < cps.length && cps[i] !== ")") i++;
      if (i >= cps.length) fail("missing ), unterminated comment", start);
      i++;
      return "(?:)";
    }
    if (c === "P" && cps[i + 1] === "<") {
      i += 2;
      let name = "";
      while (i < cps.length && cps[i] !== ">") name += cps[i++];
      if (cps[i] !== ">") fail("missing >, unterminated name", start);
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) fail(`bad character in group name '${name}'`, start + 4);
      if (groupIndex.has(name)) fail(`redefinition of group name '${name}' as group ${groups + 1}; was group ${groupIndex.get(name)}`, start + 4);
      i++;
      groupIndex.set(name, groups + 1);
      return capture();
    }
    if (c === "P" && cps[i + 1] === "=") {
      i += 2;
      let name = "";
      while (i < cps.length && cps[i] !== ")") name += cps[i++];
      if (cps[i] !== ")") fail("missing ), unterminated name", start);
      const n = groupIndex.get(name);
      if (n === undefined) fail(`unknown group name '${name}'`, start + 4);
      if (!closedGroups.has(n!)) fail("cannot refer to an open group", start);
      i++;
      if (emulateI(f)) unsupported("backreferences inside a scoped (?i:...)", start);
      return `(?:\\${n})`;
    }
    if (c === "P") fail(`unknown extension ?P${cps[i + 1] ?? ""}`, start + 1);
    if (c === "(") unsupported("conditional groups (?(...)...)", start);
    if (c === ">") unsupported("atomic groups (?>...)", start);
    if (c === "<") unsupported("(?<name>...) groups (use (?P<name>...))", start);
    if (c !== undefined && (c in INLINE_FLAGS || c === "-")) {
      let on = 0;
      let off = 0;
      while (cps[i] !== undefined && cps[i] in INLINE_FLAGS) on |= INLINE_FLAGS[cps[i++]];
      if (cps[i] === "-") {
        i++;
        while (cps[i] !== undefined && cps[i] in INLINE_FLAGS) off |= INLINE_FLAGS[cps[i++]];
      }
      if (cps[i] === ")") fail("global flags not at the start of the expression", start);
      if (cps[i] !== ":") fail("missing :", i);
      if ((on | off) & ~(2 | 8 | 16 | 64 | 256 | 32)) fail("bad inline flags", start);
      i++;
      const f2 = (f | on) & ~off;
      let prefix = "?:";
      if (off & 2 && jsI) prefix = "?-i:"; // JS regexp modifiers are available (else case is emulated)
      return sub(prefix, f2);
    }
    return fail(`unknown extension ?${c ?? ""}`, start + 1);
  };

  let source = parseSeq(flags, 0);
  if (i < cps.length) fail("unbalanced parenthesis");
  return { source, flags: flags | (flags & 256 ? 0 : 32), groups, groupIndex, parent, jsI };
}

// --- Pattern and Match --------------------------------------------------------------------------

function toInt(x: unknown, what: string): number {
  if (x instanceof Enum) x = x._value_;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number" && Number.isInteger(x)) return x;
  throw new TypeError(`'${what}' must be an integer`);
}

/** A subject or pattern that must be a str here (bytes-like ones were taken before): CPython's message otherwise. */
function checkStr(s: unknown, message: (type: string) => string = (t) => `expected string or bytes-like object, got '${t}'`): string {
  if (typeof s !== "string") throw new TypeError(message(typeName(s)));
  return s;
}

/**
 * Binds positional args and a trailing KwArgs to named parameters, with the TypeErrors of a method
 * written in C (Pattern's and Match's: "'x' is an invalid keyword argument for search()") or, for
 * `python`, of a function re's package defines in Python (the module's functions: "search() got
 * an unexpected keyword argument 'x'").
 */
function bind(fn: string, args: unknown[], names: string[], required: number, python = false): unknown[] {
  const kw = popKw(args);
  if (args.length > names.length)
    throw new TypeError(
      python
        ? `${fn}() takes ${positionalRange(required, names.length)} but ${wereGiven(args.length)}`
        : `${fn}() takes at most ${names.length} arguments (${args.length} given)`,
    );
  if (python)
    for (const k of Object.keys(kw ?? {}))
      if (names.indexOf(k) >= 0 && names.indexOf(k) < args.length) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
  const invalid = python ? undefined : (k: string) => `'${k}' is an invalid keyword argument for ${fn}()`;
  const out = placeKeywords(
    fn,
    kw,
    names,
    args.length,
    names.map((_, k) => args[k]),
    invalid,
  );
  if (python) {
    const missing = names.slice(0, required).filter((_, k) => out[k] === undefined);
    if (missing.length)
      throw new TypeError(`${fn}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`);
  }
  for (let k = 0; k < required; k++) if (out[k] === undefined) throw new TypeError(`${fn}() missing required argument '${names[k]}' (pos ${k + 1})`);
  return out;
}

function clampPos(p: unknown, n: number, dflt: number): number {
  if (p === undefined || p === null) return dflt;
  let v = toInt(p, "pos");
  if (v < 0) v = 0;
  if (v > n) v = n;
  return v;
}

/** A Match, or None (null) when nothing matched. Typed as Match so that translated code which calls
 * `re.search(...).group()` directly (as Python code does when it knows the text) type-checks. */
type MaybeMatch = Match;

export class Pattern {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "re.Pattern";
  static __module__ = "re";
  /** The pattern as given: a str, or a bytes object (then subjects and results are bytes too). */
  readonly pattern: string | Uint8Array;
  /** @internal a bytes pattern: it works on the latin-1 text of its subjects, one char per byte */
  readonly isBytes: boolean;
  readonly flags: bigint;
  readonly groups: bigint;
  readonly groupindex: PyDict<string, bigint>;
  /** @internal */ readonly t: Translated;
  private readonly sticky: RegExp;
  private readonly global: RegExp;
  private readonly full: RegExp;

  constructor(pattern: string | Uint8Array, flags: number) {
    this.isBytes = typeof pattern !== "string";
    if (this.isBytes && flags & UNICODE_FLAG) throw new ValueError("cannot use UNICODE flag with a bytes pattern");
    // A bytes pattern matches as ASCII (\w, \d, IGNORECASE only for ASCII letters) and has no UNICODE flag.
    const t = translate(typeof pattern === "string" ? pattern : latin1(pattern), this.isBytes ? flags | ASCII_FLAG : flags);
    this.t = t;
    this.pattern = pattern;
    this.flags = BigInt(this.isBytes ? t.flags & ~UNICODE_FLAG & ~(flags & ASCII_FLAG ? 0 : ASCII_FLAG) : t.flags);
    this.groups = BigInt(t.groups);
    this.groupindex = PyDict.fromEntries([...t.groupIndex].map(([k, v]) => [k, BigInt(v)] as const));
    const jsFlags = "ud" + (t.jsI ? "i" : "");
    try {
      this.sticky = new RegExp(t.source, jsFlags + "y");
      this.global = new RegExp(t.source, jsFlags + "g");
      this.full = new RegExp(`(?:${t.source})(?![\\s\\S])`, jsFlags + "y");
    } catch (e) {
      throw new error(`tsyncio could not translate this pattern (${(e as Error).message})`, typeof pattern === "string" ? pattern : latin1(pattern));
    }
  }

  /** One match attempt: `how` is sticky (match), global (search) or full (fullmatch). */
  /** @internal The text a subject is matched as: a str, or a bytes-like object's latin-1 text for a bytes pattern. */
  text(s: unknown): string {
    // (bytes, bytearray and memoryview alike: any bytes-like subject)
    const data = typeof s === "string" ? null : bytesData(s);
    if (this.isBytes) {
      if (data) return latin1(data);
      if (typeof s === "string") throw new TypeError("cannot use a bytes pattern on a string-like object");
    } else if (data) throw new TypeError("cannot use a string pattern on a bytes-like object");
    return checkStr(s);
  }
  /** @internal A result of the pattern's kind: bytes for a bytes pattern (null and defaults pass). */
  out(v: unknown): unknown {
    return this.isBytes && typeof v === "string" ? bytesFromLatin1(v) : v;
  }

  private exec(how: "sticky" | "global" | "full", subject: unknown, pos: unknown, endpos: unknown): Match | null {
    const s = this.text(subject);
    const p = new Positions(s);
    const pcp = clampPos(pos, p.cpLength, 0);
    const ecp = clampPos(endpos, p.cpLength, p.cpLength);
    if (ecp < pcp && how !== "global") return null;
    return this.execAt(how, s, p, pcp, ecp, subject);
  }

  /** @internal */
  execAt(how: "sticky" | "global" | "full", s: string, p: Positions, pcp: number, ecp: number, given: unknown = s): Match | null {
    if (ecp < pcp) return null;
    const re = how === "sticky" ? this.sticky : how === "global" ? this.global : this.full;
    const subject = ecp === p.cpLength ? s : s.slice(0, p.toU16(ecp));
    re.lastIndex = p.toU16(pcp);
    const m = re.exec(subject);
    if (m === null) return null;
    return new Match(this, s, p, m, pcp, ecp, given);
  }

  match(...args: unknown[]): MaybeMatch {
    const [s, pos, endpos] = bind("match", args, ["string", "pos", "endpos"], 1);
    return this.exec("sticky", s, pos, endpos) as MaybeMatch;
  }
  fullmatch(...args: unknown[]): MaybeMatch {
    const [s, pos, endpos] = bind("fullmatch", args, ["string", "pos", "endpos"], 1);
    return this.exec("full", s, pos, endpos) as MaybeMatch;
  }
  search(...args: unknown[]): MaybeMatch {
    const [s, pos, endpos] = bind("search", args, ["string", "pos", "endpos"], 1);
    return this.exec("global", s, pos, endpos) as MaybeMatch;
  }

  /** Successive non-overlapping matches, as Python iterates them. */
  private *iterate(subject: unknown, pos: unknown, endpos: unknown, limit = 0): Generator<Match> {
    const s = this.text(subject);
    const p = new Positions(s);
    let at = clampPos(pos, p.cpLength, 0);
    const end = clampPos(endpos, p.cpLength, p.cpLength);
    let n = 0;
    while (at <= end && (limit === 0 || n < limit)) {
      const m = this.execAt("global", s, p, at, end, subject);
      if (m === null) return;
      n++;
      yield m;
      const [ms, me] = m.spanCp(0);
      at = me === ms ? me + 1 : me;
    }
  }

  finditer(...args: unknown[]): Generator<Match> {
    const [s, pos, endpos] = bind("finditer", args, ["string", "pos", "endpos"], 1);
    return this.iterate(s, pos, endpos);
  }
  findall(...args: unknown[]): PyList<unknown> {
    const [s, pos, endpos] = bind("findall", args, ["string", "pos", "endpos"], 1);
    const out: unknown[] = [];
    const g = this.t.groups;
    for (const m of this.iterate(s, pos, endpos)) {
      if (g === 0) out.push(this.out(m.groupValue(0, "")));
      else if (g === 1) out.push(this.out(m.groupValue(1, "")));
      else out.push(PyTuple.fromArray(Array.from({ length: g }, (_, k) => this.out(m.groupValue(k + 1, "")))));
    }
    return PyList.fromArray(out);
  }
  split(...args: unknown[]): PyList<unknown> {
    const [s, maxsplit] = bind("split", args, ["string", "maxsplit"], 1);
    const str = this.text(s);
    const limit = maxsplit === undefined ? 0 : toInt(maxsplit, "maxsplit");
    const out: unknown[] = [];
    if (limit < 0) return PyList.fromArray([this.out(str)]);
    let last = 0;
    for (const m of this.iterate(s, 0, undefined, limit)) {
      out.push(this.out(str.slice(last, m.spanU16(0)[0])));
      for (let k = 1; k <= this.t.groups; k++) out.push(this.out(m.groupValue(k, null)));
      last = m.spanU16(0)[1];
    }
    out.push(this.out(str.slice(last)));
    return PyList.fromArray(out);
  }
  sub(...args: unknown[]): unknown {
    const [repl, s, count] = bind("sub", args, ["repl", "string", "count"], 2);
    return this.out(this.substitute(repl, s, count)[0]);
  }
  subn(...args: unknown[]): PyTuple<unknown> {
    const [repl, s, count] = bind("subn", args, ["repl", "string", "count"], 2);
    const [r, n] = this.substitute(repl, s, count);
    return PyTuple.of<unknown>(this.out(r), BigInt(n));
  }
  private substitute(repl: unknown, s: unknown, count: unknown): [string, number] {
    const str = this.text(s);
    const limit = count === undefined ? 0 : toInt(count, "count");
    let expand: (m: Match) => string;
    if (typeof repl === "string" || repl instanceof Uint8Array) {
      const parts = parseTemplate(this.text(repl), this);
      expand = (m) => renderTemplate(parts, m);
    } else {
      expand = (m) => {
        const r = call(repl, m);
        if (this.isBytes ? !(r instanceof Uint8Array) : typeof r !== "string")
          // CPython joins the pieces: a wrong one is named by its place in that list.
          throw new TypeError(
            this.isBytes ? `sequence item ${pieces}: expected a bytes-like object, ${typeName(r)} found` : `expected str instance, ${typeName(r)} found`,
          );
        return this.isBytes ? latin1(r as Uint8Array) : (r as string);
      };
    }
    if (limit < 0) return [str, 0];
    let out = "";
    let last = 0;
    let n = 0;
    let pieces = 0;
    for (const m of this.iterate(s, 0, undefined, limit)) {
      const [a, b] = m.spanU16(0);
      if (a > last) pieces++;
      out += str.slice(last, a) + expand(m);
      pieces++;
      last = b;
      n++;
    }
    return [out + str.slice(last), n];
  }

  __repr__(): string {
    let pat = repr(this.pattern);
    if (pat.length > 200) pat = pat.slice(0, 200);
    const names = FLAG_NAMES.filter(([v]) => Number(this.flags) & v).map(([, n]) => "re." + n);
    return `re.compile(${pat}${names.length ? ", " + names.join("|") : ""})`;
  }
  __eq__(o: unknown): boolean {
    return o instanceof Pattern && o.isBytes === this.isBytes && this.source() === o.source() && o.flags === this.flags;
  }
  private source(): string {
    return typeof this.pattern === "string" ? this.pattern : latin1(this.pattern);
  }
  __hash__(): bigint {
    let h = 0;
    for (const ch of this.source()) h = (h * 31 + ch.codePointAt(0)!) | 0;
    return BigInt(h ^ Number(this.flags));
  }
}

type TemplatePart = string | number;

/** Python's replacement-string syntax: \1, \g<1>, \g<name>, \n-style escapes. */
function parseTemplate(t: string, p: Pattern): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let lit = "";
  const cps = Array.from(t);
  const groupRef = (n: number, at: number) => {
    if (n > p.t.groups) throw new error(`invalid group reference ${n}`, t, at);
    if (lit) parts.push(lit);
    lit = "";
    parts.push(n);
  };
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c !== "\\") {
      lit += c;
      continue;
    }
    const e = cps[i + 1];
    if (e === undefined) throw new error("bad escape (end of pattern)", t, i);
    if (e === "g") {
      if (cps[i + 2] !== "<") throw new error("missing <", t, i + 2);
      let j = i + 3;
      let name = "";
      while (j < cps.length && cps[j] !== ">") name += cps[j++];
      if (cps[j] !== ">") throw new error("missing >, unterminated name", t, i + 3);
      if (name === "") throw new error("missing group name", t, i + 3);
      if (/^[0-9]+$/.test(name)) groupRef(Number(name), i + 3);
      else {
        const n = p.t.groupIndex.get(name);
        if (n === undefined) {
          if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new error(`bad character in group name '${name}'`, t, i + 3);
          throw new IndexError(`unknown group name '${name}'`);
        }
        groupRef(n, i + 3);
      }
      i = j;
      continue;
    }
    if (e === "0" || (/[1-7]/.test(e) && /[0-7]/.test(cps[i + 2] ?? "") && /[0-7]/.test(cps[i + 3] ?? ""))) {
      let j = i + 1;
      let digits = "";
      while (digits.length < 3 && /[0-7]/.test(cps[j] ?? "")) digits += cps[j++];
      lit += String.fromCodePoint(parseInt(digits, 8));
      i = j - 1;
      continue;
    }
    if (/[1-9]/.test(e)) {
      let digits = e;
      if (/[0-9]/.test(cps[i + 2] ?? "")) digits += cps[i + 2];
      groupRef(Number(digits), i + 1);
      i += digits.length;
      continue;
    }
    if (e in SIMPLE_ESCAPES || e === "b" || e === "\\") {
      lit += e === "\\" ? "\\" : e === "b" ? "\b" : String.fromCodePoint(SIMPLE_ESCAPES[e]);
      i++;
      continue;
    }
    if (/[a-zA-Z]/.test(e)) throw new error(`bad escape \\${e}`, t, i);
    lit += "\\" + e;
    i++;
  }
  if (lit) parts.push(lit);
  return parts;
}

function renderTemplate(parts: TemplatePart[], m: Match): string {
  let s = "";
  for (const part of parts) s += typeof part === "string" ? part : (m.groupValue(part, "") as string);
  return s;
}

export class Match {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "re.Match";
  static __module__ = "re";
  /** The subject as given (a str, or bytes for a bytes pattern). */
  readonly string: unknown;
  /** @internal the text matched: the subject, or a bytes subject's latin-1 text */
  private readonly text: string;
  readonly re: Pattern;
  readonly pos: bigint;
  readonly endpos: bigint;
  private readonly spans: ([number, number] | null)[]; // UTF-16
  private readonly positions: Positions;

  constructor(re: Pattern, s: string, p: Positions, m: RegExpExecArray, pcp: number, ecp: number, given: unknown = s) {
    this.re = re;
    this.text = s;
    this.string = given;
    this.positions = p;
    this.pos = BigInt(pcp);
    this.endpos = BigInt(ecp);
    this.spans = Array.from({ length: re.t.groups + 1 }, (_, k) => (m.indices![k] ? [m.indices![k]![0], m.indices![k]![1]] : null));
  }

  /** @internal */ spanU16(g: number): [number, number] {
    return this.spans[g] ?? [-1, -1];
  }
  /** @internal */ spanCp(g: number): [number, number] {
    const s = this.spans[g];
    return s ? [this.positions.toCp(s[0]), this.positions.toCp(s[1])] : [-1, -1];
  }
  /** @internal */ groupValue(g: number, dflt: unknown): unknown {
    const s = this.spans[g];
    return s ? this.text.slice(s[0], s[1]) : dflt;
  }
  private index(g: unknown): number {
    if (typeof g === "string") {
      const n = this.re.t.groupIndex.get(g);
      if (n !== undefined) return n;
    } else if (typeof g === "bigint" || typeof g === "boolean" || typeof g === "number") {
      const n = Number(g);
      if (Number.isInteger(n) && n >= 0 && n <= this.re.t.groups) return n;
    }
    throw new IndexError("no such group");
  }

  group(...args: unknown[]): unknown {
    if (args.length === 0) return this.re.out(this.groupValue(0, null));
    if (args.length === 1) return this.re.out(this.groupValue(this.index(args[0]), null));
    return PyTuple.fromArray(args.map((g) => this.re.out(this.groupValue(this.index(g), null))));
  }
  __getitem__(g: unknown): unknown {
    return this.re.out(this.groupValue(this.index(g), null));
  }
  groups(...args: unknown[]): PyTuple<unknown> {
    const [dflt] = bind("groups", args, ["default"], 0);
    const d = dflt === undefined ? null : dflt;
    return PyTuple.fromArray(Array.from({ length: this.re.t.groups }, (_, k) => this.re.out(this.groupValue(k + 1, d))));
  }
  groupdict(...args: unknown[]): PyDict<string, unknown> {
    const [dflt] = bind("groupdict", args, ["default"], 0);
    const d = dflt === undefined ? null : dflt;
    return PyDict.fromEntries([...this.re.t.groupIndex].map(([k, n]) => [k, this.re.out(this.groupValue(n, d))] as const));
  }
  start(g: unknown = 0n): bigint {
    return BigInt(this.spanCp(this.index(g))[0]);
  }
  end(g: unknown = 0n): bigint {
    return BigInt(this.spanCp(this.index(g))[1]);
  }
  span(g: unknown = 0n): PyTuple<bigint> {
    const [a, b] = this.spanCp(this.index(g));
    return PyTuple.of(BigInt(a), BigInt(b));
  }
  get regs(): PyTuple<PyTuple<bigint>> {
    return PyTuple.fromArray(this.spans.map((_, k) => this.span(BigInt(k))));
  }
  expand(template: unknown): unknown {
    return this.re.out(renderTemplate(parseTemplate(this.re.text(template), this.re), this));
  }
  /** The group that closed last: the outermost of the matched groups ending furthest right. */
  get lastindex(): bigint | null {
    let best = 0;
    let bestEnd = -1;
    for (let k = 1; k <= this.re.t.groups; k++) {
      const s = this.spans[k];
      if (!s) continue;
      if (s[1] > bestEnd || (s[1] === bestEnd && !this.encloses(k, best))) {
        best = k;
        bestEnd = s[1];
      }
    }
    return best === 0 ? null : BigInt(best);
  }
  private encloses(outer: number, inner: number): boolean {
    for (let g = this.re.t.parent[outer]; g !== 0; g = this.re.t.parent[g]) if (g === inner) return true;
    return false;
  }
  get lastgroup(): string | null {
    const n = this.lastindex;
    if (n === null) return null;
    for (const [k, v] of this.re.t.groupIndex) if (v === Number(n)) return k;
    return null;
  }
  __bool__(): boolean {
    return true;
  }
  __repr__(): string {
    const matched = this.groupValue(0, "") as string;
    return `<re.Match object; span=(${this.spanCp(0).join(", ")}), match=${this.re.isBytes ? repr(this.re.out(matched)) : strRepr(matched)}>`;
  }
}

/** re.UNICODE and re.ASCII as numbers. */
const UNICODE_FLAG = 32;
const ASCII_FLAG = 256;

// --- module functions ---------------------------------------------------------------------------

const cache = new Map<string, Pattern>();

function compileWith(pattern: unknown, flags: unknown): Pattern {
  const f = flags === undefined || flags === null ? 0 : toInt(flags, "flags");
  if (pattern instanceof Pattern) {
    if (f !== 0) throw new ValueError("cannot process flags argument with a compiled pattern");
    return pattern;
  }
  if (typeof pattern !== "string" && !(pattern instanceof Uint8Array)) throw new TypeError("first argument must be string or compiled pattern");
  const key = typeof pattern === "string" ? f + ":" + pattern : f + ":b:" + latin1(pattern);
  let p = cache.get(key);
  if (p === undefined) {
    p = new Pattern(pattern, f);
    if (cache.size >= 512) cache.clear();
    cache.set(key, p);
  }
  return p;
}

export function compile(...args: unknown[]): Pattern {
  const [pattern, flags] = bind("compile", args, ["pattern", "flags"], 1, true);
  return compileWith(pattern, flags);
}
export function match(...args: unknown[]): MaybeMatch {
  const [pattern, s, flags] = bind("match", args, ["pattern", "string", "flags"], 2, true);
  return compileWith(pattern, flags).match(s);
}
export function fullmatch(...args: unknown[]): MaybeMatch {
  const [pattern, s, flags] = bind("fullmatch", args, ["pattern", "string", "flags"], 2, true);
  return compileWith(pattern, flags).fullmatch(s);
}
export function search(...args: unknown[]): MaybeMatch {
  const [pattern, s, flags] = bind("search", args, ["pattern", "string", "flags"], 2, true);
  return compileWith(pattern, flags).search(s);
}
export function findall(...args: unknown[]): PyList<unknown> {
  const [pattern, s, flags] = bind("findall", args, ["pattern", "string", "flags"], 2, true);
  return compileWith(pattern, flags).findall(s);
}
export function finditer(...args: unknown[]): Generator<Match> {
  const [pattern, s, flags] = bind("finditer", args, ["pattern", "string", "flags"], 2, true);
  return compileWith(pattern, flags).finditer(s);
}
export function split(...args: unknown[]): PyList<unknown> {
  const [pattern, s, maxsplit, flags] = bind("split", args, ["pattern", "string", "maxsplit", "flags"], 2, true);
  return compileWith(pattern, flags).split(s, maxsplit ?? 0n);
}
export function sub(...args: unknown[]): unknown {
  const [pattern, repl, s, count, flags] = bind("sub", args, ["pattern", "repl", "string", "count", "flags"], 3, true);
  return compileWith(pattern, flags).sub(repl, s, count ?? 0n);
}
export function subn(...args: unknown[]): PyTuple<unknown> {
  const [pattern, repl, s, count, flags] = bind("subn", args, ["pattern", "repl", "string", "count", "flags"], 3, true);
  return compileWith(pattern, flags).subn(repl, s, count ?? 0n);
}

const SPECIAL = new Set("()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".split(""));
export function escape(pattern: unknown): unknown {
  let out = "";
  const bytes = pattern instanceof Uint8Array;
  for (const c of bytes ? latin1(pattern) : checkStr(pattern, (t) => `decoding to str: need a bytes-like object, ${t} found`))
    out += SPECIAL.has(c) ? "\\" + c : c;
  return bytes ? bytesFromLatin1(out) : out;
}
export function purge(): null {
  cache.clear();
  return null;
}
