// The clocks as the program reads them (time.monotonic()/time()/perf_counter() and loop.time()).
import { host } from "./host.js";

// CPython's clock moves while the program computes; the virtual one only when the program sleeps
// or the loop waits for a timer. So that stamps taken in a row still differ (listeners ordered by
// time.monotonic() at registration, `earlier < datetime.now()`), a read that finds the clock where
// the previous read left it moves it on: by READ_STEP (1 ns) for a monotonic read, by WALL_STEP
// (2 µs, so that datetime's microseconds differ too) for a wall-clock read. READ_STEP is far below
// WAKE_LATE's 1 µs: two sleeps started in a row still end in the same loop iteration, as on
// CPython (whose wait rounds up to the millisecond).
// A program that spins on a clock (`while time.time() < end: pass`, or a task polling the clock
// between `await asyncio.sleep(0)`s) needs it to move faster: after SPIN_READS reads with no other
// move of the clock, each further read moves it by a virtual sleep of SPIN_STEP seconds (2 µs in all:
// the virtual clock wakes WAKE_LATE after a sleep's end).
// Every clock shares one count: a program alternating time.monotonic() and loop.time() spins too.
const READ_STEP = 1e-9;
const WALL_STEP = 2e-6;
const SPIN_READS = 1000;
const SPIN_STEP = 1e-6;
/** What the last read returned (NaN before any): a later reading means the clock moved meanwhile. */
let lastRead = NaN;
let sameReads = 0;

/** The virtual clock read by the program: moved by `step` when no one else moved it since the last read. */
function readVirtual(step: number): number {
  const t = host.now();
  if (t !== lastRead) {
    lastRead = t;
    sameReads = 0;
    return t;
  }
  if (++sameReads > SPIN_READS) host.sleep(SPIN_STEP);
  else if (host.advance) host.advance(step);
  lastRead = host.now();
  return lastRead;
}

/** The monotonic clock as the program reads it: host.now(), moved along by successive reads. */
export function programNow(): number {
  return host.virtualTime ? readVirtual(READ_STEP) : host.now();
}

// A task that polls with `await asyncio.sleep(0)` while others wait for timers keeps the ready
// queue from ever emptying, so the loop never waits and the virtual clock never reaches the timers
// (CPython gets there because each iteration takes real time). After BUSY_FREE_ITERATIONS such
// iterations at one virtual instant, each further one costs a virtual sleep of BUSY_STEP (5 µs in
// all with the wake-up's lateness, about what a sleep(0) round costs CPython): a poller waits
// about as many rounds for a timer as it would on CPython, and the count is the same on every run.
const BUSY_FREE_ITERATIONS = 1000;
const BUSY_STEP = 4e-6;
let busyInstant = NaN;
let busyIterations = 0;

/** The loop calls this (virtual time only) for an iteration that has ready callbacks and a pending timer. */
export function busyLoopIteration(): void {
  const t = host.now();
  if (t !== busyInstant) {
    busyInstant = t;
    busyIterations = 0;
    return;
  }
  if (++busyIterations <= BUSY_FREE_ITERATIONS) return;
  host.sleep(BUSY_STEP);
  busyInstant = host.now();
}

/** The wall clock as the program reads it (moves with programNow under the virtual clock). */
export function programWallTime(): number {
  if (host.virtualTime) readVirtual(WALL_STEP);
  return host.wallTime();
}
