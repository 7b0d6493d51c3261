// Tasks and Futures: start order, names, reprs, cancellation, gather, wait. Expected outputs were
// recorded by running the Python beside each test with CPython 3.12.1.
import { beforeEach, expect, test } from "vitest";
import * as asyncio from "../../src/runtime/asyncio/index.js";
import { setHost } from "../../src/runtime/host.js";
import { kw, print, repr, KeyError, PyList, PySet, RuntimeError, ValueError } from "../../src/runtime/builtins/index.js";

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  setHost({ write: (fd, t) => void (fd === 1 ? (out += t) : (err += t)), virtualTime: true });
  asyncio._reset_for_tests();
});

type G = Generator<unknown, any, unknown>;
let F = "";
const co = <A extends unknown[]>(qualname: string, line: number, gen: (...a: A) => G) =>
  asyncio.coroutine_function(gen, { qualname, filename: F, firstlineno: line });
function pyfunc<T extends Function>(qualname: string, line: number, f: T): T {
  Object.defineProperty(f, "__qualname__", { value: qualname });
  Object.defineProperty(f, "__code__", { value: { co_filename: F, co_firstlineno: line } });
  return f;
}
const lines = (...l: string[]) => l.join("\n") + "\n";
const CancelledError = asyncio.CancelledError;

test("test_task_starts_on_next_iteration_interleaving", () => {
  // async def worker(name, n):
  //     for i in range(n): print(name, i); await asyncio.sleep(0)
  // async def main():
  //     t = asyncio.create_task(worker("a", 2)); print("created")
  //     await worker("b", 2); await t; print("done")
  F = "/tmp/pyexp/t1.py";
  const worker = co("worker", 2, function* (name: string, n: number) {
    for (let i = 0; i < n; i++) {
      print(name, BigInt(i));
      yield* asyncio.sleep(0n);
    }
  });
  const main = co("main", 6, function* () {
    const t = asyncio.create_task(worker("a", 2));
    print("created");
    yield* worker("b", 2);
    yield* t;
    print("done");
  });
  asyncio.run(main());
  expect(out).toBe(lines("created", "b 0", "a 0", "b 1", "a 1", "done"));
});

test("test_task_names_and_repr", () => {
  // (Python source: /tmp/pyexp/t2.py, see the comments inline)
  F = "/tmp/pyexp/t2.py";
  const work = co("work", 2, function* (n: bigint) {
    yield* asyncio.sleep(n);
    return n;
  });
  const boom = co("boom", 5, function* () {
    throw new ValueError("bad");
  });
  const cb = pyfunc("cb", 7, (fut: asyncio.Task) => print("cb", fut.get_name()));
  const main = co("main", 9, function* () {
    const t1 = asyncio.create_task(work(1n));
    const t2 = asyncio.create_task(work(2n), kw({ name: "second" }));
    const t3 = asyncio.create_task(work(3n));
    print(t1); // <Task pending name='Task-2' coro=<work() running at FILE:2>>
    print(t2);
    print(t1.get_name(), t2.get_name(), t3.get_name());
    print(asyncio.current_task()!.get_name());
    print(BigInt(asyncio.all_tasks().size));
    t1.add_done_callback(cb);
    const b = asyncio.create_task(boom());
    yield* asyncio.sleep(0n);
    print(b);
    print(repr(b.exception()));
    t3.cancel();
    yield* asyncio.sleep(0n);
    print(t3);
    print(t3.cancelled(), t3.done());
    print(yield* t1, yield* t2);
    print(t1);
    print(t1.result(), t1.done(), t1.cancelled());
    t2.set_name("renamed");
    print(t2.get_name(), t2.get_coro());
    try {
      t1.set_result(3n);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(e);
    }
  });
  asyncio.run(main());
  expect(out.replace(/0x[0-9a-f]+/g, "0xADDR")).toBe(
    lines(
      `<Task pending name='Task-2' coro=<work() running at ${F}:2>>`,
      `<Task pending name='second' coro=<work() running at ${F}:2>>`,
      "Task-2 second Task-4",
      "Task-1",
      "4",
      `<Task finished name='Task-5' coro=<boom() done, defined at ${F}:5> exception=ValueError('bad')>`,
      "ValueError('bad')",
      `<Task cancelled name='Task-4' coro=<work() done, defined at ${F}:2>>`,
      "True True",
      "cb Task-2",
      "1 2",
      `<Task finished name='Task-2' coro=<work() done, defined at ${F}:2> result=1>`,
      "1 True False",
      "renamed <coroutine object work at 0xADDR>",
      "Task does not support set_result operation",
    ),
  );
});

