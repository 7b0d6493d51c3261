// Cooperative threads on the event loop's clock (design.md §3, issue 17).
//
// A thread other than the main one is a JS generator that yields a Waiter each time it blocks
// (time.sleep, a lock/condition/event/semaphore/queue wait, join, Future.result, input()). The
// scheduler resumes it once the waiter is woken (by a release, a set, a put...) or its deadline
// passes. Between blocking points a thread runs without switches: CPython's GIL time-slicing of
// CPU-bound threads is not modelled (README "Threads").
//
// The main thread is the JS stack itself: when it blocks (a plain call of a blocking primitive, the
// event loop's wait for its next timer) it drives the other threads from inside that call until
// its own waiter is woken; that is block_plain(). The same fallback serves a blocking call a thread
// makes where the compiler could not make it yield (inside a lambda or a builtin's callback): the
// thread then keeps the JS stack while the others run, which is right unless it waits for a
// thread below it on the stack.
//
// A new thread runs at once until it first blocks (after the threads already runnable), then its
// starter goes on: what CPython does when output is buffered (start() waits for the thread to
// signal that it runs, and the new thread keeps the GIL until it blocks).

import { host } from "../host.js";
import { deliver_interrupt, deliver_thread_signals, set_main_thread_query } from "../signals.js";
import { Deque, TimerHeap } from "../asyncio/_collections.js";

/** What a blocked thread waits for. Woken once; `timedOut` when its deadline woke it. */
export class Waiter {
  done = false;
  timedOut = false;
  /** The parked generator thread to resume when woken (null for a plain wait on the JS stack). */
  thread: SchedThread | null = null;
  _when = 0;
  _seq = 0;
  _fifo = true;
  _scheduled = false;
}

/** The scheduler's view of a thread (threading.Thread implements it). */
export interface SchedThread {
  /** The thread's values of the registered thread-local slots (undefined: not run yet). */
  _slots?: unknown[];
  /** The thread's body; null once finished or for the main thread. */
  _gen: Generator<Waiter, unknown, unknown> | null;
  /** Called when the body returns (the body handles its own exceptions). */
  _finished(): void;
}

const runQueue = new Deque<SchedThread>();
const timers = new TimerHeap<Waiter>();
let timerSeq = 0;
/** Threads started and not finished (the main thread excluded). */
let liveThreads = 0;

/** The thread whose code runs now; null means the main thread. */
export let current: SchedThread | null = null;
set_main_thread_query(() => current === null);

/** True while some thread other than the main one exists (the event loop asks before waiting). */
export function threads_alive(): boolean {
  return liveThreads > 0;
}

/** Wakes `w`: its thread (if parked) becomes runnable; a plain wait sees `done`. */
export function wake(w: Waiter): void {
  if (w.done) return;
  w.done = true;
  const t = w.thread;
  if (t !== null) {
    w.thread = null;
    runQueue.push(t);
  }
}

/** A waiter that times out at monotonic `when` (no timeout when `when` is null). */
export function waiter(when: number | null = null): Waiter {
  const w = new Waiter();
  if (when !== null) {
    w._when = when;
    w._seq = ++timerSeq;
    w._scheduled = true;
    timers.push(w);
  }
  return w;
}

/** Registers a new thread and runs it until it first blocks (Thread.start). */
export function start_thread(t: SchedThread): void {
  liveThreads++;
  // start() blocks its caller until the thread runs; threads already waiting for the GIL get it
  // first (CPython hands the GIL over in request order), then the new one.
  for (let n = runQueue.length; n > 0; n--) thread_step(runQueue.shift()!);
  thread_step(t);
}

/** Runtime state each thread has its own of (the running event loop): saved and restored around a step. */
export interface ThreadSlot {
  get(): unknown;
  set(value: unknown): void;
  /** The value a new thread starts with. */
  initial(): unknown;
}
const slots: ThreadSlot[] = [];

export function register_thread_slot(slot: ThreadSlot): void {
  slots.push(slot);
}

// (named for tracebacks: a thread's frames start below it, run.ts)
function thread_step(t: SchedThread): void {
  const gen = t._gen;
  if (gen === null) return;
  const previous = current;
  current = t;
  const n = slots.length;
  const saved = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    saved[i] = slots[i].get();
    slots[i].set(t._slots === undefined ? slots[i].initial() : t._slots[i]);
  }
  let r: IteratorResult<Waiter, unknown>;
  try {
    r = gen.next();
  } finally {
    current = previous;
    if (n > 0) {
      const mine = (t._slots ??= new Array<unknown>(n));
      for (let i = 0; i < n; i++) {
        mine[i] = slots[i].get();
        slots[i].set(saved[i]);
      }
    }
  }
  if (r.done) {
    t._gen = null;
    liveThreads--;
    t._finished();
  } else {
    const w = r.value;
    if (w.done) runQueue.push(t);
    else w.thread = t;
  }
  // Back in the main thread: the handlers of signals the thread sent the program run now.
  if (previous === null) deliver_thread_signals();
}

