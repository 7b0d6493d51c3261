// Queues (back-pressure, join/task_done, priority and LIFO order, cancelled getters) and the
// synchronization primitives (FIFO Lock, Event, Condition, Semaphore, Barrier). Expected outputs
// were recorded by running the Python beside each test with CPython 3.12.1.
import { beforeEach, expect, test } from "vitest";
import * as asyncio from "../../src/runtime/asyncio/index.js";
import { setHost } from "../../src/runtime/host.js";
import { kw, print, repr, str, PyList, PyTuple, RuntimeError, ValueError } from "../../src/runtime/builtins/index.js";

let out = "";
beforeEach(() => {
  out = "";
  setHost({ write: (fd, t) => void (fd === 1 ? (out += t) : undefined), virtualTime: true });
  asyncio._reset_for_tests();
});

type G = Generator<unknown, any, unknown>;
const F = "/tmp/pyexp/q.py";
const co = <A extends unknown[]>(qualname: string, line: number, gen: (...a: A) => G) =>
  asyncio.coroutine_function(gen, { qualname, filename: F, firstlineno: line });
const lines = (...l: string[]) => l.join("\n") + "\n";
const tuple = (...a: unknown[]) => PyTuple.fromArray(a);

/** `async with cm: body()` */
function* withCM(cm: { __aenter__(): any; __aexit__(...a: unknown[]): any }, body: () => G): G {
  yield* cm.__aenter__();
  let r: unknown;
  try {
    r = yield* body();
  } catch (e) {
    if (!(yield* cm.__aexit__((e as object).constructor, e, null))) throw e;
    return null;
  }
  yield* cm.__aexit__(null, null, null);
  return r;
}

