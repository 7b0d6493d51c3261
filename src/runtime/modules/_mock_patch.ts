// unittest.mock.patch, patch.object, patch.dict, patch.stopall: as decorators (of functions,
// coroutine functions and TestCase classes), as context managers, and through start()/stop().
import { AttributeError, NotImplementedError, TypeError, ValueError, caughtException } from "../builtins/exceptions.js";
import { KwArgs, PyObject, popKw } from "../builtins/object.js";
import { PyDict } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";
import { call, getattr, setattr, delattr, truthy, callm, isJsClass } from "../builtins/ops.js";
import { Coroutine, coroutine_function, iscoroutine, iscoroutinefunction, awaitable, makeCode } from "../asyncio/coroutines.js";
import { modules as sysModules } from "./sys.js";
import { DEFAULT } from "./_mock_call.js";
import { classes } from "./_mock_core.js";

type Fn = (...a: any[]) => any;
const MISSING = Symbol("missing");
const TEST_PREFIX = "test";
const active: Patcher[] = [];

/** The object a dotted target names: one of the program's modules (or an attribute path inside one). */
function resolve(target: string): unknown {
  const parts = target.split(".");
  for (let i = parts.length; i > 0; i--) {
    const modName = parts.slice(0, i).join(".");
    if (sysModules.has(modName)) {
      let obj = sysModules.__getitem__(modName);
      for (const p of parts.slice(i)) obj = getattr(obj, p);
      return obj;
    }
  }
  if (parts[0] === "__main__") {
    throw new NotImplementedError(
      `patch('${target}...'): the main script's globals are bound directly by translated code; tsyncio can patch only the names that string constants '__main__.NAME' of the program name; move the code under test into a module of the program, or use patch.object on an object`,
    );
  }
  throw new NotImplementedError(
    `patch('${target}...'): '${parts[0]}' is not a module of the program; tsyncio's runtime modules are bound directly by translated code and cannot be patched by name (use patch.object on an object of your own)`,
  );
}

class Patcher extends PyObject {
  declare getTarget: () => unknown;
  declare attribute: string;
  declare newValue: unknown;
  declare newCallable: unknown;
  declare create: boolean;
  declare spec: unknown;
  declare kwargs: Record<string, unknown>;
  declare target: unknown;
  declare original: unknown;
  declare wasOwn: boolean;
  declare started: boolean;
  declare attribute_name: string | null;

  __init__(getTarget: () => unknown, attribute: string, opts: Record<string, unknown>): void {
    this.getTarget = getTarget;
    this.attribute = attribute;
    this.newValue = opts.new === undefined ? DEFAULT : opts.new;
    this.newCallable = opts.new_callable ?? null;
    this.create = truthy(opts.create ?? false);
    this.spec = opts.spec ?? opts.spec_set ?? null;
    if (opts.autospec !== undefined && opts.autospec !== null && opts.autospec !== false) {
      throw new NotImplementedError("patch(autospec=...) is not available in tsyncio's runtime; use spec=");
    }
    this.kwargs = opts.kwargs as Record<string, unknown>;
    if (this.newValue !== DEFAULT && this.newCallable !== null) throw new ValueError("Cannot use 'new' and 'new_callable' together");
    this.started = false;
    this.attribute_name = null;
  }

  copy(): Patcher {
    return new Patcher(this.getTarget, this.attribute, {
      new: this.newValue,
      new_callable: this.newCallable,
      create: this.create,
      spec: this.spec,
      kwargs: this.kwargs,
    });
  }

  __enter__(): unknown {
    const target = this.getTarget();
    this.target = target;
    let original: unknown = MISSING;
    try {
      original = getattr(target, this.attribute);
    } catch (e) {
      if (!(caughtException(e) instanceof AttributeError)) throw e;
    }
    if (original === MISSING && !this.create) throw new AttributeError(`${repr(target)} does not have the attribute ${repr(this.attribute)}`);
    this.original = original;
    this.wasOwn = isOwn(target, this.attribute);
    let value = this.newValue;
    if (value === DEFAULT) {
      const klass = this.newCallable ?? (original !== MISSING && iscoroutinefunction(original) ? classes.AsyncMock : classes.MagicMock);
      const kw: Record<string, unknown> = { ...this.kwargs };
      if (this.spec !== null && this.spec !== undefined) kw.spec = this.spec === true ? original : this.spec;
      value = Object.keys(kw).length ? call(klass, new KwArgs(kw)) : call(klass);
    } else if (Object.keys(this.kwargs).length) {
      throw new TypeError("Can't pass kwargs to a mock we aren't creating");
    }
    setattr(target, this.attribute, value);
    this.started = true;
    return value;
  }

