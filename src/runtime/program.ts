// The glue that translated programs call for Python semantics that are about the program's shape
// rather than about values: keyword binding, unpacking, exception matching and the "current
// exception", class set-up, `__file__`. Values and operators live in builtins/.

import { multiple_bases } from "./builtins/mro.js";
import {
  Coroutine,
  _drop_held_coroutine,
  _is_coroutine,
  _thrown_exception,
  awaitable,
  coroutine_function,
  is_coroutine_function_object,
} from "./asyncio/coroutines.js";
import { ASYNC_GENERATOR_FUNCTION, AnextAwaitable, async_generator_function, is_async_generator_function } from "./asyncio/_asyncgen.js";
export { agen_dropped } from "./asyncio/_asyncgen.js";
import {
  AssertionError,
  AttributeError,
  BaseException,
  NotImplementedError,
  BaseExceptionGroup,
  GeneratorExit,
  NameError,
  UnboundLocalError,
  TypeError,
  ValueError,
  RuntimeError,
  StopAsyncIteration,
  StopIteration,
  toPyException,
  caughtException,
  wasRaised,
  raisedAgain,
  isContextCut,
  _assigned_traceback,
} from "./builtins/exceptions.js";
import {
  typeName,
  getattr,
  hasattr,
  set_class_attribute_hook,
  set_function_method_hook,
  SHADOWED_NAME,
  object_getattribute,
  plainSetattr,
} from "./builtins/ops.js";
import { isinstance, isMethodWrapper, property } from "./builtins/index.js";
import {
  dict as dictType,
  float as floatType,
  frozenset as frozensetType,
  int as intType,
  list as listType,
  set as setType,
  str as strType,
  tuple as tupleType,
} from "./builtins/functions.js";
import { FloatSubclassRoot, IntSubclassRoot, StrSubclassRoot, TupleSubclassRoot } from "./builtins/value-subclass.js";
import { KwArgs, DUPLICATE_KEYWORD, NOT_A_MAPPING, isEmptyRecord, classModule, PyObject, programClasses } from "./builtins/object.js";
import { joinChecked } from "./builtins/surrogates.js";
import { noteMissingName } from "./builtins/suggestions.js";
import { builtinKeywordProblem, refusesKeywords } from "./builtins/builtin-arity.js";
import { ARRAY_VALUES, PyDict, PyFrozenSet, PyList, PyRange, PySet, PySetBase, PyTuple } from "./builtins/collections.js";
import { DictSubclassRoot, ListSubclassRoot, SetSubclassRoot, initsSubclasses } from "./builtins/subclassable.js";
import { BOUND_METHOD_MARKS, CLASS_METHODS, bindMethod, bindsAsMethod, call, getitem, isJsClass, toIterable, hook_getattribute } from "./builtins/ops.js";
import { argumentNameList, callWithKeywords, NOT_BOUND, positionalSignature, wereGiven } from "./builtins/keywords.js";
import { ARITY, ARITY_LEAST, ARITY_SHIFT, FIRST_OPTIONAL, FIRST_PARAMETER, arity, callName, checkArguments, checkUnboundArguments } from "./builtins/arity.js";
import { takes_packed, unpacked } from "./builtins/star-call.js";
import { isJsOnly, markPythonClass } from "./builtins/js-names.js";
import { isProgramFunction } from "./builtins/program-functions.js";
import { DESCRIPTOR_KIND, ITEM_METHODS, ITEM_METHOD_NAMES, classQualname } from "./builtins/names.js";
import { DROPPED_HERE, NOT_ITERABLE, PY_THROW, asJsIterator, callv, isMarkedBuiltin } from "./builtins/protocol.js";
import { _warn_at } from "./asyncio/_warnings.js";
import { Task, _drop_held_task } from "./asyncio/tasks.js";
import { _python_version, _set_python_version } from "./asyncio/events.js";
import {
  handled_exception as _handled_exception,
  set_handled_exception as _set_handled_exception,
  resume_handled as _resume_handled,
  suspend_handled as _suspend_handled,
} from "./thread-state.js";

export {
  python_module,
  main_module,
  import_module,
  import_top_module,
  import_from,
  import_runtime_name,
  module_not_found,
  import_error,
  absent_module_attribute,
  note_module,
} from "./importer.js";
import { current_module_name } from "./importer.js";
import { finish_class, note_custom_new } from "./metaclass.js";
import { class_descriptor, class_namespace, note_class_body, note_class_descriptor } from "./class-namespace.js";

// ───────────── the program ─────────────

// Where the program lives and where it is now (set by the host): in program-info.ts, which the
// importer and asyncio read without importing this file.
export {
  set_program_dir,
  script_path,
  set_location_provider,
  set_frames_provider,
  set_module_files,
  module_for_file,
  current_frames,
  current_location,
  set_qualnames,
} from "./program-info.js";
export type { PyFrameInfo } from "./program-info.js";
export { future_feature, globals_of, module_dunder } from "./program-globals.js";
export { type_param, type_alias, set_type_params, type_getitem, type_or } from "./type-params.js";
import { set_class_type_params, set_type_params } from "./type-params.js";
import { copy_signature, set_signature, type SignatureInfo } from "./builtins/signature-info.js";
// (`set_signature(f, info)`: what the compiler wraps a def in when the program asks inspect for signatures)
export { set_signature } from "./builtins/signature-info.js";

/** CPython 3.8–3.10 warn when `@asyncio.coroutine` decorates a function (the line is the `def`). */
export function warn_legacy_coroutine(filename: string, lineno: number): void {
  // A legacy coroutine marks a program written for CPython 3.10 (3.11 removed the decorator).
  _set_python_version("3.10");
  _warn_at(filename, lineno, '"@coroutine" decorator is deprecated since Python 3.8, use "async def" instead', "DeprecationWarning", true);
}

// ───────────── functions and classes ─────────────

/**
 * A generator function's objects know its name and qualname (`gen.__name__`, the repr
 * `<generator object f at 0x...>`): set on the function's prototype, which its generators inherit.
 */
export function mark_generator<F extends Function>(fn: F, qualname: string): F {
  const proto = (fn as { prototype?: object }).prototype;
  if (proto && !Object.prototype.hasOwnProperty.call(proto, "__qualname__")) {
    Object.defineProperty(proto, "__qualname__", { value: qualname, writable: true, configurable: true });
    Object.defineProperty(proto, "__name__", { value: qualname.split(".").pop(), writable: true, configurable: true });
    const text = Function.prototype.toString.call(fn);
    if (/\bfinally\b/.test(text)) trackSuspended(proto);
    if (/\benter_except\b/.test(text)) keepHandled(proto);
  }
  return fn;
}

/**
 * The generators of a function with an except block: one suspended inside the block handles its
 * exception only while it runs (the caller's code after `next()` does not see it), as CPython keeps
 * each frame's. (Coroutines, async generators and Tasks do the same: asyncio/coroutines.ts.)
 */
function keepHandled(proto: object): void {
  const own = new WeakMap<Generator, unknown>();
  for (const name of ["next", "throw", "return"] as const) {
    const inner = (proto as Record<string, unknown>)[name] as (this: Generator, v?: unknown) => IteratorResult<unknown>;
    Object.defineProperty(proto, name, {
      value(this: Generator, v?: unknown) {
        const outer = _resume_handled(own.get(this));
        try {
          return inner.call(this, v);
        } finally {
          own.set(this, _suspend_handled(outer));
        }
      },
      writable: true,
      configurable: true,
    });
  }
}

// ───────────── generators suspended at exit ─────────────

/**
 * CPython closes a generator when its last reference goes: at the latest when the interpreter
 * tears the modules down, so a generator left suspended inside `try: ... finally:` (or `with`)
 * runs its finally block at exit. JS never does. The generators of a function with a finally
 * block (the translation of `with` has one too) are tracked from their first step until they
 * finish, and close_suspended_generators() closes the ones still suspended, oldest first, at exit.
 * (CPython closes one as soon as it is unreachable, often earlier: see README, deviations.)
 */
const suspended = new Set<Generator>();
const nativeGenerator = Object.getPrototypeOf(function* () {}).prototype as Generator;

function trackSuspended(proto: object): void {
  const step = (name: "next" | "throw" | "return") => {
    const native = nativeGenerator[name] as (this: Generator, v?: unknown) => IteratorResult<unknown>;
    Object.defineProperty(proto, name, {
      value(this: Generator, v?: unknown) {
        let r: IteratorResult<unknown>;
        try {
          r = native.call(this, v);
        } catch (e) {
          suspended.delete(this);
          throw e;
        }
        if (r.done) suspended.delete(this);
        else suspended.add(this);
        return r;
      },
      writable: true,
      configurable: true,
    });
  };
  step("next");
  step("throw");
  step("return");
}

/** An f-string's pieces joined (in a module that can make lone surrogates: builtins/surrogates.ts). */
export function str_parts(...parts: unknown[]): string {
  // As a template literal converts its values (an int formatted plainly is a bigint here).
  return joinChecked(
    parts.map((p) => (typeof p === "string" ? p : `${p}`)),
    "",
  );
}

/** `del g` of the only reference to a generator (see lower/dropped-generators.ts): close it now. */
export function close_dropped(g: unknown): void {
  // A coroutine only a variable held, never started, is reported where the variable lets it go.
  if (g instanceof Coroutine) return _drop_held_coroutine(g, true);
  if (g instanceof Task) return _drop_held_task(g);
  if (Object.prototype.toString.call(g) !== "[object Generator]") return;
  suspended.delete(g as Generator);
  try {
    (g as { close(): unknown }).close();
  } catch (e) {
    droppedReport(e, g);
  }
}

/**
 * `g = <generator call>` of a variable that alone holds its generators (lower/dropped-generators.ts):
 * the one it held before is dropped, so closed; in a function, the new one joins `held`, the
 * generators the function closes when it returns (close_held).
 */
export function rebind_generator<T>(held: unknown[] | null, old: unknown, fresh: T): T {
  close_dropped(old);
  if (held !== null && fresh !== null && fresh !== undefined) held.push(fresh);
  return fresh;
}

/** A function returns: the generators only its locals held go with its frame. */
export function close_held(held: unknown[]): void {
  for (const g of held) {
    if (g instanceof Coroutine) _drop_held_coroutine(g, false);
    else close_dropped(g);
  }
  held.length = 0;
}

/** `for x in g` over a variable holding a generator: an early exit leaves it open (no `return()`). */
export function keep_open<T>(g: T): T {
  if (Object.prototype.toString.call(g) !== "[object Generator]") return g;
  const gen = g as unknown as Generator;
  return { [Symbol.iterator]: () => ({ next: (v?: unknown) => gen.next(v) }) } as T;
}

let droppedReport: (exc: unknown, where: unknown) => void = () => {};
/** How an exception raised while closing a dropped generator is reported ("Exception ignored in: ..."). */
export function set_dropped_report(report: (exc: unknown, where: unknown) => void): void {
  droppedReport = report;
}