test("test_future_repr_states_and_errors", () => {
  // loop = asyncio.new_event_loop()
  // def cb(f): pass                                                          (line 3)
  // f = loop.create_future(); print(f); f.add_done_callback(cb); print(f)
  // f.add_done_callback(print); f.add_done_callback(cb); print(f)
  // f.set_result([1, 2]); print(f); print(f.result(), f.done())
  // g = loop.create_future(); g.set_result("x" * 50); print(g)
  // h = loop.create_future(); h.set_exception(ValueError("x")); print(h); print(repr(h.exception()))
  // c = loop.create_future(); print(c.cancel("why"), c.cancel()); print(c, c.cancelled())
  // try: c.result()
  // except asyncio.CancelledError as e: print("CancelledError", e.args)
  // try: f.set_result(1)
  // except asyncio.InvalidStateError as e: print("InvalidStateError", e)
  // p = loop.create_future()
  // try: p.result()
  // except asyncio.InvalidStateError as e: print("InvalidStateError", e)
  // print(p.remove_done_callback(cb)); p.add_done_callback(cb); p.add_done_callback(cb)
  // print(p.remove_done_callback(cb)); loop.close()
  F = "/tmp/pyexp/t3.py";
  const loop = asyncio.new_event_loop() as asyncio.BaseEventLoop;
  const cb = pyfunc("cb", 3, (_f: unknown) => {});
  const f = loop.create_future();
  print(f);
  f.add_done_callback(cb);
  print(f);
  f.add_done_callback(print);
  f.add_done_callback(cb);
  print(f);
  f.set_result(PyList.fromArray([1n, 2n]));
  print(f);
  print(f.result(), f.done());
  const g = loop.create_future();
  g.set_result("x".repeat(50));
  print(g);
  const h = loop.create_future();
  h.set_exception(new ValueError("x"));
  print(h);
  print(repr(h.exception()));
  const c = loop.create_future();
  print(c.cancel("why"), c.cancel());
  print(c, c.cancelled());
  try {
    c.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("CancelledError", e.args);
  }
  try {
    f.set_result(1n);
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    print("InvalidStateError", e);
  }
  const p = loop.create_future();
  try {
    p.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    print("InvalidStateError", e);
  }
  print(p.remove_done_callback(cb));
  p.add_done_callback(cb);
  p.add_done_callback(cb);
  print(p.remove_done_callback(cb));
  loop.close();
  expect(out).toBe(
    lines(
      "<Future pending>",
      `<Future pending cb=[cb() at ${F}:3]>`,
      `<Future pending cb=[cb() at ${F}:3, <1 more>, cb() at ${F}:3]>`,
      "<Future finished result=[1, 2]>",
      "[1, 2] True",
      "<Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>",
      "<Future finished exception=ValueError('x')>",
      "ValueError('x')",
      "True False",
      "<Future cancelled> True",
      "CancelledError ('why',)",
      "InvalidStateError invalid state",
      "InvalidStateError Result is not set.",
      "0",
      "2",
    ),
  );
});

test("test_cancel_message_finally_uncancel", () => {
  // (Python source: /tmp/pyexp/t4.py)
  // async def sleeper():
  //     try: await asyncio.sleep(10)
  //     except asyncio.CancelledError as e: print("caught", e.args); raise
  //     finally: print("finally")
  // async def stubborn():
  //     try: await asyncio.sleep(10)
  //     except asyncio.CancelledError: print("ignoring")
  //     return "done anyway"
  // async def main(): ... (as below)
  F = "/tmp/pyexp/t4.py";
  const sleeper = co("sleeper", 2, function* () {
    try {
      yield* asyncio.sleep(10n);
    } catch (e) {
      if (e instanceof CancelledError) print("caught", e.args);
      throw e;
    } finally {
      print("finally");
    }
  });
  const stubborn = co("stubborn", 10, function* () {
    try {
      yield* asyncio.sleep(10n);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("ignoring");
    }
    return "done anyway";
  });
  let start = 0;
  const main = co("main", 16, function* () {
    const t = asyncio.create_task(sleeper());
    yield* asyncio.sleep(0n);
    print(t.cancel("stop it"), t.cancelling());
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("outer", e.args, t.cancelled());
    }
    const s = asyncio.create_task(stubborn());
    yield* asyncio.sleep(0n);
    s.cancel();
    print(yield* s, s.cancelled(), s.cancelling(), s.uncancel());
    const u = asyncio.create_task(sleeper());
    u.cancel();
    try {
      yield* u;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("u cancelled before start", u.cancelled());
    }
    print(t.cancel());
    const me = asyncio.current_task()!;
    const loop = asyncio.get_running_loop() as asyncio.BaseEventLoop;
    loop.call_later(0.5, () => me.cancel());
    try {
      yield* asyncio.sleep(1n);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main cancelled at", loop.time() - start >= 0.5);
      print(me.uncancel());
    }
    return "main result";
  });
  const outer = co("outer", 43, function* () {
    start = (asyncio.get_running_loop() as asyncio.BaseEventLoop).time();
    print(yield* main());
  });
  asyncio.run(outer());
  expect(out).toBe(
    lines(
      "True 1",
      "caught ('stop it',)",
      "finally",
      "outer ('stop it',) True",
      "ignoring",
      "done anyway False 1 0",
      "u cancelled before start True",
      "False",
      "main cancelled at True",
      "0",
      "main result",
    ),
  );
});

