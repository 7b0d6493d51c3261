// linecache: a file's lines, read once and kept (getline, getlines; clearcache, checkcache and
// updatecache to forget or reread). A file that cannot be read gives '' / [], as in CPython.
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs } from "../builtins/object.js";
import { call, getattr } from "../builtins/ops.js";
import { Exception } from "../builtins/exceptions.js";
import { open } from "../builtins/io.js";
import { bindArgs } from "../builtins/hostfs.js";
import { stat } from "./os.js";

/** filename -> (size, mtime, lines, fullname), as CPython's cache holds them. */
export const cache = new PyDict<unknown, PyTuple<unknown>>();

export function getline(...args: unknown[]): string {
  const a = bindArgs("getline", args, ["filename", "lineno", "module_globals"], { module_globals: null });
  const lines = getlines(a.filename, a.module_globals);
  const n = Number(a.lineno);
  return n >= 1 && n <= lines.length ? (lines[n - 1] as string) : "";
}

export function getlines(filename: unknown, module_globals: unknown = null): PyList<unknown> {
  const entry = cache.get(filename);
  if (entry !== null && entry.length !== 1) return entry[2] as PyList<unknown>;
  try {
    return updatecache(filename, module_globals);
  } catch (e) {
    // (MemoryError aside, CPython gives no lines)
    if (e instanceof Exception) return new PyList();
    throw e;
  }
}

export function clearcache(): null {
  cache.clear();
  return null;
}

/** Forgets the files (or FILENAME) changed or gone since they were read. */
export function checkcache(filename: unknown = null): null {
  const names = filename === null || filename === undefined ? [...(cache.keys() as Iterable<unknown>)] : cache.__contains__(filename) ? [filename] : [];
  for (const name of names) {
    const entry = cache.get(name);
    if (entry === null || entry.length === 1) continue;
    const [size, mtime, , fullname] = entry;
    if (mtime === null) continue; // (lines given by the program, not read from a file)
    let st: unknown;
    try {
      st = stat(fullname);
    } catch (e) {
      if (!(e instanceof Exception)) throw e;
      cache.pop(name, null);
      continue;
    }
    if (getattr(st, "st_size") !== size || getattr(st, "st_mtime") !== mtime) cache.pop(name, null);
  }
  return null;
}

/** Reads FILENAME's lines into the cache (each ends with a newline) and returns them. */
export function updatecache(filename: unknown, _module_globals: unknown = null): PyList<unknown> {
  if (cache.__contains__(filename) && cache.__getitem__(filename).length !== 1) cache.pop(filename, null);
  const name = String(filename);
  if (!name || (name.startsWith("<") && name.endsWith(">"))) return new PyList();
  let st: unknown;
  let text: string;
  try {
    st = stat(name);
    const f = open(name, "r", new KwArgs({ encoding: "utf-8" }));
    try {
      text = call(getattr(f, "read")) as string;
    } finally {
      call(getattr(f, "close"));
    }
  } catch (e) {
    if (e instanceof Exception) return new PyList();
    throw e;
  }
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  if (lines.length && !/[\r\n]$/.test(lines[lines.length - 1])) lines[lines.length - 1] += "\n";
  const list = PyList.fromArray<unknown>(lines);
  cache.__setitem__(filename, PyTuple.of<unknown>(getattr(st, "st_size"), getattr(st, "st_mtime"), list, name));
  return list;
}

/** CPython defers a module's source to its loader; tsyncio has no loaders: nothing to register. */
export function lazycache(_filename: unknown, _module_globals: unknown): boolean {
  return false;
}
