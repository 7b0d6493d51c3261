// The program's standard input as the source of a read pipe transport (loop.connect_read_pipe(...,
// sys.stdin), also sys.stdin.buffer, open(0, 'rb'), os.fdopen(0, 'rb')): the host's I/O kernel
// reads fd 0 as its bytes arrive (src/cli/io/kernel-stdin.ts) and they come back as completions,
// so the loop runs its other tasks and timers meanwhile. What sys.stdin had already read into its
// own buffer stays there (CPython's transport reads the descriptor, not the file object's buffer).
import { call, getattr } from "../builtins/ops.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioForget, ioRegister, ioSend } from "./io_selector.js";
import { osError } from "./io_util.js";
import { PipeFile } from "../modules/_os_pipes.js";

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
  let id = 0;
  const stop = () => {
    if (id === 0) return;
    ioSend({ op: "stdin_read", id, action: "stop" });
    ioForget(id);
    id = 0;
  };
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
      stop();
      call(getattr(file, "close"));
    },
  };
}
