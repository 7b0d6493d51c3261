// abc: abstract methods block instantiation (CPython 3.12 wording).
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";
import { define_class } from "../../src/runtime/program.js";
import { ABC, abstractmethod } from "../../src/runtime/modules/abc.js";

describe("abc", () => {
  class Shape extends ABC {
    area(): unknown {
      return null;
    }
    get name(): unknown {
      return null;
    }
  }
  abstractmethod(Shape.prototype.area);
  abstractmethod(Object.getOwnPropertyDescriptor(Shape.prototype, "name")!.get);
  define_class(Shape, "Shape", {});
  it("cannot instantiate while abstract methods remain", () => {
    expect(() => new Shape()).toThrow(R.TypeError);
    expect(() => new Shape()).toThrow("Can't instantiate abstract class Shape without an implementation for abstract methods 'area', 'name'");
    class Half extends Shape {
      area() {
        return 1n;
      }
    }
    define_class(Half, "Half", {});
    expect(() => new Half()).toThrow("Can't instantiate abstract class Half without an implementation for abstract method 'name'");
    class Square extends Half {
      declare s: bigint;
      __init__(s: bigint) {
        this.s = s;
      }
      get name() {
        return "square";
      }
    }
    define_class(Square, "Square", {});
    const sq = new Square(3n);
    expect(sq.s).toBe(3n);
    expect(sq.area()).toBe(1n);
    expect(R.repr((Shape as any).__abstractmethods__)).toMatch(/^frozenset\(\{'(area|name)', '(area|name)'\}\)$/);
    expect(R.isinstance(sq, Shape)).toBe(true);
  });
});
