// Coroutine objects, awaitables, async generators, and what is printed at exit ("never awaited",
// "Task was destroyed but it is pending!", "Task exception was never retrieved"). Expected outputs
// were recorded by running the Python beside each test with CPython 3.12.1 (3.10.13 for legacy APIs).
import { beforeEach, expect, test } from "vitest";
import * as asyncio from "../../src/runtime/asyncio/index.js";
import { setHost } from "../../src/runtime/host.js";
import { _set_python_version } from "../../src/runtime/asyncio/events.js";
import { print, repr, RuntimeError, StopAsyncIteration, TypeError, ValueError } from "../../src/runtime/builtins/index.js";

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  setHost({ write: (fd, t) => void (fd === 1 ? (out += t) : (err += t)), virtualTime: true });
  asyncio._reset_for_tests();
  asyncio.set_source_line_provider(null);
});

type G = Generator<unknown, any, unknown>;
let F = "";
const co = <A extends unknown[]>(qualname: string, line: number, gen: (...a: A) => G) =>
  asyncio.coroutine_function(gen, { qualname, filename: F, firstlineno: line });
const lines = (...l: string[]) => l.join("\n") + "\n";
/** stderr without traceback frames. */
const withoutFrames = (s: string) =>
  s
    .split("\n")
    .filter((l) => !l.startsWith("Traceback (most recent call last):") && !l.startsWith("  File") && !l.startsWith("    "))
    .join("\n");

test("test_never_awaited_discard_reports_at_once", () => {
  // async def my_coroutine():            (line 4)
  //     print('Hello')
  // my_coroutine()  # Nothing happens!   (line 7)
  F = "/x/01_never_awaited.py";
  asyncio.set_source_line_provider((file, line) => (file === F && line === 7 ? "my_coroutine()  # Nothing happens!" : null));
  const my_coroutine = co("my_coroutine", 4, function* () {
    print("Hello");
  });
  asyncio.discard(my_coroutine(), 7);
  expect(err).toBe(
    lines(
      `${F}:7: RuntimeWarning: coroutine 'my_coroutine' was never awaited`,
      "  my_coroutine()  # Nothing happens!",
      "RuntimeWarning: Enable tracemalloc to get the object allocation traceback",
    ),
  );
  asyncio.discard(42n, 8); // not a coroutine: nothing
  asyncio._at_exit(); // already reported: nothing more
  expect(out).toBe("");
  expect(err.split("\n").length).toBe(4);
});

test("test_never_awaited_at_exit_and_repr", () => {
  // async def f(): pass ; x = f(); print(x)   -> <coroutine object f at 0x...>
  // at exit: sys:1: RuntimeWarning: coroutine 'f' was never awaited
  F = "/x/t.py";
  const f = co("f", 2, function* () {});
  const x = f();
  print(x);
  expect(out).toMatch(/^<coroutine object f at 0x[0-9a-f]+>\n$/);
  asyncio._at_exit();
  expect(err).toBe("sys:1: RuntimeWarning: coroutine 'f' was never awaited\n");
});

test("test_never_awaited_at_exit_many_across_chunks_and_compactions", () => {
  // Thousands of coroutines made, some started (handed out, as `await` does) and some not, in two
  // batches: the list of possibly unstarted ones fills several chunks and is compacted as it
  // doubles. At exit exactly the never-started ones are reported, each once (one coroutine
  // function each, so that every warning has its own text).
  F = "/x/many.py";
  type Made = { [Symbol.iterator](): unknown };
  const made: { c: Made; name: string }[] = [];
  const make = (name: string) => made.push({ c: co(name, 1, function* () {})() as unknown as Made, name });
  for (let i = 0; i < 3000; i++) make(`a${i}`);
  const left = new Set<string>();
  made.forEach(({ c, name }, i) => (i % 4 === 0 ? left.add(name) : c[Symbol.iterator]()));
  for (let i = 0; i < 2500; i++) {
    make(`b${i}`);
    if (i % 2 === 0) left.add(`b${i}`);
    else made[made.length - 1].c[Symbol.iterator]();
  }
  asyncio._at_exit();
  const warned = err
    .split("\n")
    .filter((l) => l.includes("was never awaited"))
    .map((l) => /coroutine '(\w+)' was never awaited/.exec(l)![1]);
  expect(warned.length).toBe(left.size);
  expect(new Set(warned)).toEqual(left);
});

