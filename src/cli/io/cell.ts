// The shared Int32Array the program's thread sleeps on (Atomics.wait on index 0). The Ctrl-C
// watcher and the I/O kernel both wake it: each sets its bit in the flags word, then notifies.
/** Index 0: flags. */
export const FLAGS = 0;
export const SIGINT_FLAG = 1;
export const TIMEOUT_FLAG = 2;
/** The I/O kernel posted completions. */
export const IO_FLAG = 4;
/** Index 1: 1 once the watcher has taken SIGINT. */
export const WATCHER_READY = 1;
/** Index 2: 1 while the program's thread waits for I/O (the kernel notifies only then). */
export const WAITING = 2;
/** Index 3: 1 while that wait also wants to hear when the kernel has nothing in flight (virtual clock). */
export const QUIET = 3;
/**
 * Index 4: 1 while a wait under the virtual clock wants to hear once no bytes are on their way
 * between two of the program's own sockets ("settled").
 */
export const SETTLE = 4;
/** Size of the shared buffer in bytes. */
export const CELL_BYTES = 20;
