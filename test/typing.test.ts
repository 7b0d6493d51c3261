// Types from the program (annotations.ts) and plain code only where the compiler proved what a value
// is (inference.ts, plain-access.ts): annotations become TS types but never change the code.
import { describe, expect, it } from "vitest";
import { transpile } from "../src/index.js";
import { PYSTR_METHODS } from "../src/lower/calls.js";
import { pystr } from "../src/runtime/builtins/strmethods.js";

const ts = async (source: string) => {
  const r = await transpile(source, { format: false });
  expect(r.diagnostics).toEqual([]);
  return r.code;
};

describe("annotations become TS types", () => {
  const cases: [string, string][] = [
    ["list[int]", "PyList<bigint>"],
    ["dict[str, float]", "PyDict<string, number | bigint>"],
    ["set[str]", "PySet<string>"],
    ["frozenset[int]", "PyFrozenSet<bigint>"],
    ["tuple[str, int]", "PyTuple<string | bigint>"],
    ["tuple[int, ...]", "PyTuple<bigint>"],
    ["Optional[str]", "string | null"],
    ["int | None", "bigint | null"],
    ["Union[int, str]", "bigint | string"],
    ['Literal["a", 1]', '"a" | 1n'],
    ["Callable[[int], str]", "((arg0: bigint) => string)"],
    ["Callable[[int, Optional[str]], Awaitable[bool]]", "((arg0: bigint, arg1: string | null) => $Awaitable<boolean>)"],
    ["Callable[[], None]", "(() => null | void)"],
    ["Callable[..., str]", "((...args: any[]) => string)"],
    ["asyncio.Queue[int]", "Queue<bigint>"],
    ["asyncio.Lock", "Lock"],
    ["Any", "any"],
    ["TypeGuard[list[int]]", "boolean"],
    ["object", "unknown"],
    // (a class whose instances are ValueErrors, whatever its constructor takes; abstract ones too)
    ["Optional[Type[ValueError]]", "(abstract new (...args: any[]) => ValueError) | null"],
    ["type", "any"],
  ];
  for (const [annotation, type] of cases) {
    it(`${annotation} is ${type}`, async () => {
      const code = await ts(`import asyncio\nfrom typing import *\ndef f(x: ${annotation}) -> None:\n    print(x)\n`);
      expect(code).toContain(`function f(x: ${type}): void`);
    });
  }

  it("TypeVars are type parameters of generic functions and classes; a decorated class gets an instance interface", async () => {
    const code = await ts(
      `from typing import TypeVar, Generic\nfrom dataclasses import dataclass\nT = TypeVar("T")\ndef first(xs: list[T]) -> T:\n    return xs[0]\nclass Box(Generic[T]):\n    def get(self) -> T:\n        return self.v\n@dataclass\nclass Job:\n    id: int\ndef run(j: Job) -> int:\n    return j.id\n`,
    );
    expect(code).toContain("function first<T>(xs: PyList<T>): T");
    expect(code).toContain("class Box<T> extends");
    expect(code).toMatch(/interface Job \{\n\s*id: bigint;/);
    expect(code).toContain("function run(j: Job): bigint");
  });

  it("*args, keyword-only parameters and **kwargs are declared with their annotations' types", async () => {
    const code = await ts(`def f(*args: int, name: str = "x", **kw: float) -> None:\n    print(args, name, kw)\n`);
    expect(code).toContain("let args: PyTuple<bigint> = _args.args;");
    expect(code).toContain('let name: string = _args.kw["name"];');
    expect(code).toContain("let kw: PyDict<string, number | bigint> = _args.kwargs;");
    const alone = await ts(`def g(*args: int) -> tuple[int, ...]:\n    return args\n`);
    expect(alone).toContain("function g(...$rest: any[]): PyTuple<bigint> {\n  let args: PyTuple<bigint> = varargs($rest);");
  });

  it("a parameter's type admits what the program passes, when the annotation does not (annotations are not enforced)", async () => {
    const code = await ts(
      `def retry(on: Exception, ttl: int = 3600, name: str = None, mode: Literal["a", "b"] = "a") -> None:\n    print(on, ttl, name, mode)\nretry(ValueError, 0.05, mode="b")\nretry(ValueError(), 2)\n`,
    );
    expect(code).toContain(
      'function retry(on: Exception | typeof ValueError, ttl: bigint | number = 3600n, name: string | null = null, mode: "a" | "b" = "a"): void',
    );
  });

  it("a parameter the body rebinds admits what it is given: a literal's type, an instance __new__ makes; other calls keep the annotation", async () => {
    const code = await ts(
      `import asyncio\nclass Score(int):\n    def __new__(cls, value: int):\n        value = super().__new__(cls, value)\n        return value\n` +
        `def pause(delay: int) -> None:\n    delay = 0.5\n    print(delay)\n` +
        `async def run(loop: asyncio.AbstractEventLoop = None) -> None:\n    loop = asyncio.get_running_loop()\n    print(loop)\n`,
    );
    expect(code).toMatch(/__new__\(value: any\)/);
    expect(code).toContain("function pause(delay: bigint | number): void");
    expect(code).toMatch(/loop: AbstractEventLoop \| null = null/);
  });
  it("an attribute a method reads from self that only code outside the class sets is declared (any)", async () => {
    const code = await ts(`class P:\n    def done(self):\n        self.closed.append(1)\n        return self.other\np = P()\np.closed = []\np.done()\n`);
    expect(code).toContain("declare closed: any;");
    // (nothing sets `other`: no declaration, the read stays a possible AttributeError)
    expect(code).not.toContain("declare other");
  });
  it("an attribute a base's method reads from self that only a subclass's body sets is declared (any)", async () => {
    const code = await ts(`class Framed:\n    def size(self):\n        return len(self.fmt)\nclass Long(Framed):\n    fmt = "<L"\nprint(Long().size())\n`);
    expect(code).toMatch(/class Framed extends PyObject \{\n\s*declare fmt: any;/);
  });
  it("a method's parameter admits what calls of a method of that name pass; a nonlocal annotated Optional is narrowed", async () => {
    const code = await ts(
      `import asyncio\nclass Event: pass\nclass Broker:\n    def pub(self, event: Event) -> None:\n        print(event)\n` +
        `def run(b: Broker) -> None:\n    b.pub(None)\n` +
        `def outer():\n    task: asyncio.Task | None = None\n    def inner():\n        nonlocal task\n        if task and not task.done():\n            task.cancel()\n    return inner\n`,
    );
    expect(code).toContain("pub(event: Event | null): void");
    expect(code).toContain("task !== null && truthy(task)");
  });
  it("a generic class named bare is Box<any>; a callable Protocol is its __call__'s function type", async () => {
    const code = await ts(
      `from typing import Awaitable, Generic, ParamSpec, Protocol, TypeVar\nP = ParamSpec("P")\nT = TypeVar("T")\nclass Box(Generic[T]):\n    pass\nclass AsyncCallable(Protocol[P, T]):\n    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Awaitable[T]: ...\ndef f(b: Box, g: AsyncCallable[..., str]) -> None:\n    print(b, g)\n`,
    );
    // (the runtime's Awaitable type is imported as $Awaitable: the program's own name is typing's)
    expect(code).toContain("function f(b: Box<any>, g: ((...args: any[]) => $Awaitable<string>)): void");
    expect(code).toContain("let args: PyTuple<any> = _args.args;");
    expect(code).toContain("let kwargs: PyDict<string, any> = _args.kwargs;");
  });

  it("a class named through a dotted module is that module's (concurrent.futures.Future is not asyncio's; a second Future is renamed)", async () => {
    const code = await ts(
      `import asyncio\nimport concurrent.futures\nimport concurrent.futures as cf\nfrom concurrent import futures\nimport queue\nfrom queue import Queue\n` +
        `def f(a: concurrent.futures.Future[int], b: cf.Future[int], c: futures.Future[int], d: queue.Queue[int], e: Queue[int], g: asyncio.Future[int]) -> None:\n    print(a, b, c, d, e, g)\n`,
    );
    expect(code).toContain("function f(a: Future, b: Future, c: Future, d: Queue, e: Queue, g: $Future2<bigint>): void");
    expect(code).toContain('import type { Future } from "tsyncio/runtime/concurrent_futures";');
    expect(code).toContain('import type { Future as $Future2 } from "tsyncio/runtime/asyncio";');
  });

  it("asyncio's submodules' classes are asyncio's containers; a generic runtime class gets its type arguments; a class of the program's own named Queue is the program's", async () => {
    const code = await ts(
      `import asyncio.queues\nimport collections\nfrom typing import Generic, TypeVar\nT = TypeVar("T")\nclass Task(Generic[T]):\n    pass\n` +
        `def f(q: asyncio.queues.Queue[str], d: collections.deque[int], e: collections.deque, t: Task[int]) -> None:\n    print(q, d, e, t)\n`,
    );
    expect(code).toContain("function f(q: Queue<string>, d: deque<bigint>, e: deque<any>, t: Task<bigint>): void");
  });

  it("a subclass does not redeclare as a field what its base has as an accessor (Thread.daemon, a property of the program's)", async () => {
    const code = await ts(
      `import threading\nclass Sized:\n    @property\n    def size(self) -> int:\n        return 1\n    @size.setter\n    def size(self, v: int) -> None:\n        pass\n` +
        `class Big(Sized):\n    def __init__(self) -> None:\n        self.size = 3\n        self.extra: int = 2\n` +
        `class Worker(threading.Thread):\n    def __init__(self) -> None:\n        super().__init__()\n        self.daemon = True\n        self.name: str = "w"\n        self.count = 0\n`,
    );
    expect(code).not.toContain("declare size");
    expect(code).not.toContain("declare daemon");
    // (a field the base has is redeclared `any`, which any base type admits)
    expect(code).toContain("declare name: any;");
    expect(code).toContain("declare count: any;");
  });

  it("an attribute a method annotates (self.x: T = v) is a field of that type; the class body's annotation comes first", async () => {
    const code = await ts(
      `from typing import Optional\nclass Job:\n    name: str\n    def __init__(self) -> None:\n        self.name: int = 1\n        self.tags: list[str] = []\n        self.parent: Optional["Job"] = None\n        self.plain = 0\n`,
    );
    expect(code).toContain("declare name: string;");
    expect(code).toContain("declare tags: PyList<string>;");
    expect(code).toContain("declare parent: Job | null;");
    expect(code).toContain("declare plain: any;");
  });

  it("collections' dict subclasses are their runtime classes (OrderedDict has move_to_end)", async () => {
    const code = await ts(
      `import collections\nfrom typing import DefaultDict, Counter\ndef f(o: collections.OrderedDict[str, int], d: DefaultDict[str, int], c: Counter[str]) -> None:\n    print(o, d, c)\n`,
    );
    expect(code).toContain("function f(o: OrderedDict<string, bigint>, d: defaultdict<string, bigint>, c: $Counter<string>): void");
  });

  it("what a class method reads through cls that the class body or a class method sets is a static declaration (not a method's name)", async () => {
    const code = await ts(
      `class Registry:\n    items = []\n    @classmethod\n    def setup(cls):\n        cls.conn = object()\n        cls.items.append(cls.conn)\n        cls.helper()\n        cls.other = 1\n    @classmethod\n    def helper(cls):\n        return cls.conn\n`,
    );
    expect(code).toContain("declare static items: any;");
    expect(code).toContain("declare static conn: any;");
    // (set but never read through cls: setattr needs no declaration; a class method is a static already)
    expect(code).not.toContain("declare static other");
    expect(code).not.toContain("declare static helper");
  });

  it("a static or class method a method calls through self is declared on the instance side too (TS finds statics on the class only)", async () => {
    const code = await ts(
      `class Reader:\n    def __init__(self):\n        self.lines = self.split("a b")\n        self.made = self.make()\n    @staticmethod\n    def split(s):\n        return s.split()\n    @classmethod\n    def make(cls):\n        return cls\n    @staticmethod\n    def unused():\n        return 1\n`,
    );
    expect(code).toContain("declare split: any;");
    expect(code).toContain("declare make: any;");
    expect(code).not.toContain("declare unused");
  });

  it("a mixin declares what its methods read from self that the classes it is mixed into provide (self.assertEqual)", async () => {
    const code = await ts(
      `import unittest\nclass Checks:\n    def test_one(self):\n        self.assertEqual(self.value, 1)\n        self.helper()\n    def helper(self):\n        pass\nclass Real(Checks, unittest.TestCase):\n    value = 1\n`,
    );
    expect(code).toMatch(/class Checks extends PyObject \{\n(\s*declare \w+: any;\n)*\s*declare assertEqual: any;/);
    expect(code).not.toContain("declare helper");
  });

  it("a coroutine function keeps the type TS infers; its generator returns the annotated type", async () => {
    const code = await ts(`async def f(n: int) -> str:\n    return str(n)\n`);
    expect(code).toContain("const f = coroutine_function(function*(n: bigint): Generator<unknown, string, any>");
  });
});

describe("plain code only where proven", () => {
  it("an annotated parameter is not trusted: its operators stay dynamic", async () => {
    const code = await ts(`def given(v):\n    return v\ndef f(x: int, s: str):\n    return x + 1, s.upper()\nf(given(1), given("a"))\n`);
    expect(code).toContain("add(x, 1n)");
    expect(code).toContain('callm(s, "upper")');
  });

  it("names every binding of which agrees are proven: native operators, str methods, direct attributes", async () => {
    const code = await ts(
      `class P:\n    def __init__(self):\n        self.n = 0\ndef f():\n    total = 0\n    for i in range(3):\n        total += i * 2\n    name = "ab"\n    p = P()\n    p.n += 1\n    return total, name.upper(), -total, p.n\n`,
    );
    expect(code).toContain("total = total + i * 2n");
    expect(code).toContain("pystr.upper(name)");
    expect(code).toContain("-total");
    // every write of `.n` gives an int: the attribute is an int too
    expect(code).toContain("p.n = p.n + 1n");
  });

  it("a name bound to values of different types, or written by another scope, is not proven", async () => {
    const code = await ts(
      `def f(flag):\n    x = 1\n    if flag:\n        x = 0.5\n    y = 1\n    def g():\n        nonlocal y\n        y = "s"\n    g()\n    return x + 1, y + 1\n`,
    );
    expect(code).toContain("add(x, 1n)");
    expect(code).toContain("add(y, 1n)");
  });

  it("parameters are typed from their call sites only when every call passes the same proven type", async () => {
    const same = await ts(`def double(n):\n    return n * 2\nprint(double(1), double(2))\n`);
    expect(same).toContain("return n * 2n");
    const mixed = await ts(`def double(n):\n    return n * 2\nprint(double(1), double(0.5))\n`);
    expect(mixed).toContain("mul(n, 2n)");
    const escapes = await ts(`def double(n):\n    return n * 2\nf = double\nprint(double(1), f("a"))\n`);
    expect(escapes).toContain("mul(n, 2n)");
  });

  it("an attribute is typed only when every write of its name, on any object, gives the same type", async () => {
    const one = await ts(`class C:\n    def __init__(self):\n        self.k = 0\n    def inc(self):\n        self.k += 1\n        return self.k * 2\n`);
    expect(one).toContain("this.k = this.k + 1n");
    expect(one).toContain("return this.k * 2n");
    const other = await ts(
      `class C:\n    def __init__(self):\n        self.k = 0\n    def inc(self):\n        self.k += 1\n        return self.k * 2\nclass D:\n    def __init__(self):\n        self.k = "s"\n`,
    );
    expect(other).toContain("iadd(this.k, 1n)");
    const dynamic = await ts(`class C:\n    def __init__(self):\n        self.k = 0\n    def inc(self):\n        self.k += 1\nsetattr(C(), "k", "s")\n`);
    expect(dynamic).toContain('iadd(this.k ?? getattr(this, "k"), 1n)');
  });

  it("own functions' returns, runtime results and await of own coroutine methods are proven", async () => {
    const code = await ts(
      `import asyncio\ndef name() -> str:\n    return "n"\nclass W:\n    async def step(self):\n        return 1\n    async def run(self):\n        n = await self.step()\n        return n + 1, name() + "!"\nasync def main():\n    loop = asyncio.get_running_loop()\n    t0 = loop.time()\n    q = asyncio.Queue()\n    while not q.empty():\n        pass\n    async with asyncio.TaskGroup() as tg:\n        pass\n    print(loop.time() - t0, await W().run())\n`,
    );
    expect(code).toContain("yield* this.step()");
    expect(code).toContain("n + 1n");
    expect(code).toContain('name() + "!"');
    expect(code).toContain("loop.time() - t0");
    expect(code).toContain("while (!q.empty())");
    expect(code).toMatch(/_value\d* = yield\* _mgr\d*\.__aenter__\(\)/);
  });

  it("a method a subclass overrides is not awaited directly: the override may return any awaitable", async () => {
    const code = await ts(
      `class W:\n    async def step(self):\n        return 1\n    async def run(self):\n        return await self.step()\nclass L(W):\n    def step(self):\n        return None\n`,
    );
    expect(code).toContain("awaitable(this.step())");
  });

  it("self.x is this.x only when set before the instance can be seen; else a missing one still raises", async () => {
    const set = await ts(`class C:\n    def __init__(self):\n        self.x = 1\n    def get(self):\n        return self.x\n`);
    expect(set).toContain("return this.x;");
    const late = await ts(`class C:\n    def __init__(self):\n        self.show()\n        self.x = 1\n    def show(self):\n        print(self.x)\n`);
    expect(late).toContain('this.x ?? getattr(this, "x")');
    const sub = await ts(
      `class C:\n    def __init__(self):\n        self.x = 1\n    def get(self):\n        return self.x\nclass D(C):\n    def __init__(self):\n        pass\n`,
    );
    expect(sub).toContain('this.x ?? getattr(this, "x")');
  });

  it("a generic class's self (Generic[T], Base[T] subclasses) is proven; a call of its own _init that lets no code see self keeps the early attributes", async () => {
    const code = await ts(
      `from typing import Generic, TypeVar\nT = TypeVar("T")\nclass Q(Generic[T]):\n    def __init__(self, n: int) -> None:\n        self._init(n)\n        self.n = n\n    def _init(self, n: int) -> None:\n        self.items = []\n    def size(self) -> int:\n        return self.n + len(self.items)\n` +
        `class P(Q[T]):\n    def _init(self, n: int) -> None:\n        self.items = [n]\n`,
    );
    expect(code).toContain("return add(this.n, len(this.items));");
    const leaks = await ts(
      `from typing import Generic, TypeVar\nT = TypeVar("T")\nclass Q(Generic[T]):\n    def __init__(self, n: int) -> None:\n        self._init(n)\n        self.n = n\n    def _init(self, n: int) -> None:\n        self.items = []\n    def size(self) -> int:\n        return self.n + len(self.items)\n` +
        `class P(Q[T]):\n    def _init(self, n: int) -> None:\n        self.items = [self.size()]\n`,
    );
    expect(leaks).toContain('this.n ?? getattr(this, "n")');
  });

  it("an if at the top of __init__ lets no code see self: what every branch sets is there; an exception base's __init__ keeps its arguments", async () => {
    const code = await ts(
      `import sys\nclass C:\n    def __init__(self, n):\n        assert n >= 0, n\n        if sys.version_info < (3, 10):\n            self.old = True\n        if n > 2:\n            self.kind = "big"\n            self.extra = 1\n        else:\n            self.kind = "small"\n        self.n = n\n    def get(self):\n        return self.kind, self.n, self.extra, self.old\n` +
        `class E(Exception):\n    def __init__(self, msg, code):\n        super().__init__(msg)\n        self.code = code\n    def get(self):\n        return self.code\n`,
    );
    expect(code).toContain("this.kind, this.n,");
    expect(code).toContain('this.extra ?? getattr(this, "extra")');
    expect(code).toContain('this.old ?? getattr(this, "old")');
    expect(code).toContain("return this.code;");
    const leaks = await ts(
      `class C:\n    def __init__(self, flag):\n        if flag:\n            self.show()\n        self.x = 1\n    def show(self):\n        print(self.x)\n`,
    );
    expect(leaks).toContain('this.x ?? getattr(this, "x")');
    const returns = await ts(
      `class C:\n    def __init__(self, flag):\n        if flag:\n            return\n        self.x = 1\n    def show(self):\n        print(self.x)\n`,
    );
    expect(returns).toContain('this.x ?? getattr(this, "x")');
  });

  it("proven ints, strs, bytes and lists are tested without truthy(); bytes methods are called directly; a walrus binds like =", async () => {
    const code = await ts(
      `def f(items):\n    n = 0\n    s = "x"\n    b = s.encode()\n    xs = [1]\n    if n or s or b or xs:\n        print(b.decode())\n    while (m := n + 1) < 3:\n        n = m\n    if y := items:\n        print(y)\n`,
    );
    expect(code).toContain('if (n !== 0n || s !== "" || b.length !== 0 || xs.length !== 0)');
    expect(code).toContain("print(b.decode());");
    expect(code).toContain("while ((m = n + 1n) < 3n)");
    expect(code).toContain("if (truthy(y = items))");
  });

  it("a loop passed to a function is proven when AbstractEventLoop is only an annotation; a policy keeps it unknown", async () => {
    const src = `import asyncio\nfrom asyncio import AbstractEventLoop\nasync def echo(loop: AbstractEventLoop) -> bytes:\n    return await loop.sock_recv(None, 1)\nasync def main():\n    await echo(asyncio.get_running_loop())\n`;
    expect(await ts(src)).toContain("return yield* loop.sock_recv(null, 1n);");
    const policy = await ts(src + `asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())\n`);
    expect(policy).toContain("awaitable(loop.sock_recv(null, 1n))");
  });

  it("a walrus inside a comprehension is not typed from the enclosing scope's names", async () => {
    const code = await ts(`x = "s"\nys = [y := x + x for x in range(3)]\nprint(y + 1)\n`);
    expect(code).toContain('add(assigned_global(y, "y"), 1n)');
  });

  it("every str method called directly on a proven str exists in the runtime's pystr table", () => {
    for (const m of PYSTR_METHODS) expect(typeof pystr[m], m).toBe("function");
  });

  it("a str literal repeated by an int literal is its repeat(); a non-literal count or a negative one keeps mul()", async () => {
    const code = await ts(`w = 3\nprint("=" * 5, 2 * "ab", "x" * w, "y" * -1, "\\n" + "-" * 4)\n`);
    expect(code).toContain('("=").repeat(5), ("ab").repeat(2), mul("x", w), mul("y", -1n), "\\n" + ("-").repeat(4)');
  });

  it("a name bound to a constructor call calls the value's methods whatever its annotation says", async () => {
    const code = await ts(
      `import asyncio\nasync def f():\n    q: str = asyncio.Queue()\n    await q.join()\n    s: asyncio.Queue = ","\n    return s.join(["a"])\n`,
    );
    expect(code).toContain("const q: any = new asyncio.Queue();");
    expect(code).toContain("yield* q.join();");
    expect(code).toContain('const s: any = ",";');
    expect(code).toContain("pystr.join(s, ");
  });

  it("a dict proven from its values and annotated as a dict calls its methods (through PyDict<any, any> under dict[K, V])", async () => {
    const code = await ts(
      `def f():\n    a: dict = {}\n    b: dict[str, int] = {}\n    c: list = {}\n    a[1] = 2\n    b[1] = "x"\n    c[1] = 2\n    return a[1], 1 in b\n`,
    );
    expect(code).toContain("a.__setitem__(1n, 2n)");
    expect(code).toContain('(b as PyDict<any, any>).__setitem__(1n, "x")');
    expect(code).toContain("setitem(c, 1n, 2n)");
    expect(code).toContain("a.__getitem__(1n), b.__contains__(1n)");
  });

  it("f(**obj.__dict__) does not make attributes dynamic; any other __dict__ read does", async () => {
    const src = `import asyncio\nclass O:\n    def __init__(self):\n        self.n = 1\nasync def main(n):\n    q = asyncio.Queue()\n    await q.join()\n`;
    expect(await ts(src + `asyncio.run(main(**O().__dict__))\n`)).toContain("yield* q.join();");
    expect(await ts(src + `o = O()\no.__dict__["n"] = 2\nasyncio.run(main(**o.__dict__))\n`)).toContain("awaitable(q.join())");
  });

  it("Outer.Inner(...) of a nested class statement is constructed with new, and a class's __name__ read directly, unless a metaclass could differ", async () => {
    const src = `class Outer:\n    class Inner:\n        def __init__(self, v):\n            self.v = v\nclass A:\n    pass\nprint(Outer.Inner(1), Outer.Inner(), A.__name__, Outer.Inner.__qualname__)\n`;
    const code = await ts(src);
    expect(code).toContain("new Outer.Inner(1n), call((Outer as any).Inner), A.__name__, Outer.Inner.__qualname__");
    expect(code).toContain("declare static __name__: string;");
    const meta = await ts(src + `class M(type):\n    pass\n`);
    expect(meta).toContain('getattr(A, "__name__")');
  });

  it("a Protocol's async methods are typed as iterables any awaitable method satisfies", async () => {
    const code = await ts(`from typing import Protocol\nclass Inbox(Protocol):\n    async def get(self) -> int: ...\n    async def join(self) -> None: ...\n`);
    // (a stub's result is what its annotation says: see below)
    expect(code).toContain("*get(): Iterable<unknown, bigint, any>");
    expect(code).toContain("*join(): Iterable<unknown, null | void, any>");
  });

  it("a Protocol's stub methods (`...`, `pass`, a docstring) are typed by their annotations; other bodies may still return None", async () => {
    const code = await ts(
      `from typing import Optional, Protocol\nclass Sized(Protocol):\n    def qsize(self) -> int: ...\n    def name(self) -> str:\n        pass\n    def peek(self) -> Optional[int]:\n        """Doc."""\n    def size(self) -> int:\n        print(1)\nclass Plain:\n    def qsize(self) -> int: ...\ndef f(q: Sized) -> int:\n    return q.qsize()\n`,
    );
    expect(code).toMatch(/qsize\(\): bigint \{\s*Ellipsis;\s*return null as any;/);
    expect(code).toMatch(/name\(\): string \{\s*return null as any;/);
    expect(code).toContain("peek(): bigint | null {");
    expect(code).toContain("size(): bigint | null | void {");
    // (a stub outside a Protocol is left as it is)
    expect(code).toMatch(/class Plain[^]*qsize\(\): bigint \| null \| void/);
  });
});