/**
 * Fires the earliest timer due by now (one at a time, in deadline order: a thread whose sleep
 * ended first runs before a later waiter returns); true if one fired.
 */
function fire_due(): boolean {
  const now = host.now();
  for (let w = timers.peek(); w !== undefined && (w.done || w._when <= now); w = timers.peek()) {
    timers.pop();
    w._scheduled = false;
    if (!w.done) {
      w.timedOut = true;
      wake(w);
      return true;
    }
  }
  return false;
}

/**
 * When another thread next needs the JS stack: 0 if one is runnable now, the monotonic time of the
 * earliest thread timer, or null (all wait for something only the main thread can do). The event
 * loop's I/O wait (asyncio/base_events.ts) blocks at most until then.
 */
export function next_thread_wakeup(): number | null {
  if (runQueue.length > 0) return 0;
  let next = timers.peek();
  while (next !== undefined && next.done) {
    timers.pop();
    next._scheduled = false;
    next = timers.peek();
  }
  return next === undefined ? null : next._when;
}

/** Runs the threads runnable now (each once) and fires due timers: the loop's poll when it is busy. */
export function run_ready_threads(): void {
  while (fire_due());
  for (let n = runQueue.length; n > 0; n--) thread_step(runQueue.shift()!);
}

/**
 * How the scheduler waits when no thread can run and I/O is in use (set by asyncio/io_selector.ts):
 * for an I/O completion until monotonic `until` (null: none), delivering those that wake threads
 * blocked on a socket. "io": something came; "timeout": `until` passed; "idle": no I/O can come
 * (the clock may jump), or under the virtual clock `until` passed in real time (the clock moves there);
 * null: no I/O in use (the scheduler sleeps on its own).
 */
export type IoWait = (until: number | null) => "io" | "timeout" | "idle" | null;
let io_wait: IoWait | null = null;

export function set_io_wait(f: IoWait): void {
  io_wait = f;
}

/**
 * Blocks the JS stack until `w` is woken, running the other threads meanwhile and sleeping (real
 * or virtual clock) while none can run, or waiting for I/O when a socket may wake one. With
 * nothing left to wake `w` it hangs as CPython does, in real-time sleeps that Ctrl-C and
 * --timeout end.
 */
export function block_plain(w: Waiter): void {
  while (!w.done) {
    if (runQueue.length > 0) {
      thread_step(runQueue.shift()!);
      continue;
    }
    if (fire_due()) continue;
    let next = timers.peek();
    while (next !== undefined && next.done) {
      timers.pop();
      next = timers.peek();
    }
    if (next === undefined) {
      const r = io_wait?.(null) ?? null;
      if (r === null || r === "idle") hang(w);
      continue;
    }
    const r = io_wait?.(next._when) ?? null;
    if (r === null || r === "idle") sleep_until(next._when);
    deliver_interrupt();
  }
}

function sleep_until(when: number): void {
  if (host.virtualTime && host.sleepUntil) host.sleepUntil(when);
  else {
    const dt = when - host.now();
    // Atomics.wait may return a hair early: wait whole milliseconds, rounded up.
    if (dt > 0) host.sleep(host.virtualTime ? dt : Math.ceil(dt * 1e3) * 1e-3);
  }
}

/** A deadlock: nothing can ever wake `w`. Wait in real time (never spin) until Ctrl-C or --timeout. */
function hang(w: Waiter): void {
  host.flush();
  while (!w.done && runQueue.length === 0) {
    (host.realSleep ?? host.sleep)(1);
    deliver_interrupt();
  }
}

/** Drives a blocking generator to its end on the JS stack: the plain call of a blocking function. */
export function run_plain<T>(gen: Generator<Waiter, T, unknown>): T {
  let r = gen.next();
  while (!r.done) {
    block_plain(r.value);
    r = gen.next();
  }
  return r.value;
}

/** Suspends the running generator thread until `w` is woken (`yield* block(w)`); true if timed out. */
export function* block(w: Waiter): Generator<Waiter, boolean, unknown> {
  if (!w.done) yield w;
  return w.timedOut;
}

/** The monotonic deadline of a `timeout` in seconds (null: none). */
export function deadline(timeout: number | null): number | null {
  return timeout === null ? null : host.now() + timeout;
}

/** time.sleep() in a generator thread; sleep(0) lets the other runnable threads go first. */
export function* sleep_gen(seconds: number): Generator<Waiter, null, unknown> {
  if (seconds <= 0) {
    const w = new Waiter();
    w.done = true;
    yield w;
    return null;
  }
  yield* block(waiter(host.now() + seconds));
  return null;
}

/** time.sleep() on the JS stack while other threads exist. */
export function sleep_plain(seconds: number): void {
  if (seconds <= 0) run_ready_threads();
  else block_plain(waiter(host.now() + seconds));
}
