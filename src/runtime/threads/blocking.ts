// The compiler's side of cooperative threads: functions that can block are compiled as generators
// (src/lower/blocking-functions.ts) and reach the scheduler through these helpers.
//
// A blocking-capable function is a plain function (callable from anywhere: a plain call runs its
// generator on the JS stack through run_plain) carrying its generator function as `$g`. From
// another blocking-capable function it is called with `yield* bcall(f, ...args)`, which delegates
// to `$g` so that a blocking point inside suspends the whole thread. Runtime primitives that
// block (time.sleep, Lock.acquire, Queue.get, Future.result...) carry a `$g` the same way.

import { KwArgs } from "../builtins/object.js";
import { PyList } from "../builtins/collections.js";
import { call, getattr } from "../builtins/index.js";
import { bindsAsMethod } from "../builtins/ops.js";
import { callWithKeywords, NOT_BOUND } from "../builtins/keywords.js";
import { block_plain, run_plain, Waiter } from "./scheduler.js";
import { python_function_of } from "../program.js";

type Gen = Generator<Waiter, unknown, unknown>;
type GenFn = (...args: unknown[]) => Gen;

const methodForms = new WeakMap<Function, GenFn | null>();

/**
 * The generator form of a callable, if it has one. A method of a translated class whose def the
 * compiler made blocking is the class's method calling that def with the instance first.
 */
export function generator_of(f: unknown): GenFn | null {
  if (typeof f !== "function") return null;
  const g = (f as { $g?: GenFn }).$g;
  if (typeof g === "function") return g;
  let m = methodForms.get(f);
  if (m === undefined) {
    const fn = python_function_of(f);
    const pg = fn !== null && fn !== f ? (fn as { $g?: GenFn }).$g : undefined;
    m =
      typeof pg === "function"
        ? function* (this: unknown, ...args: unknown[]) {
            return yield* pg.call(undefined, this, ...args);
          }
        : null;
    methodForms.set(f, m);
  }
  return m;
}

/** Decorator the compiler puts on a blocking-capable def: a plain function carrying `$g`. */
export function blocking_function(genfn: GenFn): Function {
  // An arrow function, as the compiled lambda is: what names a lambda "<lambda>" knows it by that.
  const wrapper = (...args: unknown[]): unknown => run_plain(genfn(...args));
  for (const key of ["name", "__name__", "__qualname__", "__doc__", "__module__"]) {
    const d = Object.getOwnPropertyDescriptor(genfn, key);
    if (d) Object.defineProperty(wrapper, key, d);
  }
  Object.defineProperty(wrapper, "$g", { value: genfn });
  // Keywords are bound by the parameter names of the generator function (builtins/keywords.ts).
  Object.defineProperty(wrapper, "__signature_source__", { value: genfn });
  return wrapper;
}

/** Calls `genfn` with `args` (a trailing KwArgs bound by name for a translated function). */
function* delegate(genfn: GenFn, thisArg: unknown, args: unknown[]): Gen {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) {
    const r = callWithKeywords(genfn, thisArg, args.slice(0, -1), last.kw);
    if (r !== NOT_BOUND) return yield* r as Gen;
  }
  return yield* genfn.apply(thisArg, args);
}

/** `f(*args)` inside a blocking-capable function: delegates when `f` can block. */
export function* bcall(f: unknown, ...args: unknown[]): Gen {
  const g = generator_of(f);
  if (g !== null) return yield* delegate(g, undefined, args);
  const bound = f as { __func__?: unknown; __self__?: unknown } | null;
  if (typeof f === "function" && bound !== null && bound.__self__ !== undefined) {
    const gm = generator_of(bound.__func__);
    if (gm !== null) return yield* delegate(gm, bound.__self__, args);
  }
  return call(f, ...args);
}

/** `obj.name(*args)` inside a blocking-capable function: delegates when the method can block. */
export function* bcallm(obj: unknown, name: string, ...args: unknown[]): Gen {
  const o = obj as Record<string, unknown> | null;
  const f = (o !== null && o !== undefined && typeof o === "object") || typeof o === "function" ? (o as Record<string, unknown>)[name] : undefined;
  if (typeof f === "function") {
    // (a class or builtin function held in an attribute, `member.value(...)` of an Enum whose
    // values are classes: called without the object, as callm does)
    if (!bindsAsMethod(f)) return yield* bcall(f, ...args);
    const g = generator_of(f);
    if (g !== null) return yield* delegate(g, obj, args);
    const last = args[args.length - 1];
    if (last instanceof KwArgs) {
      const r = callWithKeywords(f, obj, args.slice(0, -1), last.kw);
      if (r !== NOT_BOUND) return r;
    }
    return (f as Function).apply(obj, args);
  }
  return yield* bcall(getattr(obj, name), ...args);
}

/**
 * Iterators of the runtime whose next() can block (Executor.map's results, as_completed) are
 * written once as a "mixed" generator: it yields a Waiter where it blocks and its values otherwise
 * (a Waiter is never a Python value). `blocking_values(inner, outer)` gives the generator object
 * the program sees: `outer(inner)` (a generator function whose objects print as CPython's) drives
 * `inner` on the JS stack, blocking there; a blocking def of a thread steps `inner` itself through
 * bdrain/bnext below, suspending the thread instead.
 */
const stepForms = new WeakMap<object, Generator<unknown, unknown, unknown>>();

export function blocking_values<G extends Generator<unknown, unknown, unknown>>(
  inner: Generator<unknown, unknown, unknown>,
  outer: (inner: Generator<unknown, unknown, unknown>) => G,
): G {
  const g = outer(inner);
  stepForms.set(g, inner);
  return g;
}

