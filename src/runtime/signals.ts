// Ctrl-C. The host notices SIGINT (Host.interrupted(), e.g. the Node CLI's signal-watching thread,
// which also wakes a blocking sleep) and the runtime runs the Python-level SIGINT handler where
// the program wakes up: after the event loop's sleep or poll, and after time.sleep(). That is
// where CPython runs it too (between bytecodes, after select() or sleep returns with EINTR).
// The default handler raises KeyboardInterrupt; asyncio.Runner installs its own while it runs
// (the first Ctrl-C cancels the main task, the second raises KeyboardInterrupt).

import { host } from "./host.js";
import { KeyboardInterrupt } from "./builtins/exceptions.js";

let handler: (() => void) | null = null;

/** The Python-level SIGINT handler; null is signal.default_int_handler. Returns the previous one. */
export function set_sigint_handler(h: (() => void) | null): (() => void) | null {
  const previous = handler;
  handler = h;
  return previous;
}

export function get_sigint_handler(): (() => void) | null {
  return handler;
}

/** Runs the SIGINT handler if the host saw a SIGINT since the last call; true if it did. */
export function deliver_interrupt(): boolean {
  if (!host.interrupted?.()) return false;
  if (handler === null) throw new KeyboardInterrupt();
  handler();
  return true;
}
