// shutil: copying, moving and removing files and folder trees, which, disk_usage, through os and
// open() (so failures are the same OSError subclasses). CPython: Lib/shutil.py (documented behaviour).
import { OSError, IsADirectoryError, NotImplementedError } from "../builtins/exceptions.js";
import { PyList, PySet } from "../builtins/collections.js";
import { call, callm, truthy } from "../builtins/ops.js";
import { KwArgs } from "../builtins/object.js";
import { bindArgs, fspath, hostFs } from "../builtins/hostfs.js";
import { open } from "../builtins/io.js";
import { structseq } from "./_structseq.js";
import { envGet } from "./_environ.js";
import { host } from "../host.js";
import { filter as fnFilter } from "./fnmatch.js";
import * as os from "./os.js";
import * as osPath from "./os_path.js";

export class Error extends OSError {
  static __module__ = "shutil";
}
export class SameFileError extends Error {}
export class SpecialFileError extends OSError {}
export class ReadError extends OSError {}

const COPY_CHUNK = 1n << 20n;
/** shutil.COPY_BUFSIZE outside Windows: copyfileobj's default read size (observable by its reads). */
export const COPY_BUFSIZE = 64n * 1024n;
type Readable = { read(n?: unknown): Uint8Array; write(b: unknown): bigint; close(): null };

export function copyfileobj(fsrc: unknown, fdst: unknown, length: unknown = 0n): null {
  const n = truthy(length) ? length : COPY_BUFSIZE;
  for (;;) {
    const buf = callm(fsrc, "read", n) as { length: number };
    if (!buf.length) break;
    callm(fdst, "write", buf);
  }
  return null;
}

function same(src: string, dst: string): boolean {
  try {
    return osPath.samefile(src, dst);
  } catch (e) {
    if (e instanceof OSError) return false;
    throw e;
  }
}

