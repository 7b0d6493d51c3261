// contextlib, driven the way translated `with` / `async with` statements drive it. Expected output recorded from CPython 3.12.
import { beforeEach, describe, expect, it } from "vitest";
import * as asyncio from "../../src/runtime/asyncio/index.js";
import { setHost } from "../../src/runtime/host.js";
import * as R from "../../src/runtime/internal.js";
import {
  contextmanager, asynccontextmanager, suppress, closing, nullcontext, ExitStack, AsyncExitStack,
} from "../../src/runtime/modules/contextlib.js";

const { print, pytype, truthy, ValueError, KeyError, RuntimeError, TypeError, PyObject } = R;
let out = "";
beforeEach(() => {
  out = "";
  setHost({ write: (fd, t) => void (fd === 1 ? (out += t) : undefined), virtualTime: true });
});

/** `with mgr as v: body(v)`, as the compiler emits it. */
function withStmt(mgr: any, body: (v: unknown) => void): void {
  const v = mgr.__enter__();
  let ok = true;
  try {
    body(v);
  } catch (e) {
    ok = false;
    if (!truthy(mgr.__exit__(pytype(e), e, null))) throw e;
  } finally {
    if (ok) mgr.__exit__(null, null, null);
  }
}

const co = (name: string, gen: (...a: any[]) => Generator<unknown, any, any>) =>
  asyncio.coroutine_function(gen, { qualname: name, filename: "t.py", firstlineno: 1 });

describe("contextmanager", () => {
  const cm = contextmanager(function* (name: string, swallow = false) {
    print("enter", name);
    try {
      yield name.toUpperCase();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("cm saw", e);
      if (!swallow) throw e;
    } finally {
      print("exit", name);
    }
  }) as any;
  it("enter/exit, exceptions thrown in, swallowed and re-raised", () => {
    withStmt(cm("a"), (v) => print("body", v));
    withStmt(cm("b", true), () => {
      throw new ValueError("swallowed");
    });
    expect(() => withStmt(cm("c"), () => {
      throw new ValueError("boom");
    })).toThrow("boom");
    expect(() => withStmt(cm("d"), () => {
      throw new KeyError("k");
    })).toThrow(KeyError);
    expect(out).toBe("enter a\nbody A\nexit a\nenter b\ncm saw swallowed\nexit b\nenter c\ncm saw boom\nexit c\nenter d\nexit d\n");
  });
  it("generator protocol errors", () => {
    const bad = contextmanager(function* () {
      yield 1n;
      yield 2n;
    }) as any;
    expect(() => withStmt(bad(), () => {})).toThrow("generator didn't stop");
    const none = contextmanager(function* () {}) as any;
    expect(() => withStmt(none(), () => {})).toThrow("generator didn't yield");
    expect(() => withStmt(none(), () => {})).toThrow(RuntimeError);
  });
});

describe("small context managers and ExitStack", () => {
  class Res extends PyObject {
    declare n: bigint;
    __init__(n: bigint) {
      this.n = n;
    }
    close() {
      print("close", this.n);
    }
    __enter__() {
      print("res enter", this.n);
      return this;
    }
    __exit__(t: any) {
      print("res exit", this.n, t ? t.name : null);
      return false;
    }
  }
  it("suppress, closing, nullcontext", () => {
    withStmt(new suppress(KeyError, R.IndexError), () => {
      throw new R.IndexError("x");
    });
    expect(() => withStmt(new suppress(KeyError), () => {
      throw new ValueError("not suppressed");
    })).toThrow("not suppressed");
    withStmt(new closing(new Res(1n)), (r: any) => print("using", r.n));
    withStmt(new nullcontext(5n), (x) => print("null", x));
    expect(out).toBe("using 1\nclose 1\nnull 5\n");
  });
  it("ExitStack", () => {
    withStmt(new ExitStack(), (stack: any) => {
      for (let i = 0n; i < 3n; i++) stack.enter_context(new Res(i));
      stack.callback(print, "callback", 42n);
      print("in stack");
    });
    expect(() => withStmt(new ExitStack(), (stack: any) => {
      stack.enter_context(new Res(9n));
      throw new ValueError("in stack");
    })).toThrow("in stack");
    let s2: any;
    withStmt(new ExitStack(), (stack: any) => {
      stack.enter_context(new Res(7n));
      s2 = stack.pop_all();
    });
    print("popped");
    s2.close();
    expect(() => new ExitStack().enter_context(5n)).toThrow("'builtins.int' object does not support the context manager protocol");
    expect(out).toBe(
      "res enter 0\nres enter 1\nres enter 2\nin stack\ncallback 42\nres exit 2 None\nres exit 1 None\nres exit 0 None\n" +
        "res enter 9\nres exit 9 ValueError\nres enter 7\npopped\nres exit 7 None\n",
    );
  });
});

describe("async context managers", () => {
  it("asynccontextmanager over an async generator, AsyncExitStack, nullcontext", () => {
    const acm = asynccontextmanager(
      asyncio.async_generator_function(function* (n: bigint) {
        print("acm enter", n);
        try {
          yield* asyncio.sleep(0n);
          yield asyncio.agen_yield(n * 2n);
        } finally {
          print("acm exit", n);
        }
      }, { qualname: "acm", filename: "t.py", firstlineno: 1 }),
    ) as any;
    const main = co("main", function* () {
      for (const [n, fail] of [[1n, false], [2n, true]] as const) {
        const mgr = acm(n);
        const v = yield* asyncio.awaitable(mgr.__aenter__());
        let ok = true;
        try {
          print("body", v);
          if (fail) throw new ValueError("boom");
        } catch (e) {
          ok = false;
          const r = yield* asyncio.awaitable(mgr.__aexit__(pytype(e), e, null));
          print("suppressed?", r);
        } finally {
          if (ok) yield* asyncio.awaitable(mgr.__aexit__(null, null, null));
        }
      }
      const stack = new AsyncExitStack();
      yield* asyncio.awaitable(stack.__aenter__());
      const v = yield* asyncio.awaitable(stack.enter_async_context(acm(3n)));
      stack.callback(print, "sync callback");
      print("stack body", v);
      yield* asyncio.awaitable(stack.__aexit__(null, null, null));
      const n = new nullcontext(6n);
      print("anull", yield* asyncio.awaitable(n.__aenter__()));
      yield* asyncio.awaitable(n.__aexit__(null, null, null));
    });
    asyncio.run(main());
    expect(out).toBe(
      "acm enter 1\nbody 2\nacm exit 1\nacm enter 2\nbody 4\nacm exit 2\nsuppressed? False\n" +
        "acm enter 3\nstack body 6\nsync callback\nacm exit 3\nanull 6\n",
    );
  });
});
void TypeError;
