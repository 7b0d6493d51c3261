// unittest: TestCase, IsolatedAsyncioTestCase, the loader, the text runner and main(), and the
// `mock` submodule (`from unittest import mock`). The pieces live in _unittest_*.ts.
import { noteModuleNamespace } from "../builtins/module-files.js";
import { KwArgs } from "../builtins/object.js";
import { call } from "../builtins/ops.js";
import { Runner } from "../asyncio/runners.js";
import { _is_coroutine, awaitable, coroutine_function, iscoroutine, iscoroutinefunction } from "../asyncio/coroutines.js";
import { copy_context } from "./contextvars.js";
import { TestCase } from "./_unittest_case.js";

export { TestCase, FunctionTestCase, SkipTest, skip, skipIf, skipUnless, expectedFailure } from "./_unittest_case.js";
export {
  TestResult,
  TextTestResult,
  TestSuite,
  TestLoader,
  TextTestRunner,
  TestProgram,
  main,
  defaultTestLoader,
  makeSuite,
  getTestCaseNames,
} from "./_unittest_runner.js";
import * as mockModule from "./unittest_mock.js";
export { mockModule as mock };
noteModuleNamespace(mockModule, "unittest.mock");

type Fn = (...a: any[]) => any;

const LIB = "/usr/lib/python3.12/unittest/async_case.py";
const nothing = (name: string) =>
  coroutine_function(
    function* (): Generator<unknown, null, unknown> {
      return null;
    },
    { qualname: `IsolatedAsyncioTestCase.${name}`, filename: LIB, firstlineno: 0 },
  );

/**
 * A TestCase whose setUp, test and tearDown may be coroutines: each test runs in its own event
 * loop (an asyncio.Runner in debug mode, as CPython's), created before asyncSetUp and closed after
 * the cleanups; the parts share one contextvars Context.
 */
export class IsolatedAsyncioTestCase extends TestCase {
  declare _asyncioRunner: Runner | null;
  declare _asyncioTestContext: any;
  static __module__ = "unittest.async_case";

  __init__(methodName: unknown = "runTest"): void {
    super.__init__(methodName);
    this._asyncioRunner = null;
    this._asyncioTestContext = copy_context();
  }

  /** Runs a coroutine function in the test's loop, or a plain function in the test's context. */
  _callMaybeAsync(fn: unknown, ...args: unknown[]): unknown {
    if (iscoroutinefunction(fn)) {
      const coro = call(fn, ...args);
      return this._asyncioRunner!.run(coro as never, new KwArgs({ context: this._asyncioTestContext }));
    }
    const r = this._asyncioTestContext.run(fn, ...args);
    // A wrapper that returns a coroutine (a method decorated by patch) is awaited like CPython's async wrappers.
    if (iscoroutine(r)) return this._asyncioRunner!.run(r as never, new KwArgs({ context: this._asyncioTestContext }));
    return r;
  }
  _callSetUp(): void {
    this._asyncioRunner!.get_loop();
    this._asyncioTestContext.run(() => this.setUp());
    this._callMaybeAsync(bindMethod((this as any).asyncSetUp, this));
  }
  _callTestMethod(method: Fn): void {
    this._callMaybeAsync(bindMethod(method, this));
  }
  _callTearDown(): void {
    this._callMaybeAsync(bindMethod((this as any).asyncTearDown, this));
    this._asyncioTestContext.run(() => this.tearDown());
  }
  _callCleanup(fn: unknown, args: unknown[], k: Record<string, unknown> | null): void {
    this._callMaybeAsync(fn, ...args, ...(k ? [new KwArgs(k)] : []));
  }
  addAsyncCleanup(fn: unknown, ...args: unknown[]): null {
    return this.addCleanup(fn, ...args);
  }
  /** `await self.enterAsyncContext(cm)`: enters cm and registers its exit as an async cleanup. */
  enterAsyncContext(cm: any): unknown {
    const self = this;
    return call(
      coroutine_function(
        function* (): Generator<unknown, unknown, unknown> {
          const result = yield* awaitable(cm.__aenter__());
          self.addAsyncCleanup(
            coroutine_function(
              function* () {
                return yield* awaitable(cm.__aexit__(null, null, null));
              },
              { qualname: "IsolatedAsyncioTestCase.enterAsyncContext", filename: LIB, firstlineno: 0 },
            ),
          );
          return result;
        },
        { qualname: "IsolatedAsyncioTestCase.enterAsyncContext", filename: LIB, firstlineno: 0 },
      ),
    );
  }
  run(result: any = null): unknown {
    this._asyncioRunner = new Runner(new KwArgs({ debug: true }));
    try {
      return super.run(result);
    } finally {
      this._asyncioRunner.close();
      this._asyncioRunner = null;
    }
  }
}
// (TS knows of the two hooks below as methods: a test's own asyncSetUp overrides one, calls super's)
export interface IsolatedAsyncioTestCase {
  asyncSetUp(): any;
  asyncTearDown(): any;
}
Object.defineProperty(IsolatedAsyncioTestCase.prototype, "asyncSetUp", { value: nothing("asyncSetUp"), writable: true, configurable: true });
Object.defineProperty(IsolatedAsyncioTestCase.prototype, "asyncTearDown", { value: nothing("asyncTearDown"), writable: true, configurable: true });

/** A method bound to its instance; a coroutine method stays a coroutine function. */
function bindMethod(method: Fn, self: unknown): Fn {
  const bound = function (...args: unknown[]) {
    return method.apply(self, args);
  };
  if (iscoroutinefunction(method)) Object.defineProperty(bound, _is_coroutine, { value: true });
  return bound;
}
