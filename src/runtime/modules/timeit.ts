// timeit: default_timer (time.perf_counter), and Timer/timeit/repeat for a callable statement.
// CPython compiles a string statement into a timing function; tsyncio has no compiler at run time,
// so a string other than "pass" (the default, which times nothing) raises NotImplementedError.
import { PyObject, popKw } from "../builtins/object.js";
import { NotImplementedError, ValueError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { call, index as toIndex } from "../builtins/ops.js";
import { perf_counter } from "./time.js";

export const default_timer = perf_counter;
export const default_number = 1000000n;
export const default_repeat = 5n;

type Statement = () => unknown;

/** A callable, or the string "pass" (nothing to run); other strings need CPython's compiler. */
function statement(stmt: unknown, what: string): Statement {
  if (typeof stmt === "string") {
    if (stmt.trim() === "pass" || stmt.trim() === "") return () => null;
    throw new NotImplementedError(`timeit: a ${what} given as source text is not supported by tsyncio (pass a callable)`);
  }
  if (typeof stmt !== "function" && !(stmt instanceof PyObject && typeof (stmt as { __call__?: unknown }).__call__ === "function"))
    throw new ValueError(`${what} is neither a string nor callable`);
  return () => call(stmt);
}

/** `Timer(stmt='pass', setup='pass', timer=default_timer, globals=None)`. */
export class Timer extends PyObject {
  declare private stmt: Statement;
  declare private setup: Statement;
  declare private timer: unknown;

  __init__(...args: unknown[]): void {
    const k = popKw(args) ?? {};
    const [stmt = k.stmt ?? "pass", setup = k.setup ?? "pass", timer = k.timer ?? default_timer] = args;
    this.stmt = statement(stmt, "stmt");
    this.setup = statement(setup, "setup");
    this.timer = timer;
  }

  /** Runs setup once, then the statement `number` times; the seconds the timer saw. */
  timeit(number: unknown = default_number): number {
    const n = Number(toIndex((popKw([number])?.number as unknown) ?? number));
    this.setup();
    const t0 = call(this.timer) as number;
    for (let i = 0; i < n; i++) this.stmt();
    return (call(this.timer) as number) - t0;
  }

  repeat(...args: unknown[]): PyList<number> {
    const k = popKw(args) ?? {};
    const [repeat = k.repeat ?? default_repeat, number = k.number ?? default_number] = args;
    const r = Number(toIndex(repeat));
    const out: number[] = [];
    for (let i = 0; i < r; i++) out.push(this.timeit(number));
    return PyList.fromArray(out);
  }

  /** Numbers 1, 2, 5, 10, 20, 50... until one run takes at least 0.2 s: (number, seconds). */
  autorange(callback: unknown = null): PyTuple<unknown> {
    for (let i = 1n; ; i *= 10n) {
      for (const j of [1n, 2n, 5n]) {
        const number = i * j;
        const took = this.timeit(number);
        if (callback !== null && callback !== undefined) call(callback, number, took);
        if (took >= 0.2) return PyTuple.fromArray<unknown>([number, took]);
      }
    }
  }
}

export function timeit(...args: unknown[]): number {
  const k = popKw(args) ?? {};
  const [stmt = k.stmt ?? "pass", setup = k.setup ?? "pass", timer = k.timer ?? default_timer, number = k.number ?? default_number] = args;
  return new Timer(stmt, setup, timer).timeit(number);
}

export function repeat(...args: unknown[]): PyList<number> {
  const k = popKw(args) ?? {};
  const [
    stmt = k.stmt ?? "pass",
    setup = k.setup ?? "pass",
    timer = k.timer ?? default_timer,
    rep = k.repeat ?? default_repeat,
    number = k.number ?? default_number,
  ] = args;
  return new Timer(stmt, setup, timer).repeat(rep, number);
}
