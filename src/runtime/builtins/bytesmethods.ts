// The methods bytes and bytearray share (Python's bytes_methods): each works on the receiver's bytes
// and builds results of the receiver's own type (`make`). Character classes are ASCII only, as in
// CPython (b"\xe9".isalpha() is False, only b" \t\n\r\x0b\x0c" is whitespace).
import { OverflowError, TypeError, ValueError } from "./exceptions.js";
import { PyList, PyTuple } from "./collections.js";
import { popKw } from "./object.js";
import { typeName, index as toIndex, toIterable, truthy } from "./protocol.js";
import { sliceIndices } from "./slices.js";
import { decodeBytes } from "./codecs.js";

type Data = (self: unknown) => Uint8Array;
type Make = (u: Uint8Array) => unknown;

/** The set of byte values in `u` (indexed: a PyBytes iterates as bigints). */
function byteSet(u: Uint8Array): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < u.length; i++) s.add(u[i]);
  return s;
}

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);
const isLower = (b: number) => b >= 0x61 && b <= 0x7a;
const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isAlpha = (b: number) => isLower(b) || isUpper(b);

/** The bytes of a bytes-like argument (bytes, bytearray, memoryview); TypeError otherwise. */
let argBytes: (x: unknown, what?: string) => Uint8Array;
let dataOf: (x: unknown) => Uint8Array | null;
let findIn: (hay: Uint8Array, needle: Uint8Array, from?: number, to?: number) => number;

function subArg(x: unknown, fn: string): Uint8Array {
  if (typeof x === "bigint" || typeof x === "boolean") {
    const n = toIndex(x);
    if (n < 0n || n > 255n) throw new ValueError("byte must be in range(0, 256)");
    return Uint8Array.of(Number(n));
  }
  const d = dataOf(x);
  if (d === null) throw new TypeError(`argument should be integer or bytes-like object, not '${typeName(x)}'`);
  void fn;
  return d;
}

/** [start, end) of optional slice bounds, clipped like a slice. */
function bounds(n: number, start: unknown, end: unknown): [number, number] {
  const [a, b] = sliceIndices(n, start ?? null, end ?? null, null);
  return [a, Math.max(a, b)];
}

