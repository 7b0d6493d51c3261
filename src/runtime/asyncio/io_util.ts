// What the I/O parts of asyncio share: bytes in and out, addresses as Python tuples, errors from
// the host's kernel as CPython's OSError subclasses.
import { OSError, PyBytes, bytesData, wrapBytes } from "../builtins/index.js";
import { PyTuple, TypeError, typeName } from "./_compat.js";
import type { Address, IoError } from "../io-messages.js";

/** Python bytes holding `data` (no copy). */
export function toBytes(data: ArrayBuffer | Uint8Array): PyBytes {
  return wrapBytes(data instanceof Uint8Array ? data : new Uint8Array(data));
}

/** A copy of a bytes-like argument in a buffer of its own (to transfer to the kernel). */
export function ownedCopy(data: unknown, what = "data argument"): ArrayBuffer {
  return checkBytesLike(data, what).slice().buffer as ArrayBuffer;
}

/** Raises TypeError unless `data` is bytes, bytearray or memoryview. */
export function checkBytesLike(data: unknown, what = "data argument"): Uint8Array {
  const d = bytesData(data);
  if (d === null) throw new TypeError(`${what} must be a bytes-like object, not '${typeName(data)}'`);
  return d;
}

/** ('127.0.0.1', 8888) or ('::1', 8888, 0, 0), as socket.getsockname() shows them. */
export function addressTuple(a: Address): unknown {
  if (typeof a === "string") return a;
  return PyTuple.fromArray(a.map((x) => (typeof x === "number" ? BigInt(x) : x)));
}

const STRERROR: Record<string, string> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  EACCES: "Permission denied",
  EPIPE: "Broken pipe",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ECONNREFUSED: "Connection refused",
  ECONNRESET: "Connection reset by peer",
  ECONNABORTED: "Software caused connection abort",
  ETIMEDOUT: "Connection timed out",
  ENETUNREACH: "Network is unreachable",
  EHOSTUNREACH: "No route to host",
  ENOTCONN: "Transport endpoint is not connected",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EINVAL: "Invalid argument",
  EMFILE: "Too many open files",
};

export function strerror(e: IoError): string {
  return STRERROR[e.code] ?? e.code;
}

/** OSError(errno, message) — the subclass CPython picks for the errno (ConnectionRefusedError, ...). */
export function osError(e: IoError, message: string = strerror(e), filename?: unknown): OSError {
  return filename === undefined ? new OSError(BigInt(e.errno), message) : new OSError(BigInt(e.errno), message, filename);
}

/** CPython's repr of an address tuple inside a message: ('127.0.0.1', 1). */
export function addressRepr(host: string, port: number): string {
  return host.includes(":") ? `('${host}', ${port}, 0, 0)` : `('${host}', ${port})`;
}

/** True for a numeric IPv4 or IPv6 address (no name look-up needed). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(":") && /^[0-9a-fA-F:.]+$/.test(host));
}

/** File descriptor numbers as a fresh CPython process hands them out: 3 upwards, lowest free first. */
let nextFd = 3;
/** Freed numbers below nextFd, in ascending order (the lowest is handed out first). */
const freedFds: number[] = [];

export function allocFd(): number {
  return freedFds.length > 0 ? freedFds.shift()! : nextFd++;
}

export function freeFd(fd: number): void {
  if (fd < 3 || fd >= nextFd) return;
  // Binary search for its place; a number freed twice is kept once.
  let lo = 0;
  let hi = freedFds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (freedFds[mid] < fd) lo = mid + 1;
    else hi = mid;
  }
  if (freedFds[lo] !== fd) freedFds.splice(lo, 0, fd);
}

/**
 * Socket options as the host's sockets report them: tsyncio does not set options on the host's
 * sockets (SO_REUSEADDR & co. change nothing on loopback), so getsockopt answers a fresh Linux
 * socket's values: 212992 for the buffer sizes (SO_SNDBUF 7, SO_RCVBUF 8), 0 for the flags.
 */
/** On/off options (level SOL_SOCKET or IPPROTO_TCP): Linux reads back any non-zero value as 1. */
const SWITCHES = new Set(["1:2", "1:6", "1:9", "1:10", "1:15", "6:1", "41:26"]);
const toNumber = (x: unknown) => (typeof x === "bigint" ? Number(x) : typeof x === "number" ? x : typeof x === "boolean" ? Number(x) : NaN);

/**
 * The options a program set on one socket, read back by getsockopt as Linux answers: on/off
 * options as 1 or 0, buffer sizes doubled (the kernel's bookkeeping); unset ones read as defaults.
 */
export const socketOptions = {
  set(store: Map<string, bigint>, args: unknown[]): null {
    const [level, option, value] = args;
    const n = toNumber(value);
    if (Number.isNaN(n)) return null;
    const key = `${toNumber(level)}:${toNumber(option)}`;
    const minimum = key === "1:7" ? 4608 : 2304;
    store.set(key, BigInt(SWITCHES.has(key) ? Number(n !== 0) : key === "1:7" || key === "1:8" ? Math.max(2 * n, minimum) : n));
    return null;
  },
  get(store: Map<string, bigint>, level: unknown, option: unknown): bigint {
    const n = toNumber(option);
    const set = store.get(`${toNumber(level)}:${n}`);
    if (set !== undefined) return set;
    return n === 7 || n === 8 ? 212992n : 0n;
  },
};