test("test_reuse_custom_awaitable_bad_yield_type_errors", () => {
  // (Python source: /tmp/pyexp/c3.py)
  F = "/tmp/pyexp/c3.py";
  const f = co("f", 2, function* () {
    return 1n;
  });
  // @types.coroutine def bad_yield(): yield 42
  const bad_yield = co("bad_yield", 4, function* () {
    yield 42n;
  });
  // class Awaitable:
  //     def __await__(self): yield from asyncio.sleep(0.1).__await__(); return "custom"
  class Awaitable {
    *__await__(): G {
      yield* asyncio.sleep(0.1).__await__();
      return "custom";
    }
  }
  const main = co("main", 11, function* () {
    const c = f();
    print(yield* c);
    try {
      yield* c;
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(e);
    }
    print(yield* asyncio.awaitable(new Awaitable()));
    const t = asyncio.ensure_future(new Awaitable());
    print(yield* t);
    try {
      yield* bad_yield();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(e);
    }
    for (const thunk of [() => asyncio.ensure_future(1n), () => (asyncio.get_running_loop() as asyncio.BaseEventLoop).create_task(1n as never)]) {
      try {
        thunk();
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print(e);
      }
    }
    try {
      yield* asyncio.awaitable(1n);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(e);
    }
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "1",
      "cannot reuse already awaited coroutine",
      "custom",
      "custom",
      "Task got bad yield: 42",
      "An asyncio.Future, a coroutine or an awaitable is required",
      "a coroutine was expected, got 1",
      "object int can't be used in 'await' expression",
    ),
  );
});

test("test_async_generators_and_run_shutdown", () => {
  // (Python source: /tmp/pyexp/c1.py)
  // async def leftover(name):
  //     try: await asyncio.sleep(10)
  //     finally: print("finally", name)
  // async def ticker(n):
  //     try:
  //         for i in range(n):
  //             await asyncio.sleep(0.1)
  //             x = yield i
  //             if x is not None: print("sent", x)
  //     finally: print("ticker closed")
  F = "/tmp/pyexp/c1.py";
  const leftover = co("leftover", 2, function* (name: string) {
    try {
      yield* asyncio.sleep(10n);
    } finally {
      print("finally", name);
    }
  });
  const ticker = asyncio.async_generator_function(function* (n: bigint): G {
    try {
      for (let i = 0n; i < n; i++) {
        yield* asyncio.sleep(0.1);
        const x = yield asyncio.agen_yield(i);
        if (x !== null && x !== undefined) print("sent", x);
      }
    } finally {
      print("ticker closed");
    }
  }, { qualname: "ticker", filename: F, firstlineno: 7 });
  let k: asyncio.AsyncGenerator | null = null;
  const main = co("main", 17, function* () {
    asyncio.create_task(leftover("a"));
    asyncio.create_task(leftover("b"));
    // async for v in ticker(3): print("tick", v)
    const it = ticker(3n).__aiter__();
    for (;;) {
      let v: unknown;
      try {
        v = yield* asyncio.awaitable(it.__anext__());
      } catch (e) {
        if (e instanceof StopAsyncIteration) break;
        throw e;
      }
      print("tick", v);
    }
    // g = ticker(5); print(await g.__anext__(), await g.asend("hello")); await g.aclose()
    const g = ticker(5n);
    print(yield* asyncio.awaitable(g.__anext__()), yield* asyncio.awaitable(g.asend("hello")));
    yield* asyncio.awaitable(g.aclose());
    try {
      yield* asyncio.awaitable(g.__anext__());
    } catch (e) {
      if (!(e instanceof StopAsyncIteration)) throw e;
      print("exhausted");
    }
    // h = ticker(5); print(await h.__anext__())
    // try: await h.athrow(ValueError("in"))
    // except ValueError as e: print("athrow raised", e)
    const h = ticker(5n);
    print(yield* asyncio.awaitable(h.__anext__()));
    try {
      yield* asyncio.awaitable(h.athrow(new ValueError("in")));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("athrow raised", e);
    }
    // k = ticker(5); print(await k.__anext__())   (k is global: closed by shutdown_asyncgens)
    k = ticker(5n);
    print(yield* asyncio.awaitable(k.__anext__()));
    print("main end");
  });
  asyncio.run(main());
  print("after run");
  expect(out).toBe(
    lines(
      "tick 0",
      "tick 1",
      "tick 2",
      "ticker closed",
      "sent hello",
      "0 1",
      "ticker closed",
      "exhausted",
      "0",
      "ticker closed",
      "athrow raised in",
      "0",
      "main end",
      // CPython prints these two in its WeakSet's order (b, a in the recorded run): any order is right.
      "finally a",
      "finally b",
      "ticker closed",
      "after run",
    ),
  );
  expect(repr(k)).toMatch(/^<async_generator object ticker at 0x[0-9a-f]+>$/);
});

