// pathlib: PurePath / PurePosixPath (path arithmetic on strings) and Path / PosixPath (the same,
// plus the file system through os and open()). Path(...) makes a PosixPath, as on Linux.
// CPython: Lib/pathlib.py (documented behaviour of 3.12).
import { IndexError, NotImplementedError, TypeError, ValueError, FileExistsError, FileNotFoundError, OSError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";
import { hash } from "../builtins/functions.js";
import { NotImplemented, typeName } from "../builtins/ops.js";
import { KwArgs } from "../builtins/object.js";
import { bindArgs, hostCall, hostFs, bytesOf, makeBytes } from "../builtins/hostfs.js";
import { open as openFile } from "../builtins/io.js";
import * as os from "./os.js";
import * as osPath from "./os_path.js";
import { envGet } from "./_environ.js";
import { globIn } from "./glob.js";
import { fnmatchcase } from "./fnmatch.js";

/** A path's string in normal form: repeated and trailing slashes and `.` parts removed. */
function normalize(s: string): string {
  if (s === "") return ".";
  const root = s.startsWith("//") && !s.startsWith("///") ? "//" : s.startsWith("/") ? "/" : "";
  const parts = s.split("/").filter((p) => p !== "" && p !== ".");
  const out = root + parts.join("/");
  return out === "" ? "." : out;
}

function pathString(x: unknown): string {
  if (x instanceof PurePath) return x._str;
  if (typeof x === "string") return x;
  if (x !== null && typeof x === "object" && typeof (x as { __fspath__?: unknown }).__fspath__ === "function") {
    const r = (x as { __fspath__(): unknown }).__fspath__();
    if (typeof r === "string") return r;
  }
  throw new TypeError(`argument should be a str or an os.PathLike object where __fspath__ returns a str, not ${repr(typeName(x))}`);
}

export class PurePath {
  static __module__ = "pathlib";
  /** The normal-form string (what str() gives). */
  _str: string;

  constructor(...segments: unknown[]) {
    if (segments.length > 0 && segments[segments.length - 1] instanceof KwArgs) segments.pop();
    let joined = "";
    for (const seg of segments) {
      const s = pathString(seg);
      if (s.startsWith("/")) joined = s;
      else if (joined === "" || joined.endsWith("/")) joined += s;
      else joined += "/" + s;
    }
    this._str = normalize(joined);
    if (new.target === PurePath) return new PurePosixPath(this._str);
    if (new.target === Path) return new PosixPath(this._str);
  }

  /** A new path of the same kind. */
  protected make(s: string): this {
    const C = this.constructor as new (s: string) => this;
    return new C(s);
  }
  private get partsList(): string[] {
    if (this._str === ".") return [];
    const root = this.root;
    const rest = this._str.slice(root.length).split("/").filter(Boolean);
    return root ? [root, ...rest] : rest;
  }

  get root(): string {
    return this._str.startsWith("//") && !this._str.startsWith("///") ? "//" : this._str.startsWith("/") ? "/" : "";
  }
  get drive(): string {
    return "";
  }
  get anchor(): string {
    return this.root;
  }
  get parts(): PyTuple<string> {
    return PyTuple.fromArray(this.partsList);
  }
  get name(): string {
    const parts = this.partsList;
    const last = parts[parts.length - 1] ?? "";
    return last === this.root ? "" : last;
  }
  get suffix(): string {
    const name = this.name;
    const i = name.lastIndexOf(".");
    return i > 0 && i < name.length - 1 ? name.slice(i) : "";
  }
  get suffixes(): PyList<string> {
    const name = this.name;
    if (name.endsWith(".")) return PyList.fromArray([]);
    const trimmed = name.replace(/^\.+/, "");
    const pieces = trimmed.split(".").slice(1);
    return PyList.fromArray(pieces.map((p) => "." + p));
  }
  get stem(): string {
    const name = this.name;
    const suffix = this.suffix;
    return suffix ? name.slice(0, -suffix.length) : name;
  }
  get parent(): this {
    const parts = this.partsList;
    const root = this.root;
    if (parts.length === 0 || (parts.length === 1 && root)) return this;
    if (parts.length === 1) return this.make(".");
    const rest = parts.slice(root ? 1 : 0, -1).join("/");
    return this.make(root + rest);
  }
  get parents(): PathParents {
    const out: PurePath[] = [];
    for (let p: PurePath = this, q = p.parent; q._str !== p._str; p = q, q = q.parent) out.push(q);
    return new PathParents(this, out);
  }

  with_name(name: unknown): this {
    if (this.name === "") throw new ValueError(`${repr(this)} has an empty name`);
    const n = pathString(name);
    if (n === "" || n.includes("/") || n === ".") throw new ValueError(`Invalid name ${repr(n)}`);
    const parent = this.parent;
    return this.make(parent._str === "." && !this._str.startsWith("./") ? n : osPath.join(parent._str, n));
  }
  with_stem(stem: unknown): this {
    return this.with_name(String(stem) + this.suffix);
  }
  with_suffix(suffix: unknown): this {
    const s = String(suffix);
    if (s.includes("/") || (s !== "" && (!s.startsWith(".") || s === "."))) throw new ValueError(`Invalid suffix ${repr(s)}`);
    if (this.name === "") throw new ValueError(`${repr(this)} has an empty name`);
    return this.with_name(this.stem + s);
  }
  relative_to(other: unknown, ...rest: unknown[]): this {
    if (rest.length && !(rest[rest.length - 1] instanceof KwArgs)) throw new TypeError("relative_to() takes 2 positional arguments but more were given");
    const base = this.make(pathString(other));
    const mine = this.partsList;
    const theirs = base.partsList;
    const inside = theirs.length <= mine.length && theirs.every((p, i) => p === mine[i]) && base.root === this.root;
    if (!inside) throw new ValueError(`${repr(this._str)} is not in the subpath of ${repr(base._str)}`);
    return this.make(mine.slice(theirs.length).join("/"));
  }
  is_relative_to(other: unknown): boolean {
    try {
      this.relative_to(other);
      return true;
    } catch (e) {
      if (e instanceof ValueError) return false;
      throw e;
    }
  }
  is_absolute(): boolean {
    return this.root !== "";
  }
  is_reserved(): boolean {
    return false;
  }
  joinpath(...segments: unknown[]): this {
    const C = this.constructor as new (...s: unknown[]) => this;
    return new C(this, ...segments);
  }
  /** match(pattern): glob-style, from the right (a pattern with a root matches the whole path). */
  match(pattern: unknown, ..._rest: unknown[]): boolean {
    const pat = new PurePosixPath(pathString(pattern));
    if (pat._str === ".") throw new ValueError("empty pattern");
    const want = pat.partsList;
    const mine = this.partsList;
    if (pat.root) {
      if (want.length !== mine.length) return false;
    } else if (want.length > mine.length) return false;
    const tail = mine.slice(mine.length - want.length);
    return want.every((w, i) => fnmatchcase(tail[i], w));
  }
  as_posix(): string {
    return this._str;
  }
  as_uri(): string {
    if (!this.is_absolute()) throw new ValueError("relative path can't be expressed as a file URI");
    return "file://" + encodeURI(this._str).replace(/[?#]/g, encodeURIComponent);
  }

  __str__(): string {
    return this._str;
  }
  __fspath__(): string {
    return this._str;
  }
  __repr__(): string {
    return `${(this.constructor as { name: string }).name}(${repr(this.as_posix())})`;
  }
  __truediv__(other: unknown): this {
    try {
      return this.joinpath(other);
    } catch (e) {
      if (e instanceof TypeError) return NotImplemented as never;
      throw e;
    }
  }
  __rtruediv__(other: unknown): this {
    try {
      const C = this.constructor as new (...s: unknown[]) => this;
      return new C(other, this);
    } catch (e) {
      if (e instanceof TypeError) return NotImplemented as never;
      throw e;
    }
  }
  __eq__(other: unknown): boolean {
    return other instanceof PurePath && other._str === this._str;
  }
  __ne__(other: unknown): boolean {
    return !this.__eq__(other);
  }
  __hash__(): bigint {
    return hash(this._str);
  }
  private compare(other: unknown): number {
    if (!(other instanceof PurePath)) throw new TypeError(`'<' not supported between instances of '${typeName(this)}' and '${typeName(other)}'`);
    const a = this.partsList;
    const b = other.partsList;
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length - b.length;
  }
  __lt__(other: unknown): boolean {
    return this.compare(other) < 0;
  }
  __le__(other: unknown): boolean {
    return this.compare(other) <= 0;
  }
  __gt__(other: unknown): boolean {
    return this.compare(other) > 0;
  }
  __ge__(other: unknown): boolean {
    return this.compare(other) >= 0;
  }
  toString(): string {
    return this._str;
  }
}

export class PurePosixPath extends PurePath {}

/** The sequence of a path's ancestors (`path.parents`). */
class PathParents {
  static __module__ = "pathlib";
  constructor(
    private owner: PurePath,
    private items: PurePath[],
  ) {}
  __len__(): bigint {
    return BigInt(this.items.length);
  }
  __getitem__(i: unknown): PurePath | PyTuple<PurePath> {
    if (typeof i !== "bigint") throw new TypeError(`tuple indices must be integers or slices, not ${typeName(i)}`);
    let k = Number(i);
    if (k < 0) k += this.items.length;
    if (k < 0 || k >= this.items.length) throw new IndexError(String(i));
    return this.items[k];
  }
  [Symbol.iterator](): Iterator<PurePath> {
    return this.items[Symbol.iterator]();
  }
  __repr__(): string {
    return `<${(this.owner.constructor as { name: string }).name}.parents>`;
  }
}

export class Path extends PurePath {
  static cwd(): Path {
    return new PosixPath(os.getcwd());
  }
  static home(): Path {
    return new PosixPath(envGet("HOME") ?? "/");
  }

  stat(...args: unknown[]): unknown {
    const a = bindArgs("stat", args, ["follow_symlinks"], { follow_symlinks: true });
    return os.stat(this._str, new KwArgs({ follow_symlinks: a.follow_symlinks }));
  }
  lstat(): unknown {
    return os.lstat(this._str);
  }
  exists(..._args: unknown[]): boolean {
    return osPath.exists(this._str);
  }
  is_file(): boolean {
    return osPath.isfile(this._str);
  }
  is_dir(): boolean {
    return osPath.isdir(this._str);
  }
  is_symlink(): boolean {
    return osPath.islink(this._str);
  }
  is_mount(): boolean {
    return osPath.ismount(this._str);
  }
  samefile(other: unknown): boolean {
    return osPath.samefile(this._str, other);
  }

  open(...args: unknown[]): unknown {
    const a = bindArgs("open", args, ["mode", "buffering", "encoding", "errors", "newline"], {
      mode: "r",
      buffering: -1n,
      encoding: null,
      errors: null,
      newline: null,
    });
    return openFile(this, a.mode, a.buffering, a.encoding, a.errors, a.newline);
  }
  read_text(...args: unknown[]): string {
    const a = bindArgs("read_text", args, ["encoding", "errors"], { encoding: null, errors: null });
    const f = openFile(this, "r", -1n, a.encoding, a.errors) as { read(): string; close(): null };
    try {
      return f.read();
    } finally {
      f.close();
    }
  }
  read_bytes(): Uint8Array {
    const f = openFile(this, "rb") as { read(): Uint8Array; close(): null };
    try {
      return f.read();
    } finally {
      f.close();
    }
  }
  write_text(...args: unknown[]): bigint {
    const a = bindArgs("write_text", args, ["data", "encoding", "errors", "newline"], { encoding: null, errors: null, newline: null });
    if (typeof a.data !== "string") throw new TypeError(`data must be str, not ${typeName(a.data)}`);
    const f = openFile(this, "w", -1n, a.encoding, a.errors, a.newline) as { write(s: string): bigint; close(): null };
    try {
      return f.write(a.data);
    } finally {
      f.close();
    }
  }
  write_bytes(data: unknown): bigint {
    const view = bytesOf(data);
    if (!view) throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(data)}'`);
    const f = openFile(this, "wb") as { write(b: unknown): bigint; close(): null };
    try {
      return f.write(makeBytes(view));
    } finally {
      f.close();
    }
  }
  touch(...args: unknown[]): null {
    const a = bindArgs("touch", args, ["mode", "exist_ok"], { mode: 0o666n, exist_ok: true });
    const fs = hostFs("Path.touch()");
    if (osPath.exists(this._str)) {
      if (!a.exist_ok) throw new FileExistsError(17n, "File exists", this._str);
      os.utime(this._str);
      return null;
    }
    const fd = hostCall(this._str, () => fs.open(this._str, "a", Number(a.mode)));
    fs.close(fd);
    return null;
  }
  mkdir(...args: unknown[]): null {
    const a = bindArgs("mkdir", args, ["mode", "parents", "exist_ok"], { mode: 0o777n, parents: false, exist_ok: false });
    try {
      os.mkdir(this._str, a.mode);
    } catch (e) {
      if (e instanceof FileNotFoundError && a.parents && this.parent._str !== this._str) {
        (this.parent as Path).mkdir(new KwArgs({ parents: true, exist_ok: true }));
        (this as Path).mkdir(new KwArgs({ mode: a.mode, parents: false, exist_ok: a.exist_ok }));
      } else if (!(e instanceof OSError) || !a.exist_ok || !this.is_dir()) throw e;
    }
    return null;
  }
  rmdir(): null {
    return os.rmdir(this._str);
  }
  unlink(...args: unknown[]): null {
    const a = bindArgs("unlink", args, ["missing_ok"], { missing_ok: false });
    try {
      os.remove(this._str);
    } catch (e) {
      if (!(e instanceof FileNotFoundError) || !a.missing_ok) throw e;
    }
    return null;
  }
  rename(target: unknown): this {
    os.rename(this._str, pathString(target));
    return this.make(pathString(target));
  }
  replace(target: unknown): this {
    return this.rename(target);
  }
  chmod(mode: unknown): null {
    return os.chmod(this._str, mode);
  }
  symlink_to(target: unknown): null {
    return os.symlink(pathString(target), this._str);
  }
  readlink(): this {
    return this.make(os.readlink(this._str));
  }
  absolute(): this {
    return this.is_absolute() ? this : this.make(osPath.join(os.getcwd(), this._str));
  }
  resolve(...args: unknown[]): this {
    const a = bindArgs("resolve", args, ["strict"], { strict: false });
    return this.make(osPath.realpath(this._str, new KwArgs({ strict: a.strict })));
  }
  expanduser(): this {
    return this.make(osPath.expanduser(this._str));
  }
  owner(): never {
    throw new NotImplementedError("Path.owner() is not supported by tsyncio");
  }
  group(): never {
    throw new NotImplementedError("Path.group() is not supported by tsyncio");
  }

  /** The folder's entries as paths (os.listdir's order). */
  iterdir(): Generator<Path> {
    const names = os.listdir(this._str) as PyList<string>;
    const self = this;
    return (function* () {
      for (const n of names) yield self._child(n);
    })();
  }
  _child(name: string): this {
    return this.make(this._str === "." ? name : osPath.join(this._str, name));
  }
  glob(pattern: unknown, ..._rest: unknown[]): Generator<Path> {
    const pat = pathString(pattern);
    if (pat === "" || pat === ".") throw new ValueError(`Unacceptable pattern: ${repr(pat)}`);
    if (pat.startsWith("/")) throw new NotImplementedError("Non-relative patterns are unsupported");
    const self = this;
    const dirOnly = pat.endsWith("/");
    return (function* () {
      for (const rel of globIn(self._str, normalize(pat), { recursive: true, includeHidden: true, dirOnly, pathlib: true })) yield self._child(rel);
    })();
  }
  rglob(pattern: unknown, ..._rest: unknown[]): Generator<Path> {
    return this.glob(`**/${pathString(pattern)}`);
  }
  /** Path.walk(top_down=True, on_error=None, follow_symlinks=False) (3.12). */
  walk(...args: unknown[]): Generator<PyTuple<unknown>> {
    const a = bindArgs("walk", args, ["top_down", "on_error", "follow_symlinks"], { top_down: true, on_error: null, follow_symlinks: false });
    const self = this;
    const inner = os.walk(this._str, new KwArgs({ topdown: a.top_down, onerror: a.on_error, followlinks: a.follow_symlinks }));
    return (function* () {
      for (const [dirpath, dirs, files] of inner) yield PyTuple.of<unknown>(self.make(dirpath as string), dirs, files);
    })();
  }
}

export class PosixPath extends Path {}