/** The body of blocking_values's `outer`: the values of `inner`, its waits made on the JS stack. */
export function* plain_values(inner: Generator<unknown, unknown, unknown>): Generator<unknown, unknown, unknown> {
  try {
    for (;;) {
      const r = inner.next();
      if (r.done) return r.value;
      if (r.value instanceof Waiter) block_plain(r.value);
      else yield r.value;
    }
  } finally {
    inner.return(undefined);
  }
}

/** One step of a blocking iterator `g` in a thread: [value], or null at its end. */
function* stepOf(g: Generator<unknown, unknown, unknown>, inner: Generator<unknown, unknown, unknown>): Gen {
  try {
    for (;;) {
      const r = inner.next();
      if (r.done) break;
      if (r.value instanceof Waiter) yield r.value;
      else return [r.value];
    }
  } catch (e) {
    g.return(undefined);
    throw e;
  }
  g.return(undefined);
  return null;
}

/**
 * `list(ex.map(...))` (any builtin that consumes all of an iterable) in a blocking def:
 * `list((yield from _tsy_bdrain(it)))`, the values of a blocking iterator collected with the thread
 * suspending where it waits; any other iterable is handed on as it is.
 */
export function* bdrain(it: unknown): Gen {
  const inner = typeof it === "object" && it !== null ? stepForms.get(it) : undefined;
  if (inner === undefined) return it;
  const out: unknown[] = [];
  for (
    let v = yield* stepOf(it as Generator<unknown, unknown, unknown>, inner);
    v !== null;
    v = yield* stepOf(it as Generator<unknown, unknown, unknown>, inner)
  )
    out.push((v as unknown[])[0]);
  return PyList.fromArray(out);
}

/**
 * `for x in ex.map(...)` in a blocking def, as a while loop: `_r = yield from _tsy_bnext(_it)`
 * gives [value] (a one-item list), or null at the end; `_it` is what `iter()` gave.
 */
export function* bnext(it: unknown): Gen {
  const inner = typeof it === "object" && it !== null ? stepForms.get(it) : undefined;
  if (inner !== undefined) return yield* stepOf(it as Generator<unknown, unknown, unknown>, inner);
  const r = (it as Iterator<unknown>).next();
  return r.done ? null : PyList.fromArray([r.value]);
}

/** The call a blocking lambda's body makes, as the lambda evaluated it (src/lower/blocking-functions.ts). */
class CallSpec {
  constructor(
    readonly target: unknown,
    readonly method: string | null,
    readonly args: unknown[],
  ) {}
}

/** `f(*args)` as the body of a blocking lambda: the callee and its arguments, not called yet. */
export function call_spec(f: unknown, ...args: unknown[]): CallSpec {
  return new CallSpec(f, null, args);
}

/** `obj.name(*args)` as the body of a blocking lambda. */
export function call_spec_m(obj: unknown, name: string, ...args: unknown[]): CallSpec {
  return new CallSpec(obj, name, args);
}

/**
 * Makes the call `spec` stands for. An argument (or keyword value) that is a CallSpec itself is a
 * blocking call nested in the lambda's body (`lambda: print(take(2))`): it is made first, in order;
 * the compiler nests one only where what follows it in the arguments has no effects.
 */
function* runSpec(spec: CallSpec): Gen {
  let args = spec.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof CallSpec || (a instanceof KwArgs && Object.values(a.kw).some((v) => v instanceof CallSpec))) {
      if (args === spec.args) args = args.slice();
      if (a instanceof CallSpec) args[i] = yield* runSpec(a);
      else {
        const kw: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(a.kw)) kw[k] = v instanceof CallSpec ? yield* runSpec(v) : v;
        args[i] = new KwArgs(kw);
      }
    }
  }
  if (spec.method !== null) return yield* bcallm(spec.target, spec.method, ...args);
  return yield* bcall(spec.target, ...args);
}

/**
 * A lambda whose body is a call that can block (`lambda: serve(sock)`), compiled to return that
 * call (call_spec): a plain function that makes it, carrying the generator form `$g` that a thread
 * delegates to, so the thread suspends where the call blocks.
 */
export function blocking_lambda(inner: Function): Function {
  const genfn = function* (this: unknown, ...args: unknown[]): Gen {
    const spec = call(inner, ...args);
    if (!(spec instanceof CallSpec)) return spec;
    return yield* runSpec(spec);
  };
  // An arrow function, as the compiled lambda is: what names a lambda "<lambda>" knows it by that.
  const wrapper = (...args: unknown[]): unknown => run_plain(genfn(...args));
  for (const key of ["name", "__name__", "__qualname__", "__doc__", "__module__"]) {
    const d = Object.getOwnPropertyDescriptor(inner, key);
    if (d) Object.defineProperty(wrapper, key, { ...d, configurable: true });
  }
  Object.defineProperty(wrapper, "$g", { value: genfn });
  Object.defineProperty(wrapper, "__signature_source__", { value: inner });
  return wrapper;
}

/** A context manager whose blocking __enter__ already ran (`with lock:` in a blocking function). */
class Entered {
  constructor(
    private readonly manager: { __exit__(...a: unknown[]): unknown },
    private readonly value: unknown,
  ) {}
  __enter__(): unknown {
    return this.value;
  }
  __exit__(...args: unknown[]): unknown {
    return this.manager.__exit__(...args);
  }
}

/** `with cm:` in a blocking-capable function: runs a blocking __enter__ as a generator. */
export function* bwith(cm: unknown): Gen {
  const enter = (cm as { __enter__?: unknown } | null)?.__enter__;
  const g = generator_of(enter);
  if (g === null) return cm;
  const value = yield* g.call(cm);
  return new Entered(cm as { __exit__(...a: unknown[]): unknown }, value);
}
