// Python's import system for a program of several files, as translated code uses it.
//
//   helpers.ts:  export default python_module("helpers", "helpers.py", ($module) => { ...body... });
//   main.ts:     import helpers_module from "./helpers.js";
//                const helpers: any = import_module(helpers_module);   // where `import helpers` was
//
// A module's body runs the first time it is imported, never when the file is loaded (so import-time
// side effects happen in Python's order); the module object goes into `sys.modules` before its
// body runs, so a circular import sees the partially initialised module, as in CPython. The module
// object's attributes are live views of the body's variables (`$module.bind(...)`).

import { hideJsMember, isJsOnly, pythonName } from "./builtins/js-names.js";
import { AttributeError, ImportError, ModuleNotFoundError } from "./builtins/exceptions.js";
import { KwArgs } from "./builtins/object.js";
import { modules as sysModules } from "./modules/sys.js";
import { script_path } from "./program-info.js";
import { noteMissingName } from "./builtins/suggestions.js";
import { noteModuleNamespace } from "./builtins/module-files.js";

/** A module body: runs once, binding its names on `$module`. */
export type ModuleBody = ($module: PyModule) => void;

/** What an `import` statement refers to: a module by its dotted name, with the code that runs it. */
export class ModuleSpec {
  private loaded: ModuleBody | null = null;
  constructor(
    readonly name: string,
    /** The .py file, relative to the main script's folder (CPython shows it absolute). */
    readonly file: string,
    private readonly load: () => ModuleBody,
  ) {}

  body(): ModuleBody {
    return (this.loaded ??= this.load());
  }
}

/** The value a translated module file exports. */
export function python_module(name: string, file: string, body: ModuleBody): ModuleSpec {
  return new ModuleSpec(name, file, () => body);
}

/** A getter and (for a variable) a setter of one module-level name. */
export type Binding = [get: () => unknown, set?: (value: any) => unknown];

const MODULE_TAG = Symbol.for("tsyncio.module");

/** A module object: `__name__`, `__file__`, and live views of the body's module-level names. */
export class PyModule {
  declare __name__: string;
  declare __file__: string;
  /** True while the body runs (a circular import sees a partially initialised module). */
  declare __initializing__: boolean;

  constructor(name: string, file: string) {
    Object.defineProperty(this, "__name__", { value: name, writable: true, enumerable: false });
    Object.defineProperty(this, "__file__", { value: file, writable: true, enumerable: false });
    Object.defineProperty(this, "__initializing__", { value: true, writable: true, enumerable: false });
  }

  get [Symbol.toStringTag](): string {
    return "Module";
  }

  /**
   * Makes each module-level name an attribute that reads (and writes) the body's variable. `defs`
   * are the module's own functions: they learn their `__module__` when first read.
   */
  bind(names: Record<string, Binding>, defs: string[] = []): void {
    const ownDefs = new Set(defs);
    for (const [name, [get, set]] of Object.entries(names)) {
      Object.defineProperty(this, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          try {
            const value = get();
            if (ownDefs.has(name) && typeof value === "function" && !Object.prototype.hasOwnProperty.call(value, "__module__"))
              Object.defineProperty(value, "__module__", { value: this.__name__, writable: true, configurable: true });
            return value;
          } catch (e) {
            // Not yet assigned (a circular import reading a name the body has not reached).
            if (e instanceof ReferenceError)
              throw new AttributeError(`partially initialized module '${this.__name__}' has no attribute '${name}' (most likely due to a circular import)`);
            throw e;
          }
        },
        set: (value: unknown) => {
          if (set) set(value);
          // A class or an import of the module: reassigning it from outside is not translated faithfully.
          else throw new AttributeError(`tsyncio: cannot reassign '${this.__name__}.${name}' from outside the module (it is a class or an import there)`);
        },
      });
    }
  }

  __repr__(): string {
    return `<module '${this.__name__}' from '${this.__file__}'>`;
  }
}

/**
 * The main script's module object for `patch('__main__.NAME')`: `sys.modules['__main__']` with live
 * views of the names the program's patch targets name (the compiler passes their getters and setters).
 */
export function main_module(file: string, names: Record<string, Binding>): void {
  const existing = sysModules.has("__main__") ? (sysModules.__getitem__("__main__") as PyModule) : null;
  const m = existing ?? moduleProxy(new PyModule("__main__", script_path(file)));
  m.bind(names);
  if (!existing) sysModules.__setitem__("__main__", m);
}

// type(m).__name__ is 'module', a builtin type.
Object.defineProperty(PyModule, "__name__", { value: "module" });
Object.defineProperty(PyModule, "__qualname__", { value: "module" });
Object.defineProperty(PyModule, "__module__", { value: "builtins" });
// `$module.bind(...)` is the emitted module body's, not a Python attribute of the module.
hideJsMember(PyModule.prototype, "bind");

/**
 * What the runtime itself reads from a module object (type(), `${x}`, promise and JSON probes, the
 * emitted `$module.bind(...)`); Python's view goes through getattr, which hides them.
 */
const RUNTIME_READS = new Set(["constructor", "toString", "valueOf", "then", "toJSON", "bind"]);

/** Module objects answer a missing attribute with AttributeError, as Python's do. */
function moduleProxy(m: PyModule): PyModule {
  return new Proxy(m, {
    get(target, key, receiver) {
      if (key === MODULE_TAG) return target;
      if (typeof key === "symbol" || /^__\w+__$/.test(key) || RUNTIME_READS.has(key)) return Reflect.get(target, key, receiver);
      if (key in target && !isJsOnly(target, key)) return Reflect.get(target, key, receiver);
      // A mangled name (`m.constructor` is stored as `constructor_`) is reported as the program wrote it.
      const e = new AttributeError(`module '${target.__name__}' has no attribute '${pythonName(key)}'`);
      e.obj = receiver;
      noteMissingName(e, { name: pythonName(key), obj: receiver });
      throw e;
    },
  });
}