/** At exit: close() each generator still suspended, in the order they started. */
export function close_suspended_generators(report: (exc: unknown, where: unknown) => void): void {
  for (const g of suspended) {
    suspended.delete(g);
    try {
      (g as unknown as { close(): unknown }).close();
    } catch (e) {
      report(e, g);
    }
  }
}

/** Gives a decorated function (an anonymous function expression) its Python name, qualname and docstring (and its signature, for inspect). */
export function define_function<F extends Function>(
  fn: F,
  info: { name: string; qualname: string; doc?: string; annotations?: Record<string, unknown>; signature?: SignatureInfo },
): F {
  if (info.signature) set_signature(fn, info.signature);
  if (info.annotations)
    Object.defineProperty(fn, "__annotations__", { value: PyDict.fromEntries(Object.entries(info.annotations)), writable: true, configurable: true });
  Object.defineProperty(fn, "name", { value: info.name, configurable: true });
  Object.defineProperty(fn, "__name__", { value: info.name, writable: true, configurable: true });
  Object.defineProperty(fn, "__qualname__", { value: info.qualname, writable: true, configurable: true });
  Object.defineProperty(fn, "__doc__", { value: info.doc ?? null, writable: true, configurable: true });
  Object.defineProperty(fn, "__module__", { value: current_module_name(), writable: true, configurable: true });
  return fn;
}

interface ClassSetup {
  /** Class attributes: visible on the class and, until shadowed, on its instances. */
  attrs?: Record<string, unknown>;
  /** Annotated class-body names in order, with the annotation's source text (`__annotations__`). */
  annotations?: Record<string, string>;
  /** Generator methods that are `async def` in Python, with their first line. */
  coroutines?: Record<string, number>;
  /** Static and class methods, which Python also finds through instances. */
  staticmethods?: string[];
  classmethods?: string[];
  /** Generator methods that are `async def` with `yield` (async generators). */
  asyncgens?: Record<string, number>;
  filename?: string;
  /** Methods' docstrings (`__doc__`), when the program reads them. */
  docs?: Record<string, string>;
  /** Methods' signatures (self first), when the program asks inspect for signatures. */
  signatures?: Record<string, SignatureInfo>;
  /** `metaclass=` of the class statement (not ABCMeta), see metaclass.ts. */
  metaclass?: Function;
  /** The class statement's other keywords, for `__init_subclass__` and the metaclass. */
  kwargs?: Record<string, unknown>;
  /** The class body's names in order, when a metaclass may read the namespace. */
  namespace?: string[];
  /** Applies the decorators of the class body's methods (Python runs them before the class exists). */
  decorate?: (cls: any) => void;
  /** Attributes whose value is a lambda written in the body: its __qualname__ is `Class.<lambda>`. */
  lambdas?: string[];
  /** Defs of the body that a later `del name` of the body removed. */
  deleted?: string[];
  /** Plain defs with no positional parameter: the instance a call through an instance passes is their first argument. */
  selfless?: string[];
  /** Plain defs whose first positional parameter has a default: called through the class with no argument, they take the default. */
  firstdefaulted?: string[];
  /** The class statement's bases as written, when one is not a class (`dict[str, int]`, `Generic[T]`): `__orig_bases__`. */
  origbases?: unknown[];
  /** Methods bound under a mangled private name (`_C__m`), with the name they were written with (`__m`). */
  written?: Record<string, string>;
  /** `class C[T]` (PEP 695): the class's type parameters. */
  typeparams?: unknown[];
  /** `def m[T](self)` in the body: each such method's type parameters. */
  methodtypeparams?: Record<string, unknown[]>;
  /** The class body's names in order (`__doc__` for a docstring), when the program may read a class's `__dict__`. */
  names?: string[];
}

/** Gives a translated class its Python identity: qualname, class attributes, annotations, coroutine methods. */
/**
 * A program's subclass of a runtime container other than list/dict/set themselves (OrderedDict,
 * Counter, defaultdict, deque...) is built by that container's JS constructor, which would never
 * call the subclass's `__init__`: refused rather than run wrong.
 */
function refuseIgnoredInit(cls: Function, qualname: string): void {
  const proto = cls.prototype as object;
  if (!Object.prototype.hasOwnProperty.call(proto, "__init__")) return;
  if (!(proto instanceof PyDict || proto instanceof PyList || proto instanceof PySetBase)) return;
  if (proto instanceof DictSubclassRoot || proto instanceof ListSubclassRoot || proto instanceof SetSubclassRoot) return;
  for (let c = Object.getPrototypeOf(cls); c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (initsSubclasses.has(c)) return;
  }
  const base = Object.getPrototypeOf(cls) as Function;
  throw new NotImplementedError(
    `class ${qualname}: an __init__ in a subclass of ${classModule(base)}.${(base as { __name__?: string }).__name__ ?? base.name} is not supported by tsyncio's runtime`,
  );
}

/** The runtime class a program's subclass of a builtin type extends (DictSubclassRoot for dict), if it has one. */
function subclassRootOf(c: unknown): Function | undefined {
  const roots: [unknown, Function][] = [
    [dictType, DictSubclassRoot],
    [listType, ListSubclassRoot],
    [setType, SetSubclassRoot],
    [frozensetType, PyFrozenSet],
    [intType, IntSubclassRoot],
    [floatType, FloatSubclassRoot],
    [strType, StrSubclassRoot],
    [tupleType, TupleSubclassRoot],
  ];
  return roots.find(([builtin]) => builtin === c)?.[1];
}

/** A class statement's base as CPython resolves it through `__mro_entries__` (`Box[int]`, a typing alias, is Box). */
export function mro_entry(base: unknown): any {
  const entries = base !== null && typeof base === "object" ? (base as { __mro_entries__?: unknown }).__mro_entries__ : undefined;
  if (typeof entries !== "function") return base;
  const list = Array.from(toIterable(entries.call(base, PyTuple.fromArray([base]))));
  if (list.length === 0) throw new NotImplementedError("a base whose __mro_entries__ gives no class");
  // (a builtin container or value type is extended through the class that stands for it: subclassable.ts)
  const classes = list.map((c) => subclassRootOf(c) ?? c);
  // (typing.Mapping gives collections.abc's Mapping and Generic)
  return classes.length === 1 ? classes[0] : multiple_bases(...(classes as Function[]));
}

/**
 * The Python name of a class's JS method: a def in a branch of the class body that the body
 * defines more than once is the JS method `m$2` (a `$` is never part of a Python name).
 */
function pythonName(jsName: string): string {
  return jsName.replace(/\$\d+$/, "");
}