test("test_gather_order_exceptions_cancellation", () => {
  // (Python source: /tmp/pyexp/t5.py)
  F = "/tmp/pyexp/t5.py";
  const val = co("val", 2, function* (x: unknown, d: number) {
    yield* asyncio.sleep(d);
    return x;
  });
  const errf = co("err", 5, function* (d: number, msg: string) {
    yield* asyncio.sleep(d);
    throw new ValueError(msg);
  });
  const forever = co("forever", 8, function* (name: string) {
    try {
      yield* asyncio.sleep(100n);
    } finally {
      print("cleanup", name);
    }
  });
  const main = co("main", 13, function* () {
    // print(await asyncio.gather(val(1, 0.3), val(2, 0.1), val(3, 0.2)))
    print(yield* asyncio.gather(val(1n, 0.3), val(2n, 0.1), val(3n, 0.2)));
    // print(await asyncio.gather())
    print(yield* asyncio.gather());
    // print(await asyncio.gather(val(1, 0.1), err(0.2, "e1"), err(0.05, "e2"), return_exceptions=True))
    print(yield* asyncio.gather(val(1n, 0.1), errf(0.2, "e1"), errf(0.05, "e2"), kw({ return_exceptions: true })));
    // try: await asyncio.gather(val(1, 0.1), err(0.2, "boom"))
    // except ValueError as e: print("raised", e)
    try {
      yield* asyncio.gather(val(1n, 0.1), errf(0.2, "boom"));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("raised", e);
    }
    // t = asyncio.create_task(val("t", 0.1)); print(await asyncio.gather(t, t, val(9, 0)))
    const t = asyncio.create_task(val("t", 0.1));
    print(yield* asyncio.gather(t, t, val(9n, 0n)));
    // c = asyncio.create_task(forever("c")); g = asyncio.gather(c, val(5, 0.05), return_exceptions=True)
    // await asyncio.sleep(0.01); c.cancel(); print(await g)
    const c = asyncio.create_task(forever("c"));
    const g = asyncio.gather(c, val(5n, 0.05), kw({ return_exceptions: true }));
    yield* asyncio.sleep(0.01);
    c.cancel();
    print(yield* g);
    // g2 = asyncio.gather(forever("x"), forever("y")); await asyncio.sleep(0); g2.cancel()
    // try: await g2
    // except asyncio.CancelledError: print("gather cancelled", g2.cancelled())
    const g2 = asyncio.gather(forever("x"), forever("y"));
    yield* asyncio.sleep(0n);
    g2.cancel();
    try {
      yield* g2;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("gather cancelled", g2.cancelled());
    }
    // g3 = asyncio.gather(forever("z"), return_exceptions=True); await asyncio.sleep(0); g3.cancel("bye")
    // try: await g3
    // except asyncio.CancelledError as e: print("gather3 cancelled", e.args)
    const g3 = asyncio.gather(forever("z"), kw({ return_exceptions: true }));
    yield* asyncio.sleep(0n);
    g3.cancel("bye");
    try {
      yield* g3;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("gather3 cancelled", e.args);
    }
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "[1, 2, 3]",
      "[]",
      "[1, ValueError('e1'), ValueError('e2')]",
      "raised boom",
      "['t', 't', 9]",
      "cleanup c",
      "[CancelledError(''), 5]",
      "cleanup x",
      "cleanup y",
      "gather cancelled False",
      "cleanup z",
      "gather3 cancelled ('bye',)",
    ),
  );
});

