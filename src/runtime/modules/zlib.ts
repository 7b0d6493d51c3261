// zlib: compress/decompress, compressobj/decompressobj, crc32 and adler32. Deflate itself is
// pako's port of zlib (its stream API, used the way CPython's zlibmodule.c drives zlib), so the
// compressed bytes are the same as CPython's.
import {
  ZStream,
  zlibDeflateInit2,
  zlibDeflate,
  zlibDeflateEnd,
  zlibDeflateSetDictionary,
  zlibInflateInit2,
  zlibInflate,
  zlibInflateEnd,
  zlibInflateSetDictionary,
  Z_OK,
  Z_STREAM_END,
  Z_BUF_ERROR,
  Z_NEED_DICT,
  type Z_FlushMode,
  type Z_Strategy,
} from "pako";
import { Exception, ValueError } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";
import { index as toIndex } from "../builtins/ops.js";
import { PyBytes, wrapBytes } from "../builtins/bytes.js";
import { _ascii_data, _crc32_of } from "./binascii.js";

export class error extends Exception {
  static __name__ = "error";
  static __qualname__ = "error";
  static __module__ = "zlib";
}

export const MAX_WBITS = 15n;
export const DEFLATED = 8n;
export const DEF_MEM_LEVEL = 8n;
export const DEF_BUF_SIZE = 16384n;
export const Z_NO_COMPRESSION = 0n;
export const Z_BEST_SPEED = 1n;
export const Z_BEST_COMPRESSION = 9n;
export const Z_DEFAULT_COMPRESSION = -1n;
export const Z_FILTERED = 1n;
export const Z_HUFFMAN_ONLY = 2n;
export const Z_RLE = 3n;
export const Z_FIXED = 4n;
export const Z_DEFAULT_STRATEGY = 0n;
export const Z_NO_FLUSH = 0n;
export const Z_PARTIAL_FLUSH = 1n;
export const Z_SYNC_FLUSH = 2n;
export const Z_FULL_FLUSH = 3n;
export const Z_FINISH = 4n;
export const Z_BLOCK = 5n;
export const Z_TREES = 6n;
export const ZLIB_VERSION = "1.3.1";
export const ZLIB_RUNTIME_VERSION = "1.3.1";

const DEFAULT_MESSAGES: Record<number, string> = { [-5]: "incomplete or truncated stream", [-2]: "inconsistent stream state", [-3]: "invalid input data" };

function zerror(code: number, strm: ZStream, while_: string): error {
  const msg = (code !== Z_BUF_ERROR && strm.msg) || DEFAULT_MESSAGES[code];
  return new error(msg ? `Error ${code} while ${while_}: ${msg}` : `Error ${code} while ${while_}`);
}

const CHUNK = 1 << 16;

/** Runs deflate or inflate over the stream's pending input, collecting all output. */
function drive(strm: ZStream, step: (flush: Z_FlushMode) => number, flush: Z_FlushMode, limit = Infinity): { out: Uint8Array; status: number } {
  const parts: Uint8Array[] = [];
  let total = 0;
  let status: number = Z_OK;
  for (;;) {
    const room = Math.min(CHUNK, limit - total);
    if (room <= 0) break;
    strm.output = new Uint8Array(room);
    strm.next_out = 0;
    strm.avail_out = room;
    status = step(flush);
    const got = room - strm.avail_out;
    if (got > 0) parts.push(strm.output.subarray(0, got));
    total += got;
    if (status !== Z_OK || strm.avail_out !== 0) break;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) (out.set(p, off), (off += p.length));
  return { out, status };
}

function feed(strm: ZStream, data: Uint8Array): void {
  strm.input = data;
  strm.next_in = 0;
  strm.avail_in = data.length;
}

function levelArg(level: unknown): number {
  const l = Number(toIndex(level));
  if (l < -1 || l > 9) throw new error("Bad compression level");
  return l;
}

export function compress(data: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const level = levelArg("level" in kw ? kw.level : (args[0] ?? -1n));
  const wbits = Number(toIndex("wbits" in kw ? kw.wbits : (args[1] ?? 15n)));
  const strm = new ZStream();
  const st = zlibDeflateInit2(strm, level, 8, wbits, 8, 0, true);
  if (st !== Z_OK) throw new error("Bad compression level");
  feed(strm, _ascii_data(data, false));
  const { out, status } = drive(strm, (f) => zlibDeflate(strm, f), 4);
  zlibDeflateEnd(strm);
  if (status !== Z_STREAM_END) throw zerror(status, strm, "compressing data");
  return wrapBytes(out);
}

export function decompress(data: unknown, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const wbits = Number(toIndex("wbits" in kw ? kw.wbits : (args[0] ?? 15n)));
  const strm = new ZStream();
  if (zlibInflateInit2(strm, wbits) !== Z_OK) throw new ValueError("Invalid initialization option");
  feed(strm, _ascii_data(data, false));
  const { out, status } = drive(strm, (f) => zlibInflate(strm, f), 0);
  zlibInflateEnd(strm);
  if (status !== Z_STREAM_END) {
    if (status === Z_OK || status === Z_BUF_ERROR) throw zerror(-5, strm, "decompressing data");
    throw zerror(status, strm, "decompressing data");
  }
  return wrapBytes(out);
}

