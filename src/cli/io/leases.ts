// Direct writes: the program's thread writes to a plain socket's descriptor itself (one write(2),
// no message to the kernel thread and no wake-up of it), while the kernel thread owns the socket.
//
// A lease table in shared memory says, per connection, whether the descriptor may be written:
// the kernel opens a lease when it adopts a plain TCP or Unix socket and revokes it before the
// socket is destroyed (so the number is never written after it is closed and reused); the program
// holds the slot (WRITING) for the length of one non-blocking write. Order is kept by counting:
// the program writes directly only when every write it handed to the kernel for that connection
// has been completed (`done` equals what it submitted); else the bytes go to the kernel's queue.
/** Int32 words per slot: state, writes the kernel completed, generation. */
export const LEASE_WORDS = 4;
export const LEASE_SLOTS = 4096;
export const LEASE_BYTES = LEASE_SLOTS * LEASE_WORDS * 4;
/** state: no lease (or revoked: the kernel may close the descriptor). */
export const REVOKED = 0;
/** state: the program may write. */
export const OPEN = 1;
/** state: the program is in a write(2) on the descriptor; the kernel must wait to revoke. */
export const WRITING = 2;
export const DONE = 1;
export const GEN = 2;
