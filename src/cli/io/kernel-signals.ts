// The I/O kernel's signal watches (kernel-worker.ts is the kernel's entry): the program's own
// process receives them (os.kill(os.getpid(), sig), kill from a shell).
import { emit } from "./kernel-core.js";

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
