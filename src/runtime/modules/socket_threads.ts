// Blocking socket calls and cooperative threads (threads/scheduler.ts): a thread blocked in
// accept(), connect() or recv() waits on a scheduler Waiter that the socket's next kernel event
// wakes, so the other threads (a server thread and its client) run meanwhile. When no thread can
// run, the scheduler waits for I/O (asyncio/io_selector.ts delivers socket events to sockets,
// which are marked `_wakes_threads`).
import { block, deadline, run_plain, waiter, wake, type Waiter } from "../threads/scheduler.js";

type Gen<T> = Generator<Waiter, T, unknown>;

const waiting = new WeakMap<object, Waiter[]>();

/** Waits (as the running thread) until `ready()`, at most `timeout` seconds; false if it passed. */
export function* until(sock: object, ready: () => boolean, timeout: number | null): Gen<boolean> {
  const end = deadline(timeout);
  while (!ready()) {
    const w = waiter(end);
    const list = waiting.get(sock);
    if (list) list.push(w);
    else waiting.set(sock, [w]);
    yield* block(w);
    if (w.timedOut) return ready();
  }
  return true;
}

/**
 * Waits (as the running thread) until `ready()`, woken by a change of any of `socks` (a selector's
 * select()), at most `timeout` seconds; false if it passed. The waiter is taken off every list after.
 */
export function* until_any(socks: readonly object[], ready: () => boolean, timeout: number | null): Gen<boolean> {
  const end = deadline(timeout);
  while (!ready()) {
    const w = waiter(end);
    for (const s of socks) {
      const list = waiting.get(s);
      if (list) list.push(w);
      else waiting.set(s, [w]);
    }
    try {
      yield* block(w);
    } finally {
      // Also when block() throws (the thread is interrupted): no socket keeps a dead waiter.
      for (const s of socks) {
        const list = waiting.get(s);
        const i = list === undefined ? -1 : list.indexOf(w);
        if (i >= 0) list!.splice(i, 1);
      }
    }
    if (w.timedOut) return ready();
  }
  return true;
}

/** until() from a plain call: the JS stack blocks while the other threads run. */
export function until_plain(sock: object, ready: () => boolean, timeout: number | null): boolean {
  return run_plain(until(sock, ready, timeout));
}

/** Wakes the threads waiting on `sock` (its state changed: data, EOF, a connection, an answer). */
export function wake_waiting(sock: object): void {
  const list = waiting.get(sock);
  if (list === undefined) return;
  waiting.delete(sock);
  for (const w of list) wake(w);
}

/** Gives `method` a generator form (what a thread compiled as a generator calls: bcallm's `$g`). */
export function blocking_form(method: Function, gen: (...args: any[]) => Gen<unknown>): void {
  Object.defineProperty(method, "$g", { value: gen });
}