test("test_wait_return_when_and_timeout", () => {
  // (Python source: /tmp/pyexp/t6.py)
  F = "/tmp/pyexp/t6.py";
  const val = co("val", 2, function* (x: unknown, d: number) {
    yield* asyncio.sleep(d);
    return x;
  });
  const errf = co("err", 5, function* (d: number) {
    yield* asyncio.sleep(d);
    throw new ValueError("bad");
  });
  const names = (s: PySet<asyncio.Task>) => repr(PyList.fromArray(Array.from(s, (t) => t.get_name()).sort()));
  const main = co("main", 10, function* () {
    const a = asyncio.create_task(val(1n, 0.1), kw({ name: "a" }));
    const b = asyncio.create_task(val(2n, 0.2), kw({ name: "b" }));
    const c = asyncio.create_task(errf(0.15), kw({ name: "c" }));
    let [done, pending] = yield* asyncio.wait([a, b, c], kw({ return_when: asyncio.FIRST_COMPLETED }));
    print("first", names(done), names(pending));
    [done, pending] = yield* asyncio.wait([a, b, c], kw({ return_when: asyncio.FIRST_EXCEPTION }));
    print("exc", names(done), names(pending));
    [done, pending] = yield* asyncio.wait([a, b, c]);
    print("all", names(done), names(pending), done instanceof PySet ? "set" : "?");
    const d = asyncio.create_task(val(4n, 1n), kw({ name: "d" }));
    [done, pending] = yield* asyncio.wait([d], kw({ timeout: 0.5 }));
    print("timeout", names(done), names(pending));
    yield* d;
    for (const bad of [() => asyncio.wait([]), () => asyncio.wait([a], kw({ return_when: "bogus" }))]) {
      try {
        yield* bad();
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print(e);
      }
    }
    c.exception();
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "first ['a'] ['b', 'c']",
      "exc ['a', 'c'] ['b']",
      "all ['a', 'b', 'c'] [] set",
      "timeout [] ['d']",
      "Set of Tasks/Futures is empty.",
      "Invalid return_when value: bogus",
    ),
  );
});

