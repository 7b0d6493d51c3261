// asyncio's child watchers (CPython: unix_events.AbstractChildWatcher and its five kinds, all on
// their way out since 3.12). tsyncio's kernel waits for every child itself, so a watcher here is
// only the state a program can see: the loop it is attached to, whether it is active (a
// subprocess needs an active one, as CPython checks before it spawns), and the policy's current
// one (a PidfdChildWatcher by default, CPython's pick on Linux). 3.12's DeprecationWarnings are
// given at the program's line, where CPython's stacklevel puts them.
import { NotImplementedError, RuntimeError } from "./_compat.js";
import { _warn_at } from "./_warnings.js";
import { current_location } from "../program-info.js";

/** warnings._deprecated(name, remove=(3, 14)) as the watcher classes and the policy call it. */
export function _deprecated_watcher_api(name: string): void {
  const where = current_location();
  if (where === null) return;
  _warn_at(where.filename, where.lineno, `'${name}' is deprecated as of Python 3.12 and will be removed in Python 3.14.`, "DeprecationWarning", true);
}

interface LoopLike {
  is_running(): boolean;
}

export class AbstractChildWatcher {
  add_child_handler(..._args: unknown[]): never {
    throw new NotImplementedError();
  }
  remove_child_handler(_pid: unknown): never {
    throw new NotImplementedError();
  }
  attach_loop(_loop: unknown): unknown {
    throw new NotImplementedError();
  }
  close(): unknown {
    throw new NotImplementedError();
  }
  is_active(): boolean {
    throw new NotImplementedError();
  }
  __enter__(): unknown {
    throw new NotImplementedError();
  }
  __exit__(..._args: unknown[]): unknown {
    throw new NotImplementedError();
  }
}

/** Safe and Fast watchers: active while attached to a running loop. */
class LoopChildWatcher extends AbstractChildWatcher {
  _loop: LoopLike | null = null;
  attach_loop(loop: unknown): null {
    this._loop = (loop ?? null) as LoopLike | null;
    return null;
  }
  close(): null {
    return this.attach_loop(null);
  }
  is_active(): boolean {
    return this._loop !== null && this._loop.is_running();
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): null {
    return null;
  }
}

export class SafeChildWatcher extends LoopChildWatcher {
  constructor() {
    super();
    _deprecated_watcher_api("SafeChildWatcher");
  }
}

export class FastChildWatcher extends LoopChildWatcher {
  constructor() {
    super();
    _deprecated_watcher_api("FastChildWatcher");
  }
}

/** Active once attached (CPython: while it holds the SIGCHLD handler). */
export class MultiLoopChildWatcher extends AbstractChildWatcher {
  _attached = false;
  constructor() {
    super();
    _deprecated_watcher_api("MultiLoopChildWatcher");
  }
  attach_loop(_loop: unknown): null {
    this._attached = true;
    return null;
  }
  close(): null {
    this._attached = false;
    return null;
  }
  is_active(): boolean {
    return this._attached;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): null {
    return null;
  }
}

/** Always active: CPython's waits in a thread per child, or on a pidfd in the running loop. */
class AlwaysActiveChildWatcher extends AbstractChildWatcher {
  attach_loop(_loop: unknown): null {
    return null;
  }
  close(): null {
    return null;
  }
  is_active(): boolean {
    return true;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): null {
    return null;
  }
}

export class ThreadedChildWatcher extends AlwaysActiveChildWatcher {}
export class PidfdChildWatcher extends AlwaysActiveChildWatcher {}

for (const cls of [AbstractChildWatcher, SafeChildWatcher, FastChildWatcher, MultiLoopChildWatcher, ThreadedChildWatcher, PidfdChildWatcher]) {
  Object.defineProperty(cls, "__module__", { value: "asyncio.unix_events", configurable: true, writable: true });
}

/** The check CPython makes before it spawns a child: the current watcher must be active. */
export function _check_child_watcher(watcher: unknown): void {
  if (watcher instanceof AbstractChildWatcher && !watcher.is_active()) {
    throw new RuntimeError("asyncio.get_child_watcher() is not activated, subprocess support is not installed.");
  }
}
