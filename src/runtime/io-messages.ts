// The messages between the runtime and a host's I/O kernel (Host.io). Types only: the Node CLI's
// kernel thread (src/cli/io/) answers them; the runtime's transports (asyncio/io_*.ts) send them.
//
// Every open object (connection, server, UDP endpoint, child process) has a numeric id the runtime
// chooses. Requests are queued and sent in one message just before the loop blocks; completions
// come back in order, one batch per kernel turn. Data travels as ArrayBuffers (transferred, not
// copied). Addresses are [host, port] (IPv6: [host, port, flowinfo, scope_id]) as Python shows them.

export type Address = [string, number] | [string, number, number, number] | string;

export type IoRequest =
  | { op: "connect"; id: number; host: string; port: number; path?: string; tls?: TlsOptions; localHost?: string; localPort?: number }
  | { op: "listen"; id: number; host: string; port: number; backlog: number; path?: string; tls?: TlsOptions; ipv6Only?: boolean }
  /** socket.bind() to port 0 before listen(): the system picks a free port now ("bound"), as CPython's bind() does. */
  | { op: "bind"; id: number; host: string }
  /** Upgrades an open connection to TLS (loop.start_tls): "tls_ready" or "error" on the same id. */
  | { op: "start_tls"; id: number; tls: TlsOptions; server: boolean }
  /** A plain server (a socket the program listened on) upgrades each connection it accepts from now on. */
  | { op: "server_tls"; id: number; tls: TlsOptions }
  /**
   * `confirm`: the peer has ended its side, so the send may fail: the kernel tries it at once and
   * answers "written" (its error, or the bytes left queued), as CPython's send() raises in write().
   * `partial` (with `confirm`: a non-blocking socket's send()): only what the operating system
   * takes now is sent, the rest dropped; "written" says how much (`sent`).
   */
  | { op: "write"; id: number; data: ArrayBuffer; confirm?: boolean; partial?: boolean }
  /** Report "drained" once the kernel holds at most `low` unsent bytes for this connection. */
  | { op: "watch_drain"; id: number; low: number }
  | { op: "eof"; id: number }
  /**
   * `consumed`: the bytes the transport has handed its protocol. More having arrived is data the
   * program never read, and closing a socket over unread data resets the connection (RST) instead
   * of sending a FIN, as the operating system does for CPython. `unreadHere`: set by a host whose
   * program's thread reads some connections itself (the Node CLI's read leases) when bytes sent
   * to this one have not all been read.
   */
  | { op: "close"; id: number; consumed?: number; unreadHere?: boolean }
  /** `reset`: close with a reset (RST) whatever was read (SO_LINGER on with a zero timeout). */
  | { op: "abort"; id: number; consumed?: number; unreadHere?: boolean; reset?: boolean }
  | { op: "pause"; id: number }
  | { op: "resume"; id: number }
  | { op: "server_close"; id: number }
  /** A UDP endpoint; `reusePort`: other endpoints that ask the same may bind its port (reuse_port=True). */
  | { op: "udp"; id: number; family: 4 | 6; local: [string, number] | null; remote: [string, number] | null; reusePort?: boolean }
  | { op: "sendto"; id: number; data: ArrayBuffer; addr: [string, number] | null }
  /** connect() on an open datagram socket: a default peer, and datagrams only from it ("udp_ready" again). */
  | { op: "udp_connect"; id: number; remote: [string, number] }
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
      /** Descriptors above 2 the child gets as pipes (pass_fds): the child writes or reads them. */
      extra?: { fd: number; child: "writes" | "reads" }[];
    }
  /** Bytes for the child's stdin, or for an extra descriptor it reads (`fd`). */
  | { op: "stdin_write"; id: number; data: ArrayBuffer; fd?: number }
  | { op: "stdin_close"; id: number; fd?: number }
  /** The program closed its end of a child's stdout or stderr: the child's next write there fails (EPIPE). */
  | { op: "pipe_close"; id: number; fd: number }
  /** pause_reading()/resume_reading() of a child's stdout or stderr: the kernel stops reading the pipe (the child blocks once it is full). */
  | { op: "pipe_pause"; id: number; fd: number; on: boolean }
  | { op: "kill"; id: number; signal: number }
  | { op: "signal_watch"; signum: number; on: boolean }
  /** signal.setitimer(ITIMER_REAL, ...) / signal.alarm(): SIGALRM to the program after `seconds`, then every `interval` (0: once); seconds 0 cancels. */
  | { op: "alarm"; seconds: number; interval: number }
  /**
   * The program's standard input (fd 0) read as it arrives, for a read pipe transport on sys.stdin:
   * "start" delivers "data" and then "eof" (or "closed" with an error) on `id`; "pause"/"resume"
   * stop and restart reading; "stop" ends it (the descriptor is closed, as CPython's transport
   * closes the file it reads).
   */
  | { op: "stdin_read"; id: number; action: "start" | "pause" | "resume" | "stop" }
  | { op: "lookup"; id: number; host: string; port: number }
  /** At exit: answer "flushed" once every connection and child's stdin has sent what it holds. */
  | { op: "flush_all" };

