// set/frozenset iteration order follows CPython's hash table (ints, floats, None, tuples; str order is
// arbitrary in CPython). Expected reprs recorded from CPython 3.12.
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";

const { PySet, PyFrozenSet, PyTuple, PyDict, repr } = R;
const S = (...a: unknown[]) => new PySet(a);
const C = (...a: unknown[]) => PySet.fromConstants(a);
const range = (a: number, b: number, step = 1) => {
  const out: bigint[] = [];
  for (let i = a; step > 0 ? i < b : i > b; i += step) out.push(BigInt(i));
  return out;
};

describe("set iteration order", () => {
  it("displays and set()", () => {
    expect(repr(C(3n, 1n, 2n))).toBe("{1, 2, 3}");
    expect(repr(C(5n, 0n, 7n, 2n))).toBe("{0, 2, 5, 7}");
    expect(repr(new PySet(range(0, 5)))).toBe("{0, 1, 2, 3, 4}");
    expect(repr(new PyFrozenSet(C(2n, 1n)))).toBe("frozenset({1, 2})");
    expect(repr(S(10n, 1n, 5n))).toBe("{1, 10, 5}");
    expect(repr(C(16n, 1n, 2n, 3n, 4n))).toBe("{16, 1, 2, 3, 4}");
    expect(repr(S(16n, 1n, 2n, 3n, 4n))).toBe("{1, 2, 3, 4, 16}");
    expect(repr(C(-1n, -2n, 3n))).toBe("{3, -1, -2}");
    expect(repr(C(PyTuple.of(1n, 2n), PyTuple.of(3n, 4n), PyTuple.of(0n, 0n)))).toBe("{(1, 2), (3, 4), (0, 0)}");
    expect(repr(C(null, 1n, 2n))).toBe("{None, 1, 2}");
    expect(repr(C(1.5, 2.5, 0.5))).toBe("{0.5, 1.5, 2.5}");
    expect(repr(new PySet(range(100, 0, -7)))).toBe("{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    expect(repr(new PyFrozenSet([33n, 1n, 65n]))).toBe("frozenset({65, 33, 1})");
    const d = PyDict.fromEntries([[9n, 1n], [25n, 2n], [41n, 3n], [1n, 4n], [2n, 5n]]);
    expect(repr(new PySet(d))).toBe("{1, 2, 9, 25, 41}");
  });
  it("deletions leave dummies that are reused; pop() walks a finger", () => {
    const s = new PySet(range(0, 20));
    for (let i = 0n; i < 20n; i += 2n) s.discard(i);
    s.add(100n);
    expect(repr(s)).toBe("{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 100}");
    expect([s.pop(), s.pop()]).toEqual([1n, 3n]);
    expect(repr(s)).toBe("{5, 7, 9, 11, 13, 15, 17, 19, 100}");
    const t = C(0n, 1n, 2n);
    t.discard(0n);
    t.add(8n);
    expect(repr(t)).toBe("{8, 1, 2}");
    const u = new PySet(range(0, 20));
    for (const x of [0n, 1n, 2n, 3n]) u.discard(x);
    u.add(0n);
    expect(repr(Array.from(u).slice(0, 2))).toBe("[0, 4]");
  });
  it("operators", () => {
    const a = C(1n, 2n, 3n, 40n, 50n);
    const b = C(3n, 40n, 7n);
    expect(repr(a.__or__(b))).toBe("{1, 2, 3, 50, 7, 40}");
    expect(repr(a.__and__(b))).toBe("{40, 3}");
    expect(repr(a.__sub__(b))).toBe("{1, 2, 50}");
    expect(repr(a.__xor__(b))).toBe("{1, 2, 7, 50}");
    expect(repr(b.__xor__(a))).toBe("{1, 2, 50, 7}");
    expect(repr(b.__sub__(a))).toBe("{7}");
    expect(repr(a.union([99n, 98n]))).toBe("{1, 2, 3, 50, 99, 98, 40}");
    expect(repr(a.intersection([50n, 1n]))).toBe("{1, 50}");
  });
  it("strings and mixed sets keep set semantics", () => {
    const a = S("x", 1n, "y", 2n, "z");
    a.discard("x");
    a.add("q");
    expect(a.size).toBe(5);
    expect(a.__contains__("q") && !a.__contains__("x")).toBe(true);
    expect(new PySet([new PyFrozenSet([1n, 2n]), new PyFrozenSet([2n, 1n])]).size).toBe(1);
    expect(repr(new PySet(C(1n, 1.0, true)))).toBe("{1}");
  });
});
