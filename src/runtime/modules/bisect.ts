// bisect: binary search in a sorted list, with Python's `<` (lo, hi and key as in 3.10+).
import { popKw } from "../builtins/object.js";
import { call, getitem, lt, index } from "../builtins/ops.js";
import { len } from "../builtins/functions.js";
import { ValueError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";

interface Bounds {
  lo: number;
  hi: number;
  key: unknown;
}

function bounds(a: unknown, args: unknown[]): Bounds {
  const kw = popKw(args) ?? {};
  const lo = Number(index(kw.lo ?? args[0] ?? 0n));
  if (lo < 0) throw new ValueError("lo must be non-negative");
  const hiArg = kw.hi ?? args[1] ?? null;
  const hi = hiArg === null ? Number(len(a)) : Number(index(hiArg));
  return { lo, hi, key: kw.key ?? null };
}

function search(a: unknown, x: unknown, b: Bounds, right: boolean): number {
  let { lo, hi } = b;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = getitem(a, BigInt(mid));
    const k = b.key === null ? item : call(b.key, item);
    if (right ? lt(x, k) : lt(k, x)) {
      if (right) hi = mid;
      else lo = mid + 1;
    } else if (right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function bisect_left(a: unknown, x: unknown, ...args: unknown[]): bigint {
  return BigInt(search(a, x, bounds(a, args), false));
}

export function bisect_right(a: unknown, x: unknown, ...args: unknown[]): bigint {
  return BigInt(search(a, x, bounds(a, args), true));
}

export const bisect = bisect_right;

function insort(a: unknown, x: unknown, args: unknown[], right: boolean): null {
  const b = bounds(a, args);
  const at = search(a, b.key === null ? x : call(b.key, x), b, right);
  (a as PyList<unknown>).insert(BigInt(at), x);
  return null;
}

export function insort_left(a: unknown, x: unknown, ...args: unknown[]): null {
  return insort(a, x, args, false);
}

export function insort_right(a: unknown, x: unknown, ...args: unknown[]): null {
  return insort(a, x, args, true);
}

export { insort_right as insort };
