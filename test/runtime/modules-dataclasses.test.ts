// dataclasses on classes shaped like translated code (define_class attrs/annotations). Expected values recorded from CPython 3.12.
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";
import { define_class } from "../../src/runtime/program.js";
import {
  dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, MISSING,
} from "../../src/runtime/modules/dataclasses.js";

const { repr, eq, lt, le, gt, kw, hash, PyObject, PyList, PyDict, PyTuple, list, dict, sorted } = R;

function dc(cls: Function, attrs: Record<string, unknown>, annotations: Record<string, string>, params?: Record<string, unknown>): any {
  const c = define_class(cls, cls.name, { attrs, annotations });
  return params ? dataclass(kw(params))(c) : dataclass(c);
}

describe("dataclass", () => {
  const P = dc(class P extends PyObject {}, { y: 0n }, { x: "int", y: "int" });
  it("__init__, __repr__, __eq__", () => {
    expect(repr(new P(1n))).toBe("P(x=1, y=0)");
    expect(repr(new P(1n, kw({ y: 5n })))).toBe("P(x=1, y=5)");
    expect(eq(new P(1n, 2n), new P(1n, 2n))).toBe(true);
    expect(eq(new P(1n, 2n), PyTuple.fromArray([1n, 2n]))).toBe(false);
    expect(repr(P.__match_args__)).toBe("('x', 'y')");
    expect(P.y).toBe(0n);
  });
  it("__init__ errors", () => {
    expect(() => new P()).toThrow("P.__init__() missing 1 required positional argument: 'x'");
    expect(() => new P(1n, 2n, 3n)).toThrow("P.__init__() takes from 2 to 3 positional arguments but 4 were given");
    expect(() => new P(1n, kw({ z: 1n }))).toThrow("P.__init__() got an unexpected keyword argument 'z'");
    expect(() => new P(1n, kw({ x: 2n }))).toThrow("P.__init__() got multiple values for argument 'x'");
    expect(() => hash(new P(1n))).toThrow("unhashable type: 'P'");
  });
  it("definition errors", () => {
    expect(() => dc(class Q extends PyObject {}, { x: 0n }, { x: "int", y: "int" })).toThrow("non-default argument 'y' follows default argument");
    expect(() => dc(class Q2 extends PyObject {}, { x: PyList.fromArray([]) }, { x: "list" })).toThrow(
      "mutable default <class 'list'> for field x is not allowed: use default_factory",
    );
  });
  it("field(default_factory), field(init=False) and __post_init__", () => {
    const Inv = dc(class Inv extends PyObject {}, { items: field(kw({ default_factory: list })), tags: field(kw({ default_factory: dict })) }, { owner: "str", items: "list", tags: "dict" });
    const a = new Inv("ann");
    const b = new Inv("bob");
    a.items.append("x");
    expect(repr(a)).toBe("Inv(owner='ann', items=['x'], tags={})");
    expect(a.items === b.items).toBe(false);
    class Rect extends PyObject {
      declare w: any;
      declare h: any;
      declare area: any;
      __post_init__() {
        this.area = R.mul(this.w, this.h);
      }
    }
    const Rc = dc(Rect, { area: field(kw({ init: false })) }, { w: "float", h: "float", area: "float" });
    const r = new Rc(2n, 3.5);
    expect(repr(r)).toBe("Rect(w=2, h=3.5, area=7.0)");
    expect(repr(asdict(r))).toBe("{'w': 2, 'h': 3.5, 'area': 7.0}");
    expect(repr(astuple(r))).toBe("(2, 3.5, 7.0)");
    expect(repr(replace(r, kw({ w: 10n })))).toBe("Rect(w=10, h=3.5, area=35.0)");
    expect(() => replace(r, kw({ area: 1n }))).toThrow("field area is declared with init=False, it cannot be specified with replace()");
  });
  it("order=True", () => {
    const Job = dc(class Job extends PyObject {}, {}, { priority: "int", name: "str" }, { order: true });
    const jobs = PyList.fromArray([new Job(3n, "c"), new Job(1n, "z"), new Job(1n, "a")]);
    expect(repr(sorted(jobs))).toBe("[Job(priority=1, name='a'), Job(priority=1, name='z'), Job(priority=3, name='c')]");
    expect(lt(new Job(1n, "a"), new Job(1n, "b"))).toBe(true);
    expect(gt(new Job(2n, "a"), new Job(1n, "z"))).toBe(true);
    expect(le(new Job(1n, "a"), new Job(1n, "a"))).toBe(true);
    class O extends PyObject {
      __lt__() {
        return true;
      }
    }
    expect(() => dc(O, {}, { a: "int" }, { order: true })).toThrow(
      "Cannot overwrite attribute __lt__ in class O. Consider using functools.total_ordering",
    );
  });
  it("frozen=True", () => {
    const K = dc(class Key extends PyObject {}, {}, { a: "int", b: "str" }, { frozen: true });
    const k = new K(1n, "x");
    expect(() => R.setattr(k, "a", 2n)).toThrow(FrozenInstanceError);
    expect(() => R.setattr(k, "a", 2n)).toThrow("cannot assign to field 'a'");
    expect(() => R.delattr(k, "a")).toThrow("cannot delete field 'a'");
    const d = PyDict.fromEntries([[k, "value"]]);
    expect(d.__getitem__(new K(1n, "x"))).toBe("value");
    expect(new R.PySet([new K(1n, "x"), new K(1n, "x"), new K(2n, "y")]).size).toBe(2);
  });
  it("inheritance, fields(), kw_only, ClassVar, InitVar", () => {
    const Base = dc(class Base extends PyObject {}, { name: "?" }, { id: "int", name: "str" });
    const User = dc(class User extends (Base as typeof PyObject) {}, { email: "", admin: false }, { email: "str", admin: "bool" });
    expect(repr(new User(1n, "ann", "a@x", true))).toBe("User(id=1, name='ann', email='a@x', admin=True)");
    expect(repr(new User(2n))).toBe("User(id=2, name='?', email='', admin=False)");
    expect(repr(PyList.fromArray(Array.from(fields(User), (f: any) => f.name)))).toBe("['id', 'name', 'email', 'admin']");
    const f0 = fields(Base)[0] as any;
    expect([f0.name, repr(f0.type), f0.default === MISSING, f0.init]).toEqual(["id", "<class 'int'>", true, true]);
    const K = dc(class K extends PyObject {}, { b: 2n }, { a: "int", b: "int" }, { kw_only: true });
    expect(repr(new K(kw({ a: 1n })))).toBe("K(a=1, b=2)");
    expect(() => new K(1n)).toThrow("K.__init__() takes 1 positional argument but 2 were given");
    const CV = dc(class CV extends PyObject {}, { count: 0n, name: "n" }, { count: "ClassVar[int]", name: "str" });
    expect(repr(new CV())).toBe("CV(name='n')");
    class IV extends PyObject {
      declare a: any;
      __post_init__(scale: bigint) {
        this.a = R.mul(this.a, scale);
      }
    }
    const IVc = dc(IV, { scale: 2n }, { a: "int", scale: "InitVar[int]" });
    expect(repr(new IVc(3n))).toBe("IV(a=6)");
    expect(repr(new IVc(3n, 5n))).toBe("IV(a=15)");
    expect(fields(IVc).length).toBe(1);
  });
  it("helpers and repr options", () => {
    const Rr = dc(class R2 extends PyObject {}, { a: field(kw({ repr: false, default: 1n })), b: field(kw({ compare: false, default: 2n })) }, { a: "int", b: "int" });
    expect(repr(new Rr())).toBe("R2(b=2)");
    expect(eq(new Rr(), new Rr(kw({ b: 5n })))).toBe(true);
    const N = dc(class N extends PyObject {}, {}, { items: "list", d: "dict" });
    const n = new N(PyList.fromArray([new P(1n), PyTuple.fromArray([new P(2n)])]), PyDict.fromEntries([["k", new P(3n)]]));
    expect(repr(asdict(n))).toBe("{'items': [{'x': 1, 'y': 0}, ({'x': 2, 'y': 0},)], 'd': {'k': {'x': 3, 'y': 0}}}");
    expect(is_dataclass(P)).toBe(true);
    expect(is_dataclass(new P(1n))).toBe(true);
    expect(is_dataclass(1n)).toBe(false);
    expect(() => fields(1n)).toThrow("must be called with a dataclass type or instance");
    expect(() => asdict(1n)).toThrow("asdict() should be called on dataclass instances");
    const Rec = dc(class Rec extends PyObject {}, { a: null }, { a: "object" });
    const rec = new Rec();
    rec.a = rec;
    expect(repr(rec)).toBe("Rec(a=...)");
    const E = dc(class E extends PyObject {}, {}, { a: "int" }, { eq: false });
    expect(eq(new E(1n), new E(1n))).toBe(false);
    const UH = dc(class UH extends PyObject {}, {}, { a: "int" }, { unsafe_hash: true });
    expect(hash(new UH(1n))).toBe(hash(new UH(1n)));
  });
  it("a user __init__ wins", () => {
    class W extends PyObject {
      declare a: any;
      __init__(v: bigint) {
        this.a = v * 10n;
      }
    }
    const Wc = dc(W, {}, { a: "int" });
    expect(repr(new Wc(2n))).toBe("W(a=20)");
  });
});
