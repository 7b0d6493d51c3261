// A runtime module used as a value (`print(json)`, `m = asyncio; m.__name__`): the program's
// imports name the module's JS namespace (note_module, importer.ts), and this file says how CPython
// shows that standard-library module: built into the interpreter, frozen, or a file of the library
// folder (a package's `__init__.py`, an extension's `.so`). Imports nothing of the runtime.

/** The Python name of each runtime module namespace the program noted. */
const namespaceNames = new WeakMap<object, string>();

/** Records that `namespace` is the runtime's module `name` (its `__name__`, repr and `__file__`). */
export function noteModuleNamespace(namespace: unknown, name: string): void {
  if (namespace !== null && typeof namespace === "object") namespaceNames.set(namespace, name === "os.path" ? "posixpath" : name);
}

/** The module's Python name, or undefined for an object no import noted. */
export function moduleNamespaceName(x: object): string | undefined {
  return namespaceNames.get(x);
}

// CPython 3.12's sys.builtin_module_names and frozen modules, among those the runtime provides.
const BUILT_IN = new Set(["atexit", "builtins", "errno", "gc", "itertools", "sys", "time"]);
const FROZEN = new Set(["os", "posixpath", "abc", "codecs", "io", "stat"]);
// Extension modules (lib-dynload) and packages (a folder with `__init__.py`).
const EXTENSIONS = new Set(["math", "select", "zlib", "binascii"]);
const PACKAGES = new Set([
  "asyncio",
  "collections",
  "concurrent",
  "concurrent.futures",
  "email",
  "html",
  "json",
  "logging",
  "multiprocessing",
  "re",
  "unittest",
  "urllib",
]);

/** The standard library's folder tsyncio reports (the paths of asyncio's own frames use it too). */
const LIBRARY = "/usr/lib/python3.12";

/** `module.__file__` of a standard-library module, or null for one built in or frozen (CPython has none). */
export function stdlibModuleFile(name: string): string | null {
  if (BUILT_IN.has(name) || FROZEN.has(name)) return null;
  if (EXTENSIONS.has(name)) return `${LIBRARY}/lib-dynload/${name}.cpython-312-x86_64-linux-gnu.so`;
  const path = name.replace(/\./g, "/");
  return PACKAGES.has(name) ? `${LIBRARY}/${path}/__init__.py` : `${LIBRARY}/${path}.py`;
}

/** repr() of a standard-library module, as CPython 3.12 writes it. */
export function stdlibModuleRepr(name: string): string {
  if (BUILT_IN.has(name)) return `<module '${name}' (built-in)>`;
  if (FROZEN.has(name)) return `<module '${name}' (frozen)>`;
  return `<module '${name}' from '${stdlibModuleFile(name)}'>`;
}