  __exit__(..._exc: unknown[]): boolean {
    if (!this.started) return false;
    this.started = false;
    const target = this.target as object;
    if (this.original === MISSING) delattr(target, this.attribute);
    else if (this.wasOwn || (typeof target !== "function" && !(target instanceof PyObject))) setattr(target, this.attribute, this.original);
    else {
      // Inherited: removing the patch shows the class's attribute again.
      try {
        delattr(target, this.attribute);
      } catch {
        setattr(target, this.attribute, this.original);
      }
      if (!sameValue(getattrOrMissing(target, this.attribute), this.original)) setattr(target, this.attribute, this.original);
    }
    return false;
  }

  start(): unknown {
    const r = this.__enter__();
    active.push(this);
    return r;
  }
  stop(): null {
    const i = active.indexOf(this);
    if (i >= 0) active.splice(i, 1);
    this.__exit__(null, null, null);
    return null;
  }

  /** `@patch(...)` on a function, a coroutine function or a TestCase class. */
  __call__(func: unknown): unknown {
    if (typeof func === "function" && isJsClass(func)) return decorateClass(this, func);
    return decorateCallable(this, func as Fn);
  }
}

function isOwn(target: unknown, name: string): boolean {
  if (target === null || (typeof target !== "object" && typeof target !== "function")) return false;
  if (Object.prototype.hasOwnProperty.call(target, name)) return true;
  // A method defined by the class itself (not inherited).
  if (typeof target === "function" && (target as Function).prototype && Object.prototype.hasOwnProperty.call((target as Function).prototype, name)) return true;
  return false;
}

function getattrOrMissing(target: unknown, name: string): unknown {
  try {
    return getattr(target, name);
  } catch {
    return MISSING;
  }
}
function sameValue(a: unknown, b: unknown): boolean {
  return a === b;
}

const PATCHINGS = Symbol("patchings");

function decorateCallable(patcher: Patcher, func: Fn): Fn {
  const existing = (func as { [PATCHINGS]?: Patcher[] })[PATCHINGS];
  if (existing) {
    existing.push(patcher);
    return func;
  }
  const patchings: Patcher[] = [patcher];
  const enterAll = (): unknown[] => {
    const extra: unknown[] = [];
    const entered: Patcher[] = [];
    try {
      for (const p of patchings) {
        const v = p.__enter__();
        entered.push(p);
        if (p.newValue === DEFAULT) extra.push(v);
      }
    } catch (e) {
      for (const p of entered.reverse()) p.__exit__(null, null, null);
      throw e;
    }
    return extra;
  };
  const exitAll = () => {
    for (const p of [...patchings].reverse()) p.__exit__(null, null, null);
  };
  let wrapper: Fn;
  if (iscoroutinefunction(func)) {
    wrapper = coroutine_function(
      function* (this: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
        const k = popKw(args);
        const extra = enterAll();
        try {
          const all = [...args, ...extra, ...(k ? [new KwArgs(k)] : [])];
          return yield* awaitable(call(func, ...all));
        } finally {
          exitAll();
        }
      },
      {
        qualname: (func as { __qualname__?: string }).__qualname__ ?? func.name,
        filename: (func as any).__code__?.co_filename ?? "",
        firstlineno: Number((func as any).__code__?.co_firstlineno ?? 0),
      },
    ) as Fn;
  } else {
    wrapper = function (this: unknown, ...args: unknown[]) {
      const k = popKw(args);
      const extra = enterAll();
      let result: unknown;
      try {
        result = call(func, ...args, ...extra, ...(k ? [new KwArgs(k)] : []));
      } catch (e) {
        exitAll();
        throw e;
      }
      if (!iscoroutine(result)) {
        exitAll();
        return result;
      }
      // A method whose coroutine-ness the wrapper could not see: the patches last until it finishes.
      const coro = result;
      return new Coroutine(
        (function* (): Generator<unknown, unknown, unknown> {
          try {
            return yield* awaitable(coro);
          } finally {
            exitAll();
          }
        })(),
        makeCode({ qualname: (func as any).__qualname__ ?? func.name, filename: "", firstlineno: 0 }),
      );
    };
    for (const key of ["__name__", "__qualname__", "__doc__", "__module__"]) {
      const v = (func as any)[key];
      if (v !== undefined) Object.defineProperty(wrapper, key, { value: v, writable: true, configurable: true });
    }
    Object.defineProperty(wrapper, "name", { value: (func as any).__name__ ?? func.name, configurable: true });
  }
  Object.defineProperty(wrapper, PATCHINGS, { value: patchings });
  Object.defineProperty(wrapper, "patchings", { value: patchings });
  Object.defineProperty(wrapper, "__wrapped__", { value: func, writable: true, configurable: true });
  return wrapper;
}

