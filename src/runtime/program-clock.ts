// The clocks as the program reads them (time.monotonic()/time()/perf_counter() and loop.time()).
import { host } from "./host.js";

// A program that spins on a clock (`while time.time() < end: pass`, or a task polling the clock
// between `await asyncio.sleep(0)`s) would never see the virtual clock move: it moves only when
// the program sleeps or the loop waits for a timer. CPython's clock moves while the CPU works, so
// after SPIN_READS reads of the same virtual instant each further read moves it by a virtual sleep
// of SPIN_STEP seconds (2 µs in all: the virtual clock wakes WAKE_LATE after a sleep's end).
// Every clock shares one count: a program alternating time.monotonic() and loop.time() spins too.
const SPIN_READS = 1000;
const SPIN_STEP = 1e-6;
let lastInstant = NaN;
let sameReads = 0;

/** The monotonic clock as the program reads it: host.now(), moved along by a spinning reader. */
export function programNow(): number {
  const t = host.now();
  if (!host.virtualTime) return t;
  if (t !== lastInstant) {
    lastInstant = t;
    sameReads = 0;
    return t;
  }
  if (++sameReads <= SPIN_READS) return t;
  host.sleep(SPIN_STEP);
  lastInstant = host.now();
  return lastInstant;
}

/** The wall clock as the program reads it (moves with programNow under the virtual clock). */
export function programWallTime(): number {
  if (host.virtualTime) programNow();
  return host.wallTime();
}
