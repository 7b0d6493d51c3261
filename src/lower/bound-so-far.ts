// A quick test, made during the scope analysis's walk, that definite assignment (definite-assignment.ts)
// would find no read of a function's (or the module's) own names that may be unbound: then it need
// not walk that function again. Most functions read a local only after a plain assignment to it.
//
//   def f(xs):              | `n` is bound by the time each read runs, on every path the walk
//       n = len(xs)         | can see: nothing to report, definite assignment skipped.
//       if n: m = 1         |
//       else: m = 2         | (both branches bind `m`: bound after the `if`)
//       return n + m        |
//
// The walk keeps the names surely bound at the point it visits (a subset of what definite
// assignment proves there, never more): names bound by assignments, imports, defs and classes,
// scoped to the block that bound them (an `if` keeps those its two branches both bind), removed by
// `del` and at the end of the `except ... as` block that bound them. A read of a name outside that
// set is noted as early; when none of the names definite assignment follows was read early, it has
// nothing to report. `del` (or an `except ... as`) of a name bound before an enclosing loop makes
// the set unsound for that loop's next iteration: such a function is left to definite assignment.

import type { Scope } from "./scopes.js";

export interface BoundSoFarResult {
  /** Names read (by the function's own code, its class bodies and comprehensions) where the walk did not know them bound. */
  early: Set<string> | undefined;
  /** A `del` or `except ... as` inside a loop unbound a name bound before that loop. */
  unsafe: boolean;
}

export class BoundSoFar {
  /** The names surely bound here, each with its place in `log` (where it was added). */
  private readonly bound = new Map<string, number>();
  /** The names added, in order; a block's additions are those from where it started. */
  private readonly log: string[] = [];
  /** Where the loops being visited started in `log`, innermost last. */
  private readonly loops: number[] = [];
  readonly result: BoundSoFarResult = { early: undefined, unsafe: false };

  constructor(readonly scope: Scope) {}

  add(name: string): void {
    if (this.bound.has(name)) return;
    this.bound.set(name, this.log.length);
    this.log.push(name);
  }

  /** `del name`, or the end of an `except ... as name` block. */
  unbind(name: string): void {
    const at = this.bound.get(name);
    if (at === undefined) return;
    if (this.loops.length > 0 && at < this.loops[this.loops.length - 1]) this.result.unsafe = true;
    this.bound.delete(name);
  }

  /** A read of `name` in `from` (the function's scope, or a class body or comprehension inside it). */
  read(name: string, from: Scope): void {
    if (this.bound.has(name)) return;
    // (a name a class body or comprehension binds is its own there, not the function's)
    for (let s: Scope | null = from; s !== null && s !== this.scope; s = s.parent) if (s.bound.has(name)) return;
    (this.result.early ??= new Set()).add(name);
  }

  /** Where a block starts (blockEnd takes back what it added). */
  blockStart(): number {
    return this.log.length;
  }

  blockEnd(start: number): void {
    for (let i = this.log.length - 1; i >= start; i--) if (this.bound.get(this.log[i]) === i) this.bound.delete(this.log[i]);
    this.log.length = start;
  }

  /** The names a block added that are still bound (before blockEnd). */
  addedSince(start: number): string[] {
    const out: string[] = [];
    for (let i = start; i < this.log.length; i++) if (this.bound.get(this.log[i]) === i) out.push(this.log[i]);
    return out;
  }

  loopStart(): void {
    this.loops.push(this.log.length);
  }

  loopEnd(): void {
    this.loops.pop();
  }

  /** Whether definite assignment, following `tracked`, would report no read at all. */
  static reportsNothing(r: BoundSoFarResult | undefined, tracked: ReadonlySet<string>): boolean {
    if (r === undefined || r.unsafe) return false;
    if (r.early !== undefined) for (const n of r.early) if (tracked.has(n)) return false;
    return true;
  }
}