function decorateClass(patcher: Patcher, cls: Function): Function {
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (!name.startsWith(TEST_PREFIX) || proto !== cls.prototype) continue;
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      if (typeof d.value !== "function") continue;
      setattr(cls, name, decorateCallable(patcher.copy(), getattr(cls, name) as Fn));
    }
  }
  return cls;
}

/** patch's options after the target: new, spec, create, spec_set, autospec, new_callable, **kwargs for the mock. */
function patchOptions(rest: unknown[], k: Record<string, unknown> | null): Record<string, unknown> {
  const opts: Record<string, unknown> = {};
  const names = ["new", "spec", "create", "spec_set", "autospec", "new_callable"];
  names.forEach((n, i) => {
    if (i < rest.length) opts[n] = rest[i];
  });
  const kwargs: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(k ?? {})) {
    if (names.includes(key)) opts[key] = v;
    else kwargs[key] = v;
  }
  opts.kwargs = kwargs;
  return opts;
}

/** `patch("pkg.module.name", new=DEFAULT, spec=None, create=False, ..., **kwargs)` */
export const patch: any = function patch(target: unknown, ...rest: unknown[]): Patcher {
  const k = popKw(rest);
  if (typeof target !== "string") throw new TypeError(`${repr(target)} must be the actual object to be patched, not a str`);
  const dot = target.lastIndexOf(".");
  if (dot < 0) throw new TypeError(`Need a valid target to patch. You supplied: ${repr(target)}`);
  const owner = target.slice(0, dot);
  const attribute = target.slice(dot + 1);
  return new Patcher(() => resolve(owner), attribute, patchOptions(rest, k));
};

/** `patch.object(target, "attribute", new=DEFAULT, ...)` */
patch.object = function object(target: unknown, attribute: unknown, ...rest: unknown[]): Patcher {
  const k = popKw(rest);
  if (typeof target === "string") throw new TypeError(`${repr(target)} must be the actual object to be patched, not a str`);
  return new Patcher(() => target, String(attribute), patchOptions(rest, k));
};

/** `patch.dict(in_dict, values=(), clear=False, **kwargs)`: restored to its old contents on exit. */
class DictPatcher extends PyObject {
  declare in_dict: any;
  declare values: unknown;
  declare clear: boolean;
  declare kw: Record<string, unknown>;
  declare saved: PyDict<unknown, unknown> | null;
  __init__(inDict: unknown, values: unknown, clear: boolean, kw: Record<string, unknown>): void {
    this.in_dict = typeof inDict === "string" ? null : inDict;
    if (typeof inDict === "string") this.in_dict = resolve(inDict);
    this.values = values;
    this.clear = clear;
    this.kw = kw;
    this.saved = null;
  }
  __enter__(): unknown {
    this.saved = callm(this.in_dict, "copy") as PyDict<unknown, unknown>;
    if (this.clear) callm(this.in_dict, "clear");
    if (this.values !== null && this.values !== undefined) callm(this.in_dict, "update", this.values);
    if (Object.keys(this.kw).length) callm(this.in_dict, "update", new KwArgs(this.kw));
    return this.in_dict;
  }
  __exit__(..._a: unknown[]): boolean {
    if (this.saved) {
      callm(this.in_dict, "clear");
      callm(this.in_dict, "update", this.saved);
      this.saved = null;
    }
    return false;
  }
  start(): unknown {
    return this.__enter__();
  }
  stop(): null {
    this.__exit__();
    return null;
  }
  __call__(func: Fn): Fn {
    const self = this;
    if (iscoroutinefunction(func)) {
      return coroutine_function(
        function* (this: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
          self.__enter__();
          try {
            return yield* awaitable(call(func, ...args));
          } finally {
            self.__exit__();
          }
        },
        { qualname: (func as any).__qualname__ ?? func.name, filename: "", firstlineno: 0 },
      ) as Fn;
    }
    return function (this: unknown, ...args: unknown[]) {
      self.__enter__();
      try {
        return call(func, ...args);
      } finally {
        self.__exit__();
      }
    };
  }
}
patch.dict = function dict(inDict: unknown, ...rest: unknown[]): DictPatcher {
  const k = popKw(rest) ?? {};
  const values = rest[0] ?? k.values ?? null;
  const clear = truthy(rest[1] ?? k.clear ?? false);
  const kw = { ...k };
  delete kw.values;
  delete kw.clear;
  return new DictPatcher(inDict, values, clear, kw);
};

patch.stopall = function stopall(): null {
  while (active.length) active[active.length - 1].stop();
  return null;
};
patch.multiple = function multiple(): never {
  throw new NotImplementedError("patch.multiple is not available in tsyncio's runtime; use several patch.object");
};
patch.TEST_PREFIX = TEST_PREFIX;
