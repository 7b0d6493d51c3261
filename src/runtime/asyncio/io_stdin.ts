// The program's standard input as the source of a read pipe transport (loop.connect_read_pipe(...,
// sys.stdin), also sys.stdin.buffer, open(0, 'rb'), os.fdopen(0, 'rb')): the host's I/O kernel
// reads fd 0 as its bytes arrive (src/cli/io/kernel-stdin.ts) and they come back as completions,
// so the loop runs its other tasks and timers meanwhile. What sys.stdin had already read into its
// own buffer stays there (CPython's transport reads the descriptor, not the file object's buffer).
import { NotImplementedError, ValueError, host } from "./_compat.js";
import { call, getattr } from "../builtins/ops.js";
import { stdinFeed } from "../builtins/stdin.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioBlockUntil, ioForget, ioRegister, ioSend, ioTarget } from "./io_selector.js";
import { osError } from "./io_util.js";
import { PipeFile } from "../modules/_os_pipes.js";
import type { Watchable } from "./io_watch.js";

/** Read pipe transports on stdin not yet closed (add_reader on stdin cannot share fd 0 with them). */
let stdinTransports = 0;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Where a read pipe transport's bytes come from (`deliver(null)`: the end; an error: connection lost with it). */
export interface ReadSource {
  /** The descriptor the transport's repr shows. */
  fd: unknown;
  start(deliver: (d: Uint8Array | null, error?: unknown) => void): void;
  pause(): void;
  resume(): void;
  /** The transport is done: stop reading and close the file object, as CPython's transport does. */
  close(): void;
}

/** A file object of descriptor 0 (sys.stdin, its buffer, open(0, 'rb')), not one of the runtime's own pipes. */
export function isStdin(pipe: unknown): boolean {
  if (pipe instanceof PipeFile || pipe === null || typeof pipe !== "object") return false;
  try {
    return Number(call(getattr(pipe, "fileno"))) === 0;
  } catch {
    return false;
  }
}

export function stdinSource(loop: { _selector: unknown }, file: unknown): ReadSource {
  if (feed !== null) throw new NotImplementedError("loop.connect_read_pipe() on stdin after loop.add_reader() on it is not supported by tsyncio");
  // CPython takes pipes, sockets and character devices (a terminal, /dev/null); not a file.
  let mode = 0;
  try {
    mode = host.fs?.fstat(0).mode ?? 0;
  } catch {
    // No descriptor 0 to look at (a host without one): the kernel's read reports what it finds.
  }
  if ((mode & S_IFMT) === S_IFREG || (mode & S_IFMT) === S_IFDIR) throw new ValueError("Pipe transport is for pipes/sockets only.");
  stdinTransports++;
  let id = 0;
  const stop = () => {
    if (id === 0) return;
    ioSend({ op: "stdin_read", id, action: "stop" });
    ioForget(id);
    id = 0;
  };
  let counted = true;
  return {
    fd: 0,
    start(deliver) {
      ioActivate(loop as Parameters<typeof ioActivate>[0], "loop.connect_read_pipe() on sys.stdin");
      id = ioRegister({
        _io_event(c: IoCompletion) {
          if (c.ev === "data") deliver(c.data);
          else if (c.ev === "eof") deliver(null);
          else if (c.ev === "closed" && c.error !== null) deliver(null, osError(c.error));
          else if (c.ev === "closed") deliver(null);
        },
      });
      ioSend({ op: "stdin_read", id, action: "start" });
    },
    pause: () => id !== 0 && ioSend({ op: "stdin_read", id, action: "pause" }),
    resume: () => id !== 0 && ioSend({ op: "stdin_read", id, action: "resume" }),
    close() {
      if (counted) stdinTransports--;
      counted = false;
      stop();
      call(getattr(file, "close"));
    },
  };
}

/**
 * fd 0 for loop.add_reader(sys.stdin, ...): the kernel reads it as it arrives into this feed, which
 * is readable (level-triggered, as select() says) while it holds bytes or the end; sys.stdin's
 * reads take from it from then on (waiting for the kernel when it is empty), so a callback's
 * sys.stdin.readline() reads what made it ready.
 */
class StdinFeed implements Watchable {
  chunks: Uint8Array[] = [];
  ended = false;
  id = 0;
  _on_change: (() => void) | null = null;

  start(): void {
    this.id = ioRegister({ _io_event: (c) => this.arrive(c) });
    ioSend({ op: "stdin_read", id: this.id, action: "start" });
    stdinFeed.read = (max) => this.read(max);
  }
  arrive(c: IoCompletion): void {
    if (c.ev === "data") this.chunks.push(c.data);
    else if (c.ev === "eof" || c.ev === "closed") this.ended = true;
    else return;
    this._on_change?.();
  }
  /** sys.stdin's read: up to `max` bytes, waiting for some; null at the end. */
  read(max: number): Uint8Array | null {
    if (this.chunks.length === 0 && !this.ended) {
      ioBlockUntil(
        () => this.chunks.length > 0 || this.ended,
        (t) => t === ioTarget(this.id),
        null,
      );
      this._on_change?.();
    }
    const first = this.chunks[0];
    if (first === undefined) return null;
    if (first.byteLength <= max) {
      this.chunks.shift();
      return first;
    }
    this.chunks[0] = first.subarray(max);
    return first.subarray(0, max);
  }
  _readable(): boolean {
    return this.chunks.length > 0 || this.ended;
  }
  _writable(): boolean {
    return false;
  }
  fileno(): bigint {
    return 0n;
  }
}

let feed: StdinFeed | null = null;

/** Starts reading fd 0 for add_reader/add_writer (once), and makes it the watchable of descriptor 0. */
export function watchStdin(loop: { _selector: unknown }): Watchable {
  if (stdinTransports > 0) throw new NotImplementedError("loop.add_reader() on stdin while a read pipe transport reads it is not supported by tsyncio");
  if (feed === null) {
    ioActivate(loop as Parameters<typeof ioActivate>[0], "loop.add_reader() on sys.stdin");
    feed = new StdinFeed();
    feed.start();
  }
  return feed;
}
