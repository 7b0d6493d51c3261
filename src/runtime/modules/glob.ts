// glob: path names matching a shell pattern, through the host's file system. Wildcards do not
// match names starting with '.' unless the pattern's part does (or include_hidden); '**' with
// recursive=True matches any number of folders. Results come in the folder's listing order, as
// CPython's (os.scandir) do. CPython: Lib/glob.py (documented behaviour).
import { PyList } from "../builtins/collections.js";
import { bindArgs, fspath } from "../builtins/hostfs.js";
import { compile } from "./fnmatch.js";
import * as osPath from "./os_path.js";
import * as os from "./os.js";

const MAGIC = /[*?[]/;
export const has_magic = (s: unknown): boolean => MAGIC.test(fspath(s));
export const hasMagic = has_magic;
export function escape(pathname: unknown): string {
  return fspath(pathname).replace(/[*?[]/g, "[$&]");
}

interface GlobOptions {
  recursive: boolean;
  includeHidden: boolean;
  dirOnly: boolean;
  /** pathlib's rules: '**' always recursive, results relative to the root. */
  pathlib?: boolean;
}

function listNames(dir: string): string[] {
  try {
    return os.listdir(dir === "" ? "." : dir) as unknown as string[];
  } catch {
    return [];
  }
}
const isDir = (p: string) => osPath.isdir(p === "" ? "." : p);

/**
 * The relative paths under `root` that match `pattern` (a relative pattern, '/'-separated),
 * each once, in listing order.
 */
export function* globIn(root: string, pattern: string, o: GlobOptions): Generator<string> {
  const parts = pattern.split("/").filter((p) => p !== "" && p !== ".");
  const at = (rel: string) => (rel === "" ? root : root === "." || root === "" ? rel : osPath.join(root, rel));
  const seen = new Set<string>();
  function* walk(rel: string, i: number): Generator<string> {
    if (i === parts.length) {
      const key = rel;
      if (rel !== "" && !seen.has(key) && (!o.dirOnly || isDir(at(rel)))) {
        seen.add(key);
        yield o.dirOnly && !o.pathlib ? rel + "/" : rel;
      }
      return;
    }
    const part = parts[i];
    const join = (name: string) => (rel === "" ? name : `${rel}/${name}`);
    if (part === "**" && o.recursive) {
      // Zero folders, then every folder below (not following hidden ones unless asked).
      if (i === parts.length - 1 && !o.pathlib) {
        if (rel !== "") yield* walk(rel, i + 1);
      } else yield* walk(rel, i + 1);
      for (const name of listNames(at(rel))) {
        if (name.startsWith(".") && !o.includeHidden) continue;
        const child = join(name);
        if (!isDir(at(child)) || osPath.islink(at(child))) {
          if (i === parts.length - 1 && !o.pathlib) yield* walk(child, i + 1);
          continue;
        }
        yield* walk(child, i);
      }
      return;
    }
    if (!MAGIC.test(part)) {
      const child = join(part);
      const full = at(child);
      if (i === parts.length - 1 ? osPath.lexists(full) : isDir(full)) yield* walk(child, i + 1);
      return;
    }
    const re = compile(part);
    for (const name of listNames(at(rel))) {
      if (name.startsWith(".") && !part.startsWith(".") && !o.includeHidden) continue;
      if (!re.test(name)) continue;
      const child = join(name);
      if (i < parts.length - 1 && !isDir(at(child))) continue;
      yield* walk(child, i + 1);
    }
  }
  yield* walk("", 0);
}

/** glob.iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False). */
export function iglob(...args: unknown[]): Generator<string> {
  const a = bindArgs("iglob", args, ["pathname", "root_dir", "dir_fd", "recursive", "include_hidden"], {
    root_dir: null,
    dir_fd: null,
    recursive: false,
    include_hidden: false,
  });
  const pathname = fspath(a.pathname);
  const rootDir = a.root_dir === null ? null : fspath(a.root_dir);
  const dirOnly = pathname.endsWith("/");
  const absolute = pathname.startsWith("/");
  const o = { recursive: Boolean(a.recursive), includeHidden: Boolean(a.include_hidden), dirOnly };
  return (function* () {
    if (!MAGIC.test(pathname)) {
      const full = rootDir !== null && !absolute ? osPath.join(rootDir, pathname) : pathname;
      if (pathname !== "" && (dirOnly ? osPath.isdir(full) : osPath.lexists(full))) yield pathname;
      return;
    }
    const root = absolute ? "/" : (rootDir ?? ".");
    for (const rel of globIn(root, pathname, o)) yield absolute ? "/" + rel : rel;
  })();
}

export function glob(...args: unknown[]): PyList<string> {
  return PyList.fromArray([...iglob(...args)]);
}
