// The standard streams' failures as CPython reports them: a host's write or flush of stdout that
// fails (a closed pipe, a full disk) raises OSError (BrokenPipeError...) in the program.
import { host } from "../host.js";
import { deliver_interrupt } from "../signals.js";
import { raiseOSError } from "./hostfs.js";

/**
 * Runs a host operation on the standard streams (write, flush): its I/O errors become OSError
 * (a closed pipe: BrokenPipeError). A write that a Ctrl-C interrupted (EINTR, the data still
 * buffered) runs the SIGINT handler, which raises KeyboardInterrupt by default, then goes on
 * flushing, as CPython retries an interrupted write (PEP 475).
 */
export function stdioCall(op: () => void): void {
  try {
    op();
  } catch (e) {
    if ((e as { code?: string } | null)?.code !== "EINTR") raiseOSError(e);
    deliver_interrupt();
    stdioCall(() => host.flush());
  }
}
