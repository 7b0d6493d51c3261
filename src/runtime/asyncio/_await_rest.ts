// The rest of an `await` that did not finish at its first step, in the JavaScript `tsyncio run`
// executes (src/emit/js-fast-paths.ts, 5.): the emitted code takes the awaited object's iterator and
// calls its `next()` itself,
//
//   ($r = ($d = X[Symbol.iterator]()).next()).done ? $r.value : yield* _await_rest($d, $r)
//
// so that the optimizing compiler can inline that `next` (Node 20 does not inline the delegate's
// `next` of a `yield*` inside a generator), and only an await that suspends delegates with
// `yield*`, to this iterator: its first `next()` hands back the step already taken, and from then
// on next/throw/return go to the awaited iterator as `yield*` itself sends them (ECMAScript's
// yield* evaluation: a `throw` to an iterator without one closes it and raises TypeError, a
// `return` to one without one returns the value).

/** The awaited iterator, its first step still to be handed to `yield*`. */
class AwaitRest<T> {
  /** The awaited iterator, and its `next` read once (as `yield*` reads it once). */
  private readonly it: Iterator<unknown, T, unknown>;
  private readonly step: Iterator<unknown, T, unknown>["next"];
  private first: IteratorResult<unknown, T> | null;
  constructor(it: Iterator<unknown, T, unknown>, first: IteratorResult<unknown, T>) {
    this.it = it;
    this.step = it.next;
    this.first = first;
  }
  next(v?: unknown): IteratorResult<unknown, T> {
    const first = this.first;
    if (first !== null) {
      this.first = null;
      return first;
    }
    return this.step.call(this.it, v as never);
  }
  throw(e: unknown): IteratorResult<unknown, T> {
    const it = this.it;
    const thrower = it.throw;
    if (thrower === undefined || thrower === null) {
      // (yield*: the iterator gets a chance to clean up, then the throw becomes a TypeError)
      const closer = it.return;
      if (closer !== undefined && closer !== null) {
        const r = closer.call(it);
        if (typeof r !== "object" || r === null) throw new globalThis.TypeError(`Iterator result ${String(r)} is not an object`);
      }
      throw new globalThis.TypeError("The iterator does not provide a 'throw' method.");
    }
    return thrower.call(it, e);
  }
  return(v: T): IteratorResult<unknown, T> {
    const it = this.it;
    const closer = it.return;
    if (closer === undefined || closer === null) return { value: v, done: true };
    return closer.call(it, v);
  }
  [Symbol.iterator](): this {
    return this;
  }
}

/** @internal the compiler's await, when the first step did not finish it (see above) */
export function _await_rest<T>(it: Iterator<unknown, T, unknown>, first: IteratorResult<unknown, T>): Iterator<unknown, T, unknown> {
  return new AwaitRest(it, first);
}
