// typing at run time. Expected values recorded from CPython 3.12.
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";
import { define_class, mro_entry } from "../../src/runtime/program.js";
import * as typing from "../../src/runtime/modules/typing.js";

const { repr, str, getitem, eq, kw, PyTuple, PyList, PyObject, isinstance, len } = R;
const T = (...a: unknown[]) => PyTuple.fromArray(a);

describe("typing names", () => {
  it("reprs of special forms and aliases", () => {
    const TV = new typing.TypeVar("T");
    expect(repr(TV)).toBe("~T");
    expect(repr(typing.Any)).toBe("typing.Any");
    expect(repr(getitem(typing.Optional, R.int))).toBe("typing.Optional[int]");
    expect(repr(getitem(typing.Union, T(R.int, R.str)))).toBe("typing.Union[int, str]");
    expect(repr(getitem(typing.Union, T(R.int, null)))).toBe("typing.Optional[int]");
    expect(repr(getitem(typing.List, R.int))).toBe("typing.List[int]");
    expect(repr(getitem(typing.Dict, T(R.str, R.int)))).toBe("typing.Dict[str, int]");
    expect(repr(getitem(typing.Tuple, T(R.int, R.Ellipsis)))).toBe("typing.Tuple[int, ...]");
    expect(repr(getitem(typing.Callable, T(PyList.fromArray([R.int, R.str]), R.bool)))).toBe("typing.Callable[[int, str], bool]");
    expect(repr(getitem(typing.Callable, T(R.Ellipsis, R.int)))).toBe("typing.Callable[..., int]");
    expect(repr(getitem(typing.Literal, T("a", 1n)))).toBe("typing.Literal['a', 1]");
    expect(repr(getitem(typing.Optional, getitem(typing.List, R.int)))).toBe("typing.Optional[typing.List[int]]");
    expect(repr(getitem(typing.Union, T(R.int, getitem(typing.Union, T(R.str, R.float)))))).toBe("typing.Union[int, str, float]");
    expect(getitem(typing.Union, R.int)).toBe(R.int);
    expect(repr(getitem(typing.Final, R.int))).toBe("typing.Final[int]");
    expect(typing.cast(R.int, "x")).toBe("x");
    expect(typing.TYPE_CHECKING).toBe(false);
  });
  it("Generic and Protocol as bases", () => {
    const TV = new typing.TypeVar("T");
    // (`Generic[T]` is an alias, as in CPython; the class statement's base is what its __mro_entries__ gives)
    expect(repr(getitem(typing.Generic, TV))).toBe("typing.Generic[~T]");
    class Stack extends (mro_entry(getitem(typing.Generic, TV)) as typeof PyObject) {
      declare items: any;
      __init__() {
        this.items = PyList.fromArray([]);
      }
    }
    define_class(Stack, "Stack", { origbases: [getitem(typing.Generic, TV)] });
    expect(repr(R.getattr(Stack, "__parameters__"))).toBe("(~T,)");
    // Stack[int] is a typing alias (CPython's _GenericAlias), which calls the class.
    const alias = getitem(Stack, R.int);
    expect(alias).not.toBe(Stack);
    expect(alias.__origin__).toBe(Stack);
    const s = R.call(alias);
    expect(isinstance(s, Stack)).toBe(true);
    class Closer extends (typing.Protocol as typeof PyObject) {
      close() {}
    }
    define_class(Closer, "Closer", {});
    typing.runtime_checkable(Closer);
    class F extends PyObject {
      close() {}
    }
    class G extends PyObject {}
    expect(isinstance(new F(), Closer)).toBe(true);
    expect(isinstance(new G(), Closer)).toBe(false);
  });
  it("NamedTuple (class and functional form)", () => {
    class Pt extends typing.NamedTuple {
      norm() {
        return R.add(R.abs((this as any).x), R.abs((this as any).y));
      }
    }
    define_class(Pt, "Pt", { attrs: { y: 0n }, annotations: { x: "int", y: "int" } });
    const p = new (Pt as any)(3n, -4n);
    expect(repr(p)).toBe("Pt(x=3, y=-4)");
    expect(p.norm()).toBe(7n);
    expect(repr(p._asdict())).toBe("{'x': 3, 'y': -4}");
    expect(repr((Pt as any)._fields)).toBe("('x', 'y')");
    expect(repr((Pt as any)._field_defaults)).toBe("{'y': 0}");
    expect(eq(p, T(3n, -4n))).toBe(true);
    expect(len(p)).toBe(2n);
    expect(repr(p._replace(kw({ y: 1n })))).toBe("Pt(x=3, y=1)");
    expect(repr((Pt as any)._make(PyList.fromArray([1n, 2n])))).toBe("Pt(x=1, y=2)");
    expect(isinstance(p, R.tuple)).toBe(true);
    expect(() => new (Pt as any)()).toThrow("Pt.__new__() missing 1 required positional argument: 'x'");
    const P2 = new (typing.NamedTuple as any)("P2", PyList.fromArray([T("a", R.int), T("b", R.str)]));
    expect(repr(new P2(1n, "s"))).toBe("P2(a=1, b='s')");
  });
  it("TypedDict makes dicts", () => {
    class Movie extends typing.TypedDict {}
    define_class(Movie, "Movie", { annotations: { title: "str", year: "int" } });
    const m = new (Movie as any)(kw({ title: "Up", year: 2009n }));
    expect(repr(m)).toBe("{'title': 'Up', 'year': 2009}");
    expect(str(R.type(m).__name__)).toBe("dict");
  });
});