export function copyfile(...args: unknown[]): unknown {
  const a = bindArgs("copyfile", args, ["src", "dst", "follow_symlinks"], { follow_symlinks: true });
  const src = fspath(a.src);
  const dst = fspath(a.dst);
  if (same(src, dst)) throw new SameFileError(`${reprPath(a.src)} and ${reprPath(a.dst)} are the same file`);
  const fin = open(a.src, "rb") as unknown as Readable;
  try {
    let fout: Readable;
    try {
      fout = open(a.dst, "wb") as unknown as Readable;
    } catch (e) {
      // CPython names the destination when it is a folder.
      if (e instanceof IsADirectoryError || (e instanceof OSError && osPath.isdir(dst))) throw new IsADirectoryError(21n, "Is a directory", a.dst);
      throw e;
    }
    try {
      for (let chunk = fin.read(COPY_CHUNK); chunk.length; chunk = fin.read(COPY_CHUNK)) fout.write(chunk);
    } finally {
      fout.close();
    }
  } finally {
    fin.close();
  }
  return a.dst;
}
const reprPath = (p: unknown) => `'${fspath(p).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export function copymode(src: unknown, dst: unknown, ..._rest: unknown[]): null {
  const st = os.stat(src) as unknown as { st_mode: bigint };
  os.chmod(dst, st.st_mode & 0o7777n);
  return null;
}
export function copystat(src: unknown, dst: unknown, ..._rest: unknown[]): null {
  const st = os.stat(src) as unknown as { st_mode: bigint; st_atime_ns: bigint; st_mtime_ns: bigint };
  hostFs("shutil.copystat()").utime(fspath(dst), st.st_atime_ns, st.st_mtime_ns);
  os.chmod(dst, st.st_mode & 0o7777n);
  return null;
}

function target(src: unknown, dst: unknown): unknown {
  return osPath.isdir(dst) ? osPath.join(fspath(dst), osPath.basename(fspath(src))) : dst;
}
export function copy(src: unknown, dst: unknown, ..._rest: unknown[]): unknown {
  const to = target(src, dst);
  copyfile(src, to);
  copymode(src, to);
  return to;
}
export function copy2(src: unknown, dst: unknown, ..._rest: unknown[]): unknown {
  const to = target(src, dst);
  copyfile(src, to);
  copystat(src, to);
  return to;
}

/** ignore_patterns(*patterns): a copytree `ignore` callable. */
export function ignore_patterns(...patterns: unknown[]): (path: unknown, names: Iterable<unknown>) => PySet<unknown> {
  return (_path, names) => {
    const list = [...names];
    const out = new PySet<unknown>();
    for (const p of patterns) for (const n of fnFilter(list, p)) out.add(n);
    return out;
  };
}

export function copytree(...args: unknown[]): unknown {
  const a = bindArgs("copytree", args, ["src", "dst", "symlinks", "ignore", "copy_function", "ignore_dangling_symlinks", "dirs_exist_ok"], {
    symlinks: false,
    ignore: null,
    copy_function: copy2,
    ignore_dangling_symlinks: false,
    dirs_exist_ok: false,
  });
  const src = fspath(a.src);
  const dst = fspath(a.dst);
  const names = os.listdir(src) as PyList<string>;
  const ignored = a.ignore === null ? null : call(a.ignore, a.src, names);
  os.makedirs(dst, new KwArgs({ exist_ok: a.dirs_exist_ok }));
  const errors: unknown[] = [];
  for (const name of names) {
    if (
      ignored !== null &&
      truthy((ignored as { __contains__?: (x: unknown) => boolean }).__contains__?.(name) ?? [...(ignored as Iterable<unknown>)].includes(name))
    )
      continue;
    const s = osPath.join(src, name);
    const d = osPath.join(dst, name);
    try {
      if (a.symlinks && osPath.islink(s)) os.symlink(os.readlink(s), d);
      else if (osPath.isdir(s)) copytree(s, d, a.symlinks, a.ignore, a.copy_function, a.ignore_dangling_symlinks, a.dirs_exist_ok);
      else call(a.copy_function, s, d);
    } catch (e) {
      if (e instanceof Error) errors.push(...(e.args[0] as unknown[]));
      else if (e instanceof OSError) errors.push([s, d, String(e)]);
      else throw e;
    }
  }
  try {
    copystat(src, dst);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
  }
  if (errors.length) throw new Error(PyList.fromArray(errors));
  return a.dst;
}

/** rmtree(path, ignore_errors=False, onerror=None, *, onexc=None, dir_fd=None). */
export function rmtree(...args: unknown[]): null {
  const a = bindArgs("rmtree", args, ["path", "ignore_errors", "onerror", "onexc", "dir_fd"], {
    ignore_errors: false,
    onerror: null,
    onexc: null,
    dir_fd: null,
  });
  const report = (fn: unknown, p: string, e: unknown) => {
    if (a.ignore_errors) return;
    if (a.onexc !== null) call(a.onexc, fn, p, e);
    else if (a.onerror !== null) call(a.onerror, fn, p, [null, e, null]);
    else throw e;
  };
  const top = fspath(a.path);
  if (osPath.islink(top)) {
    report(os.lstat, top, new OSError("Cannot call rmtree on a symbolic link"));
    return null;
  }
  const remove = (dir: string) => {
    let names: string[] = [];
    try {
      names = [...(os.listdir(dir) as PyList<string>)];
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      report(os.scandir, dir, e);
    }
    for (const n of names) {
      const p = osPath.join(dir, n);
      if (osPath.isdir(p) && !osPath.islink(p)) remove(p);
      else {
        try {
          os.unlink(p);
        } catch (e) {
          if (!(e instanceof OSError)) throw e;
          report(os.unlink, p, e);
        }
      }
    }
    try {
      os.rmdir(dir);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      report(os.rmdir, dir, e);
    }
  };
  remove(top);
  return null;
}

export function move(...args: unknown[]): unknown {
  const a = bindArgs("move", args, ["src", "dst", "copy_function"], { copy_function: copy2 });
  const src = fspath(a.src);
  let real: string = fspath(a.dst);
  if (osPath.isdir(real)) {
    if (same(src, real)) {
      os.rename(src, real);
      return real;
    }
    real = osPath.join(real, osPath.basename(src.replace(/\/+$/, "")));
    if (osPath.exists(real)) throw new Error(`Destination path '${real}' already exists`);
  }
  try {
    os.rename(src, real);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    // Across file systems: copy, then remove the source.
    if (osPath.isdir(src)) {
      copytree(src, real, new KwArgs({ copy_function: a.copy_function }));
      rmtree(src);
    } else {
      call(a.copy_function, src, real);
      os.unlink(src);
    }
  }
  return real;
}

/** which(cmd, mode=os.F_OK | os.X_OK, path=None): the first executable file of that name on PATH. */
export function which(...args: unknown[]): string | null {
  const a = bindArgs("which", args, ["cmd", "mode", "path"], { mode: 1n, path: null });
  const cmd = fspath(a.cmd);
  const isExe = (p: string) => {
    const st = osPath.statOrNull(p);
    return st !== null && osPath.isFileMode(st.mode) && (st.mode & 0o111) !== 0;
  };
  if (cmd.includes("/")) return isExe(cmd) ? cmd : null;
  const pathVar = a.path !== null ? fspath(a.path) : (envGet("PATH") ?? osPath.defpath);
  for (const dir of pathVar.split(":")) {
    const p = osPath.join(dir === "" ? "." : dir, cmd);
    if (isExe(p)) return p;
  }
  return null;
}

export const _usage = structseq("shutil.usage", ["total", "used", "free"]);
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type _usage = InstanceType<typeof _usage>;
export function disk_usage(p: unknown): unknown {
  const fs = hostFs("shutil.disk_usage()");
  const s = fspath(p);
  if (!fs.diskUsage) throw new NotImplementedError("shutil.disk_usage() is not supported by tsyncio on this host");
  os.stat(s);
  const u = fs.diskUsage(s);
  return new _usage([BigInt(u.total), BigInt(u.used), BigInt(u.free)]);
}

/** COLUMNS and LINES first, then the terminal on stdout, then `fallback` (as CPython's). */
export function get_terminal_size(fallback: unknown = [80n, 24n]): unknown {
  const [c, l] = [...(fallback as Iterable<bigint>)];
  let columns = Number(envGet("COLUMNS") ?? 0);
  let lines = Number(envGet("LINES") ?? 0);
  if (columns <= 0 || lines <= 0) {
    const size = host.terminalSize?.(1);
    if (size) {
      if (columns <= 0) columns = size[0];
      if (lines <= 0) lines = size[1];
    }
  }
  return new os.terminal_size([columns > 0 ? BigInt(columns) : c, lines > 0 ? BigInt(lines) : l]);
}
