// The I/O kernel's messaging (kernel-worker.ts is the kernel's entry): the port to the program's
// thread, the outbox (one batch of completions per kernel turn, read buffers transferred) and the
// wake-up of a waiting program, at most once per turn and only while it waits.
//
// For the virtual clock, the kernel counts what is in flight (see inFlight): a waiting loop that
// asked for it gets `idle` when nothing is, and `settled` when what one of the program's sockets
// sent to another has landed.
import { workerData, type MessagePort } from "node:worker_threads";
import { writeSync } from "node:fs";
import type { Address, IoCompletion } from "../../runtime/io-messages.js";
import { IO_FLAG, WAITING, QUIET, SETTLE } from "./cell.js";
import type { HostCompletion } from "./host-messages.js";

export const port = workerData.port as MessagePort;
const cell = new Int32Array(workerData.shared as SharedArrayBuffer);
export const leaseTable = new Int32Array(workerData.leases as SharedArrayBuffer);

/** Connects, listens, look-ups, spawns and sends the kernel is waiting on (none: it may be idle). */
export const ops = { pending: 0 };

/** What the entry (kernel-worker.ts) says about the kernel's in-flight work. */
export const inFlight = {
  /** Nothing in flight: a virtual-clock wait may jump. */
  idle: (): boolean => true,
  /** Nothing on its way between two of the program's own sockets. */
  settled: (): boolean => true,
};

// --- the outbox: one batch per turn -------------------------------------------------------------

let outbox: (IoCompletion | HostCompletion)[] = [];
let transfers: ArrayBuffer[] = [];
let flushQueued = false;

export const debug = process.env.TSYNCIO_IO_DEBUG ? (msg: string) => writeSync(2, `[kernel] ${msg}\n`) : null;

export function emit(c: IoCompletion | HostCompletion, transfer?: ArrayBuffer): void {
  debug?.(`emit ${c.ev} ${c.id}${"fd" in c ? " fd " + c.fd : ""}${"lease" in c && c.lease ? " lease" : ""}`);
  outbox.push(c);
  if (transfer) transfers.push(transfer);
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

let idleSent = false;
let settledSent = false;
/** The number of the last request batch handled: an "idle" answer is valid only for the latest. */
let batchSeq = 0;

/** A new batch of requests (number `seq`) is about to be handled. */
export function startBatch(seq: number): void {
  batchSeq = seq;
  idleSent = false;
  settledSent = false;
}

function flush(): void {
  flushQueued = false;
  const quiet = Atomics.load(cell, QUIET) === 1;
  const settle = Atomics.load(cell, SETTLE) === 1;
  if (outbox.length === 0) {
    // A virtual-clock wait learns that nothing more will come by itself, or that its own bytes have landed.
    const sayIdle = quiet && !idleSent && inFlight.idle();
    const saySettled = settle && !settledSent && inFlight.settled();
    if (!sayIdle && !saySettled) return;
    idleSent ||= sayIdle;
    settledSent ||= saySettled;
    port.postMessage({ idle: sayIdle ? batchSeq : -1, settled: saySettled ? batchSeq : -1, completions: [] });
  } else {
    const batch = outbox;
    const moved = transfers;
    outbox = [];
    transfers = [];
    idleSent = false;
    settledSent = settle && inFlight.settled();
    port.postMessage({ idle: quiet && inFlight.idle() ? batchSeq : -1, settled: settledSent ? batchSeq : -1, completions: batch }, moved);
  }
  if (Atomics.load(cell, WAITING) === 1) {
    Atomics.or(cell, 0, IO_FLAG);
    Atomics.notify(cell, 0);
  }
}

/** After any state change that may make the kernel idle, a quiet waiter must hear of it. */
export function maybeIdle(): void {
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

// --- buffers and addresses ------------------------------------------------------------------------

/** The buffer the last owned() returned (to transfer with the completion that carries it). */
export let lastOwned: ArrayBuffer | undefined;

/** The chunk's bytes in an ArrayBuffer of their own (transferable), copying only if the buffer is shared. */
export function owned(chunk: Buffer): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
  lastOwned = whole ? (chunk.buffer as ArrayBuffer) : (chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer);
  return lastOwned;
}

export function addr(host: string | undefined, portNo: number | undefined, family: string | number | undefined): Address {
  const h = host ?? "";
  if (family === "IPv6" || family === 6 || h.includes(":")) return [h, portNo ?? 0, 0, 0];
  return [h, portNo ?? 0];
}
