// Expected values recorded from CPython 3.12.
import { describe, expect, it, beforeEach, afterEach } from "vitest";
import * as R from "../../src/runtime/internal.js";
import { setHost, createDefaultHost } from "../../src/runtime/host.js";

const { PyList, PyTuple, PyDict, PySet, kw, repr, str } = R;
const L = (...a: unknown[]) => PyList.fromArray(a);
const T = (...a: unknown[]) => PyTuple.fromArray(a);

let out = "";
beforeEach(() => {
  out = "";
  setHost({ write: (_fd, t) => (out += t) });
});
afterEach(() => {
  setHost(createDefaultHost());
});

function pyErr(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    const p = R.toPyException(e);
    return `${R.typeName(p)}: ${str(p)}`;
  }
  return "no error";
}

describe("repr", () => {
  it("floats", () => {
    const cases: [number, string][] = [
      [1.0, "1.0"],
      [1e-6, "1e-06"],
      [1e16, "1e+16"],
      [1e15, "1000000000000000.0"],
      [-0.0, "-0.0"],
      [Infinity, "inf"],
      [-Infinity, "-inf"],
      [NaN, "nan"],
      [0.1 + 0.2, "0.30000000000000004"],
      [1.5e300, "1.5e+300"],
      [0.0001, "0.0001"],
      [5e-324, "5e-324"],
      [123456789.123, "123456789.123"],
    ];
    for (const [x, s] of cases) expect(repr(x)).toBe(s);
  });
  it("strings", () => {
    expect(repr("it's")).toBe(`"it's"`);
    expect(repr('say "hi"')).toBe(`'say "hi"'`);
    expect(repr(`both ' "`)).toBe(`'both \\' "'`);
    expect(repr("\n\t\x01é\u200b")).toBe("'\\n\\t\\x01é\\u200b'");
    expect(repr("a\\b")).toBe("'a\\\\b'");
  });
  it("containers", () => {
    expect(repr(L(1n, "a", T(1n), T(), null, true, 2.5))).toBe("[1, 'a', (1,), (), None, True, 2.5]");
    const l = L(1n);
    l.append(l);
    expect(repr(l)).toBe("[1, [...]]");
    const d = new PyDict();
    d.__setitem__(1n, "a");
    d.__setitem__(1.0, "b");
    d.__setitem__(true, "c");
    d.__setitem__(T(1n, 2n), d);
    expect(repr(d)).toBe("{1: 'c', (1, 2): {...}}");
    expect(repr(new PySet())).toBe("set()");
    expect(repr(R.frozenset(L(1n)))).toBe("frozenset({1})");
    expect(repr(R.range(5n))).toBe("range(0, 5)");
    expect(repr(R.range(1n, 5n, 2n))).toBe("range(1, 5, 2)");
    expect(repr(d.keys())).toBe("dict_keys([1, (1, 2)])");
  });
  it("exceptions and classes", () => {
    expect(repr(new R.ValueError())).toBe("ValueError()");
    expect(repr(new R.ValueError("x", 1n))).toBe("ValueError('x', 1)");
    expect(str(new R.ValueError("x", 1n))).toBe("('x', 1)");
    expect(str(new R.KeyError("a"))).toBe("'a'");
    expect(str(new R.OSError(2n, "No such file", "f.txt"))).toBe("[Errno 2] No such file: 'f.txt'");
    expect(R.typeName(new R.OSError(2n, "x"))).toBe("FileNotFoundError");
    const g = new R.ExceptionGroup("msg", L(new R.ValueError("a"), new R.TypeError("b")));
    expect(str(g)).toBe("msg (2 sub-exceptions)");
    expect(repr(g)).toBe("ExceptionGroup('msg', [ValueError('a'), TypeError('b')])");
    expect(g instanceof R.Exception).toBe(true);
    expect(pyErr(() => new R.ExceptionGroup("m", L(new R.KeyboardInterrupt())))).toBe("TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
    expect(repr(R.int)).toBe("<class 'int'>");
    class Foo extends R.PyObject {}
    expect(repr(Foo)).toBe("<class '__main__.Foo'>");
    expect(repr(new Foo())).toMatch(/^<__main__\.Foo object at 0x[0-9a-f]+>$/);
    expect(new R.SystemExit(3n).code).toBe(3n);
  });
});

describe("operators", () => {
  it("arithmetic", () => {
    expect(R.floordiv(7n, -2n)).toBe(-4n);
    expect(R.mod(-7n, 3n)).toBe(2n);
    expect(R.mod(-7.5, 2n)).toBe(0.5);
    expect(R.floordiv(-7.5, 2n)).toBe(-4.0);
    expect(R.pow(2n, 100n)).toBe(1267650600228229401496703205376n);
    expect(R.pow(2n, -1n)).toBe(0.5);
    expect(R.pow(2n, -1n, 5n)).toBe(3n);
    expect(R.truediv(1n, 3n)).toBe(1 / 3);
    expect(R.truediv(10n ** 30n, 3n)).toBe(3.333333333333333e29);
    expect(R.mul("ab", 3n)).toBe("ababab");
    expect(repr(R.add(L(1n), L(2n)))).toBe("[1, 2]");
    expect(R.add(true, true)).toBe(2n);
    expect(R.bitand(true, false)).toBe(false);
    expect(R.add(1n, 0.5)).toBe(1.5);
    expect(repr(R.divmod(7n, -2n))).toBe("(-4, -1)");
    expect(repr(R.divmod(7.5, 2n))).toBe("(3.0, 1.5)");
  });
  it("errors", () => {
    expect(pyErr(() => R.truediv(1n, 0n))).toBe("ZeroDivisionError: division by zero");
    expect(pyErr(() => R.floordiv(1n, 0n))).toBe("ZeroDivisionError: integer division or modulo by zero");
    expect(pyErr(() => R.mod(1n, 0n))).toBe("ZeroDivisionError: integer modulo by zero");
    expect(pyErr(() => R.truediv(1.0, 0n))).toBe("ZeroDivisionError: float division by zero");
    expect(pyErr(() => R.add(1n, "a"))).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(pyErr(() => R.add("a", 1n))).toBe('TypeError: can only concatenate str (not "int") to str');
    expect(pyErr(() => R.lt("a", 1n))).toBe("TypeError: '<' not supported between instances of 'str' and 'int'");
    expect(pyErr(() => R.lt(null, 1n))).toBe("TypeError: '<' not supported between instances of 'NoneType' and 'int'");
    expect(pyErr(() => R.mul("a", 1.5))).toBe("TypeError: can't multiply sequence by non-int of type 'float'");
    expect(pyErr(() => R.neg("a"))).toBe("TypeError: bad operand type for unary -: 'str'");
    expect(pyErr(() => R.getitem(L(), 3n))).toBe("IndexError: list index out of range");
    expect(pyErr(() => R.getitem(new PyDict(), 1n))).toBe("KeyError: 1");
    expect(pyErr(() => R.len(5n))).toBe("TypeError: object of type 'int' has no len()");
    expect(pyErr(() => R.iter(5n))).toBe("TypeError: 'int' object is not iterable");
    expect(pyErr(() => R.contains("a", 1n))).toBe("TypeError: 'in <string>' requires string as left operand, not int");
    expect(pyErr(() => R.callm("a", "foo"))).toBe("AttributeError: 'str' object has no attribute 'foo'");
    expect(pyErr(() => R.callm(null, "foo"))).toBe("AttributeError: 'NoneType' object has no attribute 'foo'");
    expect(pyErr(() => R.int("x"))).toBe("ValueError: invalid literal for int() with base 10: 'x'");
    expect(pyErr(() => R.float("x"))).toBe("ValueError: could not convert string to float: 'x'");
    expect(pyErr(() => R.max(L()))).toBe("ValueError: max() iterable argument is empty");
    expect(pyErr(() => R.hash(L()))).toBe("TypeError: unhashable type: 'list'");
  });
  it("comparisons and equality", () => {
    expect(R.eq(1n, 1.0)).toBe(true);
    expect(R.eq(true, 1n)).toBe(true);
    expect(R.eq(T(1n, 2n), T(1.0, 2n))).toBe(true);
    expect(R.eq(L(1n), T(1n))).toBe(false);
    expect(R.lt(T(1n, 2n), T(1n, 3n))).toBe(true);
    expect(R.lt(L(1n), L(1n, 0n))).toBe(true);
    expect(R.eq(2n ** 53n + 1n, 2 ** 53)).toBe(false);
    expect(R.lt(2n ** 53n, 2 ** 53 + 2)).toBe(true);
    expect(R.truthy(NaN)).toBe(true);
    expect(R.truthy(new PyDict())).toBe(false);
    expect(R.contains(L(1n, 2n), 2.0)).toBe(true);
  });
  it("int indices of lists and tuples (the inlined head and the general path agree)", () => {
    const l = L(10n, 20n, 30n);
    expect([R.getitem(l, 0n), R.getitem(l, 2n), R.getitem(l, -1n), R.getitem(l, -3n), R.getitem(l, true)]).toEqual([10n, 30n, 30n, 10n, 20n]);
    expect(R.getitem(T(1n, 2n), -2n)).toBe(1n);
    expect(pyErr(() => R.getitem(l, 3n))).toBe("IndexError: list index out of range");
    expect(pyErr(() => R.getitem(l, -4n))).toBe("IndexError: list index out of range");
    expect(pyErr(() => R.getitem(T(1n), 2n ** 40n))).toBe("IndexError: tuple index out of range");
    expect(pyErr(() => R.getitem(l, -(2n ** 40n)))).toBe("IndexError: list index out of range");
    expect(pyErr(() => R.getitem(l, 1.0))).toBe("TypeError: list indices must be integers or slices, not float");
    R.setitem(l, 0n, 11n);
    R.setitem(l, -1n, 33n);
    R.setitem(l, false, 12n);
    expect(repr(l)).toBe("[12, 20, 33]");
    expect(pyErr(() => R.setitem(l, 3n, 0n))).toBe("IndexError: list assignment index out of range");
    expect(pyErr(() => R.setitem(l, 2n ** 40n, 0n))).toBe("IndexError: list assignment index out of range");
    expect(pyErr(() => R.setitem(T(1n), 0n, 0n))).toBe("TypeError: 'tuple' object does not support item assignment");
  });
  it("slices", () => {
    expect(R.getslice("hello", 1n, null, null)).toBe("ello");
    expect(repr(R.getslice(L(1n, 2n, 3n, 4n), null, null, -1n))).toBe("[4, 3, 2, 1]");
    expect(repr(R.getslice(R.range(10n), 2n, 8n, 3n))).toBe("range(2, 8, 3)");
    expect(R.getslice("abcdef", -2n, null, null)).toBe("ef");
    const l = L(1n, 2n, 3n, 4n, 5n);
    R.setitem(l, new R.PySlice(1n, 3n, null), L(9n));
    expect(repr(l)).toBe("[1, 9, 4, 5]");
  });
  it("user dunders", () => {
    class V extends R.PyObject {
      declare x: bigint;
      __init__(x: bigint) {
        this.x = x;
      }
      __add__(o: V) {
        return new V(this.x + o.x);
      }
      __radd__(o: unknown) {
        return o === 0n ? this : R.NotImplemented;
      }
      __eq__(o: unknown) {
        return o instanceof V && o.x === this.x;
      }
      __hash__() {
        return this.x;
      }
      __lt__(o: V) {
        return this.x < o.x;
      }
      __repr__() {
        return `V(${this.x})`;
      }
      __len__() {
        return this.x;
      }
    }
    expect(repr(R.sum(L(new V(1n), new V(2n))))).toBe("V(3)");
    expect(repr(R.sorted(L(new V(3n), new V(1n))))).toBe("[V(1), V(3)]");
    const d = new PyDict();
    d.__setitem__(new V(1n), "a");
    expect(d.get(new V(1n))).toBe("a");
    expect(R.truthy(new V(0n))).toBe(false);
    expect(R.len(new V(4n))).toBe(4n);
  });
});

describe("formatting", () => {
  const f = (v: unknown, s: string) => R.format(v, s);
  it("format spec", () => {
    expect(f(0.6123, ".2")).toBe("0.61");
    expect(f(123.4, ".2")).toBe("1.2e+02");
    expect(f(1.0, ".2")).toBe("1.0");
    expect(f(1e16, ".3")).toBe("1e+16");
    expect(f(3.14159, ">8.3f")).toBe("   3.142");
    expect(f(1234n, "08,")).toBe("0,001,234");
    expect(f(-1234.5, "010,.1f")).toBe("-001,234.5");
    expect(f(255n, "#x")).toBe("0xff");
    expect(f(255n, "#010b")).toBe("0b11111111");
    expect(f(12345678n, "_x")).toBe("bc_614e");
    expect(f(0.5, ".0f")).toBe("0");
    expect(f(2.5, ".0f")).toBe("2");
    expect(f(0.125, ".2f")).toBe("0.12");
    expect(f(1e22, ".2f")).toBe("10000000000000000000000.00");
    expect(f(1.0, "g")).toBe("1");
    expect(f(1e-5, "g")).toBe("1e-05");
    expect(f(123456789.0, "g")).toBe("1.23457e+08");
    expect(f(1.5, "#g")).toBe("1.50000");
    expect(f(1234567.0, ",")).toBe("1,234,567.0");
    expect(f(-0.0, "z.1f")).toBe("0.0");
    expect(f(0.256, ".1%")).toBe("25.6%");
    expect(f(NaN, "F")).toBe("NAN");
    expect(f(Infinity, "+e")).toBe("+inf");
    expect(f("ab", "^7")).toBe("  ab   ");
    expect(f("abc", ".2")).toBe("ab");
    expect(f(3n, "=+5")).toBe("+   3");
    expect(f(true, ">5")).toBe("    1");
    expect(f(true, "")).toBe("True");
    expect(f(12n, "e")).toBe("1.200000e+01");
    expect(f(12n, "%")).toBe("1200.000000%");
    expect(f(2n ** 70n, ",")).toBe("1,180,591,620,717,411,303,424");
    expect(f(-5n, "#x")).toBe("-0x5");
    expect(f(5e-324, ".3e")).toBe("4.941e-324");
    expect(f(-54.923300375504255, ".2")).toBe("-5.5e+01");
    expect(f(1.5, ".1")).toBe("2e+00");
    expect(f(10.0, ".3")).toBe("10.0");
    expect(f(99.99, ".3")).toBe("1e+02");
    expect(pyErr(() => f(1.5, "d"))).toBe("ValueError: Unknown format code 'd' for object of type 'float'");
  });
  it("percent", () => {
    expect(
      R.percentFormat(
        "%5d|%-5d|%05.1f|%x|%X|%#o|%e|%g|%r|%s|%c|%%|%+d|% d",
        T(42n, 42n, 3.14159, 255n, 255n, 8n, 12345.678, 0.00001234, "a", null, 65n, 5n, 5n),
      ),
    ).toBe("   42|42   |003.1|ff|FF|0o10|1.234568e+04|1.234e-05|'a'|None|A|%|+5| 5");
    const d = new PyDict();
    d.__setitem__("a", 1n);
    d.__setitem__("b", 2.5);
    expect(R.percentFormat("%(a)s-%(b)05.2f", d)).toBe("1-02.50");
    expect(R.percentFormat("%d", 3.9)).toBe("3");
    expect(R.percentFormat("%s", L(1n, 2n))).toBe("[1, 2]");
    expect(R.percentFormat("%*d", T(5n, 3n))).toBe("    3");
    expect(pyErr(() => R.percentFormat("%s %s", T(1n)))).toBe("TypeError: not enough arguments for format string");
    expect(pyErr(() => R.percentFormat("%s", T(1n, 2n)))).toBe("TypeError: not all arguments converted during string formatting");
  });
  it("str.format and f-strings", () => {
    expect(R.strFormat("{0}{1}{0}", "a", "b")).toBe("aba");
    expect(R.strFormat("{x.real}", kw({ x: 3n }))).toBe("3");
    expect(R.strFormat("{0[1]}", L(1n, 2n))).toBe("2");
    expect(R.strFormat("{:{w}.{p}f}", 3.14159, kw({ w: 10n, p: 2n }))).toBe("      3.14");
    expect(R.strFormat("{!r:>6}", "a")).toBe("   'a'");
    expect(R.strFormat("{{}}")).toBe("{}");
    expect(R.format_value("a", "r", "")).toBe("'a'");
    expect(pyErr(() => R.strFormat("{}"))).toBe("IndexError: Replacement index 0 out of range for positional args tuple");
    expect(pyErr(() => R.strFormat("{0}{}", 1n, 2n))).toBe("ValueError: cannot switch from manual field specification to automatic field numbering");
  });
});

describe("str methods", () => {
  const m = R.callm;
  it("work like Python", () => {
    expect(repr(m("a,b,,c", "split", ","))).toBe("['a', 'b', '', 'c']");
    expect(repr(m(" a  b ", "split"))).toBe("['a', 'b']");
    expect(repr(m("a b c", "split", null, 1n))).toBe("['a', 'b c']");
    expect(repr(m("a b c", "rsplit", null, 1n))).toBe("['a b', 'c']");
    expect(m("xxhixx", "strip", "x")).toBe("hi");
    expect(m("-", "join", L("a", "b"))).toBe("a-b");
    expect(m("abc", "center", 6n)).toBe(" abc  ");
    expect(m("ab", "center", 5n)).toBe("  ab ");
    expect(m("-42", "zfill", 6n)).toBe("-00042");
    expect(m("hello world's", "title")).toBe("Hello World'S");
    expect(m("abc", "startswith", T("x", "a"))).toBe(true);
    expect(m("hello", "find", "l")).toBe(2n);
    expect(m("hello", "rfind", "l")).toBe(3n);
    expect(m("hello", "count", "l")).toBe(2n);
    expect(repr(m("a=b=c", "partition", "="))).toBe("('a', '=', 'b=c')");
    expect(repr(m("a\nb\r\nc", "splitlines"))).toBe("['a', 'b', 'c']");
    expect(m("ab", "replace", "", "-")).toBe("-a-b-");
    expect(m("aaa", "replace", "a", "b", 2n)).toBe("bba");
    expect(m("a\tb", "expandtabs")).toBe("a       b");
    expect(m(255n, "bit_length")).toBe(8n);
    expect(repr(m(0.5, "as_integer_ratio"))).toBe("(1, 2)");
    expect(m(1.0, "hex")).toBe("0x1.0000000000000p+0");
    expect(pyErr(() => m("x", "index", "y"))).toBe("ValueError: substring not found");
    expect(pyErr(() => m(",", "join", L(1n)))).toBe("TypeError: sequence item 0: expected str instance, int found");
  });
});

describe("builtin functions", () => {
  it("print", () => {
    R.print(1n, 2.5, "a", null, true, L(1n, "a"));
    R.print("x", "y", kw({ sep: "-", end: "!\n" }));
    R.print();
    expect(out).toBe("1 2.5 a None True [1, 'a']\nx-y!\n\n");
  });
  it("conversions", () => {
    expect(R.int("ff", 16n)).toBe(255n);
    expect(R.int(3.9)).toBe(3n);
    expect(R.int(" 1_000 ")).toBe(1000n);
    expect(R.int("0x1f", 0n)).toBe(31n);
    expect(R.float(" -1_0.5e1 ")).toBe(-105.0);
    expect(R.float("nAn")).toBeNaN();
    expect(R.hex(-255n)).toBe("-0xff");
    expect(R.bin(-5n)).toBe("-0b101");
    expect(R.oct(8n)).toBe("0o10");
    expect(R.chr(65n)).toBe("A");
    expect(R.ord("€")).toBe(8364n);
    expect(R.len("héllo")).toBe(5n);
    expect(R.len("a😀b")).toBe(3n);
  });
  it("numbers", () => {
    expect(R.round(2.675, 2n)).toBe(2.67);
    expect(R.round(0.5)).toBe(0n);
    expect(R.round(1.5)).toBe(2n);
    expect(R.round(-2.5)).toBe(-2n);
    expect(R.round(1250n, -2n)).toBe(1200n);
    expect(R.round(1.25, 1n)).toBe(1.2);
    expect(R.sum(L(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1))).toBe(1.0);
    expect(R.sum(L(1e100, 1.0, -1e100))).toBe(1.0);
    expect(R.sum(L(1n, 2n, 3n))).toBe(6n);
    expect(R.hash(T(1n, 2n))).toBe(-3550055125485641917n);
    expect(R.hash(T())).toBe(5740354900026072187n);
    expect(R.hash(1.5)).toBe(1152921504606846977n);
    expect(R.hash(-2.5)).toBe(-1152921504606846978n);
    expect(R.hash(-1n)).toBe(-2n);
    expect(R.hash(T(1n, T(2n, 3n)))).toBe(7267574591690527098n);
    expect(R.abs(-3n)).toBe(3n);
  });
  it("iteration helpers", () => {
    expect(repr(R.list(R.enumerate(L("a", "b"), 1n)))).toBe("[(1, 'a'), (2, 'b')]");
    expect(repr(R.list(R.zip(L(1n, 2n), "ab")))).toBe("[(1, 'a'), (2, 'b')]");
    expect(repr(R.sorted(L(3n, 1n, 2n), kw({ reverse: true })))).toBe("[3, 2, 1]");
    expect(repr(R.sorted(L("bb", "a", "ccc"), kw({ key: R.len })))).toBe("['a', 'bb', 'ccc']");
    expect(R.max(L(1n, 3n, 2n), kw({ key: (x: bigint) => -x }))).toBe(1n);
    expect(repr(R.max(L(T(1n, "a"), T(1n, "b"))))).toBe("(1, 'b')");
    expect(R.max(L(), kw({ default: 5n }))).toBe(5n);
    expect(repr(R.list(R.reversed(L(1n, 2n))))).toBe("[2, 1]");
    expect(repr(R.list(R.map((x: bigint) => x * 2n, L(1n, 2n))))).toBe("[2, 4]");
    expect(repr(R.list(R.filter(null, L(0n, 1n, "", "a"))))).toBe("[1, 'a']");
    expect(R.any(L(0n, 1n))).toBe(true);
    expect(R.all(L())).toBe(true);
    const it = R.iter(L(1n));
    expect(R.next(it)).toBe(1n);
    expect(R.next(it, "done")).toBe("done");
    expect(pyErr(() => R.next(it))).toBe("StopIteration: ");
  });
  it("types", () => {
    expect(R.isinstance(true, R.int)).toBe(true);
    expect(R.isinstance(1n, R.float)).toBe(false);
    expect(R.isinstance(L(), T(R.tuple, R.list))).toBe(true);
    expect(R.issubclass(R.bool, R.int)).toBe(true);
    expect(R.issubclass(R.KeyError, R.LookupError)).toBe(true);
    expect(repr(R.type(true))).toBe("<class 'bool'>");
    expect(repr(R.type(null))).toBe("<class 'NoneType'>");
    expect(repr(R.type(R.len))).toBe("<class 'builtin_function_or_method'>");
    expect(repr(R.type(() => 0))).toBe("<class 'function'>");
    expect(repr(R.type(R.int))).toBe("<class 'type'>");
    expect(repr(R.type(R.range(2n)))).toBe("<class 'range'>");
    expect(R.type(L()) === R.list).toBe(true);
    expect((R.type("x") as { __name__: string }).__name__).toBe("str");
  });
  it("list and dict methods", () => {
    const l = L(3n, 1n, 2n);
    l.sort();
    expect(repr(l)).toBe("[1, 2, 3]");
    expect(l.pop()).toBe(3n);
    expect(l.pop(0n)).toBe(1n);
    l.insert(-1n, 7n);
    expect(repr(l)).toBe("[7, 2]");
    expect(pyErr(() => L().pop())).toBe("IndexError: pop from empty list");
    expect(pyErr(() => L(1n).remove(5n))).toBe("ValueError: list.remove(x): x not in list");
    expect(pyErr(() => L(1n).index(5n))).toBe("ValueError: 5 is not in list");
    const d = R.dict(kw({ a: 1n }));
    expect(d.setdefault("b", 2n)).toBe(2n);
    expect(repr(d.popitem())).toBe("('b', 2)");
    expect(pyErr(() => new PyDict().popitem())).toBe("KeyError: 'popitem(): dictionary is empty'");
    expect(repr(R.bitor(d, R.dict(kw({ c: 3n }))))).toBe("{'a': 1, 'c': 3}");
    expect(repr(PyDict.fromkeys("ab", 0n))).toBe("{'a': 0, 'b': 0}");
    const s = new PySet(L(1n, 2n));
    expect(repr(R.bitand(s, new PySet(L(2n, 3n))))).toBe("{2}");
    expect(pyErr(() => new PySet().pop())).toBe("KeyError: 'pop from an empty set'");
    expect(pyErr(() => d.__setitem__(L(1n), 1n))).toBe("TypeError: unhashable type: 'list'");
  });
});

describe("toPyException", () => {
  it("maps JS errors", () => {
    expect(R.typeName(R.toPyException(new RangeError("Maximum call stack size exceeded")))).toBe("RecursionError");
    const e = R.toPyException(new TypeError("Cannot read properties of null (reading 'foo')"));
    expect(repr(e)).toBe(`AttributeError("'NoneType' object has no attribute 'foo'")`);
  });
});

describe("list and tuple share the sequence methods (sequence.ts)", () => {
  it("compare, concatenate and repeat only with their own kind, with CPython's messages", () => {
    // CPython 3.12: [1,2] < [1,3], (2,) > (1,5), [1] == (1,) is False, [1].__lt__((1,)) is NotImplemented
    expect(R.lt(L(1n, 2n), L(1n, 3n))).toBe(true);
    expect(R.gt(T(2n), T(1n, 5n))).toBe(true);
    expect(R.eq(L(1n), T(1n))).toBe(false);
    expect(L(1n).__lt__(T(1n))).toBe(R.NotImplemented);
    expect(T(1n).__eq__(L(1n))).toBe(R.NotImplemented);
    expect(pyErr(() => R.lt(L(1n), T(1n)))).toBe("TypeError: '<' not supported between instances of 'list' and 'tuple'");
    expect(pyErr(() => R.add(L(1n), T(2n)))).toBe('TypeError: can only concatenate list (not "tuple") to list');
    expect(pyErr(() => R.add(T(1n), L(2n)))).toBe('TypeError: can only concatenate tuple (not "list") to tuple');
    expect(repr(R.add(T(1n), T(2n)))).toBe("(1, 2)");
    expect(repr(R.mul(2n, L(1n, "a")))).toBe("[1, 'a', 1, 'a']");
    const t = R.mul(T(1n), 2n);
    expect(t instanceof PyTuple && Object.isFrozen(t)).toBe(true);
    expect(pyErr(() => L(1n).index(5n))).toBe("ValueError: 5 is not in list");
    expect(pyErr(() => T(1n).index(5n))).toBe("ValueError: tuple.index(x): x not in tuple");
    expect(T(1n, 2n, 2n).count(2n)).toBe(2n);
  });
  it("are installed on each class, so no class comes between list/tuple and Array (__mro__, super(), dir())", () => {
    expect(Object.getPrototypeOf(PyList.prototype)).toBe(Array.prototype);
    expect(Object.getPrototypeOf(PyTuple.prototype)).toBe(Array.prototype);
    for (const cls of [PyList, PyTuple]) {
      const d = Object.getOwnPropertyDescriptor(cls.prototype, "__lt__")!;
      expect(typeof d.value === "function" && !d.enumerable).toBe(true);
    }
    // Each kind keeps its own methods (CPython: list.__lt__ is not tuple.__lt__).
    expect(PyList.prototype.__lt__).not.toBe(PyTuple.prototype.__lt__);
  });
});

describe("range iteration", () => {
  // A range of step 1 inside 0..1023 hands out shared BigInts; other ranges add the step: the same values.
  it("yields the same values inside, across and outside the small-int table", () => {
    const values = (...args: bigint[]) => [...(R.range(...args) as Iterable<bigint>)];
    expect(values(5n)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(values(1020n, 1026n)).toEqual([1020n, 1021n, 1022n, 1023n, 1024n, 1025n]);
    expect(values(1000n, 1024n)).toHaveLength(24);
    expect(values(1000n, 1024n)[23]).toBe(1023n);
    expect(values(-2n, 2n)).toEqual([-2n, -1n, 0n, 1n]);
    expect(values(0n, 7n, 3n)).toEqual([0n, 3n, 6n]);
    expect(values(0n)).toEqual([]);
    expect(values(2000n, 2003n)).toEqual([2000n, 2001n, 2002n]);
    const it = (R.range(10n) as Iterable<bigint>)[Symbol.iterator]() as Iterator<bigint> & { __length_hint__(): bigint };
    it.next();
    it.next();
    expect(it.__length_hint__()).toBe(8n);
    expect(it.next().value).toBe(2n);
  });
});

describe("container methods' bounds come from one table (builtin-arity.ts CONTAINER_METHODS)", async () => {
  const { CONTAINER_METHODS } = await import("../../src/runtime/builtins/builtin-arity.js");
  const receivers: Record<string, () => unknown> = { list: () => L(1, 2), tuple: () => T(1, 2), dict: () => new PyDict([[1, 2]]), set: () => new PySet([1]) };
  it("each method refuses one argument more than its maximum and one fewer than its minimum, as the table says", () => {
    for (const [type, methods] of Object.entries(CONTAINER_METHODS))
      for (const [name, [min, max]] of Object.entries(methods)) {
        const call = (n: number) => pyErr(() => (receivers[type]() as Record<string, (...a: unknown[]) => unknown>)[name](...Array(n).fill(0n)));
        if (max !== Infinity) expect(call(max + 1), `${type}.${name}`).toMatch(/^TypeError: .*(argument|arguments)/);
        if (min > 0) expect(call(min - 1), `${type}.${name}`).toMatch(/^TypeError: .*(argument|arguments)/);
      }
  });
  it("keywords: refused but by dict.update; an empty **{} passes nothing (d.get(1, **{}) has no default)", async () => {
    const { callkw_method } = await import("../../src/runtime/program.js");
    const d = new PyDict([[1n, 2n]]);
    expect(callkw_method(d, "get", L(5), {})).toBe(null);
    expect(pyErr(() => callkw_method(L(), "append", L(), { x: 1n }))).toBe("TypeError: list.append() takes no keyword arguments");
    expect(pyErr(() => R.callm(d, "get", kw({ k: 1n })))).toBe("TypeError: dict.get() takes no keyword arguments");
    expect(pyErr(() => R.call(R.getattr(T(1), "count"), kw({ value: 1n })))).toBe("TypeError: tuple.count() takes no keyword arguments");
    callkw_method(d, "update", L(), { a: 1n });
    expect(repr(d)).toBe("{1: 2, 'a': 1}");
  });
});
