// atexit: functions run when the program ends (after an uncaught exception's traceback), last
// registered first. An exception in one is reported as CPython does and the others still run.
import { KwArgs, popKw } from "../builtins/object.js";
import { call } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { SystemExit, caughtException } from "../builtins/exceptions.js";
import { host } from "../host.js";

interface Entry {
  func: unknown;
  run: () => unknown;
}
const entries: Entry[] = [];

export function register(func: unknown, ...args: unknown[]): unknown {
  const k = popKw(args);
  entries.push({ func, run: () => (k ? call(func, ...args, new KwArgs(k)) : call(func, ...args)) });
  return func;
}

export function unregister(func: unknown): null {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].func === func) entries.splice(i, 1);
  return null;
}

export function _ncallbacks(): bigint {
  return BigInt(entries.length);
}

export function _clear(): null {
  entries.length = 0;
  return null;
}

/**
 * Runs and forgets the registered functions (the runner calls this at exit). `report` writes an
 * exception's traceback; a SystemExit raised by one of them is swallowed, as CPython does.
 */
export function _run_exitfuncs(report: (exc: unknown) => string = () => ""): null {
  while (entries.length) {
    const e = entries.pop()!;
    try {
      e.run();
    } catch (err) {
      const exc = caughtException(err);
      if (exc instanceof SystemExit) continue;
      host.flush?.();
      host.write(2, `Exception ignored in atexit callback: ${repr(e.func)}\n${report(exc)}`);
    }
  }
  return null;
}