/** The module the running code belongs to (`__module__` of the functions and classes it defines). */
let executing = "__main__";

export function current_module_name(): string {
  return executing;
}

function load(spec: ModuleSpec): PyModule {
  if (sysModules.has(spec.name)) return sysModules.__getitem__(spec.name) as PyModule;
  const module = moduleProxy(new PyModule(spec.name, script_path(spec.file)));
  sysModules.__setitem__(spec.name, module);
  const outer = executing;
  executing = spec.name;
  try {
    spec.body()(module);
  } catch (e) {
    // A module whose body failed is not left half-imported (CPython removes it from sys.modules).
    if (sysModules.has(spec.name)) sysModules.__delitem__(spec.name);
    throw e;
  } finally {
    executing = outer;
  }
  (module as PyModule).__initializing__ = false;
  return module;
}

/** Imports `a`, `a.b`, `a.b.c` in turn (each package binds its submodule) and returns the last one. */
export function import_module(...chain: ModuleSpec[]): any {
  let parent: PyModule | null = null;
  let module!: PyModule;
  for (const spec of chain) {
    module = load(spec);
    if (parent) bindSubmodule(parent, spec.name, module);
    parent = module;
  }
  return module;
}

/** `import a.b.c` binds `a`: imports the whole chain and returns its first module. */
export function import_top_module(...chain: ModuleSpec[]): any {
  import_module(...chain);
  return sysModules.__getitem__(chain[0].name);
}

/** After `import a.b`, `a.b` is an attribute of `a` (through the body's variable, if `a` has one). */
function bindSubmodule(parent: PyModule, dotted: string, child: PyModule): void {
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const target = (parent as unknown as Record<symbol, PyModule>)[MODULE_TAG] ?? parent;
  const own = Object.getOwnPropertyDescriptor(target, name);
  if (!own) Object.defineProperty(target, name, { value: child, writable: true, enumerable: true, configurable: true });
  else if (own.set && !currentValue(own)) {
    try {
      own.set.call(target, child);
    } catch (e) {
      // The body's variable is not declared yet: its own statement assigns it next.
      if (!(e instanceof ReferenceError)) throw e;
    }
  }
}

function currentValue(own: PropertyDescriptor): unknown {
  try {
    return own.get?.();
  } catch {
    return undefined; // not assigned yet
  }
}

/**
 * `from module import name`: the module's attribute; else, when `name` is a submodule of the
 * package (`submodule` given), that submodule, imported now; else Python's ImportError.
 */
export function import_from(module: any, name: string, submodule?: ModuleSpec): any {
  const target: PyModule = module[MODULE_TAG] ?? module;
  if (!isJsOnly(target, name) && name in target) {
    try {
      const value = module[name];
      // A module-level variable declared but not yet assigned: not an attribute yet.
      if (value !== undefined || !submodule) return value;
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
    }
  }
  if (submodule) {
    const child = import_module(submodule);
    bindSubmodule(target, submodule.name, child);
    return child;
  }
  const partially = target.__initializing__ ? "partially initialized module " : "";
  const circular = target.__initializing__ ? " (most likely due to a circular import)" : "";
  throw new ImportError(`cannot import name '${name}' from ${partially}'${target.__name__}'${circular} (${target.__file__})`);
}

/** `from mod import name` inside a function, for a module of the runtime (its namespace object). */
export function import_runtime_name(namespace: Record<string, unknown>, module: string, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(namespace, name)) return namespace[name];
  // (its `name` is the module's and `name_from` the name, as CPython's)
  throw new ImportError(`cannot import name '${name}' from '${module}' (unknown location)`, new KwArgs({ name: module, name_from: name }));
}

/**
 * `module.name` of a name CPython on Linux lacks too (Windows-only, or a newer Python's:
 * src/lower/platform-absent.ts): what the program set there itself (a back-port), else CPython's
 * AttributeError.
 */
// (typed `any`, not `never`: TS refuses to call a `never`, and `asyncio.ProactorEventLoop()` calls it)
export function absent_module_attribute(module: string, name: string, namespace?: object): any {
  if (namespace !== undefined && Object.prototype.hasOwnProperty.call(namespace, name)) return (namespace as Record<string, unknown>)[name];
  throw new AttributeError(`module '${module}' has no attribute '${name}'`);
}

/** An import CPython refuses when it runs (a relative import in a script, inside `try`): ImportError. */
export function import_error(message: string): never {
  throw new ImportError(message);
}

/** `import x` of a module that exists neither next to the program nor in the runtime (inside `try`). */
export function module_not_found(name: string): never {
  throw new ModuleNotFoundError(`No module named '${name}'`, new KwArgs({ name }));
}

/** Forgets the modules of a previous run (the web page runs many programs in one worker). */
export function _reset_modules(): void {
  sysModules.clear();
  executing = "__main__";
}

/**
 * `import zlib` of a runtime module, in a program that reads sys.modules or uses the module as a
 * value: the module is there from then on, and knows its name (`__name__`, repr).
 */
export function note_module(name: string, namespace: unknown): void {
  noteModuleNamespace(namespace, name);
  if (!sysModules.has(name)) sysModules.__setitem__(name, namespace);
}
