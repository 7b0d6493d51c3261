// What open(), os, pathlib, shutil and tempfile share: the host's file system (or a clear
// NotImplementedError), POSIX error names turned into CPython's OSError subclasses with errno,
// strerror and filename, os.fspath, and keyword binding for the runtime's own functions.

import { host, type HostFileSystem } from "../host.js";
import { NotImplementedError, OSError, TypeError } from "./exceptions.js";
import { popKw } from "./object.js";
import { typeName } from "./ops.js";
import { placeKeywords } from "./keywords.js";
import { PyBytes, bytesData, copyBytes } from "./bytes.js";

/** Linux's errno numbers and glibc's strerror texts (what CPython prints on Linux). */
export const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  EIO: [5, "Input/output error"],
  EBADF: [9, "Bad file descriptor"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  EACCES: [13, "Permission denied"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  EXDEV: [18, "Invalid cross-device link"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EINVAL: [22, "Invalid argument"],
  EMFILE: [24, "Too many open files"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  ESPIPE: [29, "Illegal seek"],
  EROFS: [30, "Read-only file system"],
  EMLINK: [31, "Too many links"],
  ENAMETOOLONG: [36, "File name too long"],
  ENOTEMPTY: [39, "Directory not empty"],
  ELOOP: [40, "Too many levels of symbolic links"],
  EPIPE: [32, "Broken pipe"],
  EDQUOT: [122, "Disk quota exceeded"],
};

/** The OSError subclass CPython raises for a POSIX error name (OSError(errno, ...) picks the subclass). */
export function osErrorFor(code: string, filename: unknown = null, filename2: unknown = null): OSError {
  // CPython names the path as given when it is str or bytes, else as os.fspath() made it.
  const asGiven = (f: unknown) => (f === null || typeof f === "string" || f instanceof Uint8Array ? f : fspath(f));
  filename = asGiven(filename);
  filename2 = asGiven(filename2);
  const known = ERRNO[code];
  const [num, text] = known ?? [0, code];
  if (filename2 !== null) return new OSError(BigInt(num), text, filename, null, filename2);
  if (filename !== null) return new OSError(BigInt(num), text, filename);
  return new OSError(BigInt(num), text);
}

/** Rethrows a host failure (`{ code }`) as CPython's OSError; anything else unchanged. */
export function raiseOSError(e: unknown, filename: unknown = null, filename2: unknown = null): never {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z0-9]+$/.test(code)) throw osErrorFor(code, filename, filename2);
  throw e;
}

/** Runs a host call, turning its failure into OSError naming `filename` (and `filename2`). */
export function hostCall<T>(filename: unknown, call: () => T, filename2: unknown = null): T {
  try {
    return call();
  } catch (e) {
    raiseOSError(e, filename, filename2);
  }
}

/** The host's file system, or NotImplementedError naming what needed it. */
export function hostFs(what: string): HostFileSystem {
  const fs = host.fs;
  if (!fs) throw new NotImplementedError(`${what} is not supported by tsyncio on this host (no file system)`);
  return fs;
}

/** os.fspath(): a str path from a str, bytes (decoded as UTF-8) or an object with __fspath__. */
export function fspath(p: unknown): string {
  if (typeof p === "string") return p;
  if (p instanceof PyBytes) return new TextDecoder().decode(p);
  if (p !== null && typeof p === "object" && typeof (p as { __fspath__?: unknown }).__fspath__ === "function") {
    const r = (p as { __fspath__(): unknown }).__fspath__();
    if (typeof r === "string") return r;
    if (r instanceof PyBytes) return new TextDecoder().decode(r);
    throw new TypeError(`expected ${typeName(p)}.__fspath__() to return str or bytes, not ${typeName(r)}`);
  }
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(p)}`);
}

/** True for a path argument given as bytes (os functions then answer in bytes). */
export const isBytesPath = (p: unknown): boolean => p instanceof Uint8Array;

// ───────────── bytes ─────────────
// The file layer's bytes are the runtime's bytes type (bytes.ts).

/** A new bytes object with a copy of `data`. */
export const makeBytes = (data: Uint8Array): PyBytes => copyBytes(data);

/** The bytes of a bytes-like object (bytes, bytearray, memoryview), or null. */
export const bytesOf = (x: unknown): Uint8Array | null => bytesData(x);

// ───────────── arguments ─────────────

/**
 * Binds a runtime function's positional arguments and trailing KwArgs to `names` (CPython's
 * parameter names), with `defaults` for the missing ones; unknown keywords are a TypeError, worded
 * as CPython words it for a function written in Python or, `inC`, in C (`open`, `os.stat`).
 */
export function bindArgs(
  fname: string,
  args: unknown[],
  names: readonly string[],
  defaults: Record<string, unknown> = {},
  inC = false,
): Record<string, unknown> {
  const rest = [...args];
  const kw = popKw(rest) ?? {};
  if (rest.length > names.length) {
    throw new TypeError(`${fname}() takes at most ${names.length} argument${names.length === 1 ? "" : "s"} (${rest.length} given)`);
  }
  const invalid = inC ? (k: string) => `'${k}' is an invalid keyword argument for ${fname}()` : undefined;
  const placed = placeKeywords(fname, kw, names, rest.length, [...rest], invalid);
  const out: Record<string, unknown> = { ...defaults };
  placed.forEach((v, i) => (out[names[i]] = v)); // (the places no argument filled are holes: skipped)
  for (const n of names) {
    if (!(n in out)) throw new TypeError(`${fname}() missing required argument '${n}'`);
  }
  return out;
}
