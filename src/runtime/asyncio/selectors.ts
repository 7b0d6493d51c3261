// The loop's I/O seam (CPython: the selector a BaseSelectorEventLoop owns, `selectors.EpollSelector`).
//
// _run_once() computes how long it may block (until the first timer, or forever) and asks its
// selector to wait at most that long; the selector hands back the I/O events that came in, and the
// loop queues them as ready callbacks (CPython: `event_list = self._selector.select(timeout)` then
// `self._process_events(event_list)`).
//
// Two trivial selectors have no I/O at all: the real clock blocks the thread for the timeout, the
// virtual clock jumps to the first timer's deadline. The host's I/O selector (io/selector.ts) takes
// their place once a program opens a socket, a pipe or a process.
import { RuntimeError, host } from "./_compat.js";
import { deliver_interrupt } from "../signals.js";

/** The longest single block (CPython: base_events.MAXIMUM_SELECT_TIMEOUT, one day). */
export const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;

/** An I/O event the loop turns into a ready callback: run `callback(...args)` in the next batch. */
export interface SelectorEvent {
  callback: Function;
  args: unknown[];
}

export interface Selector {
  /**
   * Block until an I/O event arrives or `timeout` seconds have passed (0: only poll; null: no timer
   * is set, wait for I/O alone). `deadline` is the loop-time instant of the first timer (null with
   * no timer): a virtual clock moves exactly there. Returns the events that came in, in order.
   */
  select(timeout: number | null, deadline: number | null): readonly SelectorEvent[];
}

const NO_EVENTS: readonly SelectorEvent[] = [];

/** Real time, no I/O: the thread sleeps until the first timer (or until a Ctrl-C). */
export const sleepingSelector: Selector = {
  select(timeout, deadline) {
    if (timeout === null) {
      // CPython blocks in select() forever; only a signal ends it.
      while (!deliver_interrupt()) host.sleep(MAXIMUM_SELECT_TIMEOUT);
    } else {
      waitForTimer(timeout, deadline);
    }
    return NO_EVENTS;
  },
};

/** Virtual time, no I/O: the clock jumps to the first timer's deadline. */
export const virtualClockSelector: Selector = {
  select(timeout, deadline) {
    if (timeout === null) {
      // Nothing could ever wake the loop: an error rather than a hang.
      throw new RuntimeError("tsyncio: the event loop has nothing left to run and no timer set (CPython would wait forever)");
    }
    waitForTimer(timeout, deadline);
    return NO_EVENTS;
  },
};

/** Sleeps `timeout` seconds, or moves a virtual clock to exactly `deadline` (adding can miss it by the last bit). */
export function waitForTimer(timeout: number, deadline: number | null): void {
  if (timeout > 0 && host.sleepUntil && deadline !== null && timeout < MAXIMUM_SELECT_TIMEOUT) host.sleepUntil(deadline);
  else if (timeout > 0) host.sleep(timeout);
}

/** The selector with no I/O for the current host's clock. */
export function clockSelector(): Selector {
  return host.virtualTime ? virtualClockSelector : sleepingSelector;
}
