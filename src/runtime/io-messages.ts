// The messages between the runtime and a host's I/O kernel (Host.io). Types only: the Node CLI's
// kernel thread (src/cli/io/) answers them; the runtime's transports (asyncio/io_*.ts) send them.
//
// Every open object (connection, server, UDP endpoint, child process) has a numeric id the runtime
// chooses. Requests are queued and sent in one message just before the loop blocks; completions
// come back in order, one batch per kernel turn. Data travels as ArrayBuffers (transferred, not
// copied). Addresses are [host, port] (IPv6: [host, port, flowinfo, scope_id]) as Python shows them.

export type Address = [string, number] | [string, number, number, number] | string;

export type IoRequest =
  | { op: "connect"; id: number; host: string; port: number; path?: string }
  | { op: "listen"; id: number; host: string; port: number; backlog: number; path?: string }
  | { op: "write"; id: number; data: ArrayBuffer }
  /** Report "drained" once the kernel holds at most `low` unsent bytes for this connection. */
  | { op: "watch_drain"; id: number; low: number }
  | { op: "eof"; id: number }
  | { op: "close"; id: number }
  | { op: "abort"; id: number }
  | { op: "pause"; id: number }
  | { op: "resume"; id: number }
  | { op: "server_close"; id: number }
  | { op: "udp"; id: number; family: 4 | 6; local: [string, number] | null; remote: [string, number] | null }
  | { op: "sendto"; id: number; data: ArrayBuffer; addr: [string, number] | null }
  | {
      op: "spawn";
      id: number;
      file: string;
      args: string[];
      shell: boolean;
      cwd: string | null;
      env: Record<string, string> | null;
      /** For fds 0, 1, 2: "pipe", "inherit", "ignore" (DEVNULL) or "stdout" (stderr into stdout's pipe). */
      stdio: ["pipe" | "inherit" | "ignore", "pipe" | "inherit" | "ignore", "pipe" | "inherit" | "ignore" | "stdout"];
    }
  | { op: "stdin_write"; id: number; data: ArrayBuffer }
  | { op: "stdin_close"; id: number }
  | { op: "kill"; id: number; signal: number }
  | { op: "signal_watch"; signum: number; on: boolean }
  | { op: "lookup"; id: number; host: string; port: number }
  /** At exit: answer "flushed" once every connection and child's stdin has sent what it holds. */
  | { op: "flush_all" };

export interface IoError {
  /** POSIX name: ECONNREFUSED, EADDRINUSE, ENOENT, ... */
  code: string;
  errno: number;
  syscall: string;
}

export type IoCompletion =
  | { ev: "connected"; id: number; local: Address; remote: Address }
  | { ev: "listening"; id: number; local: Address }
  | { ev: "accepted"; id: number; conn: number; local: Address; remote: Address }
  | { ev: "data"; id: number; data: ArrayBuffer }
  | { ev: "eof"; id: number }
  | { ev: "closed"; id: number; error: IoError | null }
  | { ev: "drained"; id: number; pending: number }
  | { ev: "error"; id: number; error: IoError }
  | { ev: "udp_ready"; id: number; local: Address }
  | { ev: "datagram"; id: number; data: ArrayBuffer; addr: Address }
  | { ev: "spawned"; id: number; pid: number }
  | { ev: "pipe_data"; id: number; fd: 1 | 2; data: ArrayBuffer }
  | { ev: "pipe_eof"; id: number; fd: 1 | 2 }
  | { ev: "exited"; id: number; code: number | null; signal: number | null }
  | { ev: "signal"; signum: number; id: 0 }
  | { ev: "flushed"; id: 0 }
  | { ev: "resolved"; id: number; addresses: { family: 4 | 6; address: string }[] };

/** The result of a blocking subprocess run (subprocess.run and friends). */
export interface ProcessResult {
  pid: number;
  /** null when a signal ended it (then `signal` is its number). */
  code: number | null;
  signal: number | null;
  stdout: Uint8Array | null;
  stderr: Uint8Array | null;
  timedOut: boolean;
  error: IoError | null;
}

export interface ProcessRunOptions {
  file: string;
  args: string[];
  shell: boolean;
  cwd: string | null;
  env: Record<string, string> | null;
  input: Uint8Array | null;
  stdio: ["pipe" | "inherit" | "ignore", "pipe" | "inherit" | "ignore", "pipe" | "inherit" | "ignore" | "stdout"];
  /** Seconds; null: none. */
  timeout: number | null;
}

/** The I/O side of a host (Host.io). */
export interface IoHost {
  /** Queues a request; queued requests go in one message just before the next wait(). */
  send(req: IoRequest): void;
  /**
   * Sends the queued requests, then blocks until some completions arrive or `timeout` seconds pass
   * (0: just poll; null: no limit). `quiet`: also return (with an empty list and `idle` true)
   * once the kernel has nothing in flight that could complete by itself, for the virtual clock.
   * Returns early, with nothing, when the host noticed a signal (Ctrl-C); `timedOut` when the
   * whole timeout passed.
   */
  wait(timeout: number | null, quiet: boolean): { completions: IoCompletion[]; idle: boolean; timedOut: boolean };
  /** Puts completions back: the next wait() returns them first (a blocking socket call took others). */
  unread(completions: IoCompletion[]): void;
  /** Runs a process to completion, blocking (subprocess.run). */
  runProcess(options: ProcessRunOptions): ProcessResult;
  /** Sends a signal to a process (os.kill); throws `{ code }` when it cannot. */
  kill(pid: number, signal: number): void;
  /** The command line that runs a Python file or `-c CODE` through tsyncio (sys.executable's launcher). */
  pythonLauncher: string;
  /** socket.gethostname(). */
  hostname: string;
}
