// The I/O kernel's signal watches (kernel-worker.ts is the kernel's entry): the program's own
// process receives them (os.kill(os.getpid(), sig), kill from a shell).
import { emit, ops } from "./kernel-core.js";

const signalWatches = new Map<number, { close(): void }>();

export function watchSignal(signum: number, on: boolean): void {
  const old = signalWatches.get(signum);
  if (!on) {
    old?.close();
    signalWatches.delete(signum);
    return;
  }
  if (old) return;
  // process.binding: the only way a worker thread can take a signal (the Ctrl-C watcher does the same).
  process.noDeprecation = true;
  const { Signal } = (
    process as unknown as { binding(n: string): { Signal: new () => { onsignal: () => void; start(n: number): number; close(): void; unref(): void } } }
  ).binding("signal_wrap");
  const w = new Signal();
  w.onsignal = () => emit({ ev: "signal", signum, id: 0 });
  w.start(signum);
  signalWatches.set(signum, w);
}

/**
 * The real-time interval timer (signal.setitimer(ITIMER_REAL), signal.alarm): a real SIGALRM to the
 * program's process, as the kernel's timer sends it, which a watch above turns into the handler's
 * run (with no handler the process ends, "Alarm clock", as CPython's does). While it is armed the
 * virtual clock may not jump past it (it counts as an operation in flight).
 */
let alarm: NodeJS.Timeout | null = null;

export function setAlarm(seconds: number, interval: number): void {
  if (alarm !== null) {
    clearTimeout(alarm);
    alarm = null;
    ops.pending--;
  }
  if (!(seconds > 0)) return;
  ops.pending++;
  const fire = () => {
    if (interval > 0) alarm = setTimeout(fire, interval * 1e3);
    else {
      alarm = null;
      ops.pending--;
    }
    process.kill(process.pid, "SIGALRM");
  };
  alarm = setTimeout(fire, seconds * 1e3);
}
