// enum, as translated code uses it (define_class + the __define__ hook). Expected values recorded from CPython 3.12.
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";
import { define_class } from "../../src/runtime/program.js";
import { Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique } from "../../src/runtime/modules/enum.js";

const { repr, str, eq, lt, gt, add, bitor, bitand, invert, getitem, hash, sorted, list, format, truthy, contains } = R;

function mk<C extends Function>(cls: C, attrs: Record<string, unknown>): C {
  return define_class(cls, cls.name, { attrs });
}

describe("Enum", () => {
  class Color extends Enum {}
  mk(Color, { RED: 1n, GREEN: 2n, BLUE: 3n });
  const C = Color as any;

  it("members: repr, str, name, value, lookup", () => {
    expect(str(C.GREEN)).toBe("Color.GREEN");
    expect(repr(C.GREEN)).toBe("<Color.GREEN: 2>");
    expect(C.GREEN.name).toBe("GREEN");
    expect(C.GREEN.value).toBe(2n);
    expect(new (Color as any)(3n)).toBe(C.BLUE);
    expect(getitem(Color, "RED")).toBe(C.RED);
    expect(eq(C.GREEN, C.GREEN)).toBe(true);
    expect(eq(C.GREEN, 2n)).toBe(false);
    expect(repr(list(Color))).toBe("[<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>]");
    expect(C.__len__()).toBe(3n);
    expect(C.__contains__(C.RED)).toBe(true);
    expect(repr(Color)).toBe("<enum 'Color'>");
    expect(format(C.RED, "")).toBe("Color.RED");
    expect(R.isinstance(C.RED, Color)).toBe(true);
  });
  it("errors", () => {
    expect(() => new (Color as any)(7n)).toThrow("7 is not a valid Color");
    expect(() => getitem(Color, "NOPE")).toThrow(R.KeyError);
    expect(() => {
      C.RED = 5n;
    }).toThrow("cannot reassign member 'RED'");
    expect(() => lt(C.RED, C.BLUE)).toThrow("'<' not supported between instances of 'Color' and 'Color'");
  });
  it("aliases, unique, __members__", () => {
    class Dup extends Enum {}
    mk(Dup, { A: 1n, B: 1n });
    const D = Dup as any;
    expect(D.B).toBe(D.A);
    expect(repr(list(Dup))).toBe("[<Dup.A: 1>]");
    expect(repr(D.__members__)).toBe("{'A': <Dup.A: 1>, 'B': <Dup.A: 1>}");
    expect(() => unique(Dup)).toThrow("duplicate values found in <enum 'Dup'>: B -> A");
  });
  it("auto() and string values", () => {
    class A extends Enum {}
    mk(A, { X: 5n, Y: 1n, Z: new auto() });
    expect(repr(list(A))).toBe("[<A.X: 5>, <A.Y: 1>, <A.Z: 6>]");
    class Mode extends Enum {}
    mk(Mode, { READ: "r", WRITE: "w" });
    expect(str(new (Mode as any)("w"))).toBe("Mode.WRITE");
    expect(() => new (Mode as any)("x")).toThrow("'x' is not a valid Mode");
  });
  it("methods, properties and tuple values with __init__", () => {
    class Planet extends Enum {
      declare mass: number;
      declare radius: number;
      __init__(mass: number, radius: number) {
        this.mass = mass;
        this.radius = radius;
      }
      get surface(): number {
        return this.radius * 2;
      }
    }
    mk(Planet, { EARTH: R.PyTuple.fromArray([5.976e24, 6.37814e6]) });
    const P = Planet as any;
    expect(P.EARTH.mass).toBe(5.976e24);
    expect(P.EARTH.surface).toBe(12756280);
    expect(repr(P.EARTH)).toBe("<Planet.EARTH: (5.976e+24, 6378140.0)>");
  });
  it("_missing_ and the functional API", () => {
    class S extends Enum {
      static _missing_(this: any, _v: unknown) {
        return this.A;
      }
    }
    mk(S, { A: "a" });
    expect(new (S as any)("zzz")).toBe((S as any).A);
    const Shape = new (Enum as any)("Shape", "SQUARE CIRCLE");
    expect(repr(list(Shape))).toBe("[<Shape.SQUARE: 1>, <Shape.CIRCLE: 2>]");
    expect(str(new Shape(1n))).toBe("Shape.SQUARE");
  });
});

describe("IntEnum, StrEnum", () => {
  class Level extends IntEnum {}
  mk(Level, { LOW: 1n, MID: 5n, HIGH: 10n });
  const L = Level as any;
  it("IntEnum compares and computes as int", () => {
    expect(eq(L.MID, 5n)).toBe(true);
    expect(gt(L.HIGH, L.LOW)).toBe(true);
    expect(add(L.LOW, 1n)).toBe(2n);
    expect(add(1n, L.LOW)).toBe(2n);
    expect(str(L.MID)).toBe("5");
    expect(repr(L.MID)).toBe("<Level.MID: 5>");
    expect(format(L.HIGH, "03d")).toBe("010");
    expect(repr(sorted(R.PyList.fromArray([L.HIGH, L.LOW, L.MID])))).toBe("[<Level.LOW: 1>, <Level.MID: 5>, <Level.HIGH: 10>]");
    expect(R.max(Level).name).toBe("HIGH");
    expect(hash(L.MID)).toBe(hash(5n));
    expect(R.index(L.MID)).toBe(5n);
  });
  it("StrEnum", () => {
    class B extends StrEnum {}
    mk(B, { FOO: new auto(), Bar: new auto() });
    const Bx = B as any;
    expect(repr(list(B))).toBe("[<B.FOO: 'foo'>, <B.Bar: 'bar'>]");
    expect(str(Bx.FOO)).toBe("foo");
    expect(eq(Bx.FOO, "foo")).toBe(true);
    expect(R.format_value(Bx.FOO, null, "")).toBe("foo");
    expect(R.callm(Bx.FOO, "upper")).toBe("FOO");
  });
});

describe("Flag, IntFlag", () => {
  class F extends Flag {}
  mk(F, { R: new auto(), W: new auto(), X: new auto() });
  const Fx = F as any;
  it("Flag", () => {
    expect(repr(list(F))).toBe("[<F.R: 1>, <F.W: 2>, <F.X: 4>]");
    const rw = bitor(Fx.R, Fx.W);
    expect(str(rw)).toBe("F.R|W");
    expect(repr(rw)).toBe("<F.R|W: 3>");
    expect(new (F as any)(3n)).toBe(rw);
    expect(str(new (F as any)(0n))).toBe("F(0)");
    expect(repr(new (F as any)(0n))).toBe("<F: 0>");
    expect(contains(rw, Fx.R)).toBe(true);
    expect(truthy(new (F as any)(0n))).toBe(false);
    expect(repr(invert(Fx.R))).toBe("<F.W|X: 6>");
    expect(repr(bitand(Fx.R, Fx.W))).toBe("<F: 0>");
    expect(repr(list(bitor(Fx.R, Fx.X)))).toBe("[<F.R: 1>, <F.X: 4>]");
  });
  it("IntFlag", () => {
    class I extends IntFlag {}
    mk(I, { R: 4n, W: 2n, X: 1n });
    const Ix = I as any;
    const rw = bitor(Ix.R, Ix.W);
    expect(repr(rw)).toBe("<I.R|W: 6>");
    expect(str(rw)).toBe("6");
    expect(str(bitor(Ix.R, 1n))).toBe("5");
    expect(repr(new (I as any)(0n))).toBe("<I: 0>");
    expect(repr(new (I as any)(9n))).toBe("<I.X|8: 9>");
  });
});