export function define_class<C extends Function>(cls: C, qualname: string, setup: ClassSetup): C {
  markPythonClass(cls);
  programClasses.add(cls);
  refuseIgnoredInit(cls, qualname);
  Object.defineProperty(cls, "__qualname__", { value: qualname, configurable: true, writable: true });
  Object.defineProperty(cls, "__name__", { value: qualname.split(".").pop(), configurable: true, writable: true });
  if (!Object.prototype.hasOwnProperty.call(cls, "__module__"))
    Object.defineProperty(cls, "__module__", { value: current_module_name(), configurable: true, writable: true });
  if (setup.origbases) Object.defineProperty(cls, "__orig_bases__", { value: PyTuple.fromArray(setup.origbases), writable: true, configurable: true });
  if (setup.typeparams) set_class_type_params(cls, setup.typeparams, setup.origbases);
  for (const name of setup.firstdefaulted ?? []) markFirstOptional((cls.prototype as Record<string, unknown>)[name]);
  // A static or class method lives on the class itself (a JS static member), the others on the prototype.
  const holder = (name: string): Record<string, unknown> =>
    (setup.staticmethods?.includes(name) || setup.classmethods?.includes(name) ? cls : cls.prototype) as Record<string, unknown>;
  // (a method bound under a mangled private name, `_C__m`, is named as written: `__m`)
  const methodName = (name: string): string => setup.written?.[name] ?? pythonName(name);
  for (const [name, written] of Object.entries(setup.written ?? {})) {
    const d = Object.getOwnPropertyDescriptor(holder(name), name);
    const m = d?.value ?? d?.get;
    if (typeof m !== "function") continue;
    Object.defineProperty(m, "__name__", { value: written, writable: true, configurable: true });
    Object.defineProperty(m, "__qualname__", { value: `${qualname}.${written}`, writable: true, configurable: true });
  }
  for (const [name, firstlineno] of Object.entries(setup.coroutines ?? {})) {
    const owner = holder(name);
    const gen = owner[name] as (...args: unknown[]) => Generator<unknown, unknown, unknown>;
    owner[name] = coroutine_function(gen, { qualname: `${qualname}.${methodName(name)}`, filename: setup.filename ?? "", firstlineno });
    wrappedMethods.set(gen, owner[name] as Function);
    if ((gen as { [FIRST_OPTIONAL]?: boolean })[FIRST_OPTIONAL]) markFirstOptional(owner[name]);
  }
  for (const [name, firstlineno] of Object.entries(setup.asyncgens ?? {})) {
    const owner = holder(name);
    const gen = owner[name] as (...args: unknown[]) => Generator<unknown, unknown, unknown>;
    owner[name] = async_generator_function(gen, { qualname: `${qualname}.${methodName(name)}`, filename: setup.filename ?? "", firstlineno });
    wrappedMethods.set(gen, owner[name] as Function);
    if ((gen as { [FIRST_OPTIONAL]?: boolean })[FIRST_OPTIONAL]) markFirstOptional(owner[name]);
  }
  for (const name of [...(setup.staticmethods ?? []), ...(setup.classmethods ?? [])]) {
    const isClassMethod = setup.classmethods?.includes(name) ?? false;
    // `K.m` of a static or class method names itself `K.m` (callback reprs, __qualname__).
    const own = (cls as unknown as Record<string, unknown>)[name];
    if (isClassMethod && typeof own === "function") CLASS_METHODS.add(own);
    if (typeof own === "function" && !Object.prototype.hasOwnProperty.call(own, "__qualname__")) {
      Object.defineProperty(own, "__qualname__", { value: `${qualname}.${methodName(name)}`, writable: true, configurable: true });
    }
    Object.defineProperty(cls.prototype, name, {
      get(this: object) {
        const owner = this.constructor as unknown as Record<string, Function>;
        const f = owner[name];
        // Bound like getattr's methods: keyword calls and `==` see the function and its class.
        return isClassMethod ? bindMethod(f, owner) : f;
      },
      // (a non-data descriptor: an instance's own attribute of that name shadows it,
      // `self.getsizeof = getsizeof` over a @staticmethod default)
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
    });
  }
  // `del name` in the body; then the attributes, which may be what the body read from its
  // `async def`s before they were wrapped (`run = helper`: the coroutine function).
  // (the body's defs are JS methods taking the instance as `this`, even once deleted: `poll = _poll`;
  // its static and class methods are the class's own)
  const bodyMethods = new Set<unknown>();
  for (const owner of [cls.prototype, cls])
    for (const key of Object.getOwnPropertyNames(owner)) bodyMethods.add(Object.getOwnPropertyDescriptor(owner, key)!.value);
  for (const name of setup.deleted ?? []) {
    delete (cls.prototype as Record<string, unknown>)[name];
    delete (cls as unknown as Record<string, unknown>)[name];
  }
  for (const name of setup.lambdas ?? []) {
    // (the lambda's JS text starts on the class statement's line, where no qualname is kept for it)
    const value = setup.attrs?.[name];
    const f = isMethodWrapper(value) ? (value as { __func__?: unknown }).__func__ : value;
    if (typeof f === "function" && !Object.prototype.hasOwnProperty.call(f, "__qualname__"))
      Object.defineProperty(f, "__qualname__", { value: `${qualname}.<lambda>`, writable: true, configurable: true });
  }
  for (const [name, value] of Object.entries(setup.attrs ?? {})) {
    // (a name only a branch of the body not taken would have bound, or one a branch deleted: not the class's)
    if (value === UNBOUND) {
      delete (cls.prototype as Record<string, unknown>)[name];
      delete (cls as unknown as Record<string, unknown>)[name];
      continue;
    }
    defineClassAttribute(cls, name, typeof value === "function" ? (wrappedMethods.get(value) ?? value) : value, bodyMethods);
  }
  if (setup.annotations) {
    Object.defineProperty(cls, "__annotations__", { value: PyDict.fromEntries(Object.entries(setup.annotations)), writable: true, configurable: true });
  }
  // Plain generator methods name their generators `Class.method`.
  for (const name of Object.getOwnPropertyNames(cls.prototype)) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name)!;
    if (typeof d.value === "function" && Object.prototype.toString.call(d.value) === "[object GeneratorFunction]")
      mark_generator(d.value, `${qualname}.${pythonName(name)}`);
    // A def's function is `Class.method` (a bound method's __func__ shows it so), whatever JS named it.
    else if (typeof d.value === "function" && name !== "constructor" && !isJsClass(d.value) && !Object.prototype.hasOwnProperty.call(d.value, "__qualname__")) {
      const py = name === "constructor_" ? "constructor" : pythonName(name);
      Object.defineProperty(d.value, "__qualname__", { value: `${qualname}.${py}`, writable: true, configurable: true });
      // (and `__name__`, where the JS method's name is not the def's: `constructor_`)
      if (py !== name && !Object.prototype.hasOwnProperty.call(d.value, "__name__"))
        Object.defineProperty(d.value, "__name__", { value: py, writable: true, configurable: true });
    }
  }
  for (const [name, params] of Object.entries(setup.methodtypeparams ?? {})) {
    const m = (cls.prototype as Record<string, unknown>)[name] ?? (cls as unknown as Record<string, unknown>)[name];
    if (typeof m === "function") set_type_params(m, params);
  }
  for (const [name, doc] of Object.entries(setup.docs ?? {})) {
    // (a `@property`'s docstring is its getter's)
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name);
    const m = d?.get ?? (cls.prototype as Record<string, unknown>)[name];
    if (typeof m !== "function") continue;
    Object.defineProperty(m, "__doc__", { value: doc, writable: true, configurable: true });
    // (and the function a later statement of the body already read: `x = property(getx)`)
    const view = unboundViews.get(m);
    if (view && view !== m) Object.defineProperty(view, "__doc__", { value: doc, writable: true, configurable: true });
  }
  for (const [name, info] of Object.entries(setup.signatures ?? {})) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name) ?? Object.getOwnPropertyDescriptor(cls, name);
    const m = d?.value ?? (cls as unknown as Record<string, unknown>)[name];
    if (typeof m === "function") set_signature(m, info);
  }
  for (const name of setup.selfless ?? []) {
    // `def helper():` is a function of the class: `A.helper()` calls it as it is, `A().helper()`
    // with the instance first (a TypeError when it takes no argument).
    const fn = (cls.prototype as Record<string, unknown>)[name];
    if (typeof fn !== "function") continue;
    if (!Object.prototype.hasOwnProperty.call(fn, "__qualname__"))
      Object.defineProperty(fn, "__qualname__", { value: `${qualname}.${name}`, writable: true, configurable: true });
    Object.defineProperty(cls.prototype, name, { value: methodCalling(fn), writable: true, configurable: true });
  }
  // Instance attribute reads (getattr, method calls by name) go through the class's own hook.
  if (Object.prototype.hasOwnProperty.call(cls.prototype, "__getattribute__")) hook_getattribute(cls);
  expose_methods(cls);
  expose_properties(cls, qualname);
  setup.decorate?.(cls);
  // Type creation tells the descriptors of the class body their names (PEP 487).
  for (const name of Object.getOwnPropertyNames(cls)) {
    if (name === "prototype") continue;
    const d = Object.getOwnPropertyDescriptor(cls, name)!;
    // (a descriptor the class reads through its __get__ sits behind a getter)
    const value = d.get ? class_descriptor(cls, name) : d.value;
    const setName = value !== null && typeof value === "object" ? (value as { __set_name__?: unknown }).__set_name__ : undefined;
    if (typeof setName === "function") setName.call(value, cls, name);
  }
  const names = setup.names?.filter((n) => setup.attrs?.[n] !== UNBOUND);
  note_class_body(cls, names ?? bodyNamesOf(cls, setup), setup.staticmethods ?? [], setup.classmethods ?? []);
  // `instance.__doc__` is its class's docstring (None without one), unless the body defines its own.
  if (!Object.prototype.hasOwnProperty.call(cls.prototype, "__doc__")) {
    const doc = Object.getOwnPropertyDescriptor(cls, "__doc__");
    Object.defineProperty(cls.prototype, "__doc__", { value: doc && "value" in doc ? doc.value : null, writable: true, configurable: true });
  }
  // (and `instance.__module__` its class's module)
  if (!Object.prototype.hasOwnProperty.call(cls.prototype, "__module__"))
    Object.defineProperty(cls.prototype, "__module__", { value: classModule(cls), writable: true, configurable: true });
  // A list or tuple subclass with its own __iter__: JS iteration (for-of, spreads, list(), unpacking) calls it, as iter() does.
  if (cls.prototype instanceof Array && Object.prototype.hasOwnProperty.call(cls.prototype, "__iter__"))
    Object.defineProperty(cls.prototype, Symbol.iterator, { value: ownIteration, writable: true, configurable: true });
  // (a `@property def __dict__` of the body: `C.__dict__` is the class's namespace all the same, and
  // the namespace holds the property, kept where class_namespace reads descriptor objects)
  const bodyDict = Object.getOwnPropertyDescriptor(cls, "__dict__");
  if (bodyDict?.get && Object.getOwnPropertyDescriptor(cls.prototype, "__dict__")?.get) note_class_descriptor(cls, "__dict__", bodyDict.get.call(cls));
  // ...and one with its own item methods is left to them by the operators' fast paths.
  if (cls.prototype instanceof Array && ITEM_METHOD_NAMES.some((n) => Object.prototype.hasOwnProperty.call(cls.prototype, n))) mark_item_methods(cls);
  Object.defineProperty(cls, "__dict__", { get: classDict, configurable: true });
  // Runtime base classes that finish a subclass once its body is known (Enum, NamedTuple, ABC, ...).
  const hook = (cls as unknown as { __define__?: unknown }).__define__;
  if (typeof hook === "function") hook.call(cls, cls);
  note_custom_new(cls);
  finish_class(cls, setup);
  return cls;
}

/** Marks a list or tuple subclass whose own item methods the operators must call (names.ts). */
function mark_item_methods(cls: Function): void {
  Object.defineProperty(cls.prototype, ITEM_METHODS, { value: true, configurable: true });
}

function ownIteration(this: { __iter__(): unknown }): Iterator<unknown> {
  return asJsIterator(this.__iter__());
}

/** `C.__dict__` (class-namespace.ts). */
function classDict(this: Function): unknown {
  return class_namespace(this);
}

/** A class body's names when the compiler gave none: its attributes, then its methods. */
function bodyNamesOf(cls: Function, setup: ClassSetup): string[] {
  const names = new Set(Object.keys(setup.attrs ?? {}));
  names.delete("__hash__");
  for (const n of Object.getOwnPropertyNames(cls.prototype)) if (n !== "constructor") names.add(n);
  for (const n of [...(setup.staticmethods ?? []), ...(setup.classmethods ?? [])]) names.add(n);
  return [...names];
}

// Methods read from their class. A JS method takes `self` as `this`; in Python `A.m` is a plain
// function taking self first (`Base.__init__(self, x)`, `map(A.m, xs)`, decorators of methods).
// define_class gives the class a getter per method returning such a function (one per method, so
// `A.m is A.m`), and a setter: assigning a function to `A.m` (what a method decorator does) makes
// it the method of the instances, a descriptor (`__get__`) is called as Python calls it, and any
// other value becomes a class attribute.

const PYTHON_FUNCTION = Symbol("the Python function a method calls");
/** The generator methods define_class made coroutine (or async generator) functions, and what it made. */
const wrappedMethods = new WeakMap<Function, Function>();
const unboundViews = new WeakMap<Function, Function>();
/** A view's method (the JS method, `this` its self). */
const viewedMethods = new WeakMap<Function, Function>();

/** The Python function a class's method calls (a decorated def), or null for a plain JS method. */
export function python_function_of(method: Function): Function | null {
  return (method as { [PYTHON_FUNCTION]?: Function })[PYTHON_FUNCTION] ?? null;
}

/** object's slots (CPython's wrapper_descriptor) among the runtime's methods of PyObject; the others are method_descriptor. */
const OBJECT_SLOTS = new Set(["__init__", "__repr__", "__str__", "__getattribute__", "__setattr__", "__delattr__", "__eq__", "__ne__", "__hash__"]);

/** `object.__init__` read from a class: named and shown as CPython's (`<slot wrapper '__init__' of 'object' objects>`). */
function describeObjectMethod(view: Function, name: string): void {
  const slot = OBJECT_SLOTS.has(name);
  const text = slot ? `<slot wrapper '${name}' of 'object' objects>` : `<method '${name}' of 'object' objects>`;
  Object.defineProperty(view, "__pyrepr__", { value: () => text, configurable: true });
  Object.defineProperty(view, DESCRIPTOR_KIND, { value: slot ? "wrapper_descriptor" : "method_descriptor", configurable: true });
}

