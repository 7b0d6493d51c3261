// Messages between the program's thread (io-host.ts) and the I/O kernel (kernel-worker.ts) that
// the runtime never sees: leases (leases.ts) are the host's own business.
import type { IoError } from "../../runtime/io-messages.js";

export type HostRequest =
  /** Leases on or off (off under the virtual clock, where the kernel must see every byte). */
  | { op: "leases"; on: boolean }
  /** The program gives a read lease back: the kernel reads the socket again. */
  | { op: "read_start"; id: number }
  /** The program's read of a leased socket failed (ECONNRESET): the kernel closes it with that error. */
  | { op: "read_error"; id: number; error: IoError };

export type HostCompletion =
  /** The program's thread reads connection `id` itself from now on; `peer` is its other end. */
  | { ev: "read_lease"; id: number; peer: number }
  /** Connection `id` has sent its FIN (after write_eof or close), for a reader of its other end. */
  | { ev: "shut"; id: number };
