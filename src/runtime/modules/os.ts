// os: the process-level pieces (environ/getenv, getpid, cpu_count, urandom) and the file system
// calls (listdir, scandir, walk, stat, mkdir/makedirs, rename/replace, remove, rmdir, chdir, ...)
// through the host's file system; failures are CPython's OSError subclasses naming the path.
// CPython: Lib/os.py and the posix module (documented behaviour).
import { host } from "../host.js";
import { FileExistsError, NotImplementedError, OSError, StopIteration, TypeError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { PyBytes, copyBytes } from "../builtins/bytes.js";
import { repr } from "../builtins/repr.js";
import { call, typeName, index as toIndex } from "../builtins/ops.js";
import { bindArgs, bytesOf, ERRNO, fspath as fspathStr, hostCall, hostFs, isBytesPath } from "../builtins/hostfs.js";
import { open as openFile } from "../builtins/io.js";
import type { HostStat } from "../host.js";
import { structseq } from "./_structseq.js";
import { environ } from "./_environ.js";
import * as path from "./os_path.js";
import { noteModuleNamespace } from "../builtins/module-files.js";
import { send_to_self } from "../signals.js";
import { closePipeEnd, makePipe, pipeEnd } from "./_os_pipes.js";
import { sendOnSocketFd } from "./_fd_sockets.js";

export { path, environ };
noteModuleNamespace(path, "os.path");
export const name = "posix";
export const sep = "/";
export const altsep = null;
export const extsep = ".";
export const pathsep = ":";
export const linesep = "\n";
export const curdir = ".";
export const pardir = "..";
export const defpath = "/bin:/usr/bin";
export const devnull = "/dev/null";
export const F_OK = 0n;
export const R_OK = 4n;
export const W_OK = 2n;
export const X_OK = 1n;
export const SEEK_SET = 0n;
export const SEEK_CUR = 1n;
export const SEEK_END = 2n;
export const error = OSError;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type error = InstanceType<typeof error>;

export function getenv(key: unknown, dflt: unknown = null): unknown {
  if (typeof key !== "string") throw new TypeError(`str expected, not ${typeName(key)}`);
  return environ.has(key) ? environ.__getitem__(key) : dflt;
}
export function putenv(key: unknown, value: unknown): null {
  environ.__setitem__(String(key), String(value));
  return null;
}
export function unsetenv(key: unknown): null {
  if (environ.has(String(key))) environ.__delitem__(String(key));
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

/** One of the process's ids from the host (none in a web page). */
function processId(name: "uid" | "euid" | "gid" | "egid" | "ppid"): bigint {
  const ids = host.processIds?.();
  if (!ids) throw new NotImplementedError(`os.get${name}() is not supported by tsyncio in the browser (a web page has no processes)`);
  return BigInt(ids[name]);
}
export function getuid(): bigint {
  return processId("uid");
}
export function geteuid(): bigint {
  return processId("euid");
}
export function getgid(): bigint {
  return processId("gid");
}
export function getegid(): bigint {
  return processId("egid");
}
export function getppid(): bigint {
  return processId("ppid");
}
export function getloadavg(): PyTuple<number> {
  if (!host.loadavg) throw new OSError("Load averages are unobtainable");
  return PyTuple.fromArray(host.loadavg());
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

/** os.fspath(): str or bytes unchanged, else __fspath__(). */
export function fspath(p: unknown): unknown {
  if (typeof p === "string" || p instanceof Uint8Array) return p;
  return fspathStr(p);
}

const fs = (what: string) => hostFs(`os.${what}()`);

export function getcwd(): string {
  return path.cwd();
}
export function chdir(p: unknown): null {
  const s = fspathStr(p);
  hostCall(p, () => fs("chdir").chdir(s));
  return null;
}

// ───────────── stat ─────────────

const STAT_FIELDS = [
  "st_mode",
  "st_ino",
  "st_dev",
  "st_nlink",
  "st_uid",
  "st_gid",
  "st_size",
  "st_atime",
  "st_mtime",
  "st_ctime",
  "st_atime",
  "st_mtime",
  "st_ctime",
  "st_atime_ns",
  "st_mtime_ns",
  "st_ctime_ns",
  "st_blksize",
  "st_blocks",
];
export const stat_result = structseq("os.stat_result", STAT_FIELDS, 10);
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type stat_result = InstanceType<typeof stat_result>;

export function statResult(s: HostStat): InstanceType<typeof stat_result> {
  const ns = [s.atimeNs, s.mtimeNs, s.ctimeNs];
  const seconds = ns.map((t) => t / 1_000_000_000n);
  const floats = ns.map((t) => Number(t) / 1e9);
  return new stat_result([
    BigInt(s.mode),
    BigInt(s.ino),
    BigInt(s.dev),
    BigInt(s.nlink),
    BigInt(s.uid),
    BigInt(s.gid),
    BigInt(s.size),
    ...seconds,
    ...floats,
    ...ns,
    BigInt(s.blksize ?? 4096),
    BigInt(s.blocks ?? Math.ceil(s.size / 512)),
  ]);
}

export function stat(...args: unknown[]): InstanceType<typeof stat_result> {
  const a = bindArgs("stat", args, ["path", "dir_fd", "follow_symlinks"], { dir_fd: null, follow_symlinks: true }, true);
  const s = fspathStr(a.path);
  return statResult(hostCall(a.path, () => fs("stat").stat(s, Boolean(a.follow_symlinks))));
}
/** os.fstat(fd): the stat of an open descriptor (a file's fileno(), tempfile.mkstemp()'s). */
export function fstat(fd: unknown): InstanceType<typeof stat_result> {
  const n = Number(toIndex(fd));
  return statResult(hostCall(null, () => fs("fstat").fstat(n)));
}
export function lstat(p: unknown): InstanceType<typeof stat_result> {
  const s = fspathStr(p);
  return statResult(hostCall(p, () => fs("lstat").stat(s, false)));
}
export function access(p: unknown, mode: unknown): boolean {
  const st = path.statOrNull(fspathStr(p));
  if (st === null) return false;
  const m = Number(mode);
  if (m & 1) return (st.mode & 0o111) !== 0 || path.isDirMode(st.mode);
  return true;
}

// ───────────── folders ─────────────

/** Names from the host, as bytes when the path was bytes. */
function names(p: unknown, list: string[]): PyList<unknown> {
  return PyList.fromArray(isBytesPath(p) ? list.map((n) => copyBytes(new TextEncoder().encode(n)) as unknown) : list);
}

export function listdir(p: unknown = "."): PyList<unknown> {
  const s = fspathStr(p ?? ".");
  return names(
    p,
    hostCall(p ?? ".", () => fs("listdir").readdir(s)),
  );
}

export function mkdir(...args: unknown[]): null {
  const a = bindArgs("mkdir", args, ["path", "mode", "dir_fd"], { mode: 0o777n, dir_fd: null }, true);
  const s = fspathStr(a.path);
  hostCall(a.path, () => fs("mkdir").mkdir(s, Number(a.mode)));
  return null;
}

export function makedirs(...args: unknown[]): null {
  const a = bindArgs("makedirs", args, ["name", "mode", "exist_ok"], { mode: 0o777n, exist_ok: false });
  makeDirs(a.name, Number(a.mode), Boolean(a.exist_ok));
  return null;
}

function makeDirs(name: unknown, mode: number, existOk: boolean): void {
  const s = fspathStr(name);
  let [head, tail] = path.split(s);
  if (!tail) [head, tail] = path.split(head);
  if (head && tail && !path.exists(head)) {
    try {
      makeDirs(head, mode, existOk);
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
    }
    if (tail === curdir) return;
  }
  try {
    hostCall(name, () => fs("makedirs").mkdir(s, mode));
  } catch (e) {
    if (!existOk || !(e instanceof OSError) || !path.isdir(s)) throw e;
  }
}

export function rmdir(p: unknown): null {
  const s = fspathStr(p);
  hostCall(p, () => fs("rmdir").rmdir(s));
  return null;
}
export function removedirs(p: unknown): null {
  let s = fspathStr(p);
  rmdir(s);
  for (let [head, tail] = path.split(s); head && tail; [head, tail] = path.split(head)) {
    try {
      rmdir(head);
    } catch {
      break;
    }
  }
  return null;
}
export function remove(p: unknown): null {
  const s = fspathStr(p);
  hostCall(p, () => fs("remove").unlink(s));
  return null;
}
export const unlink = remove;

export function rename(src: unknown, dst: unknown): null {
  const a = fspathStr(src);
  const b = fspathStr(dst);
  const f = fs("rename");
  // POSIX rename() replaces a file but refuses to put a file over a folder and the other way.
  hostCall(src, () => f.rename(a, b), dst);
  return null;
}
export const replace = rename;
export function renames(src: unknown, dst: unknown): null {
  const [head] = path.split(fspathStr(dst));
  if (head && !path.exists(head)) makedirs(head);
  rename(src, dst);
  const [oldHead] = path.split(fspathStr(src));
  if (oldHead) {
    try {
      removedirs(oldHead);
    } catch {
      /* not empty */
    }
  }
  return null;
}

export function utime(p: unknown, times: unknown = null, ..._rest: unknown[]): null {
  const s = fspathStr(p);
  const f = fs("utime");
  let at: bigint | null = null;
  let mt: bigint | null = null;
  if (times !== null && times !== undefined) {
    const [x, y] = [...(times as Iterable<unknown>)];
    const toNs = (v: unknown) => (typeof v === "bigint" ? v * 1_000_000_000n : BigInt(Math.round(Number(v) * 1e6)) * 1000n);
    at = toNs(x);
    mt = toNs(y);
  }
  hostCall(p, () => f.utime(s, at, mt));
  return null;
}
export function chmod(p: unknown, mode: unknown): null {
  const s = fspathStr(p);
  hostCall(p, () => fs("chmod").chmod(s, Number(mode)));
  return null;
}
export function symlink(src: unknown, dst: unknown): null {
  const f = fs("symlink");
  if (!f.symlink) throw new NotImplementedError("os.symlink() is not supported by tsyncio on this host");
  hostCall(src, () => f.symlink!(fspathStr(src), fspathStr(dst)), dst);
  return null;
}
export function readlink(p: unknown): string {
  const f = fs("readlink");
  if (!f.readlink) throw new NotImplementedError("os.readlink() is not supported by tsyncio on this host");
  return hostCall(p, () => f.readlink!(fspathStr(p)));
}
export function link(src: unknown, dst: unknown, ..._rest: unknown[]): null {
  const f = fs("link");
  if (!f.link) throw new NotImplementedError("os.link() is not supported by tsyncio on this host");
  hostCall(src, () => f.link!(fspathStr(src), fspathStr(dst)), dst);
  return null;
}

// statvfs_result: ten fields in the tuple, f_fsid an attribute only (the host cannot give it).
export const statvfs_result = structseq("os.statvfs_result", [
  "f_bsize",
  "f_frsize",
  "f_blocks",
  "f_bfree",
  "f_bavail",
  "f_files",
  "f_ffree",
  "f_favail",
  "f_flag",
  "f_namemax",
]);
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type statvfs_result = InstanceType<typeof statvfs_result>;
export const ST_RDONLY = 1n;
export const ST_NOSUID = 2n;

export function statvfs(p: unknown): InstanceType<typeof statvfs_result> {
  const f = fs("statvfs");
  if (!f.statvfs) throw new NotImplementedError("os.statvfs() is not supported by tsyncio on this host");
  const v = hostCall(p, () => f.statvfs!(fspathStr(p)));
  const fields = [v.bsize, v.frsize, v.blocks, v.bfree, v.bavail, v.files, v.ffree, v.favail, v.flag, v.namemax];
  return new statvfs_result(fields.map((n) => BigInt(n)));
}
export function truncate(p: unknown, length: unknown): null {
  const s = fspathStr(p);
  const f = fs("truncate");
  const fd = hostCall(p, () => f.open(s, "r+", 0o666));
  try {
    hostCall(p, () => f.ftruncate(fd, Number(length)));
  } finally {
    f.close(fd);
  }
  return null;
}

// ───────────── scandir and walk ─────────────

export class DirEntry {
  static __module__ = "posix";
  name: unknown;
  path: unknown;
  private _stat: HostStat | null | undefined;
  private _lstat: HostStat | null | undefined;
  constructor(dir: string, entry: string, asBytes: boolean) {
    const full = dir === "." ? `./${entry}` : path.join(dir, entry);
    const enc = (s: string) => copyBytes(new TextEncoder().encode(s));
    this.name = asBytes ? enc(entry) : entry;
    this.path = asBytes ? enc(full) : full;
  }
  private full(): string {
    return fspathStr(this.path);
  }
  private info(follow: boolean): HostStat | null {
    if (follow) return this._stat === undefined ? (this._stat = path.statOrNull(this.full())) : this._stat;
    return this._lstat === undefined ? (this._lstat = path.statOrNull(this.full(), false)) : this._lstat;
  }
  private followArg(args: unknown[]): boolean {
    return Boolean(bindArgs("is_dir", args, ["follow_symlinks"], { follow_symlinks: true }, true).follow_symlinks);
  }
  is_dir(...args: unknown[]): boolean {
    const st = this.info(this.followArg(args));
    return st !== null && path.isDirMode(st.mode);
  }
  is_file(...args: unknown[]): boolean {
    const st = this.info(this.followArg(args));
    return st !== null && path.isFileMode(st.mode);
  }
  is_symlink(): boolean {
    const st = this.info(false);
    return st !== null && path.isLinkMode(st.mode);
  }
  is_junction(): boolean {
    return false;
  }
  stat(...args: unknown[]): InstanceType<typeof stat_result> {
    const follow = this.followArg(args);
    const st = this.info(follow);
    if (st === null) return follow ? stat(this.path) : lstat(this.path);
    return statResult(st);
  }
  inode(): bigint {
    return BigInt(this.info(false)?.ino ?? 0);
  }
  __fspath__(): unknown {
    return this.path;
  }
  __repr__(): string {
    return `<DirEntry ${repr(this.name)}>`;
  }
}

class ScandirIterator {
  static __module__ = "posix";
  private entries: DirEntry[];
  private i = 0;
  constructor(entries: DirEntry[]) {
    this.entries = entries;
  }
  __iter__(): this {
    return this;
  }
  __next__(): DirEntry {
    if (this.i >= this.entries.length) throw new StopIteration();
    return this.entries[this.i++];
  }
  [Symbol.iterator](): Iterator<DirEntry> {
    return { next: () => (this.i < this.entries.length ? { value: this.entries[this.i++], done: false } : { value: undefined, done: true }) };
  }
  close(): null {
    this.i = this.entries.length;
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._exc: unknown[]): boolean {
    this.close();
    return false;
  }
}

export function scandir(p: unknown = "."): ScandirIterator {
  const dir = fspathStr(p ?? ".");
  const list = hostCall(p ?? ".", () => fs("scandir").readdir(dir));
  return new ScandirIterator(list.map((n) => new DirEntry(dir, n, isBytesPath(p))));
}

/** os.walk(top, topdown=True, onerror=None, followlinks=False): a generator of (dirpath, dirnames, filenames). */
export function walk(...args: unknown[]): Generator<PyTuple<unknown>> {
  const a = bindArgs("walk", args, ["top", "topdown", "onerror", "followlinks"], { topdown: true, onerror: null, followlinks: false });
  const top = fspathStr(a.top);
  return walkFrom(top, Boolean(a.topdown), a.onerror, Boolean(a.followlinks));
}

function* walkFrom(top: string, topdown: boolean, onerror: unknown, followlinks: boolean): Generator<PyTuple<unknown>> {
  let entries: DirEntry[];
  try {
    entries = [...scandir(top)];
  } catch (e) {
    if (onerror !== null && e instanceof OSError) call(onerror, e);
    else if (!(e instanceof OSError)) throw e;
    return;
  }
  const dirs = PyList.fromArray<unknown>([]);
  const files = PyList.fromArray<unknown>([]);
  const walkInto: string[] = [];
  for (const e of entries) {
    if (e.is_dir()) {
      dirs.push(e.name);
      if (!topdown && (followlinks || !e.is_symlink())) walkInto.push(path.join(top, e.name as string));
    } else files.push(e.name);
  }
  if (topdown) {
    yield PyTuple.of<unknown>(top, dirs, files);
    // The caller may prune or reorder `dirs` in place.
    for (const d of [...dirs]) {
      const next = path.join(top, d as string);
      if (followlinks || !path.islink(next)) yield* walkFrom(next, topdown, onerror, followlinks);
    }
  } else {
    for (const next of walkInto) yield* walkFrom(next, topdown, onerror, followlinks);
    yield PyTuple.of<unknown>(top, dirs, files);
  }
}

/** os.close(fd): closes a descriptor from tempfile.mkstemp() (or a file's fileno()), or an end of os.pipe(). */
export function close(fd: unknown): null {
  if (closePipeEnd(fd)) return null;
  const f = fs("close");
  hostCall(null, () => f.close(Number(fd)));
  return null;
}
/**
 * os.pipe() -> (read_fd, write_fd): the runtime's own pipe (modules/_os_pipes.ts), for joining the
 * children of asyncio's subprocess functions.
 */
export function pipe(): PyTuple<bigint> {
  const [r, w] = makePipe();
  return PyTuple.of(BigInt(r), BigInt(w));
}
/** os.read(fd, n): up to n bytes from a descriptor (one the process inherited, or an os.pipe() end). */
export function read(fd: unknown, n: unknown): PyBytes {
  const size = Number(toIndex(n));
  if (size < 0) throw new OSError(22n, "Invalid argument");
  const e = pipeEnd(fd);
  if (e !== undefined) {
    if (e.end !== "read") throw new OSError(9n, "Bad file descriptor");
    const p = e.pipe;
    if (p._pending.length === 0) {
      if (p._eof) return copyBytes(new Uint8Array(0));
      throw new NotImplementedError("os.read() of an os.pipe() end nothing was written to yet would wait: not supported by tsyncio");
    }
    const all = p._pending.splice(0);
    const joined = new Uint8Array(all.reduce((k, c) => k + c.length, 0));
    let at = 0;
    for (const c of all) joined.set(c, (at += c.length) - c.length);
    if (joined.length > size) p._pending.push(joined.slice(size));
    return copyBytes(joined.subarray(0, size));
  }
  const f = fs("read");
  if (!f.readStream) throw new NotImplementedError("os.read() is not supported by this host");
  const buf = new Uint8Array(size);
  const got = hostCall(null, () => f.readStream!(Number(fd), buf));
  return copyBytes(buf.subarray(0, got));
}

/** os.write(fd, data): writes the bytes to a descriptor (one the process inherited, or an os.pipe() end); returns the count. */
export function write(fd: unknown, data: unknown): bigint {
  const view = bytesOf(data);
  if (view === null) throw new TypeError(`a bytes-like object is required, not '${typeName(data)}'`);
  const bytes = view.slice();
  const e = pipeEnd(fd);
  if (e !== undefined) {
    if (e.end !== "write") throw new OSError(9n, "Bad file descriptor");
    e.pipe._write(bytes);
    return BigInt(bytes.length);
  }
  const f = fs("write");
  if (!f.writeStream) throw new NotImplementedError("os.write() is not supported by this host");
  return BigInt(hostCall(null, () => f.writeStream!(Number(fd), bytes)));
}

/**
 * os.sendfile(out_fd, in_fd, offset, count): up to `count` bytes of the file `in_fd` (from `offset`,
 * its position untouched; None: from its position, which moves) sent on `out_fd`, one of the
 * program's sockets (as its send() sends them: a non-blocking one takes what fits and raises
 * BlockingIOError when full) or a descriptor written as os.write() does. Returns the bytes sent;
 * 0 at the end of the file.
 */
export function sendfile(out_fd: unknown, in_fd: unknown, offset: unknown, count: unknown): bigint {
  const n = Number(toIndex(count));
  const at = offset === null || offset === undefined ? null : Number(toIndex(offset));
  if (at !== null && at < 0) throw new OSError(22n, "Invalid argument");
  const f = fs("sendfile");
  const buf = new Uint8Array(Math.max(0, n));
  const input = Number(toIndex(in_fd));
  const got = n <= 0 ? 0 : hostCall(null, () => (at === null ? f.readStream!(input, buf) : f.read(input, buf, at)));
  if (got === 0) return 0n;
  const data = buf.subarray(0, got);
  const out = Number(toIndex(out_fd));
  const sent = sendOnSocketFd(out, data);
  if (sent !== null) return BigInt(sent);
  if (!f.writeStream) throw new NotImplementedError("os.sendfile() is not supported by this host");
  return BigInt(hostCall(null, () => f.writeStream!(out, data)));
}

/** os.fdopen(fd, *args): open() on a descriptor. */
export function fdopen(fd: unknown, ...args: unknown[]): unknown {
  return openFile(fd, ...args);
}
export function strerror(code: unknown): string {
  const n = Number(code);
  for (const [num, text] of Object.values(ERRNO)) if (num === n) return text;
  return `Unknown error ${n}`;
}

export const terminal_size = structseq("os.terminal_size", ["columns", "lines"]);
/** os.isatty(fd): False for a descriptor that is not open, as CPython's. */
export function isatty(fd: unknown): boolean {
  return host.isatty?.(Number(toIndex(fd))) ?? false;
}
export function get_terminal_size(fd: unknown = 1n): InstanceType<typeof terminal_size> {
  const size = host.terminalSize?.(Number(toIndex(fd)));
  if (!size) throw new OSError(25n, "Inappropriate ioctl for device");
  return new terminal_size([BigInt(size[0]), BigInt(size[1])]);
}