/** `A.m` of a JS method m: a function taking self first. */
function unbound(method: Function, owner: Function, name: string): Function {
  const own = (method as { [PYTHON_FUNCTION]?: Function })[PYTHON_FUNCTION];
  if (own) return own;
  let view = unboundViews.get(method);
  if (!view) {
    // (a generator method read by the class body before define_class: maybe an `async def`, which
    // define_class wraps; the view calls what it became)
    const gen = Object.prototype.toString.call(method) === "[object GeneratorFunction]";
    // (the method's positional bounds, read at the first call: arity.ts)
    let bounds = -1;
    view = function (self: unknown, ...args: unknown[]) {
      const f = gen ? (wrappedMethods.get(method) ?? method) : method;
      // (keywords only: the instance may be one of them, `C.m(self=obj)`, `make(n=3)` in the body)
      if (self instanceof KwArgs) return callWithReceiverKeyword(view!, method, f, self.kw);
      const last = args[args.length - 1];
      if (last instanceof KwArgs) return callkw(f, self, args.slice(0, -1), last.kw);
      if (bounds < 0) bounds = arity(f);
      if (self === undefined || args.length > bounds >> ARITY_SHIFT || args.length < (bounds & ARITY_LEAST)) checkUnboundArguments(view!, f, self, args);
      return f.apply(self, args);
    };
    const m = method as { __name__?: string; __qualname__?: string; __doc__?: string; __module__?: string };
    const ofObject = (PyObject.prototype as unknown as Record<string, unknown>)[name] === method;
    const qualname = ofObject ? `object.${name}` : (m.__qualname__ ?? `${(owner as { __qualname__?: string }).__qualname__ ?? owner.name}.${name}`);
    // (a method bound under a mangled private name has its written name: define_class)
    const written = Object.prototype.hasOwnProperty.call(method, "__name__") ? m.__name__ : undefined;
    define_function(view, { name: written ?? name, qualname, doc: m.__doc__ ?? undefined });
    if (ofObject) describeObjectMethod(view, name);
    const typeParams = Object.getOwnPropertyDescriptor(method, "__type_params__");
    if (typeParams) Object.defineProperty(view, "__type_params__", typeParams);
    copy_signature(gen ? (wrappedMethods.get(method) ?? method) : method, view);
    // The method's module, not the one running when the view is first asked for.
    (view as { __module__?: string }).__module__ = m.__module__ ?? (owner as { __module__?: string }).__module__ ?? "__main__";
    Object.defineProperty(view, PYTHON_FUNCTION, { value: view });
    // `A.m` of an `async def` is a coroutine function (a decorator's asyncio.iscoroutinefunction(fn)).
    const viewed = method;
    Object.defineProperty(view, _is_coroutine, { get: () => is_coroutine_function_object(gen ? (wrappedMethods.get(viewed) ?? viewed) : viewed) });
    Object.defineProperty(view, ASYNC_GENERATOR_FUNCTION, { get: () => is_async_generator_function(gen ? (wrappedMethods.get(viewed) ?? viewed) : viewed) });
    unboundViews.set(method, view);
    unboundViews.set(view, view);
    viewedMethods.set(view, method);
  }
  return view;
}

/** An unbound view called with keywords only: the first parameter's is the instance. */
function callWithReceiverKeyword(view: Function, method: Function, f: Function, kw: Record<string, unknown>): unknown {
  const first = (view as { [FIRST_PARAMETER]?: string })[FIRST_PARAMETER] ?? "self";
  const { [first]: receiver, ...rest } = kw;
  if (receiver === undefined && (method as { [FIRST_OPTIONAL]?: boolean })[FIRST_OPTIONAL] !== true) {
    // (CPython names what neither a position nor a keyword gave)
    const sig = positionalSignature(method);
    const missing = [first, ...(sig?.names.slice(0, sig.required).filter((n) => !(n in rest)) ?? [])];
    throw new TypeError(
      `${callName(view)}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`,
    );
  }
  // (named by the view, `C.make()`, whatever the receiver is)
  const r = callWithKeywords(f, receiver, [], rest, callName(view));
  return r !== NOT_BOUND ? r : callkw(f, receiver, [], rest);
}

/**
 * `cls.name` of a plain method, for a later statement of the class's body (`greet = hello`,
 * `y = helper(2)`) that runs before define_class: the same function the class then gives.
 */
export function method_in_class_body(cls: Function, name: string, qualname: string, firstParameter?: string | null, firstOptional?: boolean): Function {
  const method = (cls.prototype as Record<string, Function>)[name];
  if (firstOptional) markFirstOptional(method);
  for (const [key, value] of [
    ["__qualname__", qualname],
    ["__module__", current_module_name()],
  ])
    if (!Object.prototype.hasOwnProperty.call(method, key)) Object.defineProperty(method, key, { value, writable: true, configurable: true });
  // (null: a def without positional parameters, `def make(): ...` or `def make(*parts)`, which the
  // body calls with what it gives)
  if (firstParameter === null) return selfless(method, qualname);
  // (named by its qualname: a def in a branch of the body may be a JS method of another name)
  const view = unbound(method, cls, qualname.slice(qualname.lastIndexOf(".") + 1));
  if (firstParameter !== undefined) Object.defineProperty(view, FIRST_PARAMETER, { value: firstParameter, configurable: true });
  return view;
}

/** The method's first parameter has a default: the unbound view may call it with no `this`. */
function markFirstOptional(method: unknown): void {
  if (typeof method === "function") Object.defineProperty(method, FIRST_OPTIONAL, { value: true, configurable: true });
}

/** A def of a class body without positional parameters, called by the body as it is. */
function selfless(method: Function, qualname: string): Function {
  // (one with `*args` or keyword-only parameters binds what it is given itself)
  const takesRest = positionalSignature(method)?.rest === true;
  const view = function (...args: unknown[]) {
    // (an `async def` the class then wraps: what it became)
    const f = wrappedMethods.get(method) ?? method;
    if (takesRest) return f.apply(undefined, args);
    const last = args[args.length - 1];
    if (last instanceof KwArgs) {
      const key = Object.keys(last.kw)[0];
      if (key !== undefined) throw new TypeError(`${qualname}() got an unexpected keyword argument '${key}'`);
      args = args.slice(0, -1);
    }
    if (args.length) throw new TypeError(`${qualname}() takes 0 positional arguments but ${wereGiven(args.length)}`);
    return f.call(undefined);
  };
  define_function(view, { name: method.name, qualname });
  return view;
}

/** A method of the instances that calls a Python function with the instance first. */
function methodCalling(fn: Function): Function {
  const method = function (this: unknown, ...args: unknown[]) {
    // (the instance is the function's first argument: counted in its bounds and CPython's messages)
    const bounds = (fn as { [ARITY]?: number })[ARITY] ?? arity(fn);
    const n = args.length + 1;
    if (n > bounds >> ARITY_SHIFT || n < (bounds & ARITY_LEAST)) checkArguments(fn, [this, ...args], false);
    return call(fn, this, ...args);
  };
  Object.defineProperty(method, PYTHON_FUNCTION, { value: fn });
  Object.defineProperty(method, "name", { value: (fn as { __name__?: string }).__name__ ?? fn.name, configurable: true });
  // (what calling the function gives, a coroutine function's mark, stays visible on the method)
  for (const k of BOUND_METHOD_MARKS)
    if (Object.prototype.hasOwnProperty.call(fn, k)) Object.defineProperty(method, k, { value: (fn as unknown as Record<symbol, unknown>)[k] });
  return method;
}

// `f.__get__(obj)` (ops.ts): bound to obj, the instances' method made of f, one per function.
const methodsOfFunctions = new WeakMap<Function, Function>();
set_function_method_hook((fn) => {
  let m = methodsOfFunctions.get(fn);
  if (m === undefined) methodsOfFunctions.set(fn, (m = methodCalling(fn)));
  return m;
});

/** Marks a callable object (typeof "function") that Python does not treat as a function. */
export const CALLABLE_OBJECT: unique symbol = Symbol.for("tsyncio.callable-object") as never;

/** `A.name = value`: what the class's instances find too. */
function setClassMember(cls: Function, name: string, value: unknown): void {
  const proto = cls.prototype as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptor(cls, name);
  const plain = typeof value !== "function" && !descriptorGetter(value);
  if (plain && own?.writable && Object.getOwnPropertyDescriptor(proto, name)?.get) {
    // A class attribute assigned again (`Counter.count += 1`): the instances' getter reads it.
    (cls as unknown as Record<string, unknown>)[name] = value;
    return;
  }
  // A Python function becomes the instances' method; a class, a builtin function, a bound method or a
  // callable object (a unittest.mock Mock) is no descriptor: the instances read it as it is.
  if (typeof value === "function" && bindsAsMethod(value)) {
    const method = proto[name];
    if (typeof method === "function" && unboundViews.get(method) === value) {
      // `A.m` given back (a decorator that marks or registers the function): one function in
      // Python, so what the decorator set on it (`__isabstractmethod__`...) is the method's too.
      for (const key of Object.getOwnPropertyNames(value)) {
        if (!VIEW_OWN.has(key) && !Object.prototype.hasOwnProperty.call(method, key))
          Object.defineProperty(method, key, Object.getOwnPropertyDescriptor(value, key)!);
      }
      if (!Object.prototype.hasOwnProperty.call(proto, name)) Object.defineProperty(proto, name, { value: method, writable: true, configurable: true });
      return;
    }
    Object.defineProperty(proto, name, { value: methodCalling(value), writable: true, configurable: true });
    if (!own?.get) exposeMethod(cls, name);
    // `cls.__getattribute__ = f` (a class decorator that logs reads): the instances' reads call it.
    if (name === "__getattribute__") hook_getattribute(cls);
    return;
  }
  defineClassAttribute(cls, name, value);
}

/** Names whose plain function Python makes a static or class method by itself: not bound to the instances here. */
const IMPLICIT_NON_METHODS = new Set(["__new__", "__init_subclass__", "__class_getitem__"]);

/**
 * A class attribute: on the class and, until an instance assigns its own, read by its instances.
 * `bodyMethods`, for a value of the class body, holds the body's JS methods (any other function of
 * the program there becomes the instances' method).
 */
