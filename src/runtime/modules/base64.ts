// base64: RFC 4648 base64 (standard and URL-safe), base32 (and base32hex), base16, base85 and the
// MIME line-wrapped forms, with binascii.Error for bad input as in CPython.
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";
import { typeName, truthy } from "../builtins/ops.js";
import { PyBytes, wrapBytes, plainView } from "../builtins/bytes.js";
import { latin1 } from "../builtins/codecs.js";
import { Error as BinasciiError, _ascii_data, _base64_text, _base64_decode } from "./binascii.js";

const ascii = (s: string): PyBytes => wrapBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
const text = (d: Uint8Array): string => latin1(d);

function bytesArg(x: unknown): Uint8Array {
  if (typeof x === "string") throw new TypeError(`a bytes-like object is required, not 'str'`);
  return _ascii_data(x, false);
}

/** `s` with altchars' two characters standing for '+' and '/' (or the reverse). */
function translate(d: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  return d.map((b) => (b === from[0] ? to[0] : b === from[1] ? to[1] : b));
}

export function b64encode(s: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const altchars = "altchars" in kw ? kw.altchars : args[0];
  let out = ascii(_base64_text(bytesArg(s)));
  if (altchars != null) {
    const alt = _ascii_data(altchars, false);
    if (alt.length !== 2) throw new ValueError(`${typeName(altchars)} has length ${alt.length}, not 2`);
    out = wrapBytes(translate(out, Uint8Array.of(0x2b, 0x2f), alt));
  }
  return out;
}

export function b64decode(s: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const altchars = "altchars" in kw ? kw.altchars : args[0];
  const validate = truthy("validate" in kw ? kw.validate : (args[1] ?? false));
  let d = _ascii_data(s, true);
  if (altchars != null) {
    const alt = _ascii_data(altchars, false);
    if (alt.length !== 2) throw new ValueError(`${typeName(altchars)} has length ${alt.length}, not 2`);
    d = translate(d, alt, Uint8Array.of(0x2b, 0x2f));
  }
  return wrapBytes(_base64_decode(d, validate));
}

export const standard_b64encode = (s: unknown) => b64encode(s);
export const standard_b64decode = (s: unknown) => b64decode(s);
export const urlsafe_b64encode = (s: unknown) => wrapBytes(translate(b64encode(s), Uint8Array.of(0x2b, 0x2f), Uint8Array.of(0x2d, 0x5f)));
export const urlsafe_b64decode = (s: unknown) =>
  wrapBytes(_base64_decode(translate(_ascii_data(s, true), Uint8Array.of(0x2d, 0x5f), Uint8Array.of(0x2b, 0x2f)), false));

/** MIME base64: lines of at most 76 characters, each ending with a newline. */
export function encodebytes(s: unknown): PyBytes {
  const t = _base64_text(bytesArg(s));
  let out = "";
  for (let i = 0; i < t.length; i += 76) out += t.slice(i, i + 76) + "\n";
  return ascii(out);
}
export function decodebytes(s: unknown): PyBytes {
  return wrapBytes(_base64_decode(bytesArg(s), false));
}

// base32 (RFC 4648 §6) and base32hex (§7)
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B32HEX = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

function b32enc(d: Uint8Array, alphabet: string): PyBytes {
  let out = "";
  for (let i = 0; i < d.length; i += 5) {
    const chunk = d.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    let q = "";
    for (let k = 7; k >= 0; k--) q += alphabet[Number((bits >> BigInt(k * 5)) & 31n)];
    const keep = [0, 2, 4, 5, 7, 8][chunk.length];
    out += q.slice(0, keep) + "=".repeat(8 - keep);
  }
  return ascii(out);
}