test("test_exit_reports_unretrieved_and_destroyed_pending", () => {
  // (Python source: /tmp/pyexp/c2.py)
  // async def bad(): raise ValueError("boom")                 (line 2)
  // async def worker(q):                                        (line 4)
  //     while True: await q.get()
  // async def sleeper(): await asyncio.sleep(10)               (line 7)
  // async def main():
  //     asyncio.ensure_future(bad()); q = asyncio.Queue(); asyncio.ensure_future(worker(q))
  //     asyncio.ensure_future(sleeper()); await asyncio.sleep(0.1); print("main done")
  // loop = asyncio.get_event_loop(); loop.run_until_complete(main())
  F = "/tmp/pyexp/c2.py";
  const bad = co("bad", 2, function* () {
    throw new ValueError("boom");
  });
  const worker = co("worker", 4, function* (q: asyncio.Queue) {
    for (;;) yield* q.get();
  });
  const sleeper = co("sleeper", 7, function* () {
    yield* asyncio.sleep(10n);
  });
  const main = co("main", 9, function* () {
    asyncio.ensure_future(bad());
    const q = new asyncio.Queue();
    asyncio.ensure_future(worker(q));
    asyncio.ensure_future(sleeper());
    yield* asyncio.sleep(0.1);
    print("main done");
  });
  const loop = asyncio.get_event_loop() as asyncio.BaseEventLoop;
  loop.run_until_complete(main());
  asyncio._at_exit();
  expect(out).toBe("main done\n");
  // The sleeping task is still reachable from the loop's timers: CPython never collects it.
  expect(withoutFrames(err)).toBe(
    lines(
      "Task exception was never retrieved",
      `future: <Task finished name='Task-2' coro=<bad() done, defined at ${F}:2> exception=ValueError('boom')>`,
      "ValueError: boom",
      "Task was destroyed but it is pending!",
      `task: <Task pending name='Task-3' coro=<worker() done, defined at ${F}:4> wait_for=<Future cancelled>>`,
    ),
  );
});

test("test_legacy_wait_on_bare_coroutines_and_coroutine_decorator", () => {
  // CPython 3.10.13:
  // async def meow(n): print(f'starting {n}'); await asyncio.sleep(1); print(f'stopping {n}')
  // @asyncio.coroutine
  // def legacy(): yield from asyncio.sleep(0.1); return "legacy"
  // async def run():
  //     await asyncio.wait([meow(x) for x in range(1, 4)])
  //     print(await legacy())
  // asyncio.get_event_loop().run_until_complete(run())
  // (3.10 takes the coroutines from a set: its start order varies between runs; list order is one of them)
  F = "/x/wait.py";
  const meow = co("meow", 1, function* (n: bigint) {
    print(`starting ${n}`);
    yield* asyncio.sleep(1n);
    print(`stopping ${n}`);
  });
  const legacy = asyncio.coroutine(function* legacy(): G {
    yield* asyncio.sleep(0.1);
    return "legacy";
  }) as () => asyncio.Coroutine;
  const run = co("run", 5, function* () {
    yield* asyncio.wait([meow(1n), meow(2n), meow(3n)]);
    print(yield* legacy());
    print(asyncio.iscoroutinefunction(legacy), asyncio.iscoroutinefunction(print));
  });
  // A legacy program runs as 3.10 (3.11+ refuses bare coroutines in wait()).
  _set_python_version("3.10");
  try {
    (asyncio.get_event_loop() as asyncio.BaseEventLoop).run_until_complete(run());
  } finally {
    _set_python_version("3.12");
  }
  expect(out).toBe(
    lines("starting 1", "starting 2", "starting 3", "stopping 1", "stopping 2", "stopping 3", "legacy", "True False"),
  );
});

test("test_exception_in_run_propagates_and_cancels_leftovers", () => {
  // async def child():
  //     try: await asyncio.sleep(5)
  //     finally: print("child cleanup")
  // async def main():
  //     asyncio.create_task(child()); await asyncio.sleep(0.1); raise ValueError("main failed")
  // try: asyncio.run(main())
  // except ValueError as e: print("caught", e)
  F = "/x/run.py";
  const child = co("child", 2, function* () {
    try {
      yield* asyncio.sleep(5n);
    } finally {
      print("child cleanup");
    }
  });
  const main = co("main", 6, function* () {
    asyncio.create_task(child());
    yield* asyncio.sleep(0.1);
    throw new ValueError("main failed");
  });
  try {
    asyncio.run(main());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("caught", e);
  }
  asyncio._at_exit();
  expect(out).toBe("child cleanup\ncaught main failed\n");
  expect(err).toBe("");
});
