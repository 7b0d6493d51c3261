// os.path (posixpath): the string functions, and the questions asked of the file system (exists,
// isfile, isdir, getsize, realpath, ...) through the host. CPython: Lib/posixpath.py, genericpath.py
// (documented behaviour).
import { host } from "../host.js";
import { ValueError, TypeError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { takes_packed, unpacked } from "../builtins/star-call.js";
import { fspath, hostCall, hostFs, raiseOSError } from "../builtins/hostfs.js";
import type { HostStat } from "../host.js";
import { envGet, environ } from "./_environ.js";

export const __name__ = "posixpath";
export const sep = "/";
export const altsep = null;
export const extsep = ".";
export const pathsep = ":";
export const curdir = ".";
export const pardir = "..";
export const defpath = "/bin:/usr/bin";
export const devnull = "/dev/null";
export const supports_unicode_filenames = false;

const S_IFMT = 0o170000;
export const isDirMode = (m: number) => (m & S_IFMT) === 0o040000;
export const isFileMode = (m: number) => (m & S_IFMT) === 0o100000;
export const isLinkMode = (m: number) => (m & S_IFMT) === 0o120000;

export function cwd(): string {
  return host.fs?.cwd() ?? host.cwd?.() ?? "/";
}

/** stat() of a path, or null when it does not exist (or cannot be reached): what exists() and friends need. */
export function statOrNull(p: string, follow = true): HostStat | null {
  const fs = hostFs("os.path");
  try {
    return fs.stat(p, follow);
  } catch (e) {
    if (typeof (e as { code?: unknown })?.code === "string") return null;
    throw e;
  }
}

export const join = takes_packed(function join(a: unknown, ...rest: unknown[]): string {
  // Pieces joined once at the end: `path.endsWith` on a growing string flattens it each time.
  const first = fspath(a);
  let parts = [first];
  let empty = first === "";
  let endsWithSlash = first.endsWith("/");
  for (const b of unpacked(rest).map(fspath)) {
    if (b.startsWith("/")) {
      parts = [b];
      empty = false;
      endsWithSlash = b.endsWith("/");
    } else if (empty || endsWithSlash) {
      parts.push(b);
      empty = empty && b === "";
      if (b !== "") endsWithSlash = b.endsWith("/");
    } else {
      parts.push("/", b);
      endsWithSlash = b === "" || b.endsWith("/");
    }
  }
  return parts.join("");
}, 1);
export function split(p: unknown): PyTuple<string> {
  const s = fspath(p);
  const i = s.lastIndexOf("/") + 1;
  let head = s.slice(0, i);
  const tail = s.slice(i);
  if (head && head !== "/".repeat(head.length)) head = head.replace(/\/+$/, "");
  return PyTuple.of(head, tail);
}
export function splitext(p: unknown): PyTuple<string> {
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
export function splitdrive(p: unknown): PyTuple<string> {
  return PyTuple.of("", fspath(p));
}
export function normpath(p: unknown): string {
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
export const normcase = (p: unknown): string => fspath(p);
export const basename = (p: unknown): string => split(p)[1];
export const dirname = (p: unknown): string => split(p)[0];
export const isabs = (p: unknown): boolean => fspath(p).startsWith("/");
export const abspath = (p: unknown): string => {
  const s = fspath(p);
  return normpath(s.startsWith("/") ? s : join(cwd(), s));
};
export function expanduser(p: unknown): string {
  const s = fspath(p);
  if (!(s === "~" || s.startsWith("~/"))) return s;
  const home = envGet("HOME") ?? "/";
  return home.replace(/\/+$/, "") + s.slice(1) || "/";
}
export function expandvars(p: unknown): string {
  const s = fspath(p);
  return s.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith("{") ? name.slice(1, -1) : name;
    return environ.has(key) ? String(environ.__getitem__(key)) : whole;
  });
}
export function relpath(p: unknown, start: unknown = null): string {
  const s = fspath(p);
  if (s === "") throw new ValueError("no path specified");
  const from = abspath(start === null ? curdir : start)
    .split("/")
    .filter(Boolean);
  const to = abspath(s).split("/").filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const parts = [...Array(from.length - i).fill(pardir), ...to.slice(i)];
  return parts.length ? parts.join("/") : curdir;
}
export function commonprefix(list: Iterable<unknown>): string {
  const items = [...list].map(fspath);
  if (items.length === 0) return "";
  let lo = items[0];
  let hi = items[0];
  for (const x of items) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  let i = 0;
  while (i < lo.length && lo[i] === hi[i]) i++;
  return lo.slice(0, i);
}
export function commonpath(paths: Iterable<unknown>): string {
  const items = [...paths].map(fspath);
  if (items.length === 0) throw new ValueError("commonpath() arg is an empty sequence");
  const abs = items.map((x) => x.startsWith("/"));
  if (abs.some((a) => a !== abs[0])) throw new ValueError("Can't mix absolute and relative paths");
  const split = items.map((x) => x.split("/").filter((c) => c && c !== "."));
  const first = split[0];
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return (abs[0] ? "/" : "") + first.slice(0, n).join("/");
}

// ───────────── questions to the file system ─────────────

export const exists = (p: unknown): boolean => pathArg(p) !== null && statOrNull(pathArg(p)!) !== null;
export const lexists = (p: unknown): boolean => pathArg(p) !== null && statOrNull(pathArg(p)!, false) !== null;
export function isfile(p: unknown): boolean {
  const s = pathArg(p);
  const st = s === null ? null : statOrNull(s);
  return st !== null && isFileMode(st.mode);
}
export function isdir(p: unknown): boolean {
  const s = pathArg(p);
  const st = s === null ? null : statOrNull(s);
  return st !== null && isDirMode(st.mode);
}
export function islink(p: unknown): boolean {
  const s = pathArg(p);
  const st = s === null ? null : statOrNull(s, false);
  return st !== null && isLinkMode(st.mode);
}
export const ismount = (p: unknown): boolean => realpath(p) === "/";

/** A path for the exists()-style questions: bad types still raise; an int (a descriptor) is unsupported. */
function pathArg(p: unknown): string | null {
  if (typeof p === "bigint") throw new TypeError("os.path questions about file descriptors are not supported by tsyncio");
  if (typeof p === "string" && p.includes("\0")) return null;
  return fspath(p);
}

function statOf(p: unknown): HostStat {
  const s = fspath(p);
  return hostCall(p, () => hostFs("os.path").stat(s, true));
}
export const getsize = (p: unknown): bigint => BigInt(statOf(p).size);
export const getmtime = (p: unknown): number => Number(statOf(p).mtimeNs) / 1e9;
export const getatime = (p: unknown): number => Number(statOf(p).atimeNs) / 1e9;
export const getctime = (p: unknown): number => Number(statOf(p).ctimeNs) / 1e9;
export function samefile(a: unknown, b: unknown): boolean {
  const x = statOf(a);
  const y = statOf(b);
  return x.ino === y.ino && x.dev === y.dev;
}

/** samestat(s1, s2): two stat results of the same file (device and inode). */
export function samestat(a: unknown, b: unknown): boolean {
  const x = a as { st_ino: unknown; st_dev: unknown };
  const y = b as { st_ino: unknown; st_dev: unknown };
  return x.st_ino === y.st_ino && x.st_dev === y.st_dev;
}
/** sameopenfile(fd1, fd2): two descriptors open on the same file. */
export function sameopenfile(a: unknown, b: unknown): boolean {
  const fs = hostFs("os.path.sameopenfile()");
  const x = hostCall(null, () => fs.fstat(Number(a)));
  const y = hostCall(null, () => fs.fstat(Number(b)));
  return x.ino === y.ino && x.dev === y.dev;
}

/** realpath(path, strict=False): symbolic links resolved; the part that does not exist kept as written. */
export function realpath(p: unknown, ...rest: unknown[]): string {
  const strict =
    rest.length > 0 && rest[rest.length - 1] !== null && typeof rest[rest.length - 1] === "object"
      ? Boolean((rest[rest.length - 1] as { kw?: { strict?: unknown } }).kw?.strict)
      : Boolean(rest[0]);
  const fs = hostFs("os.path.realpath()");
  const abs = abspath(p);
  try {
    return fs.realpath(abs);
  } catch (e) {
    if (strict) raiseOSError(e, p);
  }
  // Resolve the longest existing prefix, keep the rest.
  const parts = abs.split("/").filter(Boolean);
  for (let i = parts.length - 1; i > 0; i--) {
    try {
      const base = fs.realpath("/" + parts.slice(0, i).join("/"));
      return normpath(join(base, ...parts.slice(i)));
    } catch {
      /* shorter */
    }
  }
  return abs;
}
