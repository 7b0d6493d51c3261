// The I/O kernel's reader of the program's standard input (kernel-worker.ts is the kernel's entry),
// for loop.connect_read_pipe(..., sys.stdin): fd 0 is read here as its bytes arrive, so the
// program's event loop keeps running while stdin has nothing. A pipe or a socket (a Node parent's
// stdio) is read through libuv without blocking, a terminal as a TTY stream, anything else (a
// file, /dev/null) with reads from where the descriptor stands (what sys.stdin read before is not
// read again, as with CPython's transport). fd 0 is never closed here.
import { createReadStream, fstatSync } from "node:fs";
import { Socket } from "node:net";
import { ReadStream as TtyReadStream, isatty } from "node:tty";
import type { Readable } from "node:stream";
import type { IoRequest } from "../../runtime/io-messages.js";
import { emit, lastOwned, maybeIdle, owned } from "./kernel-core.js";
import { ioError } from "./io-errors.js";

interface StdinReader {
  id: number;
  stream: Readable;
  paused: boolean;
  /** EOF, an error or "stop": nothing more will come. */
  done: boolean;
}

let reader: StdinReader | null = null;

function openStdin(): Readable {
  const st = fstatSync(0);
  let stream: Socket;
  if (st.isFIFO() || st.isSocket()) stream = new Socket({ fd: 0, readable: true, writable: false });
  else if (isatty(0)) stream = new TtyReadStream(0);
  else return createReadStream("", { fd: 0, autoClose: false });
  // libuv aborts the process when asked to close a descriptor up to 2: at the end (or "stop") the
  // stream only stops reading, and fd 0 stays open.
  const handle = (stream as unknown as { _handle: { readStop(): number } | null })._handle;
  stream._destroy = (err, cb) => {
    handle?.readStop();
    cb(err);
  };
  return stream;
}

function start(id: number): void {
  let stream: Readable;
  try {
    stream = openStdin();
  } catch (e) {
    emit({ ev: "closed", id, error: ioError(e as NodeJS.ErrnoException, "read") });
    return;
  }
  const r: StdinReader = { id, stream, paused: false, done: false };
  reader = r;
  stream.on("data", (chunk: Buffer) => {
    if (!r.done) emit({ ev: "data", id, data: new Uint8Array(owned(chunk)) }, lastOwned);
  });
  stream.on("end", () => {
    if (r.done) return;
    r.done = true;
    emit({ ev: "eof", id });
  });
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (r.done) return;
    r.done = true;
    emit({ ev: "closed", id, error: ioError(e, "read") });
  });
}

export function stdinRequest(req: Extract<IoRequest, { op: "stdin_read" }>): void {
  if (req.action === "start") return start(req.id);
  const r = reader;
  if (r === null || r.id !== req.id) return;
  switch (req.action) {
    case "pause":
      r.paused = true;
      r.stream.pause();
      break;
    case "resume":
      r.paused = false;
      r.stream.resume();
      break;
    case "stop":
      r.done = true;
      r.stream.destroy();
      reader = null;
      break;
  }
  maybeIdle();
}

/** Stdin is being read and may still send (an outside peer: it answers in real time). */
export function stdinMaySend(): boolean {
  return reader !== null && !reader.done && !reader.paused;
}
