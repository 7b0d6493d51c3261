// What the program's thread knows about a connection the kernel lent it (leases.ts: direct
// writes; read leases: both ends are the program's own sockets), and what the host's parts share.
import type { DirectWrite, IoCompletion, IoRequest } from "../../runtime/io-messages.js";
import type { HostRequest } from "./host-messages.js";

/** A connection the program's thread may write directly (leases.ts). */
export interface Lease {
  id: number;
  fd: number;
  slot: number;
  gen: number;
  /** Writes handed to the kernel for this connection (compared with the kernel's `done`). */
  submitted: number;
  /** Bytes the program wrote on this connection, directly or through the kernel. */
  written: number;
  /** Bytes that came in on this connection (the kernel's "data" and the program's own reads). */
  received: number;
  /** Of those, the bytes this thread read itself (the kernel counts the rest). */
  readHere: number;
  /** The program asked for this side's EOF (write_eof, close, abort), or the kernel closed it. */
  ended: boolean;
  /** The kernel has sent that EOF (or closed the connection). */
  shut: boolean;
  /** The program closed or aborted it: no more reading. */
  closing: boolean;
  paused: boolean;
  /** What the kernel was last told (pausing a connection read here needs no message). */
  kernelPaused: boolean;
  /** Set while the program's thread reads this connection itself (both ends are the program's). */
  reader: Reader | null;
  /** The other end, once the kernel lent it to the program's thread: it receives what this one sends. */
  sink: Lease | null;
  /**
   * Bytes written on a connection whose other end this thread reads that the OS had no room for
   * yet: they wait here (not in the kernel's queue) until a read of the other end makes room,
   * or until this thread blocks (then the kernel takes them). Copies; null when there are none.
   */
  held: Uint8Array[] | null;
  heldBytes: number;
  /** The OS took only part of the last write: no room until the other end is read again. */
  full: boolean;
  /** The transport's watch_drain while bytes are held here: "drained" is said here too. */
  drainLow: number | null;
}

/** A read lease: the connection's other end is `peer`, so what can arrive is what `peer` sent. */
export interface Reader {
  peer: Lease;
  /** The EOF was read: nothing more to read. */
  eof: boolean;
}

/** A new lease on connection `id` from the kernel's grant ("connected"/"accepted"). */
export function newLease(grant: DirectWrite, id: number): Lease {
  return {
    ...grant,
    id,
    submitted: 0,
    written: 0,
    received: 0,
    readHere: 0,
    ended: false,
    shut: false,
    closing: false,
    paused: false,
    kernelPaused: false,
    reader: null,
    sink: null,
    held: null,
    heldBytes: 0,
    full: false,
    drainLow: null,
  };
}

/** What io-host.ts shares with the leased reads and writes. */
export interface HostContext {
  /** The cell the program's thread sleeps on (cell.ts). */
  readonly cell: Int32Array;
  /** The lease table shared with the kernel (leases.ts). */
  readonly leaseTable: Int32Array;
  /** Leases by connection id. */
  readonly leases: Map<number, Lease>;
  /** Queues a request for the kernel's next batch (`transfer`: a buffer it moves there). */
  request(req: IoRequest | HostRequest, transfer?: ArrayBuffer): void;
  /** Sends the queued requests (`always`: even none). */
  post(always: boolean): void;
  /** Takes the completions that have come (true: the kernel said it is idle). */
  drain(into: IoCompletion[]): boolean;
}

/** Errors of a read or write that mean the other end went away (reported as the connection's end). */
export const PEER_GONE = new Set(["EPIPE", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTCONN"]);
