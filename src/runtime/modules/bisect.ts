// bisect: binary search and insertion in a sorted list, compared with `<` (key= applies to the
// list's items, not to the value searched for, as in Python).
import { call, callm, getitem, lt } from "../builtins/ops.js";
import { len } from "../builtins/functions.js";
import { ValueError } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";

interface Range {
  lo: number;
  hi: number;
  key: unknown;
}

function range(a: unknown, rest: unknown[]): Range {
  const k = popKw(rest);
  const lo = Number(rest[0] ?? k?.lo ?? 0n);
  if (lo < 0) throw new ValueError("lo must be non-negative");
  const hiArg = rest[1] ?? k?.hi ?? null;
  const hi = hiArg === null ? Number(len(a)) : Number(hiArg);
  return { lo, hi, key: k?.key ?? null };
}

function search(a: unknown, x: unknown, r: Range, right: boolean): number {
  let { lo, hi } = r;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = getitem(a, BigInt(mid));
    const k = r.key === null ? item : call(r.key, item);
    // right: first position whose item is greater than x; left: first whose item is not less than x.
    if (right ? lt(x, k) : !lt(k, x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function bisect_left(a: unknown, x: unknown, ...rest: unknown[]): bigint {
  return BigInt(search(a, x, range(a, rest), false));
}
export function bisect_right(a: unknown, x: unknown, ...rest: unknown[]): bigint {
  return BigInt(search(a, x, range(a, rest), true));
}
export const bisect = bisect_right;

export function insort_left(a: unknown, x: unknown, ...rest: unknown[]): null {
  const r = range(a, rest);
  callm(a, "insert", BigInt(search(a, r.key === null ? x : call(r.key, x), r, false)), x);
  return null;
}
export function insort_right(a: unknown, x: unknown, ...rest: unknown[]): null {
  const r = range(a, rest);
  callm(a, "insert", BigInt(search(a, r.key === null ? x : call(r.key, x), r, true)), x);
  return null;
}
export const insort = insort_right;