export class Compress {
  static __name__ = "Compress";
  static __module__ = "zlib";
  private strm = new ZStream();
  private done = false;
  constructor(...args: unknown[]) {
    const kw = popKw(args) ?? {};
    const arg = (name: string, i: number, dflt: bigint) => Number(toIndex(name in kw ? kw[name] : (args[i] ?? dflt)));
    const level = levelArg(BigInt(arg("level", 0, -1n)));
    const st = zlibDeflateInit2(
      this.strm,
      level,
      arg("method", 1, 8n),
      arg("wbits", 2, 15n),
      arg("memLevel", 3, 8n),
      arg("strategy", 4, 0n) as Z_Strategy,
      true,
    );
    if (st !== Z_OK) throw new ValueError("Invalid initialization option");
    const zdict = "zdict" in kw ? kw.zdict : args[5];
    if (zdict != null) zlibDeflateSetDictionary(this.strm, _ascii_data(zdict, false));
  }
  compress(data: unknown): PyBytes {
    if (this.done) throw new error("Error -2 while compressing data: inconsistent stream state");
    feed(this.strm, _ascii_data(data, false));
    return wrapBytes(drive(this.strm, (f) => zlibDeflate(this.strm, f), 0).out);
  }
  flush(mode: unknown = Z_FINISH): PyBytes {
    const m = Number(toIndex(mode)) as Z_FlushMode;
    if (m === 0) return new PyBytes(0);
    if (this.done) return new PyBytes(0);
    feed(this.strm, new Uint8Array(0));
    const { out } = drive(this.strm, (f) => zlibDeflate(this.strm, f), m);
    if (m === 4) {
      zlibDeflateEnd(this.strm);
      this.done = true;
    }
    return wrapBytes(out);
  }
}

export class Decompress {
  static __name__ = "Decompress";
  static __module__ = "zlib";
  private strm = new ZStream();
  unused_data: PyBytes = new PyBytes(0);
  unconsumed_tail: PyBytes = new PyBytes(0);
  eof = false;
  private zdict: Uint8Array | null;
  constructor(...args: unknown[]) {
    const kw = popKw(args) ?? {};
    const wbits = Number(toIndex("wbits" in kw ? kw.wbits : (args[0] ?? 15n)));
    if (zlibInflateInit2(this.strm, wbits) !== Z_OK) throw new ValueError("Invalid initialization option");
    const zdict = "zdict" in kw ? kw.zdict : args[1];
    this.zdict = zdict == null ? null : _ascii_data(zdict, false);
    if (this.zdict !== null && wbits < 0) zlibInflateSetDictionary(this.strm, this.zdict);
  }
  decompress(data: unknown, ...args: unknown[]): PyBytes {
    const kw = popKw(args) ?? {};
    const maxLength = Number(toIndex("max_length" in kw ? kw.max_length : (args[0] ?? 0n)));
    if (maxLength < 0) throw new ValueError("max_length must be non-negative");
    const input = _ascii_data(data, false);
    if (this.eof) {
      this.unused_data = wrapBytes(concat(this.unused_data, input));
      return new PyBytes(0);
    }
    feed(this.strm, input.slice());
    let { out, status } = drive(this.strm, (f) => zlibInflate(this.strm, f), 2, maxLength || Infinity);
    if (status === Z_NEED_DICT && this.zdict !== null) {
      zlibInflateSetDictionary(this.strm, this.zdict);
      const more = drive(this.strm, (f) => zlibInflate(this.strm, f), 2, maxLength ? maxLength - out.length : Infinity);
      out = concat(out, more.out);
      status = more.status;
    }
    const rest = this.strm.input.subarray(this.strm.next_in, this.strm.next_in + this.strm.avail_in);
    if (status === Z_STREAM_END) {
      this.eof = true;
      this.unused_data = wrapBytes(concat(this.unused_data, rest));
      this.unconsumed_tail = new PyBytes(0);
      zlibInflateEnd(this.strm);
    } else if (status !== Z_OK && status !== Z_BUF_ERROR) {
      throw zerror(status, this.strm, "decompressing data");
    } else this.unconsumed_tail = wrapBytes(rest.slice());
    return wrapBytes(out);
  }
  flush(length: unknown = DEF_BUF_SIZE): PyBytes {
    void length;
    if (this.eof || this.unconsumed_tail.length === 0) return new PyBytes(0);
    return this.decompress(this.unconsumed_tail);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export const compressobj = (...args: unknown[]) => new Compress(...args);
export const decompressobj = (...args: unknown[]) => new Decompress(...args);

export function crc32(data: unknown, value: unknown = 0n): bigint {
  return BigInt(_crc32_of(_ascii_data(data, false), Number(BigInt.asUintN(32, toIndex(value)))));
}

/** Adler-32 (RFC 1950) continuing from `value`. */
export function adler32(data: unknown, value: unknown = 1n): bigint {
  const d = _ascii_data(data, false);
  const v = Number(BigInt.asUintN(32, toIndex(value)));
  let a = v & 0xffff;
  let b = v >>> 16;
  for (let i = 0; i < d.length;) {
    // 5552 bytes is the most that cannot overflow before the modulo (zlib's NMAX)
    const end = Math.min(d.length, i + 5552);
    for (; i < end; i++) {
      a += d[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return BigInt(((b << 16) | a) >>> 0);
}
