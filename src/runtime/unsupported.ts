// Marks the runtime's names that exist only to raise NotImplementedError (an API that needs
// threads, sockets, subprocesses... that tsyncio does not provide). The mark is read by
// scripts/gen-runtime-classes.mjs, which lists them for the compiler, so that `tsyncio check` and
// the translator report such a call (TSY3005) instead of saying ok for a program that then fails.

export const UNSUPPORTED: unique symbol = Symbol.for("tsyncio.unsupported");

/** Marks a function, a class or a method as unsupported, with the reason shown in messages. */
export function markUnsupported<T extends object>(target: T, why: string): T {
  Object.defineProperty(target, UNSUPPORTED, { value: why, configurable: true });
  return target;
}