function b32dec(s: unknown, alphabet: string, casefold: boolean, map01: unknown): PyBytes {
  let t = text(_ascii_data(s, true));
  if (t.length % 8) throw new BinasciiError("Incorrect padding");
  if (map01 != null && alphabet === B32) {
    const m = text(_ascii_data(map01, false));
    t = t.replace(/0/g, "O").replace(/1/g, m);
  }
  if (casefold) t = t.toUpperCase();
  const stripped = t.replace(/=+$/, "");
  const pad = t.length - stripped.length;
  if (![0, 1, 3, 4, 6].includes(pad)) throw new BinasciiError("Incorrect padding");
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 8) {
    const q = t.slice(i, i + 8);
    let bits = 0n;
    let chars = 0;
    for (const c of q) {
      if (c === "=") {
        bits <<= 5n;
        continue;
      }
      const v = alphabet.indexOf(c);
      if (v < 0) throw new BinasciiError("Non-base32 digit found");
      bits = (bits << 5n) | BigInt(v);
      chars++;
    }
    const bytes = i + 8 >= t.length ? [0, 0, 1, 0, 2, 3, 0, 4, 5][chars] : 5;
    for (let k = 0; k < bytes; k++) out.push(Number((bits >> BigInt(32 - 8 * k)) & 0xffn));
  }
  return wrapBytes(Uint8Array.from(out));
}

export const b32encode = (s: unknown) => b32enc(bytesArg(s), B32);
export const b32hexencode = (s: unknown) => b32enc(bytesArg(s), B32HEX);
export function b32decode(s: unknown, casefold: unknown = false, map01: unknown = null): PyBytes {
  return b32dec(s, B32, truthy(casefold), map01);
}
export function b32hexdecode(s: unknown, casefold: unknown = false): PyBytes {
  return b32dec(s, B32HEX, truthy(casefold), null);
}

export const b16encode = (s: unknown) => ascii(Array.from(plainView(bytesArg(s)), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(""));
export function b16decode(s: unknown, casefold: unknown = false): PyBytes {
  let t = text(_ascii_data(s, true));
  if (truthy(casefold)) t = t.toUpperCase();
  if (/[^0-9A-F]/.test(t)) throw new BinasciiError("Non-base16 digit found");
  if (t.length % 2) throw new BinasciiError("Odd-length string");
  return wrapBytes(Uint8Array.from({ length: t.length / 2 }, (_, i) => parseInt(t.slice(2 * i, 2 * i + 2), 16)));
}

// base85 (the git/Mercurial alphabet, as b85encode) and Ascii85 (a85encode, without the z/y/wrap options)
const B85 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";

function enc85(d: Uint8Array, chars: (i: number) => string, pad: boolean, zFold: boolean): string {
  let out = "";
  for (let i = 0; i < d.length; i += 4) {
    const chunk = d.subarray(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) n = n * 256 + (chunk[k] ?? 0);
    if (zFold && n === 0 && chunk.length === 4) {
      out += "z";
      continue;
    }
    let q = "";
    for (let k = 4; k >= 0; k--) q += chars(Math.floor(n / 85 ** k) % 85);
    out += pad || chunk.length === 4 ? q : q.slice(0, chunk.length + 1);
  }
  return out;
}

function dec85(t: string, value: (c: string, pos: number) => number, what: string): PyBytes {
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 5) {
    const q = t.slice(i, i + 5);
    let n = 0;
    for (let k = 0; k < 5; k++) n = n * 85 + (k < q.length ? value(q[k], i + k) : 84);
    if (n > 0xffffffff) throw new ValueError(`${what} overflow in hunk starting at byte ${i}`);
    const bytes = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, q.length === 5 ? 4 : q.length - 1));
  }
  return wrapBytes(Uint8Array.from(out));
}

export function b85encode(b: unknown, pad: unknown = false): PyBytes {
  return ascii(enc85(bytesArg(b), (i) => B85[i], truthy(pad), false));
}
export function b85decode(b: unknown): PyBytes {
  const t = text(_ascii_data(b, true));
  return dec85(
    t,
    (c, pos) => {
      const v = B85.indexOf(c);
      if (v < 0) throw new ValueError(`bad base85 character at position ${pos}`);
      return v;
    },
    "base85",
  );
}
export function a85encode(b: unknown): PyBytes {
  return ascii(enc85(bytesArg(b), (i) => String.fromCharCode(33 + i), false, true));
}
export function a85decode(b: unknown): PyBytes {
  const t = text(_ascii_data(b, true))
    .replace(/[ \t\n\r\x0b]/g, "")
    .replace(/z/g, "!!!!!");
  return dec85(
    t,
    (c) => {
      const v = c.charCodeAt(0) - 33;
      if (v < 0 || v > 84) throw new ValueError(`Non-Ascii85 digit found: ${c}`);
      return v;
    },
    "Ascii85",
  );
}