function lastIndex(hay: Uint8Array, needle: Uint8Array, a: number, b: number): number {
  for (let i = b - needle.length; i >= a; i--) {
    let k = 0;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function findImpl(d: Uint8Array, sub: unknown, start: unknown, end: unknown, reverse: boolean): number {
  const s = subArg(sub, "find");
  const n = d.length;
  let a = start == null ? 0 : Number(toIndex(start));
  let b = end == null ? n : Number(toIndex(end));
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  if (b > n) b = n;
  if (a > n || b - a < s.length) return -1;
  return reverse ? lastIndex(d, s, a, b) : findIn(d, s, a, b);
}

function stripImpl(d: Uint8Array, chars: unknown, left: boolean, right: boolean): Uint8Array {
  let test: (b: number) => boolean = isSpace;
  if (chars != null) {
    const set = byteSet(argBytes(chars));
    test = (b) => set.has(b);
  }
  let a = 0;
  let b = d.length;
  if (left) while (a < b && test(d[a])) a++;
  if (right) while (b > a && test(d[b - 1])) b--;
  return d.slice(a, b);
}

function mapBytes(d: Uint8Array, f: (b: number, i: number) => number): Uint8Array {
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = f(d[i], i);
  return out;
}

const toUpper = (b: number) => (isLower(b) ? b - 32 : b);
const toLower = (b: number) => (isUpper(b) ? b + 32 : b);

function splitWhitespace(d: Uint8Array, max: number, make: Make, reverse: boolean): unknown[] {
  const parts: unknown[] = [];
  if (!reverse) {
    let i = 0;
    while (i < d.length) {
      while (i < d.length && isSpace(d[i])) i++;
      if (i >= d.length) break;
      if (max >= 0 && parts.length === max) {
        parts.push(make(d.slice(i)));
        break;
      }
      const s = i;
      while (i < d.length && !isSpace(d[i])) i++;
      parts.push(make(d.slice(s, i)));
    }
    return parts;
  }
  let i = d.length;
  while (i > 0) {
    while (i > 0 && isSpace(d[i - 1])) i--;
    if (i <= 0) break;
    if (max >= 0 && parts.length === max) {
      parts.unshift(make(d.slice(0, i)));
      break;
    }
    const e = i;
    while (i > 0 && !isSpace(d[i - 1])) i--;
    parts.unshift(make(d.slice(i, e)));
  }
  return parts;
}

function splitImpl(d: Uint8Array, args: unknown[], make: Make, reverse: boolean): PyList<unknown> {
  const kw = popKw(args) ?? {};
  const sep = "sep" in kw ? kw.sep : args[0];
  const maxArg = "maxsplit" in kw ? kw.maxsplit : args[1];
  const max = maxArg == null ? -1 : Number(toIndex(maxArg));
  if (sep == null) return PyList.fromArray(splitWhitespace(d, max, make, reverse));
  const s = argBytes(sep);
  if (s.length === 0) throw new ValueError("empty separator");
  const parts: unknown[] = [];
  if (!reverse) {
    let i = 0;
    for (;;) {
      const p = max >= 0 && parts.length === max ? -1 : findIn(d, s, i);
      if (p < 0) break;
      parts.push(make(d.slice(i, p)));
      i = p + s.length;
    }
    parts.push(make(d.slice(i)));
    return PyList.fromArray(parts);
  }
  let end = d.length;
  for (;;) {
    const p = max >= 0 && parts.length === max ? -1 : lastIndex(d, s, 0, end);
    if (p < 0) break;
    parts.unshift(make(d.slice(p + s.length, end)));
    end = p;
  }
  parts.unshift(make(d.slice(0, end)));
  return PyList.fromArray(parts);
}

function fillArg(fill: unknown, name: string): number {
  if (fill === undefined) return 0x20;
  const f = dataOf(fill);
  if (f === null || f.length !== 1) throw new TypeError(`${name}() argument 2 must be a byte string of length 1, not ${typeName(fill)}`);
  return f[0];
}

function pad(d: Uint8Array, width: unknown, fill: number, where: "left" | "right" | "center"): Uint8Array {
  const w = Number(toIndex(width));
  if (w <= d.length) return d.slice();
  const total = w - d.length;
  let left = where === "right" ? total : where === "left" ? 0 : Math.floor(total / 2) + (total & w & 1);
  if (where === "left") left = 0;
  const out = new Uint8Array(w).fill(fill);
  out.set(d, left);
  return out;
}

function affix(d: Uint8Array, x: unknown, start: unknown, end: unknown, atEnd: boolean, name: string): boolean {
  const [a, b] = bounds(d.length, start, end);
  const one = (p: unknown): boolean => {
    const s = dataOf(p);
    if (s === null) throw new TypeError(`${name} first arg must be bytes or a tuple of bytes, not ${typeName(p)}`);
    if (s.length > b - a) return false;
    const off = atEnd ? b - s.length : a;
    for (let i = 0; i < s.length; i++) if (d[off + i] !== s[i]) return false;
    return true;
  };
  if (x instanceof PyTuple) return x.some(one);
  return one(x);
}

const HEX = "0123456789abcdef";

function hexImpl(d: Uint8Array, sep: unknown, perSep: unknown): string {
  if (sep == null) {
    let s = "";
    for (let i = 0; i < d.length; i++) s += HEX[d[i] >> 4] + HEX[d[i] & 15];
    return s;
  }
  // (a str or bytes of one ASCII character; bytes' own iterator gives ints, so its bytes are read by index)
  let sp: string;
  if (typeof sep === "string") sp = sep;
  else if (typeName(sep) === "bytes") {
    const u = argBytes(sep);
    sp = "";
    for (let i = 0; i < u.length; i++) sp += String.fromCharCode(u[i]);
  } else if (typeof sep === "bigint" || typeof sep === "boolean" || typeof sep === "number")
    throw new TypeError(`object of type '${typeName(sep)}' has no len()`);
  else throw new TypeError("sep must be str or bytes.");
  if (sp.length !== 1) throw new ValueError("sep must be length 1.");
  if (sp.charCodeAt(0) > 0x7f) throw new ValueError("sep must be ASCII.");
  const big = toIndex(perSep ?? 1n);
  if (big > 2147483647n || big < -2147483648n) throw new OverflowError("Python int too large to convert to C int");
  const n = Number(big);
  const digits: string[] = [];
  for (let i = 0; i < d.length; i++) digits.push(HEX[d[i] >> 4] + HEX[d[i] & 15]);
  // (bytes_per_sep 0: no separators)
  const k = n === 0 ? Math.max(1, digits.length) : Math.abs(n);
  const groups: string[] = [];
  if (n >= 0) for (let end = digits.length; end > 0; end -= k) groups.unshift(digits.slice(Math.max(0, end - k), end).join(""));
  else for (let i = 0; i < digits.length; i += k) groups.push(digits.slice(i, i + k).join(""));
  return groups.join(sp);
}

/** bytes.fromhex / bytearray.fromhex: pairs of hex digits, ASCII whitespace between pairs allowed. */
export function fromHex(s: unknown): Uint8Array {
  if (typeof s !== "string") throw new TypeError(`fromhex() argument must be str, not ${typeName(s)}`);
  const out: number[] = [];
  let i = 0;
  const hv = (c: string) => (/[0-9a-fA-F]/.test(c) ? parseInt(c, 16) : -1);
  while (i < s.length) {
    if (/[ \t\n\r\x0b\x0c]/.test(s[i])) {
      i++;
      continue;
    }
    const hi = hv(s[i]);
    const lo = i + 1 < s.length ? hv(s[i + 1]) : -1;
    if (hi < 0) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (lo < 0) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

/** bytes.maketrans(from, to): the 256-byte translation table. */
export function makeTrans(frm: unknown, to: unknown): Uint8Array {
  const a = argBytes(frm);
  const b = argBytes(to);
  if (a.length !== b.length) throw new ValueError("maketrans arguments must have same length");
  const t = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0; i < a.length; i++) t[a[i]] = b[i];
  return t;
}

function isTitle(d: Uint8Array): boolean {
  let cased = false;
  let prevCased = false;
  for (let i = 0; i < d.length; i++) {
    const b = d[i];
    if (isUpper(b)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (isLower(b)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

function methods(data: Data, make: Make): Record<string, (this: unknown, ...a: any[]) => unknown> {
  const all = (f: (b: number) => boolean) =>
    function (this: unknown): boolean {
      const d = data(this);
      return d.length > 0 && d.every(f);
    };
  return {
    decode(this: unknown, ...args: unknown[]): string {
      const kw = popKw(args) ?? {};
      const encoding = "encoding" in kw ? kw.encoding : (args[0] ?? "utf-8");
      const errors = "errors" in kw ? kw.errors : (args[1] ?? "strict");
      return decodeBytes(data(this), encoding, errors, this);
    },
    // (a classmethod, reached from an instance too: b"".fromhex("41"))
    fromhex(this: unknown, s: unknown) {
      return make(fromHex(s));
    },
    hex(this: unknown, ...args: unknown[]): string {
      const kw = popKw(args) ?? {};
      return hexImpl(data(this), "sep" in kw ? kw.sep : args[0], "bytes_per_sep" in kw ? kw.bytes_per_sep : args[1]);
    },
    count(this: unknown, sub: unknown, start?: unknown, end?: unknown): bigint {
      const d = data(this);
      const s = subArg(sub, "count");
      const [a, b] = bounds(d.length, start, end);
      if (s.length === 0) return BigInt(b - a + 1);
      let n = 0;
      for (let i = findIn(d, s, a, b); i >= 0; i = findIn(d, s, i + s.length, b)) n++;
      return BigInt(n);
    },
    find(this: unknown, sub: unknown, start?: unknown, end?: unknown): bigint {
      return BigInt(findImpl(data(this), sub, start, end, false));
    },
    rfind(this: unknown, sub: unknown, start?: unknown, end?: unknown): bigint {
      return BigInt(findImpl(data(this), sub, start, end, true));
    },
    index(this: unknown, sub: unknown, start?: unknown, end?: unknown): bigint {
      const i = findImpl(data(this), sub, start, end, false);
      if (i < 0) throw new ValueError("subsection not found");
      return BigInt(i);
    },
    rindex(this: unknown, sub: unknown, start?: unknown, end?: unknown): bigint {
      const i = findImpl(data(this), sub, start, end, true);
      if (i < 0) throw new ValueError("subsection not found");
      return BigInt(i);
    },
    startswith(this: unknown, p: unknown, start?: unknown, end?: unknown): boolean {
      return affix(data(this), p, start, end, false, "startswith");
    },
    endswith(this: unknown, p: unknown, start?: unknown, end?: unknown): boolean {
      return affix(data(this), p, start, end, true, "endswith");
    },
    split(this: unknown, ...args: unknown[]) {
      return splitImpl(data(this), args, make, false);
    },
    rsplit(this: unknown, ...args: unknown[]) {
      return splitImpl(data(this), args, make, true);
    },
    strip(this: unknown, chars?: unknown) {
      return make(stripImpl(data(this), chars, true, true));
    },
    lstrip(this: unknown, chars?: unknown) {
      return make(stripImpl(data(this), chars, true, false));
    },
    rstrip(this: unknown, chars?: unknown) {
      return make(stripImpl(data(this), chars, false, true));
    },
    join(this: unknown, items: unknown) {
      // As CPython: the items as a sequence first, then their sizes, then one copy into a
      // buffer of the total size (no array of the items' data: a join of 4M pieces grew one).
      const seq: ArrayLike<unknown> = Array.isArray(items) ? items : Array.from(toIterable(items));
      const sep = data(this);
      const n = seq.length;
      let total = 0;
      for (let k = 0; k < n; k++) {
        const d = dataOf(seq[k]);
        if (d === null) throw new TypeError(`sequence item ${k}: expected a bytes-like object, ${typeName(seq[k])} found`);
        total += d.length;
      }
      if (n > 1) total += sep.length * (n - 1);
      const out = new Uint8Array(total);
      let off = 0;
      for (let k = 0; k < n; k++) {
        if (k > 0 && sep.length) {
          out.set(sep, off);
          off += sep.length;
        }
        // small pieces by hand: TypedArray set() has a fixed cost that dominates for a few bytes
        const p = dataOf(seq[k])!;
        if (p.length <= 16) for (let j = 0; j < p.length; j++) out[off + j] = p[j];
        else out.set(p, off);
        off += p.length;
      }
      return make(out);
    },
    replace(this: unknown, old: unknown, neu: unknown, count: unknown = -1n) {
      const d = data(this);
      const o = argBytes(old);
      const r = argBytes(neu);
      let max = Number(toIndex(count));
      if (max < 0) max = Infinity;
      const chunks: Uint8Array[] = [];
      let i = 0;
      let done = 0;
      if (o.length === 0) {
        while (done < max && i <= d.length) {
          chunks.push(r);
          if (i < d.length) chunks.push(d.subarray(i, i + 1));
          i++;
          done++;
        }
        chunks.push(d.subarray(Math.min(i, d.length)));
      } else {
        while (done < max) {
          const p = findIn(d, o, i);
          if (p < 0) break;
          chunks.push(d.subarray(i, p), r);
          i = p + o.length;
          done++;
        }
        chunks.push(d.subarray(i));
      }
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let off = 0;
      for (const c of chunks) (out.set(c, off), (off += c.length));
      return make(out);
    },
    upper(this: unknown) {
      return make(mapBytes(data(this), toUpper));
    },
    lower(this: unknown) {
      return make(mapBytes(data(this), toLower));
    },
    swapcase(this: unknown) {
      return make(mapBytes(data(this), (b) => (isUpper(b) ? b + 32 : isLower(b) ? b - 32 : b)));
    },
    capitalize(this: unknown) {
      return make(mapBytes(data(this), (b, i) => (i === 0 ? toUpper(b) : toLower(b))));
    },
    title(this: unknown) {
      const d = data(this);
      let prev = false;
      return make(
        mapBytes(d, (b) => {
          const r = prev ? toLower(b) : toUpper(b);
          prev = isAlpha(b);
          return r;
        }),
      );
    },
    isalnum: all((b) => isAlpha(b) || isDigit(b)),
    isalpha: all(isAlpha),
    isdigit: all(isDigit),
    isspace: all(isSpace),
    isascii(this: unknown): boolean {
      return data(this).every((b) => b < 0x80);
    },
    islower(this: unknown): boolean {
      const d = data(this);
      return d.some(isLower) && !d.some(isUpper);
    },
    isupper(this: unknown): boolean {
      const d = data(this);
      return d.some(isUpper) && !d.some(isLower);
    },
    istitle(this: unknown): boolean {
      return isTitle(data(this));
    },
    partition(this: unknown, sep: unknown) {
      const d = data(this);
      const s = argBytes(sep);
      if (s.length === 0) throw new ValueError("empty separator");
      const p = findIn(d, s);
      if (p < 0) return PyTuple.fromArray([make(d.slice()), make(new Uint8Array(0)), make(new Uint8Array(0))]);
      return PyTuple.fromArray([make(d.slice(0, p)), make(s.slice()), make(d.slice(p + s.length))]);
    },
    rpartition(this: unknown, sep: unknown) {
      const d = data(this);
      const s = argBytes(sep);
      if (s.length === 0) throw new ValueError("empty separator");
      const p = lastIndex(d, s, 0, d.length);
      if (p < 0) return PyTuple.fromArray([make(new Uint8Array(0)), make(new Uint8Array(0)), make(d.slice())]);
      return PyTuple.fromArray([make(d.slice(0, p)), make(s.slice()), make(d.slice(p + s.length))]);
    },
    splitlines(this: unknown, ...args: unknown[]) {
      const kw = popKw(args) ?? {};
      const keep = truthy("keepends" in kw ? kw.keepends : (args[0] ?? false));
      const d = data(this);
      const out: unknown[] = [];
      let i = 0;
      while (i < d.length) {
        let j = i;
        while (j < d.length && d[j] !== 0x0a && d[j] !== 0x0d) j++;
        let e = j;
        if (j < d.length) e = d[j] === 0x0d && d[j + 1] === 0x0a ? j + 2 : j + 1;
        out.push(make(d.slice(i, keep ? e : j)));
        i = e;
      }
      return PyList.fromArray(out);
    },
    center(this: unknown, width: unknown, fill?: unknown) {
      return make(pad(data(this), width, fillArg(fill, "center"), "center"));
    },
    ljust(this: unknown, width: unknown, fill?: unknown) {
      return make(pad(data(this), width, fillArg(fill, "ljust"), "left"));
    },
    rjust(this: unknown, width: unknown, fill?: unknown) {
      return make(pad(data(this), width, fillArg(fill, "rjust"), "right"));
    },
    zfill(this: unknown, width: unknown) {
      const d = data(this);
      const w = Number(toIndex(width));
      if (w <= d.length) return make(d.slice());
      const out = new Uint8Array(w).fill(0x30);
      const signed = d.length > 0 && (d[0] === 0x2b || d[0] === 0x2d);
      out.set(d.subarray(signed ? 1 : 0), w - d.length + (signed ? 1 : 0));
      if (signed) out[0] = d[0];
      return make(out);
    },
    expandtabs(this: unknown, ...args: unknown[]) {
      const kw = popKw(args) ?? {};
      const ts = Number(toIndex("tabsize" in kw ? kw.tabsize : (args[0] ?? 8n)));
      const out: number[] = [];
      let col = 0;
      const d = data(this);
      for (let i = 0; i < d.length; i++) {
        const b = d[i];
        if (b === 0x09) {
          if (ts > 0) {
            const n = ts - (col % ts);
            for (let k = 0; k < n; k++) out.push(0x20);
            col += n;
          }
        } else {
          out.push(b);
          col = b === 0x0a || b === 0x0d ? 0 : col + 1;
        }
      }
      return make(Uint8Array.from(out));
    },
    removeprefix(this: unknown, p: unknown) {
      const d = data(this);
      const s = argBytes(p);
      return make(affix(d, s, null, null, false, "removeprefix") ? d.slice(s.length) : d.slice());
    },
    removesuffix(this: unknown, p: unknown) {
      const d = data(this);
      const s = argBytes(p);
      return make(s.length && affix(d, s, null, null, true, "removesuffix") ? d.slice(0, d.length - s.length) : d.slice());
    },
    translate(this: unknown, table: unknown, ...args: unknown[]) {
      const kw = popKw(args) ?? {};
      const del = "delete" in kw ? kw.delete : args[0];
      const t = table == null ? null : argBytes(table);
      if (t !== null && t.length !== 256) throw new ValueError("translation table must be 256 characters long");
      const drop = byteSet(del == null ? new Uint8Array(0) : argBytes(del));
      const out: number[] = [];
      const d = data(this);
      for (let i = 0; i < d.length; i++) if (!drop.has(d[i])) out.push(t === null ? d[i] : t[d[i]]);
      return make(Uint8Array.from(out));
    },
  };
}

/** Puts the shared methods on a bytes-like class's prototype (non-enumerable, like class methods). */
export function installBytesMethods(
  proto: object,
  data: Data,
  make: Make,
  helpers: { bytesData: typeof dataOf; needBytes: typeof argBytes; findBytes: typeof findIn },
): void {
  dataOf = helpers.bytesData;
  argBytes = helpers.needBytes;
  findIn = helpers.findBytes;
  for (const [name, f] of Object.entries(methods(data, make))) {
    // (a method of the object literal is already named: redefining `name` costs ~10 us apiece)
    if (f.name !== name) Object.defineProperty(f, "name", { value: name });
    Object.defineProperty(proto, name, { value: f, writable: true, configurable: true });
  }
}