test("test_queue_backpressure_join_nowait_priority_lifo", () => {
  // (Python source: /tmp/pyexp/q1.py, statements quoted inline)
  // async def producer(q, n):
  //     for i in range(n): await q.put(i); print("put", i, q.qsize(), q.full())
  //     await q.put(None)
  const producer = co("producer", 2, function* (q: asyncio.Queue, n: number) {
    for (let i = 0n; i < n; i++) {
      yield* q.put(i);
      print("put", i, q.qsize(), q.full());
    }
    yield* q.put(null);
  });
  // async def consumer(q, name):
  //     while True:
  //         item = await q.get()
  //         if item is None: q.task_done(); break
  //         print(name, "got", item); await asyncio.sleep(0.1); q.task_done()
  const consumer = co("consumer", 7, function* (q: asyncio.Queue, name: string) {
    for (;;) {
      const item = yield* q.get();
      if (item === null) {
        q.task_done();
        break;
      }
      print(name, "got", item);
      yield* asyncio.sleep(0.1);
      q.task_done();
    }
  });
  const main = co("main", 16, function* () {
    const q = new asyncio.Queue(kw({ maxsize: 2n }));
    print(str(q), q.maxsize, q.empty());
    const p = asyncio.create_task(producer(q, 5));
    const c = asyncio.create_task(consumer(q, "c"));
    yield* q.join();
    print("joined", q.empty());
    yield* asyncio.gather(p, c);
    q.put_nowait(1n);
    q.put_nowait(2n);
    try {
      q.put_nowait(3n);
    } catch (e) {
      if (!(e instanceof asyncio.QueueFull)) throw e;
      print("QueueFull");
    }
    print(str(q));
    print(q.get_nowait(), q.get_nowait());
    try {
      q.get_nowait();
    } catch (e) {
      if (!(e instanceof asyncio.QueueEmpty)) throw e;
      print("QueueEmpty");
    }
    q.task_done();
    q.task_done();
    try {
      q.task_done();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
    // pq = asyncio.PriorityQueue(); for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a0")]: pq.put_nowait(item)
    // print([pq.get_nowait() for _ in range(4)])
    const pq = new asyncio.PriorityQueue();
    for (const item of [tuple(3n, "c"), tuple(1n, "a"), tuple(2n, "b"), tuple(1n, "a0")]) pq.put_nowait(item);
    print(PyList.fromArray([0, 1, 2, 3].map(() => pq.get_nowait())));
    const lq = new asyncio.LifoQueue();
    for (let i = 0n; i < 3n; i++) lq.put_nowait(i);
    print(PyList.fromArray([0, 1, 2].map(() => lq.get_nowait())));
    // getters = [asyncio.create_task(q.get()) for _ in range(3)]; await asyncio.sleep(0); print(str(q))
    // getters[1].cancel(); await asyncio.sleep(0); q.put_nowait("x"); q.put_nowait("y"); await asyncio.sleep(0)
    // print([g.result() if not g.cancelled() else "cancelled" for g in getters])
    const getters = [0, 1, 2].map(() => asyncio.create_task(q.get()));
    yield* asyncio.sleep(0n);
    print(str(q));
    getters[1]!.cancel();
    yield* asyncio.sleep(0n);
    q.put_nowait("x");
    q.put_nowait("y");
    yield* asyncio.sleep(0n);
    print(PyList.fromArray(getters.map((g) => (g.cancelled() ? "cancelled" : g.result()))));
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "<Queue maxsize=2> 2 True",
      "joined True",
      "put 0 1 False",
      "put 1 2 True",
      "c got 0",
      "put 2 2 True",
      "c got 1",
      "put 3 2 True",
      "c got 2",
      "put 4 2 True",
      "c got 3",
      "c got 4",
      "QueueFull",
      "<Queue maxsize=2 _queue=[1, 2] tasks=2>",
      "1 2",
      "QueueEmpty",
      "task_done() called too many times",
      "[(1, 'a'), (1, 'a0'), (2, 'b'), (3, 'c')]",
      "[2, 1, 0]",
      "<Queue maxsize=2 _getters[3]>",
      "['x', 'cancelled', 'y']",
    ),
  );
});

test("test_lock_event_condition_semaphore_barrier", () => {
  // (Python source: /tmp/pyexp/l1.py)
  // async def user(lock, name, d):
  //     async with lock: print(name, "acquired"); await asyncio.sleep(d); print(name, "releasing")
  const user = co("user", 2, function* (lock: asyncio.Lock, name: string, d: number) {
    yield* withCM(lock, function* () {
      print(name, "acquired");
      yield* asyncio.sleep(d);
      print(name, "releasing");
    });
  });
  const main = co("main", 7, function* () {
    const lock = new asyncio.Lock();
    print(lock.locked());
    yield* asyncio.gather(user(lock, "a", 0.1), user(lock, "b", 0.1), user(lock, "c", 0.1));
    try {
      lock.release();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(e);
    }
    // ev = asyncio.Event()
    // async def waiter(n): print("waiting", n); await ev.wait(); print("woke", n)
    const ev = new asyncio.Event();
    const waiter = co("main.<locals>.waiter", 16, function* (n: bigint) {
      print("waiting", n);
      yield* ev.wait();
      print("woke", n);
    });
    const ws = [0n, 1n, 2n].map((i) => asyncio.create_task(waiter(i)));
    yield* asyncio.sleep(0.1);
    print(ev.is_set());
    ev.set();
    yield* asyncio.gather(...ws);
    // cond = asyncio.Condition(); results = []
    // async def consumer(n):
    //     async with cond: await cond.wait(); results.append(n)
    const cond = new asyncio.Condition();
    const results = new PyList<bigint>();
    const consumer = co("main.<locals>.consumer", 27, function* (n: bigint) {
      yield* withCM(cond, function* () {
        yield* cond.wait();
        results.append(n);
      });
    });
    const cs = [0n, 1n, 2n, 3n].map((i) => asyncio.create_task(consumer(i)));
    yield* asyncio.sleep(0n);
    yield* withCM(cond, function* () {
      cond.notify(2n);
    });
    yield* asyncio.sleep(0n);
    print("after notify 2:", results);
    yield* withCM(cond, function* () {
      cond.notify_all();
    });
    yield* asyncio.gather(...cs);
    print("after notify_all:", results);
    // sem = asyncio.Semaphore(2)
    // async def limited(n):
    //     async with sem: print("in", n); await asyncio.sleep(0.1); print("out", n)
    const sem = new asyncio.Semaphore(2n);
    const limited = co("main.<locals>.limited", 41, function* (n: bigint) {
      yield* withCM(sem, function* () {
        print("in", n);
        yield* asyncio.sleep(0.1);
        print("out", n);
      });
    });
    yield* asyncio.gather(...[0n, 1n, 2n, 3n].map((i) => limited(i)));
    const bs = new asyncio.BoundedSemaphore(1n);
    try {
      bs.release();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
    try {
      new asyncio.Semaphore(-1n);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
    // barrier = asyncio.Barrier(3)
    // async def party(n): print("arrive", n); idx = await barrier.wait(); print("pass", n, idx)
    const barrier = new asyncio.Barrier(3n);
    const party = co("main.<locals>.party", 57, function* (n: bigint) {
      print("arrive", n);
      const idx = yield* barrier.wait();
      print("pass", n, idx);
    });
    yield* asyncio.gather(...[0n, 1n, 2n].map((i) => party(i)));
    print(barrier.n_waiting, barrier.parties, barrier.broken);
  });
  asyncio.run(main());
  expect(out).toBe(
    lines(
      "False",
      "a acquired",
      "a releasing",
      "b acquired",
      "b releasing",
      "c acquired",
      "c releasing",
      "Lock is not acquired.",
      "waiting 0",
      "waiting 1",
      "waiting 2",
      "False",
      "woke 0",
      "woke 1",
      "woke 2",
      "after notify 2: [0, 1]",
      "after notify_all: [0, 1, 2, 3]",
      "in 0",
      "in 1",
      "out 0",
      "out 1",
      "in 2",
      "in 3",
      "out 2",
      "out 3",
      "BoundedSemaphore released too many times",
      "Semaphore initial value must be >= 0",
      "arrive 0",
      "arrive 1",
      "arrive 2",
      "pass 2 2",
      "pass 0 0",
      "pass 1 1",
      "0 3 False",
    ),
  );
});

test("test_lock_repr", () => {
  // lock = asyncio.Lock(); print(repr(lock)[-11:]) -> "[unlocked]>"
  const lock = new asyncio.Lock();
  expect(repr(lock)).toMatch(/^<asyncio\.locks\.Lock object at 0x[0-9a-f]+ \[unlocked\]>$/);
  const ev = new asyncio.Event();
  expect(repr(ev)).toMatch(/^<asyncio\.locks\.Event object at 0x[0-9a-f]+ \[unset\]>$/);
  const sem = new asyncio.Semaphore(2n);
  expect(repr(sem)).toMatch(/\[unlocked, value:2\]>$/);
  void repr;
});