export interface IoError {
  /** POSIX name: ECONNREFUSED, EADDRINUSE, ENOENT, ... ("SSL" for a TLS failure, see `ssl`). */
  code: string;
  errno: number;
  syscall: string;
  /** A TLS failure as CPython's ssl module reports it. */
  ssl?: SslFailure;
}

/** What an ssl.SSLContext asks of a TLS connection or server (src/runtime/modules/ssl.ts). */
export interface TlsOptions {
  /** PEM certificates to trust, besides the host's default roots when `defaultRoots`. */
  ca: string[];
  defaultRoots: boolean;
  /** PEM certificate chain and private key (load_cert_chain). */
  cert: string | null;
  key: string | null;
  passphrase: string | null;
  /** ssl.CERT_NONE 0, CERT_OPTIONAL 1, CERT_REQUIRED 2. */
  verifyMode: number;
  checkHostname: boolean;
  /** The name to send (SNI) and check the certificate against (client side). */
  serverHostname: string | null;
  /** "TLSv1.2", "TLSv1.3" or null. */
  minVersion: string | null;
  maxVersion: string | null;
  ciphers: string | null;
  alpn: string[] | null;
}

/** A peer certificate in the shape of CPython's SSLSocket.getpeercert(). */
export interface PeerCert {
  subject: [string, string][][];
  issuer: [string, string][][];
  version: number;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  subjectAltName: [string, string][];
  der: ArrayBuffer;
}

/** The state of a TLS connection after its handshake. */
export interface TlsInfo {
  version: string;
  /** (name, protocol version, secret bits), as SSLObject.cipher(). */
  cipher: [string, string, number];
  /** null: the peer sent none. */
  peercert: PeerCert | null;
  alpn: string | null;
}

/** A TLS failure: ssl.SSLCertVerificationError when `verifyCode` is set, else ssl.SSLError. */
export interface SslFailure {
  /** CERTIFICATE_VERIFY_FAILED, WRONG_VERSION_NUMBER, ... */
  reason: string;
  /** The text after "[SSL: REASON] " (e.g. "certificate verify failed: self-signed certificate"). */
  text: string;
  verifyCode: number | null;
  verifyMessage: string | null;
}

/** The host's own business (IoHost.write may write a plain socket's descriptor directly); the runtime ignores it. */
export interface DirectWrite {
  fd: number;
  slot: number;
  gen: number;
}

export type IoCompletion =
  | { ev: "connected"; id: number; local: Address; remote: Address; tls?: TlsInfo; lease?: DirectWrite }
  | { ev: "listening"; id: number; local: Address }
  | { ev: "bound"; id: number; local: Address }
  | { ev: "accepted"; id: number; conn: number; local: Address; remote: Address; tls?: TlsInfo; lease?: DirectWrite }
  | { ev: "tls_ready"; id: number; tls: TlsInfo }
  /** A view (the host may read into a slab shared by several chunks). */
  | { ev: "data"; id: number; data: Uint8Array }
  | { ev: "eof"; id: number }
  | { ev: "closed"; id: number; error: IoError | null }
  | { ev: "drained"; id: number; pending: number }
  /** The answer to a "write" with `confirm`: the send's error, or the bytes left queued (`sent`: a `partial` write's count). */
  | { ev: "written"; id: number; error: IoError | null; pending: number; sent?: number }
  | { ev: "error"; id: number; error: IoError }
  /** An endpoint open (or connected again): its address, and its peer's when it is connected. */
  | { ev: "udp_ready"; id: number; local: Address; remote?: Address }
  | { ev: "datagram"; id: number; data: ArrayBuffer; addr: Address }
  | { ev: "spawned"; id: number; pid: number }
  | { ev: "pipe_data"; id: number; fd: number; data: ArrayBuffer }
  | { ev: "pipe_eof"; id: number; fd: number }
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
   * whole timeout passed. `settle` (with timeout 0, under the virtual clock): first wait until
   * what one of the program's sockets sent to another has arrived, as in CPython, where the peer
   * is readable at the very next select().
   */
  wait(timeout: number | null, quiet: boolean, settle?: boolean): { completions: IoCompletion[]; idle: boolean; timedOut: boolean };
  /**
   * Writes `data` on connection `id`, in order with everything sent for it before: what the host
   * cannot hand to the operating system at once is copied and queued for the kernel like a
   * "write" request. Returns the number of bytes queued (0: all of it is on its way already), or
   * the error of a send that failed at once (the peer is gone: EPIPE, ECONNRESET), as CPython's
   * send() raises inside write(). `frozen`: the bytes never change (a bytes object), so the host
   * may keep them without a copy. `confirm`: the peer has ended its side (EOF), so the send may
   * fail: a host that cannot try it itself asks its kernel and waits for the answer.
   */
  write(id: number, data: Uint8Array, frozen?: boolean, confirm?: boolean): number | IoError;
  /**
   * A non-blocking socket's send(): one write(2) of connection `id` now, without queueing the rest.
   * Returns the bytes the operating system took (0: its buffer is full, BlockingIOError), the
   * send's error, or null when this host does not write that connection itself (no lease: the
   * virtual clock, TLS), so the caller queues all of it as before.
   */
  sendNow?(id: number, data: Uint8Array): number | IoError | null;
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
