// Which module an `import` names, and where it lives: the program's own .py files first (the main
// script's folder, like CPython's sys.path[0]), then the runtime's stdlib modules.
//
//   import pkg.mod                 in main.py     → local chain pkg, pkg.mod ("./pkg/__init__.js", "./pkg/mod.js")
//   from . import util             in pkg/mod.py  → package "pkg", name "util" (a submodule if pkg/util.py exists)
//   from ..core import run         in a/b/c.py    → module "a.core"
//
// The lowering asks this unit; the file system stays with the caller (ProgramModules.find).

/** The module being translated. */
export interface ModuleIdentity {
  /** Its dotted name: "__main__" for the script that runs, "pkg.mod" for pkg/mod.py. */
  name: string;
  /** Its .py file relative to the program's root folder ("pkg/mod.py", "pkg/__init__.py"). */
  path: string;
  /** Whether it is a package's __init__.py (its relative imports start from itself). */
  isPackage: boolean;
  /** The package a relative import starts from ("" for a top-level module, null for the script). */
  package: string | null;
}

/** The program's own modules, as the caller's file system sees them. */
export interface ProgramModules {
  /** The .py file of a dotted module name under the program's folder, or null. */
  find(name: string): { path: string; isPackage: boolean } | null;
  /** The names `from name import *` binds (null when its source cannot be read or parsed). */
  publicNames?(name: string): string[] | null;
  /** Whether the module's source defines `__getattr__` / `__getattribute__` (a class of it may hook attribute reads). */
  attributeHooks?(name: string): AttributeHooks;
}

/** The attribute hooks a module's source defines. */
export interface AttributeHooks {
  getattr: boolean;
  getattribute: boolean;
}

/** What a module's source defines, read from its text: a def or an assignment of the hook (cheap, conservative). */
export function attributeHooksOf(source: string): AttributeHooks {
  return {
    getattr: /\bdef\s+__getattr__\b/.test(source),
    getattribute: /\bdef\s+__getattribute__\b|\.__getattribute__\s*=/.test(source),
  };
}

/** A local module an import resolved to. */
export interface LocalModule {
  name: string;
  path: string;
}

/** The identity of a .py file of the program, from its path relative to the root. */
export function moduleIdentity(path: string, main: boolean): ModuleIdentity {
  const parts = path.replace(/\.py$/, "").split("/");
  const isPackage = parts[parts.length - 1] === "__init__";
  if (isPackage) parts.pop();
  const dotted = parts.join(".");
  if (main) return { name: "__main__", path, isPackage: false, package: null };
  return { name: dotted, path, isPackage, package: isPackage ? dotted : parts.slice(0, -1).join(".") };
}

/** The absolute name of `from <dots><module> import ...`, or an error message as CPython words it. */
export function absoluteName(current: ModuleIdentity, level: number, module: string | null): { name: string } | { error: string } {
  if (!level) return { name: module ?? "" };
  if (!current.package) return { error: "attempted relative import with no known parent package" };
  const parts = current.package.split(".");
  if (level > parts.length) return { error: "attempted relative import beyond top-level package" };
  const base = parts.slice(0, parts.length - (level - 1)).join(".");
  return { name: module ? `${base}.${module}` : base };
}

/** The chain of local modules an import of `name` runs (`a`, `a.b`, `a.b.c`), or null if one is missing. */
export function localChain(modules: ProgramModules | undefined, name: string): LocalModule[] | null {
  if (!modules || !name) return null;
  const parts = name.split(".");
  const chain: LocalModule[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const dotted = parts.slice(0, i).join(".");
    const found = modules.find(dotted);
    if (!found) return null;
    chain.push({ name: dotted, path: found.path });
  }
  return chain;
}

/** The TS import specifier of one program file from another: "pkg/mod.py" → "../helpers.py" → "../helpers.js". */
export function specifierBetween(fromPath: string, toPath: string): string {
  const from = fromPath.split("/").slice(0, -1);
  const to = toPath.replace(/\.py$/, ".js").split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/");
  return up ? `${"../".repeat(up)}${rest}` : `./${rest}`;
}

/** Top-level modules of CPython 3.12's standard library (sys.stdlib_module_names): not "missing", just not in tsyncio's runtime. */
export const CPYTHON_STDLIB = new Set(
  `abc aifc antigravity argparse array ast asyncio atexit audioop base64 bdb binascii bisect builtins bz2
cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent
configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
difflib dis doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch
fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac
html http idlelib imaplib imghdr importlib inspect io ipaddress itertools json keyword lib2to3 linecache
locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing
netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle
pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile
pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched
secrets select selectors shelve shlex shutil signal site smtplib sndhdr socket socketserver spwd sqlite3
sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable
sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter
token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest
urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile
zipimport zlib zoneinfo`.split(/\s+/),
);