function defineClassAttribute(cls: Function, name: string, value: unknown, bodyMethods: ReadonlySet<unknown> | null = null): void {
  const proto = cls.prototype as object;
  if (isMethodWrapper(value)) {
    // `staticmethod(f)` / `classmethod(f)` as a class attribute: read from the class too, Python
    // calls their __get__ (the function itself, or bound to the class it is read from).
    note_class_descriptor(cls, name, value);
    Object.defineProperty(cls, name, {
      get(this: Function) {
        return value.__get__(null, this);
      },
      set(this: Function, v: unknown) {
        setClassMember(this, name, v);
      },
      configurable: true,
      enumerable: true,
    });
    Object.defineProperty(proto, name, {
      get(this: object) {
        return value.__get__(this, this.constructor);
      },
      set(this: object, v: unknown) {
        Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
    });
    return;
  }
  // A method kept under another name by the class body (`greet = hello`): the class's is its view
  // (the function, self first), the instances' the method itself, bound to them as Python binds
  // the function found on the class.
  const own = typeof value === "function" && !viewedMethods.has(value) ? ownMethodName(proto, value) : null;
  if (own !== null) return defineClassAttribute(cls, name, unbound(value as Function, cls, own));
  Object.defineProperty(cls, name, { value, writable: true, configurable: true, enumerable: true });
  const method = typeof value === "function" ? viewedMethods.get(value) : undefined;
  if (method !== undefined) {
    const m = wrappedMethods.get(method) ?? method;
    Object.defineProperty(proto, name, { value: m, writable: true, configurable: true });
    return;
  }
  if (
    typeof value === "function" &&
    bodyMethods !== null &&
    !bodyMethods.has(value) &&
    !IMPLICIT_NON_METHODS.has(name) &&
    bindsAsMethod(value) &&
    isProgramFunction(value)
  ) {
    // A function of the program in the class body (`g = lambda self: 2`, `kk = helper`): the
    // instances' method, called with the instance first, as `A.name = f` after the class makes it.
    // (a runtime function here stays as it is: most are builtins in CPython, which do not bind)
    Object.defineProperty(proto, name, { value: methodCalling(value), writable: true, configurable: true });
    return;
  }
  const get = descriptorGetter(value);
  if (get && programClasses.has((value as object).constructor)) {
    // A descriptor class of the program: read from the class, Python calls `d.__get__(None, C)`
    // (the runtime's own, property and the like, give themselves back there).
    note_class_descriptor(cls, name, value);
    Object.defineProperty(cls, name, {
      get(this: Function) {
        return get.call(value, null, this);
      },
      set(this: Function, v: unknown) {
        Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
      enumerable: true,
    });
  }
  if (get) {
    // A descriptor (cached_property, a property object...): Python calls its __get__/__set__.
    Object.defineProperty(proto, name, {
      get(this: object) {
        return get.call(value, this, this.constructor);
      },
      set(this: object, v: unknown) {
        const set = (value as { __set__?: Function }).__set__;
        if (typeof set === "function") set.call(value, this, v);
        else Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
    });
    return;
  }
  Object.defineProperty(proto, name, {
    get() {
      return (cls as unknown as Record<string, unknown>)[name];
    },
    set(v: unknown) {
      Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
    },
    configurable: true,
  });
}

/** The name a class's prototype has `f` under as its own method, or null. */
function ownMethodName(proto: object, f: unknown): string | null {
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    if (d.value === f && key !== "constructor") return key;
  }
  return null;
}

/** `__get__` of a descriptor object (not of a function: functions are made methods instead). */
function descriptorGetter(value: unknown): Function | null {
  const get = value !== null && typeof value === "object" ? (value as { __get__?: unknown }).__get__ : undefined;
  return typeof get === "function" ? get : null;
}

/** Properties every view has of its own (the others were set on it by the program). */
const VIEW_OWN = new Set(["length", "name", "prototype", "__name__", "__qualname__", "__doc__", "__module__"]);

/** Gives `cls` a getter and setter for each method its prototype defines (see above). */
export function expose_methods(cls: Function): void {
  const proto = cls.prototype as object;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor") continue;
    const d = Object.getOwnPropertyDescriptor(proto, name)!;
    if (typeof d.value !== "function" || isJsClass(d.value)) continue;
    // Static members, class attributes: the class has its own (JS's own `name`/`length` are read-only).
    const own = Object.getOwnPropertyDescriptor(cls, name);
    if ((own && (own.writable !== false || own.get)) || name === "prototype") continue;
    exposeMethod(cls, name);
  }
}

/**
 * `C.x` of a `@property` (compiled to a JS accessor of the prototype): the property object, made
 * on first read from the accessor's halves and the `@x.deleter` method (the same object after).
 */
function expose_properties(cls: Function, qualname: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name)!;
    // (JS's own `name` and `length` of the class stay: the view goes under a key getattr knows)
    const own = Object.getOwnPropertyDescriptor(cls, name);
    const shadowed = (name === "name" || name === "length") && own !== undefined && "value" in own && own.writable === false && !own.enumerable;
    if ((!d.get && !d.set) || (own !== undefined && !shadowed) || name === "__class__") continue;
    let made: property | null = null;
    Object.defineProperty(cls, shadowed ? SHADOWED_NAME[name as "name" | "length"] : name, {
      get() {
        if (made === null) {
          const half = (f: Function | undefined) => {
            if (f === undefined) return null;
            const g = function (self: unknown, ...args: unknown[]) {
              return f.apply(self, args);
            };
            const doc = (f as { __doc__?: string }).__doc__;
            // (an `@abstractmethod` half makes the property abstract: `__isabstractmethod__`)
            if ((f as { __isabstractmethod__?: unknown }).__isabstractmethod__ === true)
              Object.defineProperty(g, "__isabstractmethod__", { value: true, configurable: true, writable: true });
            return define_function(g, { name, qualname: `${qualname}.${name}`, doc: doc ?? undefined });
          };
          const deleter = proto[`__delete_${name}__`];
          made = new property(half(d.get), half(d.set), typeof deleter === "function" ? half(deleter) : null);
          made.__set_name__(cls, name);
        }
        return made;
      },
      set(this: Function, v: unknown) {
        setClassMember(this, name, v);
      },
      configurable: true,
    });
  }
}

function exposeMethod(cls: Function, name: string): void {
  Object.defineProperty(cls, name, {
    get(this: Function) {
      const method = (this.prototype as Record<string, unknown>)[name];
      return typeof method === "function" ? unbound(method, this, name) : method;
    },
    set(this: Function, value: unknown) {
      setClassMember(this, name, value);
    },
    configurable: true,
  });
}

// `object.__init__(self)`, `Exception.__init__(self, msg)`: the runtime's own base classes.
expose_methods(PyObject);
expose_methods(BaseException);
set_class_attribute_hook(setClassMember);

/** `@property` over other decorators: they apply to the getter function. */
export function decorate_getter(owner: object, name: string, decorate: (getter: Function) => unknown): void {
  decorateAccessor(owner, name, "get", decorate);
}

/** `@x.setter` over other decorators (`@abstractmethod`): they apply to the setter function. */
export function decorate_setter(owner: object, name: string, decorate: (setter: Function) => unknown): void {
  decorateAccessor(owner, name, "set", decorate);
}

/**
 * The decorators see the accessor half as the Python function it is (the instance first), and the
 * accessor then calls what they return; a decorator that returns the function it was given (one
 * that marks it, `@abstractmethod`) leaves the half as it was, with the marks.
 */
