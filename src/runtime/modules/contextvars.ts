// contextvars: ContextVar, Token, Context, copy_context.
import { LookupError, RuntimeError, TypeError, ValueError, KeyError } from "../builtins/exceptions.js";
import { hexAddress, popKw } from "../builtins/object.js";
import { repr } from "../builtins/repr.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { typeName } from "../builtins/ops.js";
import { _set_copy_context, _set_lazy_contexts } from "../asyncio/_context.js";
import type { LazyContextOwner } from "../asyncio/_context.js";
import { register_thread_slot } from "../threads/scheduler.js";

const MISSING_DEFAULT: unique symbol = Symbol("no default");

class TokenMissing {
  __repr__(): string {
    return "<Token.MISSING>";
  }
}

export class Context {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_contextvars.Context";
  /** var → value; replaced (never mutated) when a variable is set */
  _vars: Map<ContextVar<unknown>, unknown>;
  /** While entered (run()), the context that was current before: there always is one. */
  _prev: Context | null = null;
  constructor(vars?: Map<ContextVar<unknown>, unknown>) {
    this._vars = vars ?? new Map();
  }
  /** Entered now: `_prev` says it (no field of its own; a Task keeps a Context per task). */
  get _entered(): boolean {
    return this._prev !== null;
  }
  run<R>(callable: (...a: any[]) => R, ...args: unknown[]): R {
    if (this._entered) {
      throw new RuntimeError(`cannot enter context: ${this.__repr__()} is already entered`);
    }
    this._prev = current;
    current = this;
    try {
      return callable(...args);
    } finally {
      current = this._prev!;
      this._prev = null;
    }
  }
  /** @internal run()'s fast path for the event loop: `cb.call(self, arg)` inside this context. */
  _run_method(cb: Function, self: unknown, arg: unknown): unknown {
    if (this._entered) {
      throw new RuntimeError(`cannot enter context: ${this.__repr__()} is already entered`);
    }
    const prev = current;
    this._prev = prev;
    current = this;
    try {
      return cb.call(self, arg);
    } finally {
      current = prev;
      this._prev = null;
    }
  }
  /** @internal run()'s fast path for the event loop's callbacks: `cb(...args)` inside this context. */
  _run_apply(cb: Function, args: readonly unknown[]): unknown {
    if (this._entered) {
      throw new RuntimeError(`cannot enter context: ${this.__repr__()} is already entered`);
    }
    const prev = current;
    this._prev = prev;
    current = this;
    try {
      return cb.apply(undefined, args);
    } finally {
      current = prev;
      this._prev = null;
    }
  }
  copy(): Context {
    return new Context(this._vars);
  }
  get(v: ContextVar<unknown>, d: unknown = null): unknown {
    checkVar(v);
    return this._vars.has(v) ? this._vars.get(v) : d;
  }
  __getitem__(v: ContextVar<unknown>): unknown {
    checkVar(v);
    if (!this._vars.has(v)) throw new KeyError(v);
    return this._vars.get(v);
  }
  __contains__(v: unknown): boolean {
    checkVar(v);
    return this._vars.has(v as ContextVar<unknown>);
  }
  __len__(): bigint {
    return BigInt(this._vars.size);
  }
  __iter__(): Iterator<ContextVar<unknown>> {
    return this._vars.keys();
  }
  [Symbol.iterator](): Iterator<ContextVar<unknown>> {
    return this._vars.keys();
  }
  keys(): PyList<ContextVar<unknown>> {
    return PyList.fromArray([...this._vars.keys()]);
  }
  values(): PyList<unknown> {
    return PyList.fromArray([...this._vars.values()]);
  }
  items(): PyList<PyTuple<unknown>> {
    return PyList.fromArray([...this._vars].map(([k, v]) => PyTuple.of<unknown>(k, v)));
  }
  __repr__(): string {
    return `<_contextvars.Context object at ${hexAddress(this)}>`;
  }
  static __name__ = "Context";
  static __module__ = "_contextvars";
}

function checkVar(v: unknown): void {
  if (!(v instanceof ContextVar)) throw new TypeError(`a ContextVar key was expected, got ${repr(v)}`);
}

let current: Context = new Context();
// A new thread starts in an empty context of its own (CPython 3.12); to_thread() runs its
// function in a copy of the caller's.
register_thread_slot({
  get: () => current,
  set: (c) => {
    current = c as Context;
  },
  initial: () => new Context(),
});

export class Token<T> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_contextvars.Token";
  static MISSING: unknown = new TokenMissing();
  _used = false;
  constructor(
    readonly _ctx: Context,
    readonly var_: ContextVar<T>,
    readonly old_value: unknown,
  ) {}
  get var(): ContextVar<T> {
    return this.var_;
  }
  __repr__(): string {
    return `<Token${this._used ? " used" : ""} var=${this.var_.__repr__()} at ${hexAddress(this)}>`;
  }
  __enter__(): this {
    return this;
  }
  __exit__(): null {
    this.var_.reset(this);
    return null;
  }
  static __name__ = "Token";
  static __module__ = "_contextvars";
}

