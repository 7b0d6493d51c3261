// asyncio's exception types.
// CPython: Lib/asyncio/exceptions.py (3.12). TimeoutError is the builtin one since 3.11.
import { BaseException, EOFError, Exception, RuntimeError, TimeoutError, repr } from "./_compat.js";
export { TimeoutError };

/** Sets the Python module and name a class reports (`asyncio.exceptions.CancelledError` in tracebacks). */
export function _setModule(cls: Function, module: string): void {
  Object.defineProperty(cls, "__module__", { value: module, writable: true, configurable: true });
  // Own __name__/__qualname__: the builtin exception classes carry their own, which would be inherited.
  Object.defineProperty(cls, "__name__", { value: cls.name, writable: true, configurable: true });
  Object.defineProperty(cls, "__qualname__", { value: cls.name, writable: true, configurable: true });
}

/** The Future or Task was cancelled. A BaseException, so `except Exception` does not swallow it. */
export class CancelledError extends BaseException {}

/** The operation is not allowed in this state (e.g. set_result() on a done Future). */
export class InvalidStateError extends Exception {}

/** sendfile is not available (kept for API completeness; there are no sockets here). */
export class SendfileNotAvailableError extends RuntimeError {}

/** A stream ended before the expected number of bytes was read. */
export class IncompleteReadError extends EOFError {
  partial: Uint8Array | string;
  expected: unknown;
  constructor(partial: Uint8Array | string, expected: unknown) {
    const r = expected === null || expected === undefined ? "undefined" : repr(expected);
    super(`${partial.length} bytes read on a total of ${r} expected bytes`);
    this.partial = partial;
    this.expected = expected;
  }
}

/** The buffer limit was reached while looking for a separator. */
export class LimitOverrunError extends Exception {
  consumed: unknown;
  constructor(message: unknown, consumed: unknown) {
    super(message);
    this.consumed = consumed;
  }
}

/** A Barrier was aborted or reset while tasks were waiting on it. */
export class BrokenBarrierError extends RuntimeError {}

for (const c of [CancelledError, InvalidStateError, SendfileNotAvailableError, IncompleteReadError, LimitOverrunError, BrokenBarrierError]) {
  _setModule(c, "asyncio.exceptions");
}
