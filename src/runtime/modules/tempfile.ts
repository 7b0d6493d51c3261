// tempfile: temporary files and folders on the host's file system, under gettempdir() (TMPDIR,
// TEMP or TMP, else /tmp). Names are the prefix, eight random characters and the suffix, as
// CPython's. CPython: Lib/tempfile.py (documented behaviour).
import { host } from "../host.js";
import { FileExistsError, OSError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";
import { KwArgs } from "../builtins/object.js";
import { bindArgs, fspath, hostCall, hostFs } from "../builtins/hostfs.js";
import { open } from "../builtins/io.js";
import { envGet } from "./_environ.js";
import * as os from "./os.js";
import * as osPath from "./os_path.js";
import { rmtree } from "./shutil.js";

export const TMP_MAX = 10000n;
export const template = "tmp";
export let tempdir: string | null = null;

const NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
function randomName(): string {
  const bytes = new Uint8Array(8);
  if (host.randomBytes) host.randomBytes(bytes);
  else for (let i = 0; i < 8; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => NAME_CHARS[b % NAME_CHARS.length]).join("");
}

export function gettempprefix(): string {
  return template;
}
export function gettempdir(): string {
  if (tempdir !== null) return tempdir;
  const candidates = [envGet("TMPDIR"), envGet("TEMP"), envGet("TMP"), "/tmp", "/var/tmp", "/usr/tmp"].filter((d): d is string => !!d);
  for (const d of candidates) {
    if (osPath.isdir(d)) return (tempdir = osPath.abspath(d));
  }
  return (tempdir = os.getcwd());
}

function names(a: Record<string, unknown>): { dir: string; prefix: string; suffix: string } {
  return {
    dir: a.dir === null ? gettempdir() : fspath(a.dir),
    prefix: a.prefix === null ? template : fspath(a.prefix),
    suffix: a.suffix === null ? "" : fspath(a.suffix),
  };
}

/** Tries fresh names until `create` succeeds (FileExistsError means: taken, try another). */
function unique<T>(a: Record<string, unknown>, create: (path: string) => T): T {
  const { dir, prefix, suffix } = names(a);
  for (let i = 0; i < 100; i++) {
    const path = osPath.abspath(osPath.join(dir, prefix + randomName() + suffix));
    try {
      return create(path);
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
    }
  }
  throw new FileExistsError(17n, "No usable temporary file name found");
}

const ARGS = ["suffix", "prefix", "dir"];
const NONE = { suffix: null, prefix: null, dir: null };

export function mkdtemp(...args: unknown[]): string {
  const a = bindArgs("mkdtemp", args, ARGS, NONE);
  return unique(a, (path) => {
    os.mkdir(path, 0o700n);
    return path;
  });
}

/** mkstemp(): (descriptor, path) of a new file only this user can read and write. */
export function mkstemp(...args: unknown[]): PyTuple<unknown> {
  const a = bindArgs("mkstemp", args, [...ARGS, "text"], { ...NONE, text: false });
  const fs = hostFs("tempfile.mkstemp()");
  return unique(a, (path) => PyTuple.of<unknown>(BigInt(hostCall(path, () => fs.open(path, "wx+", 0o600))), path));
}
export function mktemp(...args: unknown[]): string {
  const a = bindArgs("mktemp", args, ARGS, { suffix: "", prefix: template, dir: null });
  return osPath.join(a.dir === null ? gettempdir() : fspath(a.dir), fspath(a.prefix) + randomName() + fspath(a.suffix));
}

const FILE_ARGS = ["mode", "buffering", "encoding", "newline", "suffix", "prefix", "dir"];
const FILE_DEFAULTS = { mode: "w+b", buffering: -1n, encoding: null, newline: null, ...NONE, errors: null };

type FileObject = { close(): null; name: unknown; __exit__(...a: unknown[]): boolean };

/**
 * NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
 * dir=None, delete=True, *, errors=None, delete_on_close=True): a file with a visible name, removed
 * when closed (or when the `with` block ends, with delete_on_close=False).
 */
export function NamedTemporaryFile(...args: unknown[]): unknown {
  const a = bindArgs("NamedTemporaryFile", args, [...FILE_ARGS, "delete", "errors", "delete_on_close"], {
    ...FILE_DEFAULTS,
    delete: true,
    delete_on_close: true,
  });
  const fs = hostFs("tempfile.NamedTemporaryFile()");
  const path = unique(a, (p) => {
    fs.close(hostCall(p, () => fs.open(p, "wx", 0o600)));
    return p;
  });
  const mode = String(a.mode)
    .replace(/^w/, "r")
    .replace(/^r(?!.*\+)/, "r+");
  const f = open(path, mode.includes("+") ? mode : mode + "+", a.buffering, a.encoding, a.errors, a.newline) as unknown as FileObject;
  Object.defineProperty(f, "mode", { value: a.mode, writable: true });
  const removeFile = () => {
    try {
      os.unlink(path);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
    }
  };
  const close = f.close.bind(f);
  const exit = f.__exit__.bind(f);
  f.close = () => {
    close();
    if (a.delete && a.delete_on_close) removeFile();
    return null;
  };
  f.__exit__ = (...exc: unknown[]) => {
    const r = exit(...exc);
    if (a.delete) removeFile();
    return r;
  };
  return f;
}

/** TemporaryFile(): a file with no name left on disk (removed at once; the descriptor keeps it). */
export function TemporaryFile(...args: unknown[]): unknown {
  const a = bindArgs("TemporaryFile", args, [...FILE_ARGS, "errors"], FILE_DEFAULTS);
  const fs = hostFs("tempfile.TemporaryFile()");
  const [fd, path] = mkstemp(a.suffix, a.prefix, a.dir) as unknown as [bigint, string];
  hostCall(path, () => fs.unlink(path));
  const f = open(fd, a.mode, a.buffering, a.encoding, a.errors, a.newline);
  return f;
}

export class TemporaryDirectory {
  static __module__ = "tempfile";
  name: string;
  private ignoreErrors: boolean;
  private deleteOnExit: boolean;
  private removed = false;
  constructor(...args: unknown[]) {
    const a = bindArgs("TemporaryDirectory", args, [...ARGS, "ignore_cleanup_errors", "delete"], { ...NONE, ignore_cleanup_errors: false, delete: true });
    this.name = mkdtemp(a.suffix, a.prefix, a.dir);
    this.ignoreErrors = Boolean(a.ignore_cleanup_errors);
    this.deleteOnExit = Boolean(a.delete);
  }
  cleanup(): null {
    if (this.removed) return null;
    this.removed = true;
    if (osPath.exists(this.name)) rmtree(this.name, new KwArgs({ ignore_errors: this.ignoreErrors }));
    return null;
  }
  __enter__(): string {
    return this.name;
  }
  __exit__(..._exc: unknown[]): boolean {
    if (this.deleteOnExit) this.cleanup();
    return false;
  }
  __repr__(): string {
    return `<TemporaryDirectory ${repr(this.name)}>`;
  }
}