test("test_wait_for_as_completed_shield_timeout", () => {
  // (Python source: /tmp/pyexp/t7.py; each statement is quoted above its translation)
  F = "/tmp/pyexp/t7.py";
  const val = co("val", 2, function* (x: unknown, d: unknown) {
    try {
      yield* asyncio.sleep(d);
      return x;
    } catch (e) {
      if (e instanceof CancelledError) print("val cancelled", x);
      throw e;
    }
  });
  let start = 0;
  const catching = function* (cls: Function, body: () => G, onErr: (e: any) => void): G {
    try {
      yield* body();
    } catch (e) {
      if (!(e instanceof cls)) throw e;
      onErr(e);
    }
  };
  const main = co("main", 9, function* () {
    const loop = asyncio.get_running_loop() as asyncio.BaseEventLoop;
    // print(await asyncio.wait_for(val(1, 0.1), timeout=1))
    print(yield* asyncio.wait_for(val(1n, 0.1), kw({ timeout: 1n })));
    // try: await asyncio.wait_for(val(2, 1), 0.5)
    // except TimeoutError as e: print("timeout", type(e).__name__, type(e.__cause__).__name__, asyncio.TimeoutError is TimeoutError)
    yield* catching(
      asyncio.TimeoutError,
      () => asyncio.wait_for(val(2n, 1n), 0.5),
      (e) => print("timeout", e.constructor.name, e.__cause__.constructor.name, asyncio.TimeoutError === asyncio.TimeoutError),
    );
    // try: await asyncio.wait_for(val(3, 1), 0)
    // except TimeoutError as e: print("timeout 0", repr(e))
    yield* catching(
      asyncio.TimeoutError,
      () => asyncio.wait_for(val(3n, 1n), 0n),
      (e) => print("timeout 0", repr(e)),
    );
    // print(await asyncio.wait_for(val(4, 0.1), None))
    print(yield* asyncio.wait_for(val(4n, 0.1), null));
    // t = asyncio.create_task(val(5, 0.2)); print(await asyncio.wait_for(t, 0.5), t.done())
    const t = asyncio.create_task(val(5n, 0.2));
    print(yield* asyncio.wait_for(t, 0.5), t.done());
    // for coro in asyncio.as_completed([val("slow", 0.3), val("fast", 0.1), val("mid", 0.2)]):
    //     print("as_completed", await coro)
    for (const c of asyncio.as_completed([val("slow", 0.3), val("fast", 0.1), val("mid", 0.2)])) {
      print("as_completed", yield* c);
    }
    // try:
    //     for coro in asyncio.as_completed([val("a", 0.1), val("b", 1)], timeout=0.5): print("got", await coro)
    // except TimeoutError: print("as_completed timeout")
    yield* catching(
      asyncio.TimeoutError,
      function* () {
        for (const c of asyncio.as_completed([val("a", 0.1), val("b", 1n)], kw({ timeout: 0.5 }))) print("got", yield* c);
      },
      () => print("as_completed timeout"),
    );
    // inner = asyncio.create_task(val("inner", 0.3)); outer = asyncio.shield(inner)
    // await asyncio.sleep(0.1); outer.cancel()
    // try: await outer
    // except asyncio.CancelledError: print("outer cancelled", inner.done())
    // print(await inner)
    const inner = asyncio.create_task(val("inner", 0.3));
    const outer = asyncio.shield(inner);
    yield* asyncio.sleep(0.1);
    outer.cancel();
    yield* catching(
      CancelledError,
      () => outer[Symbol.iterator](),
      () => print("outer cancelled", inner.done()),
    );
    print(yield* inner);
    // async with asyncio.timeout(0.2) as cm: print(cm); await asyncio.sleep(0.1)
    // print(cm.expired(), cm)
    const cm = asyncio.timeout(0.2);
    yield* cm.__aenter__();
    print(cm);
    yield* asyncio.sleep(0.1);
    yield* cm.__aexit__(null, null, null);
    print(cm.expired(), cm);
    // try:
    //     async with asyncio.timeout(0.2) as cm2: await asyncio.sleep(1)
    // except TimeoutError: print("timed out", cm2.expired(), cm2)
    const cm2 = asyncio.timeout(0.2);
    yield* catching(
      asyncio.TimeoutError,
      function* () {
        yield* cm2.__aenter__();
        try {
          yield* asyncio.sleep(1n);
        } catch (e) {
          if (!(yield* cm2.__aexit__((e as object).constructor, e, null))) throw e;
          return;
        }
        yield* cm2.__aexit__(null, null, null);
      },
      () => print("timed out", cm2.expired(), cm2),
    );
    // try:
    //     async with asyncio.timeout_at(loop.time() + 0.1) as cm3:
    //         cm3.reschedule(loop.time() + 0.3); await asyncio.sleep(0.2); print("rescheduled ok")
    //         await asyncio.sleep(1)
    // except TimeoutError: print("timed out at", round(loop.time() - start, 1))
    const cm3 = asyncio.timeout_at(loop.time() + 0.1);
    yield* catching(
      asyncio.TimeoutError,
      function* () {
        yield* cm3.__aenter__();
        try {
          cm3.reschedule(loop.time() + 0.3);
          yield* asyncio.sleep(0.2);
          print("rescheduled ok");
          yield* asyncio.sleep(1n);
        } catch (e) {
          if (!(yield* cm3.__aexit__((e as object).constructor, e, null))) throw e;
          return;
        }
        yield* cm3.__aexit__(null, null, null);
      },
      () => print("timed out at", Math.round((loop.time() - start) * 10) / 10),
    );
    // async with asyncio.timeout(None) as cm4: await asyncio.sleep(0.1)
    // print(cm4.when(), cm4.expired())
    const cm4 = asyncio.timeout(null);
    yield* cm4.__aenter__();
    yield* asyncio.sleep(0.1);
    yield* cm4.__aexit__(null, null, null);
    print(cm4.when(), cm4.expired());
  });
  const run = co("run", 60, function* () {
    start = (asyncio.get_running_loop() as asyncio.BaseEventLoop).time();
    yield* main();
  });
  asyncio.run(run());
  expect(out.replace(/when=[0-9.]+/, "when=T")).toBe(
    lines(
      "1",
      "val cancelled 2",
      "timeout TimeoutError CancelledError True",
      "timeout 0 TimeoutError()",
      "4",
      "5 True",
      "as_completed fast",
      "as_completed mid",
      "as_completed slow",
      "got a",
      "as_completed timeout",
      "outer cancelled False",
      "inner",
      "<Timeout [active] when=T>",
      "False <Timeout [finished]>",
      "timed out True <Timeout [expired]>",
      "rescheduled ok",
      "timed out at 2.6",
      "None False",
    ),
  );
});