function decorateAccessor(owner: object, name: string, half: "get" | "set", decorate: (f: Function) => unknown): void {
  const d = Object.getOwnPropertyDescriptor(owner, name)!;
  const raw = d[half]! as Function;
  const asPython = define_function(
    function (self: unknown, ...args: unknown[]) {
      return raw.apply(self, args);
    },
    {
      name,
      qualname: `${classQualname((typeof owner === "function" ? owner : owner.constructor) as Function)}.${name}`,
      doc: (raw as { __doc__?: string }).__doc__ ?? undefined,
    },
  );
  const result = decorate(asPython);
  const made =
    result === asPython
      ? raw
      : half === "get"
        ? function (this: unknown) {
            return call(result, this);
          }
        : function (this: unknown, value: unknown) {
            call(result, this, value);
          };
  // (what the decorators set on the function, `__isabstractmethod__`, is the accessor's too)
  for (const key of Object.keys(asPython))
    Object.defineProperty(made, key, { value: (asPython as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
  const marked = (result as { __isabstractmethod__?: unknown } | null)?.__isabstractmethod__;
  if (marked !== undefined) Object.defineProperty(made, "__isabstractmethod__", { value: marked, configurable: true, writable: true });
  if (half === "get") d.get = made as () => unknown;
  else d.set = made as (value: unknown) => void;
  Object.defineProperty(owner, name, d);
}

// ───────────── calls ─────────────

/** `f(*args, **kwargs)` for a callee the compiler could not see: binds keywords by parameter name. */
export function callkw(f: unknown, thisArg: unknown, args: ArrayLike<unknown>, kwargs: Record<string, unknown>): any {
  checkDuplicate(f, kwargs);
  // An empty `**kwargs` passes nothing: a builtin would take it for an argument (and one with
  // plain parameters, `range(a, b, c)`, must not be bound as a translated function is).
  const empty = isEmptyRecord(kwargs);
  if (empty && typeof f === "function" && isMarkedBuiltin(f)) return callv(f, Array.from(args));
  // A list, tuple, dict or set method takes no keywords but dict.update's; an empty `**{}` is no argument.
  if (typeof f === "function" && refusesKeywords(f, kwargs)) {
    return thisArg !== null && thisArg !== undefined ? (f as Function).apply(thisArg, Array.from(args)) : call(f, ...Array.from(args));
  }
  if (!empty && typeof f === "function" && isMarkedBuiltin(f)) refuseBuiltinKeywords(f, kwargs);
  const r = callWithKeywords(f, thisArg, args, kwargs);
  if (r !== NOT_BOUND) return r;
  // (the empty record is kept: what takes it binds by name, which checks the arguments)
  const all = [...Array.from(args), new KwArgs(kwargs)];
  if (typeof f === "function" && thisArg !== null && thisArg !== undefined && !isJsClass(f)) return (f as Function).apply(thisArg, all);
  return call(f, ...all);
}

/** A keyword the builtin `f` does not take (`len(x, **opts)`): CPython's TypeError (builtin-arity.ts). */
function refuseBuiltinKeywords(f: Function, kwargs: Record<string, unknown>): void {
  // (a builtin of the runtime's own, marked as such: named as in Python)
  const problem = builtinKeywordProblem(f.name, Object.keys(kwargs));
  if (problem !== null) throw new TypeError(problem);
}

// The str methods that take keywords, and which (`format` takes any).
const STR_KEYWORDS: Record<string, readonly string[]> = {
  split: ["sep", "maxsplit"],
  rsplit: ["sep", "maxsplit"],
  splitlines: ["keepends"],
  encode: ["encoding", "errors"],
  expandtabs: ["tabsize"],
};

/** `",".join(xs, **opts)`: CPython's TypeError for a keyword the str method does not take. */
function refuseStrKeywords(s: string, name: string, kwargs: Record<string, unknown>): void {
  if (name === "format") return;
  const allowed = STR_KEYWORDS[name];
  if (allowed === undefined) {
    // (no such method: getattr's AttributeError)
    getattr(s, name);
    throw new TypeError(`str.${name}() takes no keyword arguments`);
  }
  const other = Object.keys(kwargs).find((k) => !allowed.includes(k));
  if (other !== undefined) throw new TypeError(`'${other}' is an invalid keyword argument for ${name}()`);
}

/** `obj.name(*args, **kwargs)`. */
export function callkw_method(obj: any, name: string, args: ArrayLike<unknown>, kwargs: Record<string, unknown>): any {
  if (typeof obj === "string") {
    // (a str's Python method, not String.prototype's of the same name)
    if (!isEmptyRecord(kwargs)) refuseStrKeywords(obj, name, kwargs);
    return callkw(getattr(obj, name), null, args, kwargs);
  }
  if (obj !== null && (typeof obj === "object" || typeof obj === "function") && isJsOnly(obj, name)) return callkw(getattr(obj, name), null, args, kwargs);
  const f = obj?.[name];
  checkDuplicate(f, kwargs);
  // (no such member: getattr gives what a class hook answers, else CPython's AttributeError)
  if (f === undefined) return callkw(getattr(obj, name), null, args, kwargs);
  // (a class or builtin function held in an attribute is called without the object)
  return callkw(f, typeof f === "function" && !bindsAsMethod(f) ? null : obj, args, kwargs);
}

/** Merges `**mapping` arguments into a call's keywords; a duplicate is raised when the call is made. */
export function kw_merge(explicit: Record<string, unknown>, ...mappings: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...explicit };
  for (const m of mappings) {
    if (!isKeywordMapping(m)) {
      // (raised by the call, which names the callee as CPython does)
      if (!(NOT_A_MAPPING in out)) Object.defineProperty(out, NOT_A_MAPPING, { value: typeName(m) });
      return out;
    }
    const entries: [unknown, unknown][] =
      m instanceof PyDict
        ? dict_items(m)
        : isPlainRecord(m as object)
          ? Object.entries(m as object)
          : Array.from(toIterable(call(getattr(m, "keys"))), (k) => [k, getitem(m, k)]);
    for (const [k, v] of entries) {
      if (typeof k !== "string") throw new TypeError("keywords must be strings");
      if (k in out && !(DUPLICATE_KEYWORD in out)) Object.defineProperty(out, DUPLICATE_KEYWORD, { value: k });
      out[k] = v;
    }
  }
  return out;
}

/** `class C(Base, flag=1, **options)`: the class keywords, checked as CPython's __build_class__ does. */
export function class_keywords(explicit: Record<string, unknown>, ...mappings: unknown[]): Record<string, unknown> {
  const out = kw_merge(explicit, ...mappings);
  const notMapping = (out as { [NOT_A_MAPPING]?: string })[NOT_A_MAPPING];
  if (notMapping !== undefined) throw new TypeError(`__build_class__() argument after ** must be a mapping, not ${notMapping}`);
  const k = (out as { [DUPLICATE_KEYWORD]?: string })[DUPLICATE_KEYWORD];
  if (k !== undefined) throw new TypeError(`__build_class__() got multiple values for keyword argument '${k}'`);
  // (a metaclass is chosen when the class is translated; one that arrives in a mapping is not)
  if (Object.prototype.hasOwnProperty.call(out, "metaclass"))
    throw new NotImplementedError("a metaclass given through ** in a class statement is not supported by tsyncio");
  return out;
}

/** How CPython names a callable in call errors: `__main__.make()`, `__main__.Box.method()`, `print()`. */
export function function_str(f: unknown): string {
  const g = f as { __qualname__?: string; __module__?: string; __builtin__?: boolean; __func__?: unknown; name?: string };
  if (typeof f !== "function") return `${typeName(f)} object`;
  if (g.__func__) return function_str(g.__func__);
  const qualname = g.__qualname__ ?? (g.name || "<lambda>");
  const module = g.__builtin__ ? "builtins" : isJsClass(f) ? classModule(f) : (g.__module__ ?? "__main__");
  return module === "builtins" ? `${qualname}()` : `${module}.${qualname}()`;
}

/** What `**m` accepts: a dict, an object with keys() (a program's Mapping), a plain record of the runtime. */
function isKeywordMapping(m: unknown): boolean {
  if (m instanceof PyDict) return true;
  if (m === null || typeof m !== "object") return false;
  if (isPlainRecord(m)) return true;
  // (CPython's rule: an object with keys(), read with keys() and [])
  return hasattr(m, "keys");
}

function isPlainRecord(m: object): boolean {
  const proto = Object.getPrototypeOf(m);
  return proto === Object.prototype || proto === null;
}

function checkDuplicate(f: unknown, kwargs: Record<string, unknown>): void {
  const notMapping = (kwargs as { [NOT_A_MAPPING]?: string })[NOT_A_MAPPING];
  if (notMapping !== undefined) throw new TypeError(`${function_str(f)} argument after ** must be a mapping, not ${notMapping}`);
  const k = (kwargs as { [DUPLICATE_KEYWORD]?: string })[DUPLICATE_KEYWORD];
  if (k !== undefined) throw new TypeError(`${function_str(f)} got multiple values for keyword argument '${k}'`);
}

/** A call the compiler knows cannot bind: its arguments were evaluated, now Python's TypeError. */
export const bad_call = takes_packed(function bad_call(message: string, ..._args: unknown[]): never {
  throw new TypeError(message);
}, 1);

/** Turns a JS rest array into Python's `*args` tuple (a trailing `KwArgs` has no parameter to go to). */
export function varargs<T>(rest: T[]): PyTuple<T> {
  rest = unpacked(rest);
  const last = rest[rest.length - 1];
  if (last instanceof KwArgs) {
    const k = Object.keys(last.kw)[0];
    if (k !== undefined) throw new TypeError(`got an unexpected keyword argument '${k}'`);
    rest = rest.slice(0, -1);
  }
  return PyTuple.fromArray(rest);
}

interface RestSpec {
  /** The function's qualified name, for error messages. */
  name?: string;
  /** How many positional parameters come before the rest parameter, and how many of them have defaults. */
  positional?: number;
  optional?: number;
  kwonly: string[];
  defaults: unknown[];
  varargs: boolean;
  kwargs: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Binds `*args`, keyword-only parameters and `**kwargs` from a translated function's rest parameter. */
// (The values are whatever the caller passed: `any`, so the prologue can declare them with the parameters' annotated types.)
export function bind_rest(rest: unknown[], spec: RestSpec): { args: PyTuple<any>; kw: Record<string, any>; kwargs: PyDict<string, any> } {
  rest = unpacked(rest);
  let given: Record<string, unknown> = {};
  const last = rest[rest.length - 1];
  if (last instanceof KwArgs) {
    given = { ...last.kw };
    rest = rest.slice(0, -1);
  }
  const fname = `${spec.name ?? "function"}()`;
  if (!spec.varargs && rest.length) {
    // Extra positional arguments: the named positional parameters were all filled.
    const n = spec.positional ?? 0;
    const optional = spec.optional ?? 0;
    const takes = optional ? `from ${n - optional} to ${n} positional arguments` : plural(n, "positional argument");
    const kwGiven = spec.kwonly.filter((k) => k in given).length;
    const count = n + rest.length;
    const were = kwGiven
      ? `${plural(count, "positional argument")} (and ${plural(kwGiven, "keyword-only argument")}) were given`
      : `${count} ${count === 1 ? "was" : "were"} given`;
    throw new TypeError(`${fname} takes ${takes} but ${were}`);
  }
  const kw: Record<string, unknown> = {};
  const missing: string[] = [];
  spec.kwonly.forEach((name, i) => {
    if (name in given) {
      kw[name] = given[name];
      delete given[name];
    } else if (spec.defaults[i] !== undefined) kw[name] = spec.defaults[i];
    else missing.push(name);
  });
  const extra = Object.keys(given);
  if (extra.length && !spec.kwargs) throw new TypeError(`${fname} got an unexpected keyword argument '${extra[0]}'`);
  if (missing.length) throw new TypeError(`${fname} missing ${plural(missing.length, "required keyword-only argument")}: ${argumentNameList(missing)}`);
  return { args: PyTuple.fromArray(rest), kw, kwargs: PyDict.fromEntries(Object.entries(given)) };
}

/** Calls a generator function with a given `this` (generator expressions inside methods). */
export function call_bound<T, This>(f: (this: This, ...a: any[]) => T, thisArg: This, ...args: unknown[]): T {
  return f.apply(thisArg, args);
}

// ───────────── generator objects ─────────────

/**
 * Python's generator methods on JS generators (translated `def` with `yield` is a JS generator
 * function): `send`, `__next__`, `close`, `__iter__`. JS's own `next`/`throw`/`return` stay as they
 * are (the asyncio Task steps coroutines with them).
 */
const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype as Record<string, unknown>;
if (!("send" in generatorPrototype)) {
  const step = (r: IteratorResult<unknown, unknown>) => {
    if (r.done) throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
    return r.value;
  };
  Object.defineProperties(generatorPrototype, {
    send: {
      value(this: Generator, value: unknown) {
        return step(this.next(value));
      },
      configurable: true,
      writable: true,
    },
    __next__: {
      value(this: Generator) {
        return step(this.next());
      },
      configurable: true,
      writable: true,
    },
    __iter__: {
      value(this: Generator) {
        return this;
      },
      configurable: true,
      writable: true,
    },
    close: {
      value(this: Generator) {
        let r: IteratorResult<unknown, unknown>;
        try {
          r = this.throw(new GeneratorExit());
        } catch (e) {
          if (e instanceof GeneratorExit || e instanceof StopIteration) return null;
          throw e;
        }
        if (!r.done) throw new RuntimeError("generator ignored GeneratorExit");
        return null;
      },
      configurable: true,
      writable: true,
    },
  });
}

// ───────────── async iteration ─────────────

/** What `anext_or_stop` returns when the async iterator is exhausted. */
export const STOP_ASYNC_ITERATION: unique symbol = Symbol("StopAsyncIteration");

/** `async for` starts with `type(x).__aiter__(x)`. */
/**
 * `g.throw(exc)`: on a generator, Python's meaning (the next yielded value, StopIteration at the
 * end); JS's own `throw` (an iterator result) stays untouched for the event loop. Anything else is
 * a plain method call.
 */
export function gen_throw(g: any, exc: unknown, ...rest: unknown[]): unknown {
  if (Object.prototype.toString.call(g) !== "[object Generator]") {
    // A compiled coroutine's own `throw` is the generator's (see coroutines.ts PY_THROW).
    const py = g?.[PY_THROW];
    return typeof py === "function" ? py.call(g, exc, ...rest) : g.throw(exc, ...rest);
  }
  const r = (g as Generator).throw(exception_instance(rest.length === 0 ? exc : _thrown_exception("throw", exc, rest)));
  if (r.done) throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
  return r.value;
}

export function aiter(x: any): any {
  const f = x?.__aiter__;
  if (typeof f !== "function") throw new TypeError(`'async for' requires an object with __aiter__ method, got ${typeName(x)}`);
  const it = f.call(x);
  if (typeof it?.__anext__ !== "function")
    throw new TypeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`);
  return it;
}

/** One step of `async for`: the next item, or STOP_ASYNC_ITERATION when `__anext__` raises StopAsyncIteration. */
export function* anext_or_stop(it: any): Generator<unknown, unknown, unknown> {
  try {
    return yield* awaitable(it.__anext__());
  } catch (e) {
    if (e instanceof StopAsyncIteration) return STOP_ASYNC_ITERATION;
    throw e;
  }
}

/** The builtin `anext(iterator[, default])`: what `__anext__()` gives, or with a default an
 *  anext_awaitable around it; a non-async-iterator fails at the call, as in CPython. */
// (any: the program awaits it or drives it by hand, `anext(it, d).__await__()`)
export function anext(it: any, ...rest: unknown[]): any {
  if (typeof it?.__anext__ !== "function") throw new TypeError(`'${typeName(it)}' object is not an async iterator`);
  const aw = it.__anext__();
  return rest.length ? new AnextAwaitable(aw, rest[0]) : aw;
}
// (builtins, as CPython's type() and reprs name them)
for (const f of [aiter, anext]) Object.defineProperty(f, "__builtin__", { value: true });

// ───────────── match ─────────────

/** A sequence pattern: the subject's items (a star part collected into a list), or null if it does not match. */
export function match_sequence(subject: unknown, count: bigint, star: bigint | null): unknown[] | null {
  if (!(subject instanceof PyList || subject instanceof PyTuple) && !isSequenceLike(subject)) return null;
  const items = Array.from(toIterable(subject));
  const n = Number(count);
  if (star === null) return items.length === n ? items : null;
  if (items.length < n - 1) return null;
  const s = Number(star);
  const after = n - s - 1;
  return [...items.slice(0, s), PyList.fromArray(items.slice(s, items.length - after)), ...items.slice(items.length - after)];
}

function isSequenceLike(x: unknown): boolean {
  // collections.abc.Sequence, minus str/bytes: deque, range and user classes that say they are sequences.
  if (x === null || typeof x !== "object") return false;
  const name = (x as { constructor?: { __name__?: string } }).constructor?.__name__;
  return name === "deque" || name === "range";
}

/** A mapping pattern: the values for `keys`, or null if the subject is not a mapping or lacks a key. */
export function match_mapping(subject: unknown, keys: unknown[]): unknown[] | null {
  if (!(subject instanceof PyDict)) return null;
  const out: unknown[] = [];
  for (const k of keys) {
    if (!subject.__contains__(k)) return null;
    out.push(subject.__getitem__(k));
  }
  return out;
}

/** `**rest` in a mapping pattern: the other items, as a new dict. */
export function mapping_rest(subject: unknown, keys: unknown[]): PyDict<unknown, unknown> {
  const d = subject as PyDict<unknown, unknown>;
  const rest = PyDict.fromEntries<unknown, unknown>([...d.items()] as [unknown, unknown][]);
  for (const k of keys) rest.__delitem__(k);
  return rest;
}

const SELF_MATCHING = new Set(["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"]);

/** A class pattern: isinstance, then positional sub-patterns through `__match_args__` and keyword ones by attribute. */
export function match_class(subject: unknown, cls: unknown, positional: bigint, keywords: string[]): unknown[] | null {
  if (!isinstance(subject, cls)) return null;
  const out: unknown[] = [];
  const n = Number(positional);
  if (n) {
    const name = (cls as { __name__?: string }).__name__ ?? "";
    if (SELF_MATCHING.has(name) && (cls as { __module__?: string }).__module__ === "builtins") {
      if (n > 1) throw new TypeError(`${name}() accepts 1 positional sub-pattern (${n} given)`);
      out.push(subject);
    } else {
      const args = (cls as { __match_args__?: unknown }).__match_args__;
      const names = args === undefined ? [] : (Array.from(toIterable(args)) as string[]);
      if (n > names.length) throw new TypeError(`${name}() accepts ${names.length} positional sub-pattern${names.length === 1 ? "" : "s"} (${n} given)`);
      for (let i = 0; i < n; i++) {
        if (!hasattr(subject, names[i])) return null;
        out.push(getattr(subject, names[i]));
      }
    }
  }
  for (const k of keywords) {
    if (!hasattr(subject, k)) return null;
    out.push(getattr(subject, k));
  }
  return out;
}

// ───────────── unpacking and displays ─────────────

/** What `a, b = value` walks: CPython names a value that is not iterable in its own words. */
function unpackable(value: unknown): Iterable<unknown> {
  try {
    return toIterable(value);
  } catch (e) {
    if (e instanceof TypeError && String(e.args[0]) === `'${typeName(value)}' object is not iterable`)
      throw new TypeError(`cannot unpack non-iterable ${typeName(value)} object`);
    throw e;
  }
}

/** `a, b = value` / `a, *b, c = value`: checks the length as Python does and returns the parts. */
export function unpack(value: unknown, count: bigint, star: bigint | null): unknown[] {
  const items = Array.isArray(value) && value[Symbol.iterator] === ARRAY_VALUES ? (value as unknown[]) : Array.from(unpackable(value));
  const n = Number(count);
  if (star === null) {
    if (items.length > n) throw new ValueError(`too many values to unpack (expected ${n})`);
    if (items.length < n) throw new ValueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
    return items;
  }
  const s = Number(star);
  const after = n - s - 1;
  if (items.length < n - 1) throw new ValueError(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
  return [...items.slice(0, s), PyList.fromArray(items.slice(s, items.length - after)), ...items.slice(items.length - after)];
}

/** `for a, b in pairs`: each item unpacked (and length-checked) as it comes. */
export function* unpack_each(iterable: unknown, count: bigint, star: bigint | null): Generator<unknown[], void, unknown> {
  for (const item of toIterable(iterable)) yield unpack(item, count, star);
}

/**
 * The array a list comprehension that is only spread into a call fills (lower/comprehensions.ts,
 * by index): made at the length of the range, list or tuple it iterates when that is long, else
 * empty. An array grown by push past ~16,000 items is copied at each growth into V8's
 * large-object space, garbage that only a mark-compact frees (~8 MB for 500,000 items).
 */
export function spread_array(iterated: unknown): unknown[] {
  const n = iterated instanceof PyRange || Array.isArray(iterated) ? iterated.length : 0;
  return n >= SPREAD_ARRAY_PRESIZED ? new Array(n) : [];
}
/** Shorter ones grow in V8's young generation, where copies are cheap (and a packed array stays packed). */
const SPREAD_ARRAY_PRESIZED = 4096;

export const set_of = takes_packed(function set_of<T>(...items: T[]): PySet<T> {
  return new PySet<T>(unpacked(items));
});

export const dict_of = takes_packed(function dict_of<K, V>(...entries: (readonly [K, V])[]): PyDict<K, V> {
  return PyDict.fromEntries(unpacked(entries));
});

/** `{**mapping}` inside a dict display. */
export function dict_items(m: unknown): [unknown, unknown][] {
  if (m instanceof PyDict) return [...m.items()] as [unknown, unknown][];
  // (any object with keys(), as CPython reads it: a program's Mapping)
  if (m instanceof PyObject && hasattr(m, "keys")) return Array.from(toIterable(call(getattr(m, "keys"))), (k) => [k, getitem(m, k)]);
  throw new TypeError(`'${typeName(m)}' object is not a mapping`);
}

// ───────────── exceptions ─────────────

/** `except E:` — E may be a class or a tuple of classes. */
export function exception_matches(exc: unknown, spec: unknown): boolean {
  if (Array.isArray(spec)) return spec.some((s) => exception_matches(exc, s));
  if (typeof spec !== "function") throw new TypeError("catching classes that do not inherit from BaseException is not allowed");
  return exc instanceof (spec as new (...a: unknown[]) => unknown);
}

/**
 * The catch of an except clause or a `with` statement (whose `__exit__` sees the exception): the
 * exception as Python's, and where it was caught: its traceback starts at this frame, as in
 * CPython (caught again further out after a bare `raise`, at that frame).
 */
export function to_exception(e: unknown): BaseException {
  const exc = caughtException(e);
  Object.defineProperty(exc, "__caught_stack__", { value: new Error().stack, configurable: true, writable: true });
  return exc;
}

/** An except clause's body starts (the exception came through to_exception, which noted where). */
export function enter_except(exc: BaseException): BaseException | null {
  const saved = _set_handled_exception(exc) as BaseException | null;
  // Raised while another exception was being handled, further out (an enclosing handler, a
  // caller's): that one is its __context__, as CPython sets it when raising.
  if (saved !== null && saved !== exc && !exc.__context__ && !isContextCut(exc)) chain_context(exc, saved);
  return saved;
}

/**
 * The manager of a `with` statement whose type the compiler could not prove: CPython looks up
 * `__enter__` and `__exit__` (on the type) before it calls either, and refuses an object without
 * them with a TypeError.
 */
export function context_manager<T>(mgr: T): T {
  const m = mgr as { __enter__?: unknown; __exit__?: unknown } | null | undefined;
  if (m?.__enter__ === undefined) throw notAManager(mgr, "", "__enter__");
  if (m.__exit__ === undefined) throw notAManager(mgr, "", "__exit__", true);
  return mgr;
}

/** The manager of an `async with` statement, likewise (`__aenter__`, `__aexit__`). */
export function async_context_manager<T>(mgr: T): T {
  const m = mgr as { __aenter__?: unknown; __aexit__?: unknown } | null | undefined;
  if (m?.__aenter__ === undefined) throw notAManager(mgr, "asynchronous ", "__aenter__");
  if (m.__aexit__ === undefined) throw notAManager(mgr, "asynchronous ", "__aexit__", true);
  return mgr;
}

/** The error for a manager without method `missing` (`named`: the message names it); CPython 3.10's was an AttributeError. */
function notAManager(mgr: unknown, kind: string, missing: string, named = false): BaseException {
  if (_python_version() === "3.10") return new AttributeError(missing);
  return new TypeError(`'${typeName(mgr)}' object does not support the ${kind}context manager protocol${named ? ` (missed ${missing} method)` : ""}`);
}

/**
 * A `with` statement's __exit__ (or __aexit__) starts while the body's exception passes through
 * it: that exception is the one being handled meanwhile, as in an except block. (A name of its
 * own: mark_generator reads enter_except as "this generator may suspend in an except block", and
 * a generator cannot suspend inside a synchronous __exit__.)
 */
export function enter_with_exit(exc: BaseException): BaseException | null {
  return enter_except(exc);
}

export function exit_except(saved: BaseException | null): void {
  _set_handled_exception(saved);
}

/**
 * The start of a finally block that looks at the exception being handled (sys.exc_info(),
 * traceback.print_exc(), logging.exception): reached by an exception (`pending`), the block
 * handles it, as CPython's does. Returns what exit_except restores.
 */
export function enter_finally(pending: BaseException | null): BaseException | null {
  return pending === null ? (_handled_exception() as BaseException | null) : enter_except(pending);
}

// Exceptions last thrown by a bare `raise` (or left unhandled by except*): an except* clause treats
// those as re-raised parts of the group it caught, and a `raise e` of the same object as new.
const reraised = new WeakSet<BaseException>();
/**
 * An exception escaping an `except` block: its `__context__` is the exception that block was
 * handling, unless it already has one (it was raised while handling another) or it is that same
 * exception (re-raised). The compiler wraps handler bodies with this, so chaining follows the
 * program text and stays right when tasks interleave.
 */
/**
 * The exception propagating into a `finally` whose body raises (see lower/exceptions.ts): kept for
 * __context__, and its printed traceback ends at this frame, as CPython's does.
 */
export function finally_pending(e: unknown): BaseException {
  const exc = caughtException(e);
  Object.defineProperty(exc, "__caught_stack__", { value: new Error().stack, configurable: true, writable: true });
  return exc;
}

export function chain_context(escaping: unknown, handled: BaseException): BaseException {
  const e = toPyException(escaping);
  if (e === handled || e.__context__ || isContextCut(e)) return e;
  // No cycles: if `e` is somewhere in the handled exception's own chain, that link is cut (as CPython does).
  for (let c: BaseException | null = handled; c; c = c.__context__) {
    if (c.__context__ === e) {
      c.__context__ = null;
      break;
    }
  }
  e.__context__ = handled;
  return e;
}

/** PEP 479: what escapes a generator's body; a StopIteration becomes a RuntimeError caused by it. */
export function generator_stop(escaping: unknown): BaseException {
  return stopIterationEscaped(escaping, "generator");
}

/**
 * PEP 479 for a coroutine whose own code can raise StopIteration (lower/functions.ts): what escapes
 * its body; a StopIteration becomes RuntimeError("coroutine raised StopIteration") caused by it.
 */
export function coroutine_stop(escaping: unknown): BaseException {
  return stopIterationEscaped(escaping, "coroutine");
}

function stopIterationEscaped(escaping: unknown, what: "generator" | "coroutine"): BaseException {
  const e = toPyException(escaping);
  if (!(e instanceof StopIteration)) return e;
  const r = new RuntimeError(`${what} raised StopIteration`);
  // CPython converts it as the frame ends: the RuntimeError's traceback starts at the caller.
  Error.captureStackTrace?.(r, stopIterationEscaped);
  const lines = String(r.stack).split("\n");
  const own = lines.findIndex((l, i) => i > 0 && /^\s+at /.test(l) && !/\bat (?:generator_stop|coroutine_stop) \(/.test(l));
  if (own > 0) Object.defineProperty(r, "stack", { value: [...lines.slice(0, own), ...lines.slice(own + 1)].join("\n"), configurable: true, writable: true });
  // (the StopIteration was raised, and caught in this frame: its traceback ends here)
  r.__cause__ = to_exception(e);
  r.__context__ = e;
  return r;
}

export function reraise(): BaseException {
  const handling = _handled_exception() as BaseException | null;
  if (!handling) return new RuntimeError("No active exception to reraise");
  reraised.add(handling);
  return handling;
}

/** `raise X from Y`. */
export function with_cause(exc: unknown, cause: unknown): BaseException {
  // (`exc` comes through exception_instance already when it is no `new E(...)`: raised once)
  const e = exc instanceof BaseException ? exc : exception_instance(exc);
  // Raised for the first time: its traceback starts at the raise statement.
  if (!wasRaised(e) && _assigned_traceback(e) === undefined) Error.captureStackTrace?.(e, with_cause);
  // (the cause is not raised here: an instance keeps its traceback as it is)
  e.__cause__ = cause === null ? null : cause instanceof BaseException ? cause : exception_instance(cause);
  e.__suppress_context__ = true;
  return e;
}

/** except*: the exception as a group (a naked exception is wrapped, as CPython does for matching). */
export function star_begin(exc: BaseException): BaseExceptionGroup {
  if (exc instanceof BaseExceptionGroup) return exc;
  const group = new BaseExceptionGroup("", PyTuple.fromArray([exc]));
  nakedWrappers.add(group);
  return group;
}
const nakedWrappers = new WeakSet<BaseExceptionGroup>();

/** except* T: the part of `rest` that matches T, and what remains (either may be null). */
export function star_split(rest: BaseExceptionGroup | null, type: unknown): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
  if (rest === null) return [null, null];
  const [match, remaining] = rest.split(type);
  // A wrapped naked exception matches as the wrapper itself.
  if (nakedWrappers.has(rest)) return match === null ? [null, rest] : [rest, null];
  return [match, remaining];
}

function leavesOf(e: BaseException, into: Set<BaseException>): Set<BaseException> {
  if (e instanceof BaseExceptionGroup) for (const x of e.exceptions) leavesOf(x, into);
  else into.add(e);
  return into;
}

/**
 * After the except* handlers: what propagates. The unhandled part and the parts re-raised with a
 * bare `raise` go on as one group shaped like the original (its message, nesting and traceback);
 * exceptions the handlers raised anew come first, all wrapped in ExceptionGroup("") if more than one.
 */
export function star_end(original: BaseException, rest: BaseExceptionGroup | null, raised: BaseException[]): void {
  if (!(original instanceof BaseExceptionGroup)) {
    // A naked exception: at most one clause ran, so at most one exception goes on.
    if (raised.length) throw raised[0];
    if (rest !== null) throw original;
    return;
  }
  const kept = rest === null ? new Set<BaseException>() : leavesOf(rest, new Set());
  const fresh: BaseException[] = [];
  for (const e of raised) {
    if (reraised.has(e)) leavesOf(e, kept);
    else fresh.push(e);
  }
  let keep: BaseExceptionGroup | null = null;
  if (kept.size) {
    keep = original.split((e: BaseException) => kept.has(e))[0];
    if (keep !== null) reraised.add(keep);
  }
  const all = keep === null ? fresh : [...fresh, keep];
  if (all.length === 1) throw all[0];
  if (all.length > 1) throw new BaseExceptionGroup("", PyList.fromArray(all));
}

/** The value of `raise X`: an instance, or a class called with no arguments. */
export function exception_instance(x: unknown): BaseException {
  if (x instanceof BaseException) {
    reraised.delete(x);
    // `raise e` while another exception is handled: that one becomes e's __context__, replacing
    // any it had from an earlier raise (CPython sets it at each raise).
    const handled = _handled_exception() as BaseException | null;
    if (handled !== null && handled !== x && x.__context__ !== handled) {
      x.__context__ = null;
      chain_context(x, handled);
    }
    // Raised for the first time: its traceback starts here, not where the object was built (a
    // caught one keeps its frames, as CPython's traceback does when re-raised).
    if (!wasRaised(x) && _assigned_traceback(x) === undefined) Error.captureStackTrace?.(x, exception_instance);
    else raisedAgain(x, exception_instance);
    return x;
  }
  if (typeof x === "function" && (x as Function).prototype instanceof BaseException) return new (x as new () => BaseException)();
  return new TypeError("exceptions must derive from BaseException");
}

/** The value of a local that is not bound (before its assignment, after `del`): checks look for it. */
export const UNBOUND: any = Symbol("unbound");

/** A read of a local the compiler could not prove bound. */
export function assigned<T>(value: T, name: string): T {
  if (value === UNBOUND) throw new UnboundLocalError(`cannot access local variable '${name}' where it is not associated with a value`);
  return value;
}

/** The same for a module-level name. */
export function assigned_global<T>(value: T, name: string): T {
  if (value === UNBOUND) throw new NameError(`name '${name}' is not defined`);
  return value;
}

/** `locals()` in a function: its variables bound so far, by name (a variable still undefined or UNBOUND is not). */
/** An enclosing function's variable for locals_of: UNBOUND while JS refuses to read it (declared further down). */
export function free_value(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    if (e instanceof globalThis.ReferenceError) return UNBOUND;
    throw e;
  }
}

export function locals_of(names: string[], ...values: unknown[]): PyDict<string, unknown> {
  const entries: [string, unknown][] = [];
  for (let i = 0; i < names.length; i++) if (values[i] !== undefined && values[i] !== UNBOUND) entries.push([names[i], values[i]]);
  return dict_of(...entries);
}

/**
 * A name bound nowhere: NameError, with what the compiler found CPython's report would suggest
 * (src/lower/name-suggestions.ts) and, in a frame with a `self` parameter, its value. (Typed
 * `any`, not `never`: TS refuses to call a `never`, and `pritn(x)` calls what the name gives.)
 */
export function name_error(
  name: string,
  suggestion: string | null = null,
  tracebackSuggestion: string | null = suggestion,
  stdlibModule = false,
  ...self: unknown[]
): any {
  const e = new NameError(`name '${name}' is not defined`);
  noteMissingName(e, { name, interpreterSuggestion: suggestion, tracebackSuggestion, stdlibModule, self: self.length ? { value: self[0] } : undefined });
  throw e;
}

/** (an assertion signature: TS narrows what `assert x is not None` proved, as a Python type checker does) */
export function assert_(ok: boolean, message?: unknown): asserts ok {
  if (!ok) throw message === undefined ? new AssertionError() : new AssertionError(message);
}

/**
 * `f(*x)` / `[*x]` where x may be a coroutine: JS would spread it (`await` delegates to it), Python
 * refuses it, and the refused temporary is dropped here (its never-awaited warning now). The
 * callee is read only to name it in the error: `f(*x)` alone names the function; a mix of
 * arguments or a display says "Value after *".
 */
export function star_iterable(x: unknown, callee: (() => unknown) | null, attr?: string): Iterable<unknown> {
  const refused = () => {
    if (attr === "") throw new NotImplementedError("a coroutine as the star-argument of a method called on a computed receiver (its TypeError message)");
    const where = !callee ? "Value after *" : `${attr === undefined ? function_str(callee()) : methodStr(callee(), attr)} argument after *`;
    return new TypeError(`${where} must be an iterable, not ${typeName(x)}`);
  };
  if (x !== null && typeof x === "object" && (x as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE]) {
    (x as { [DROPPED_HERE]?: () => void })[DROPPED_HERE]?.();
    throw refused();
  }
  if (typeof x === "string" || (x !== null && typeof x === "object" && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function")) {
    // (an instance of a class without __iter__ or __getitem__: PyObject's own iteration refuses it)
    const own = x as { [Symbol.iterator]?: unknown; __iter__?: unknown; __getitem__?: unknown };
    if (own[Symbol.iterator] === PyObject.prototype[Symbol.iterator] && typeof own.__iter__ !== "function" && typeof own.__getitem__ !== "function")
      throw refused();
    return x as Iterable<unknown>;
  }
  // (no JS iterable: what Python iterates some other way, or CPython's message)
  try {
    return toIterable(x);
  } catch (e) {
    if (e instanceof TypeError) throw refused();
    throw e;
  }
}

/** `receiver.attr` named as CPython's call errors name a method: by the class that defines it (`__main__.C.m()`, `list.append()`). */
function methodStr(receiver: unknown, attr: string): string {
  let proto: unknown = typeof receiver === "function" ? (receiver as { prototype?: unknown }).prototype : receiver;
  for (; proto; proto = Object.getPrototypeOf(proto)) {
    if (!Object.prototype.hasOwnProperty.call(proto, attr)) continue;
    const owner = (proto as { constructor: unknown }).constructor;
    const module = classModule(owner);
    const qualname = `${classQualname(owner)}.${attr}`;
    return module === "builtins" ? `${qualname}()` : `${module}.${qualname}()`;
  }
  return function_str(getattr(receiver, attr));
}

/**
 * `super().__getattribute__(name)` in a method of `cls`: its JS parent's, or, when that parent
 * defines none (dict, list, logging.Handler...), object's generic lookup, where Python's MRO ends.
 */
export function super_getattribute(self: unknown, cls: Function, name: unknown): any {
  const inherited = (Object.getPrototypeOf(cls.prototype) as { __getattribute__?: unknown } | null)?.__getattribute__;
  if (typeof inherited === "function") return inherited.call(self, name);
  return object_getattribute(self, name);
}

/** `super().__setattr__(name, value)` in a method of `cls`: its JS parent's, else object's plain write. */
export function super_setattr(self: unknown, cls: Function, name: unknown, value: unknown): null {
  const inherited = (Object.getPrototypeOf(cls.prototype) as { __setattr__?: unknown } | null)?.__setattr__;
  if (typeof inherited === "function") return inherited.call(self, name, value);
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  return plainSetattr(self, name, value);
}

export { set_instance_dict } from "./builtins/instance-dict.js";
