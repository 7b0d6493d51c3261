// os: the process-level pieces programs print or branch on: environ/getenv, getpid, getcwd,
// cpu_count, urandom, and os.path's string functions (join, basename, dirname, split, splitext,
// normpath, abspath, isabs). No file system calls: under a browser there is no file system, and
// a program that needs one gets NotImplementedError from open() rather than wrong output.
// CPython: Lib/os.py, Lib/posixpath.py (documented behaviour).
import { host } from "../host.js";
import { NotImplementedError, OSError, TypeError } from "../builtins/exceptions.js";
import { osError } from "../builtins/io.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { PyBytes } from "../builtins/bytes.js";
import { typeName } from "../builtins/ops.js";
import { send_to_self } from "../signals.js";


export const name = "posix";
export const sep = "/";
export const altsep = null;
export const extsep = ".";
export const pathsep = ":";
export const linesep = "\n";
export const curdir = ".";
export const pardir = "..";
export const devnull = "/dev/null";

/** os.environ: a dict snapshot of the host's environment (changes stay in the program). */
export const environ: PyDict<string, any> = PyDict.fromEntries(Object.entries(host.env ?? {}));

export function getenv(key: unknown, dflt: unknown = null): unknown {
  if (typeof key !== "string") throw new TypeError(`str expected, not ${typeName(key)}`);
  return environ.has(key) ? environ.__getitem__(key) : dflt;
}

export function putenv(key: unknown, value: unknown): null {
  environ.__setitem__(String(key), String(value));
  return null;
}

export function getpid(): bigint {
  return BigInt(host.pid ?? 1);
}
/** os.kill(pid, sig): to the program itself, its handler runs at once (signal.ts); else through the host. */
export function kill(pid: unknown, sig: unknown): null {
  const p = Number(pid);
  const n = Number(typeof sig === "object" && sig !== null && "_value_" in sig ? (sig as { _value_: unknown })._value_ : sig);
  if (p === (host.pid ?? -1)) {
    send_to_self(n);
    return null;
  }
  if (!host.io) throw new NotImplementedError("os.kill() is not supported by tsyncio in the browser (a web page has no processes)");
  try {
    host.io.kill(p, n);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ESRCH") throw new OSError(3n, "No such process");
    if (code === "EPERM") throw new OSError(1n, "Operation not permitted");
    throw e;
  }
  return null;
}

export function getcwd(): string {
  return host.cwd?.() ?? "/";
}
export function cpu_count(): bigint | null {
  return host.cpuCount ? BigInt(host.cpuCount) : null;
}

export function urandom(size: unknown): PyBytes {
  const n = Number(size);
  if (n < 0) throw new TypeError("negative argument not allowed");
  const out = new PyBytes(n);
  if (host.randomBytes) host.randomBytes(out);
  else for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

/** os.remove / os.unlink: deletes a file through the host. */
export function remove(p: unknown): null {
  const file = fspath(p);
  if (!host.removeFile) throw new NotImplementedError("os.remove() is not supported by tsyncio on this host (no file system)");
  try {
    host.removeFile(file);
  } catch (e) {
    osError(e, file);
  }
  return null;
}
export const unlink = remove;

function fspath(p: unknown): string {
  if (typeof p === "string") return p;
  if (p !== null && typeof p === "object" && typeof (p as { __fspath__?: unknown }).__fspath__ === "function") {
    return (p as { __fspath__(): string }).__fspath__();
  }
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(p)}`);
}

function join(a: unknown, ...rest: unknown[]): string {
  let path = fspath(a);
  for (const b of rest.map(fspath)) {
    if (b.startsWith("/")) path = b;
    else if (path === "" || path.endsWith("/")) path += b;
    else path += "/" + b;
  }
  return path;
}
function split(p: unknown): PyTuple<string> {
  const s = fspath(p);
  const i = s.lastIndexOf("/") + 1;
  let head = s.slice(0, i);
  const tail = s.slice(i);
  if (head && head !== "/".repeat(head.length)) head = head.replace(/\/+$/, "");
  return PyTuple.of(head, tail);
}
function splitext(p: unknown): PyTuple<string> {
  const s = fspath(p);
  const slash = s.lastIndexOf("/");
  const dot = s.lastIndexOf(".");
  if (dot > slash) {
    // Leading dots of the file name do not start an extension (".bashrc").
    let i = slash + 1;
    while (i < dot && s[i] === ".") i++;
    if (i < dot) return PyTuple.of(s.slice(0, dot), s.slice(dot));
  }
  return PyTuple.of(s, "");
}
function normpath(p: unknown): string {
  const s = fspath(p);
  if (s === "") return ".";
  const initial = s.startsWith("//") && !s.startsWith("///") ? 2 : s.startsWith("/") ? 1 : 0;
  const parts: string[] = [];
  for (const c of s.split("/")) {
    if (c === "" || c === ".") continue;
    if (c !== ".." || (initial === 0 && parts.length === 0) || (parts.length > 0 && parts[parts.length - 1] === "..")) parts.push(c);
    else if (parts.length > 0) parts.pop();
  }
  const out = "/".repeat(initial) + parts.join("/");
  return out || ".";
}

export const path = {
  __name__: "posixpath",
  sep,
  join,
  split,
  splitext,
  normpath,
  basename: (p: unknown) => split(p)[1],
  dirname: (p: unknown) => split(p)[0],
  isabs: (p: unknown) => fspath(p).startsWith("/"),
  abspath: (p: unknown) => normpath(fspath(p).startsWith("/") ? fspath(p) : join(getcwd(), fspath(p))),
  expanduser: (p: unknown) => {
    const s = fspath(p);
    const home = environ.has("HOME") ? environ.__getitem__("HOME") : "~";
    return s === "~" || s.startsWith("~/") ? home.replace(/\/$/, "") + s.slice(1) || "/" : s;
  },
};