test("test_taskgroup_success_failure_and_body_error", () => {
  // (Python source: /tmp/pyexp/t8.py)
  F = "/tmp/pyexp/t8.py";
  const ok = co("ok", 2, function* (x: bigint, d: number) {
    yield* asyncio.sleep(d);
    print("ok", x);
    return x;
  });
  const bad = co("bad", 6, function* (msg: string, d: number) {
    yield* asyncio.sleep(d);
    throw new ValueError(msg);
  });
  const slow = co("slow", 9, function* (name: string) {
    try {
      yield* asyncio.sleep(10n);
    } catch (e) {
      if (e instanceof CancelledError) print("cancelled", name);
      throw e;
    }
  });
  /** `async with asyncio.TaskGroup() as tg: body(tg)` */
  const withGroup = function* (body: (tg: asyncio.TaskGroup) => G): G {
    const tg = new asyncio.TaskGroup();
    yield* tg.__aenter__();
    try {
      yield* body(tg);
    } catch (e) {
      if (!(yield* tg.__aexit__((e as object).constructor, e, null))) throw e;
      return;
    }
    yield* tg.__aexit__(null, null, null);
  };
  const main = co("main", 15, function* () {
    let t1!: asyncio.Task, t2!: asyncio.Task;
    yield* withGroup(function* (tg) {
      t1 = tg.create_task(ok(1n, 0.1));
      t2 = tg.create_task(ok(2n, 0.2), kw({ name: "two" }));
      print(tg);
    });
    print(t1.result(), t2.result(), t2.get_name());
    try {
      yield* withGroup(function* (tg) {
        tg.create_task(slow("s1"));
        tg.create_task(bad("b1", 0.1));
        tg.create_task(bad("b2", 0.1));
        tg.create_task(slow("s2"));
        yield* asyncio.sleep(1n);
        print("not reached");
      });
    } catch (eg: any) {
      print("group:", eg);
      print(repr(eg.exceptions));
    }
    try {
      yield* withGroup(function* (tg) {
        tg.create_task(slow("s3"));
        throw new KeyError("body");
      });
    } catch (eg: any) {
      print("body group:", repr(eg.exceptions));
    }
    const tg = new asyncio.TaskGroup();
    const c = ok(3n, 0n);
    try {
      tg.create_task(c);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(e);
    }
    c.close();
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "<TaskGroup tasks=2 entered>",
      "ok 1",
      "ok 2",
      "1 2 two",
      "cancelled s1",
      "cancelled s2",
      "group: unhandled errors in a TaskGroup (2 sub-exceptions)",
      "(ValueError('b1'), ValueError('b2'))",
      "body group: (KeyError('body'),)",
      "TaskGroup <TaskGroup> has not been entered",
    ),
  );
});

test("sleep's timer (its future, scheduled as a timer) shows as CPython's call_later", () => {
  // async def main():
  //     loop = asyncio.get_running_loop()
  //     t = asyncio.create_task(asyncio.sleep(10)); await asyncio.sleep(0)
  //     print(t.get_name(), t._fut_waiter, loop._scheduled[0]); t.cancel(); await asyncio.sleep(0)
  // CPython 3.12: Task-2 <Future pending cb=[Task.task_wakeup()]>
  //   <TimerHandle when=... _set_result_unless_cancelled(<Future pendi...ask_wakeup()]>, None) at .../asyncio/futures.py:311>
  const main = co("main", 1, function* () {
    const loop = asyncio.get_running_loop() as asyncio.BaseEventLoop;
    const t = asyncio.create_task(asyncio.sleep(10n));
    yield* asyncio.sleep(0n);
    // The heap's entry is the future the task waits on; the loop shows it as its TimerHandle.
    const handle = (loop as unknown as { _scheduled: { peek(): { _timer_repr(): string } } })._scheduled.peek();
    print(t.get_name(), handle._timer_repr().replace(/when=[\d.]+/, "when=T"), handle === (t as unknown as { _fut_waiter: unknown })._fut_waiter);
    t.cancel();
    yield* asyncio.sleep(0n);
    print(handle._timer_repr().replace(/when=[\d.]+/, "when=T"), t.cancelled());
  });
  asyncio.run(main());
  expect(out).toMatch(
    /^Task-2 <TimerHandle when=T _set_result_unless_cancelled\(<Future pendi\.\.\.ask_wakeup\(\)\]>, None\) at .*\/asyncio\/futures\.py:\d+> True\n<TimerHandle cancelled when=T> True\n$/,
  );
});