export class ContextVar<T = unknown> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_contextvars.ContextVar";
  readonly name: string;
  private readonly _default: unknown;
  constructor(name: string, ...rest: unknown[]) {
    const k = popKw(rest);
    if (typeof name !== "string") throw new TypeError("context variable name must be a str");
    this.name = name;
    this._default = rest.length > 0 ? rest[0] : k && "default" in k ? k.default : MISSING_DEFAULT;
  }
  get(...d: unknown[]): T {
    const vars = current._vars;
    if (vars.has(this as ContextVar<unknown>)) return vars.get(this as ContextVar<unknown>) as T;
    if (d.length > 0) return d[0] as T;
    if (this._default !== MISSING_DEFAULT) return this._default as T;
    throw new LookupError(this);
  }
  set(value: T): Token<T> {
    const ctx = current;
    const vars = ctx._vars;
    const self = this as ContextVar<unknown>;
    const old = vars.has(self) ? vars.get(self) : Token.MISSING;
    const nv = new Map(vars);
    nv.set(self, value);
    ctx._vars = nv;
    return new Token(ctx, this, old);
  }
  reset(token: Token<T>): null {
    if (!(token instanceof Token)) throw new TypeError(`expected an instance of Token, got ${repr(token)}`);
    if (token._used) throw new RuntimeError(`${token.__repr__()} has already been used once`);
    if (token.var_ !== this) throw new ValueError(`${token.__repr__()} was created by a different ContextVar`);
    if (token._ctx !== current) throw new ValueError(`${token.__repr__()} was created in a different Context`);
    const nv = new Map(current._vars);
    if (token.old_value === Token.MISSING) nv.delete(this as ContextVar<unknown>);
    else nv.set(this as ContextVar<unknown>, token.old_value);
    current._vars = nv;
    token._used = true;
    return null;
  }
  __repr__(): string {
    const d = this._default === MISSING_DEFAULT ? "" : ` default=${repr(this._default)}`;
    return `<ContextVar name=${repr(this.name)}${d} at ${hexAddress(this)}>`;
  }
  static __name__ = "ContextVar";
  static __module__ = "_contextvars";
  static __class_getitem__(_k: unknown): typeof ContextVar {
    return ContextVar;
  }
}

export function copy_context(): Context {
  return new Context(current._vars);
}

/** The current context (for runtimes that switch contexts themselves). */
export function _current_context(): Context {
  return current;
}
/** Make `ctx` current; returns the previous one. */
export function _set_current_context(ctx: Context): Context {
  const prev = current;
  current = ctx;
  return prev;
}

_set_copy_context(copy_context);

// Tasks' contexts made on demand (see asyncio/_context.ts LazyContexts): a task's steps run in a
// carrier Context holding the task's variables; the carrier becomes the task's own when a variable
// is set in the step (its map was replaced: a Token may name it) or when get_context() asks for it
// during the step. Otherwise it is reused by the next step of any task.
type Vars = Map<ContextVar<unknown>, unknown>;
const NO_VARS: Vars = new Map();

/** A Context entered for a task's step; `_owner` while it may still be handed back (reused). */
class Carrier extends Context {
  _owner: LazyContextOwner | null = null;
}
// A Context to the program (`type(task.get_context()) is contextvars.Context`).
Object.defineProperty(Carrier.prototype, "constructor", { value: Context, writable: true, configurable: true });

/** A carrier not in use. */
let spareCarrier: Carrier | null = null;

function runLazy(vars: unknown, cb: Function, self: unknown, arg: unknown, owner: LazyContextOwner): unknown {
  let c = spareCarrier;
  if (c === null) c = new Carrier(vars as Vars);
  else {
    spareCarrier = null;
    c._vars = vars as Vars;
  }
  c._owner = owner;
  const prev = current;
  c._prev = prev;
  current = c;
  try {
    return cb.call(self, arg);
  } finally {
    current = prev;
    c._prev = null;
    if (c._owner === null) {
      // get_context() gave it out: the owner has it already
    } else if (c._vars !== vars) {
      c._owner = null;
      owner._pin_context(c);
    } else {
      c._owner = null;
      c._vars = NO_VARS;
      spareCarrier = c;
    }
  }
}

function materialize(vars: unknown, owner: LazyContextOwner): Context {
  // Running now: its carrier is entered, so it is on the chain of entered contexts.
  for (let c: Context | null = current; c !== null; c = c._prev) {
    if (c instanceof Carrier && c._owner === owner) {
      c._owner = null;
      owner._pin_context(c);
      return c;
    }
  }
  const ctx = new Context(vars as Vars);
  owner._pin_context(ctx);
  return ctx;
}

_set_lazy_contexts({ vars: () => current._vars, runMethod: runLazy, materialize });
void typeName;
