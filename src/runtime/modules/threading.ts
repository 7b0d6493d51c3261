// threading: the main thread's identity (current_thread().name is "MainThread", what logging and
// print-debugging show). tsyncio runs one thread: starting another is NotImplementedError.
// CPython: Lib/threading.py (documented behaviour).
import { host } from "../host.js";
import { NotImplementedError, RuntimeError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { markUnsupported } from "../unsupported.js";

const MAIN_IDENT = 140000000000000n;

export class Thread {
  constructor(..._args: unknown[]) {
    throw new NotImplementedError("threading.Thread is not supported by tsyncio (no threads)");
  }
  static __module__ = "threading";
}
markUnsupported(Thread, "no threads");

class _MainThread {
  name = "MainThread";
  ident = MAIN_IDENT;
  native_id = BigInt(host.pid ?? 1);
  daemon = false;
  is_alive(): boolean {
    return true;
  }
  getName(): string {
    return this.name;
  }
  join(): never {
    throw new RuntimeError("cannot join current thread");
  }
  __repr__(): string {
    return `<_MainThread(${this.name}, started ${this.ident})>`;
  }
  static __module__ = "threading";
}

const mainThread = new _MainThread();

export function current_thread(): _MainThread {
  return mainThread;
}
export const currentThread = current_thread;
export function main_thread(): _MainThread {
  return mainThread;
}
export function get_ident(): bigint {
  return MAIN_IDENT;
}
export function get_native_id(): bigint {
  return mainThread.native_id;
}
export function active_count(): bigint {
  return 1n;
}
export function enumerate(): PyList<unknown> {
  return PyList.fromArray([mainThread]);
}
