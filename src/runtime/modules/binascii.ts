// binascii: hex and base64 conversions and CRCs, with binascii.Error's messages. base64.py and
// zlib.crc32 build on these.
import { ValueError, TypeError, Exception } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";
import { typeName, index as toIndex, truthy } from "../builtins/ops.js";
import { PyBytes, bytesData, wrapBytes, plainView } from "../builtins/bytes.js";

export class Error extends ValueError {
  static __name__ = "Error";
  static __qualname__ = "Error";
  static __module__ = "binascii";
}
export class Incomplete extends Exception {
  static __name__ = "Incomplete";
  static __qualname__ = "Incomplete";
  static __module__ = "binascii";
}

/** A bytes-like argument, or (for the a2b_* functions) an ASCII-only str. */
export function _ascii_data(x: unknown, allowStr: boolean): Uint8Array {
  const d = bytesData(x);
  if (d !== null) return d;
  if (allowStr && typeof x === "string") {
    if (/[^\x00-\x7f]/.test(x)) throw new ValueError("string argument should contain only ASCII characters");
    return Uint8Array.from(x, (c) => c.charCodeAt(0));
  }
  if (allowStr) throw new TypeError(`argument should be bytes, buffer or ASCII string, not '${typeName(x)}'`);
  throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'`);
}

export function hexlify(data: unknown, ...args: unknown[]): PyBytes {
  const d = _ascii_data(data, false);
  const hex = (wrapBytes(d.slice()) as unknown as { hex(...a: unknown[]): string }).hex(...args);
  return wrapBytes(Uint8Array.from(hex, (c) => c.charCodeAt(0)));
}
export const b2a_hex = hexlify;

export function unhexlify(hexstr: unknown): PyBytes {
  const d = _ascii_data(hexstr, true);
  if (d.length % 2) throw new Error("Odd-length string");
  const out = new PyBytes(d.length / 2);
  const val = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  for (let i = 0; i < out.length; i++) {
    const hi = val(d[2 * i]);
    const lo = val(d[2 * i + 1]);
    if (hi < 0 || lo < 0) throw new Error("Non-hexadecimal digit found");
    out[i] = hi * 16 + lo;
  }
  return out;
}
export const a2b_hex = unhexlify;

export const _B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of `d` as a JS string (no newline). */
export function _base64_text(d: Uint8Array, alphabet = _B64): string {
  let s = "";
  let i = 0;
  for (; i + 2 < d.length; i += 3) {
    const n = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
    s += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  if (i < d.length) {
    const n = (d[i] << 16) | ((d[i + 1] ?? 0) << 8);
    s += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (i + 1 < d.length ? alphabet[(n >> 6) & 63] : "=") + "=";
  }
  return s;
}

export function b2a_base64(data: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const newline = truthy(kw.newline ?? true);
  const s = _base64_text(_ascii_data(data, false)) + (newline ? "\n" : "");
  return wrapBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
}

const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[_B64.charCodeAt(i)] = i;

/** Base64 decoding as binascii.a2b_base64 does it: non-alphabet bytes skipped unless strict. */
export function _base64_decode(d: Uint8Array, strict: boolean): Uint8Array {
  const out = new Uint8Array(Math.floor((d.length * 3) / 4) + 3);
  let n = 0;
  let quad = 0;
  let acc = 0;
  let pads = 0;
  let dataChars = 0;
  let padStarted = false;
  if (strict && d.length > 0 && d[0] === 0x3d) throw new Error("Leading padding not allowed");
  for (let i = 0; i < d.length; i++) {
    const c = d[i];
    if (c === 0x3d) {
      padStarted = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < d.length) throw new Error("Excess data after padding");
        return out.slice(0, n);
      }
      continue;
    }
    const v = B64_VALUE[c];
    if (v < 0) {
      if (strict) throw new Error("Only base64 data is allowed");
      continue;
    }
    if (strict && padStarted) throw new Error("Discontinuous padding not allowed");
    pads = 0;
    dataChars++;
    acc = (acc << 6) | v;
    quad++;
    if (quad === 2) out[n++] = (acc >> 4) & 0xff;
    else if (quad === 3) out[n++] = (acc >> 2) & 0xff;
    else if (quad === 4) {
      out[n++] = acc & 0xff;
      quad = 0;
      acc = 0;
    }
  }
  if (quad !== 0) {
    if (quad === 1) throw new Error(`Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`);
    throw new Error("Incorrect padding");
  }
  return out.slice(0, n);
}

export function a2b_base64(data: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  return wrapBytes(_base64_decode(_ascii_data(data, true), truthy(kw.strict_mode ?? args[0] ?? false)));
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO 3309, the zlib/PNG polynomial) continuing from `value`. */
export function _crc32_of(d: Uint8Array, value: number): number {
  let c = ~value;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export function crc32(data: unknown, value: unknown = 0n): bigint {
  return BigInt(_crc32_of(_ascii_data(data, false), Number(BigInt.asUintN(32, toIndex(value)))));
}

/** CRC-CCITT (XMODEM polynomial 0x1021), as binascii.crc_hqx. */
export function crc_hqx(data: unknown, value: unknown): bigint {
  let crc = Number(toIndex(value)) & 0xffff;
  for (const b of plainView(_ascii_data(data, false))) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return BigInt(crc);
}
