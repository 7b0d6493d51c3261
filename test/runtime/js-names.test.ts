// The attribute model hides JavaScript's own members: JS_NAMES must list every name the engine's
// intrinsics define, or a newer Node would silently expose one to Python programs.
import { describe, expect, it } from "vitest";
import { JS_NAMES, isJsOnly } from "../../src/runtime/builtins/js-names.js";
import { getattr, hasattr, setattr, callm } from "../../src/runtime/builtins/ops.js";
import { AttributeError } from "../../src/runtime/builtins/exceptions.js";
import { PyDict, PyList } from "../../src/runtime/builtins/collections.js";
import { PyObject } from "../../src/runtime/builtins/object.js";

const intrinsics: object[] = [
  Object.prototype,
  Function.prototype,
  Array.prototype,
  Map.prototype,
  Set.prototype,
  Error.prototype,
  Promise.prototype,
  RegExp.prototype,
  String.prototype,
  Number.prototype,
  BigInt.prototype,
  Object.getPrototypeOf(Uint8Array.prototype),
  Object.getPrototypeOf(function* () {}).prototype,
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
  function () {},
  [],
  new Error("x"),
];
// What the runtime itself installs on JS generators as Python's generator methods, and on
// functions as Python's function descriptor (`f.__get__(obj)`: builtins/functions.ts).
const PYTHON_ON_GENERATORS = new Set(["send", "__next__", "__iter__", "close", "__get__"]);

describe("JavaScript's own members are not Python attributes", () => {
  it("JS_NAMES covers every string-named member of the engine's intrinsics", () => {
    const missing: string[] = [];
    for (const o of intrinsics) {
      for (const k of Object.getOwnPropertyNames(o)) if (!JS_NAMES.has(k) && !PYTHON_ON_GENERATORS.has(k)) missing.push(k);
    }
    expect(missing).toEqual([]);
  });

  it("getattr/hasattr/callm agree on plain objects, functions, lists and dicts", () => {
    class C extends PyObject {}
    const c = new C();
    const f = function f() {};
    for (const [obj, name] of [
      [c, "toString"],
      [c, "constructor"],
      [c, "__proto__"],
      [c, "hasOwnProperty"],
      [f, "call"],
      [f, "bind"],
      [f, "constructor"],
      [PyList.fromArray([1n]), "push"],
      [PyList.fromArray([1n]), "length"],
      [new PyDict(), "size"],
      [new PyDict(), "forEach"],
    ] as const) {
      expect(hasattr(obj, name), `${name}`).toBe(false);
      expect(() => getattr(obj, name)).toThrow(AttributeError);
      expect(() => callm(obj, name)).toThrow(AttributeError);
      if (name in (obj as object)) expect(isJsOnly(obj as object, name), `isJsOnly ${name}`).toBe(true);
    }
  });

  it("an attribute the program sets is visible, and __proto__ never changes the prototype", () => {
    class C extends PyObject {}
    const c = new C();
    setattr(c, "toString", 1n);
    setattr(c, "__proto__", null);
    expect(getattr(c, "toString")).toBe(1n);
    expect(getattr(c, "__proto__")).toBe(null);
    expect(Object.getPrototypeOf(c)).toBe(C.prototype);
    expect(() => setattr(PyList.fromArray([1n, 2n]), "length", 0n)).toThrow(AttributeError);
  });

  it("the escape through a function's constructor raises AttributeError", () => {
    const f = function f() {};
    expect(() => getattr(f, "constructor")).toThrow(AttributeError);
    expect(getattr(f, "constructor", null)).toBe(null);
  });
});
