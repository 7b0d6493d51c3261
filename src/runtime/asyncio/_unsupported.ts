// The helper for APIs that need real I/O, processes or threads, which tsyncio does not provide:
// they raise NotImplementedError with a message instead of misbehaving (README.md, deviations).
import { NotImplementedError } from "./_compat.js";
import { Coroutine } from "./coroutines.js";
import { markUnsupported } from "../unsupported.js";

/** A function that raises NotImplementedError naming itself and the reason. */
export function unsupported(name: string, why: string): (...args: unknown[]) => never {
  const f = (...args: unknown[]): never => {
    // A coroutine handed to us will never run: close it so it is not reported as never awaited.
    for (const a of args) if (a instanceof Coroutine) a.close();
    throw new NotImplementedError(`${name} is not supported by tsyncio (${why})`);
  };
  Object.defineProperty(f, "__qualname__", { value: name.replace(/^asyncio\./, "").replace(/\(\)$/, "") });
  return markUnsupported(f, why);
}
