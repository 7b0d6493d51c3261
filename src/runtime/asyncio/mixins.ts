// The loop binding shared by queues and locks: bound to the running loop on first use.
// CPython: Lib/asyncio/mixins.py (3.10+).
import { PyObject, RuntimeError, TypeError, className, hexAddress } from "./_compat.js";
import * as events from "./events.js";
import type { BaseEventLoop } from "./base_events.js";
import { _splitKw } from "./_util.js";
import { _setModule } from "./exceptions.js";

export class _LoopBoundMixin extends PyObject {
  declare _loop: BaseEventLoop | null;

  /**
   * Rejects the `loop=` argument removed in 3.10; returns the positional arguments. `owner` is the
   * class whose `__init__` is running: 3.12's `__init__` has no `loop` parameter at all, so the
   * error names it ("Lock.__init__() got an unexpected keyword argument 'loop'"); 3.10's mixin
   * named the instance's class.
   */
  protected _no_loop_kw(args: unknown[], owner: string): unknown[] {
    const [pos, kw] = _splitKw(args);
    if (kw !== null && "loop" in kw) {
      if (events._python_version() === "3.12") throw new TypeError(`${owner}.__init__() got an unexpected keyword argument 'loop'`);
      throw new TypeError(`As of 3.10, the *loop* parameter was removed from ${className(this.constructor)}() since it is no longer necessary`);
    }
    this._loop = null;
    return kw === null ? pos : [...pos, args[args.length - 1]];
  }

  /** The running loop, remembered on first use; RuntimeError if used from another loop. */
  _get_loop(): BaseEventLoop {
    const loop = events._get_running_loop() as BaseEventLoop | null;
    if (this._loop === null || this._loop === undefined) this._loop = loop;
    if (loop !== this._loop) throw new RuntimeError(`${this.__repr__()} is bound to a different event loop`);
    return loop as BaseEventLoop;
  }

  /** object.__repr__: `<asyncio.locks.Lock object at 0x...>`. */
  protected _object_repr(): string {
    const c = this.constructor as { __module__?: string };
    const mod = Object.prototype.hasOwnProperty.call(c, "__module__") ? c.__module__ : "__main__";
    return `<${mod}.${className(c)} object at ${hexAddress(this)}>`;
  }
}
_setModule(_LoopBoundMixin, "asyncio.mixins");
