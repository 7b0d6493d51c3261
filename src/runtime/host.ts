// The host: I/O and clocks for the runtime. The runtime never touches Node APIs directly;
// the CLI (Node) or the web worker installs a host with setHost().

/** A running hash the host computes (Node's crypto); digest() must leave it usable. */
export interface HostDigest {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
  copy(): HostDigest;
}

export interface Host {
  /**
   * Write text to fd 1 (stdout) or 2 (stderr). May buffer; see flush(). An I/O error on stdout is
   * thrown as `{ code }` (EPIPE, ENOSPC...: the runtime raises OSError), `{ code: "EINTR" }` when
   * a Ctrl-C interrupted a blocked write (the text stays buffered). Text for stderr goes after
   * what stdout has buffered when it can without waiting (the two stay in order on a terminal),
   * except where stdout is block-buffered (stdoutBlockBuffered): there stderr goes at once, as
   * CPython's does beside a buffered stdout.
   */
  write(fd: 1 | 2, text: string): void;
  /** Write raw bytes to fd 1 or 2, in order with write()'s text (sys.stdout.buffer); throws like write(). Without it, bytes are written as UTF-8 text. */
  writeBytes?(fd: 1 | 2, bytes: Uint8Array): void;
  /** Flush buffered output (called at exit); throws like write(), keeping what it could not write. */
  flush(): void;
  /**
   * Write what stdout holds if it can without waiting, ignoring errors: where CPython flushes a
   * block-buffered stdout before writing to stderr itself (an uncaught exception's report,
   * SystemExit's message, the messages of the interpreter's teardown).
   */
  flushQuietly?(): void;
  /** Monotonic clock, seconds. */
  now(): number;
  /** Wall clock, seconds since the epoch. */
  wallTime(): number;
  /** Block the whole thread for `seconds` (virtual hosts advance the clock instead). */
  sleep(seconds: number): void;
  /** Block in real time even under the virtual clock (a deadlock's hang, which Ctrl-C and --timeout end). */
  realSleep?(seconds: number): void;
  /** True when sleeps and timers run in simulated time. */
  virtualTime: boolean;
  /**
   * True when CPython would block-buffer stdout here (it is not a terminal and PYTHONUNBUFFERED is
   * unset): what the program printed then stays in the buffer while a child that inherits stdout
   * writes. Undefined or false: printed output goes out before a child starts.
   */
  stdoutBlockBuffered?: boolean;
  /** Virtual hosts: move the clock to exactly `monotonic` (now() then returns it), if it is later. */
  sleepUntil?(monotonic: number): void;
  /** Virtual hosts: move the clock on by exactly `seconds` (the program's successive clock reads, program-clock.ts). */
  advance?(seconds: number): void;
  /** Read one line from stdin (without the trailing newline); null at EOF. */
  readline?(): string | null;
  /**
   * A native streaming digest ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"), or null:
   * hashlib then uses its own TypeScript digests (same results, slower on large inputs).
   */
  digest?(algorithm: string): HostDigest | null;
  /**
   * Unicode names (unicodedata.name: null for a code point without one), for the 'namereplace'
   * error handler; undefined when the host has no name table (namereplace is then NotImplementedError).
   */
  unicodeName?(codePoint: number): string | null | undefined;
  /**
   * Read up to `max` bytes of stdin, as one read gives them (blocking until there is something);
   * null or empty at EOF. sys.stdin and input() use it when the host has it, else readline().
   */
  readStdin?(max: number): Uint8Array | null;
  /** Fill `bytes` with random bytes (for unseeded random, os.urandom). */
  randomBytes?(bytes: Uint8Array): void;
  /** sys.argv (argv[0] is the script path). */
  argv?: string[];
  /** os.environ's starting contents. */
  env?: Record<string, string>;
  /** os.getpid(). */
  pid?: number;
  /** platform.uname(): the operating system and machine, as os.uname() gives them. */
  uname?(): { system: string; node: string; release: string; version: string; machine: string };
  /** os.cpu_count(). */
  cpuCount?: number;
  /** os.getuid() & co: the process's user and group ids and its parent's pid (a host with processes). */
  processIds?(): { uid: number; euid: number; gid: number; egid: number; ppid: number };
  /** os.getloadavg(): the system's run-queue averages over 1, 5 and 15 minutes. */
  loadavg?(): [number, number, number];
  /** os.getcwd(): where relative paths given to open() start. */
  cwd?(): string;
  /** The file system (open(), os, pathlib, shutil, tempfile). Without it, they raise NotImplementedError. */
  fs?: HostFileSystem;
  /** Local timezone offset in seconds east of UTC for the given epoch time (for time.localtime). */
  utcOffset?(epochSeconds: number): number;
  /** Name of the local time zone (time.tzname). */
  tzname?: [string, string];
  /**
   * True once for each SIGINT (Ctrl-C) the host noticed since the last call. A host that watches
   * for signals also makes a blocking sleep() return early on one. See signals.ts.
   */
  interrupted?(): boolean;
  /**
   * The 1-based line where a suspended generator waits, or where a function is defined, when it
   * comes from the same script as `script` (a function). Lets reprs name the line of a coroutine's
   * pending await and a callback's definition. Only a host with a debugger API can tell; it is
   * asked only when a repr or a message needs it, never on the hot path.
   */
  sourceLine?(obj: object, script: Function): number | null;
  /** Whether a JS generator is suspended, running or closed (a host with a debugger API; asked off the hot path). */
  generatorState?(gen: object): "suspended" | "running" | "closed" | null;
  /**
   * A host that watches the heap calls `onExhausted` when it is nearly full, wherever the program
   * is (the call stack is the program's), then ends the process with the status it returns.
   */
  watchMemory?(onExhausted: () => number): void;
  /** Bytes the heap can still grow by (checked before a large allocation: MemoryError instead). */
  heapRoom?(): number;
  /** Sockets, servers, datagrams, processes and signals (io-messages.ts); absent in the browser. */
  io?: IoHost;
  /** Whether a descriptor is a terminal (isatty(); absent: none is). */
  isatty?(fd: number): boolean;
  /** (columns, lines) of the terminal on a descriptor, or null when it is not one. */
  terminalSize?(fd: number): [number, number] | null;
}

/**
 * What stat() tells about a file (lstat when `follow` is false). Times are in nanoseconds since the
 * epoch (bigint, as os.stat's st_mtime_ns).
 */
export interface HostStat {
  mode: number;
  ino: number;
  dev: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** The file system's preferred I/O size (st_blksize), when the host knows it. */
  blksize?: number;
  /** 512-byte blocks allocated (st_blocks), when the host knows them. */
  blocks?: number;
}

/** What os.statvfs() reports (block counts in units of `frsize`). */
export interface HostStatVfs {
  bsize: number;
  frsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  favail: number;
  flag: number;
  namemax: number;
}

/**
 * A synchronous POSIX-like file system. Every method throws `{ code }` with the POSIX error name
 * (ENOENT, EEXIST, EISDIR, ENOTDIR, EACCES, ENOTEMPTY, EXDEV, EBADF...) when the call fails, as
 * Node's fs does; the runtime turns it into CPython's OSError subclass. Paths are absolute or
 * relative to cwd().
 */
export interface HostFileSystem {
  /** Current directory; chdir() changes it. */
  cwd(): string;
  chdir(path: string): void;
  /** Opens a file; flags as Node's: r, r+, w, w+, a, a+, wx, wx+ (x = fail when it exists). Returns a descriptor. */
  open(path: string, flags: string, mode: number): number;
  close(fd: number): void;
  /** Reads up to buf.length bytes at byte `position`; returns how many (0 at end of file). */
  read(fd: number, buf: Uint8Array, position: number): number;
  /** Writes all of `data` at byte `position` (files opened with `a` write at the end whatever it is). */
  write(fd: number, data: Uint8Array, position: number): number;
  /** os.read(): up to buf.length bytes from where the descriptor is (a pipe the process inherited), waiting for some; 0 at its end. */
  readStream?(fd: number, buf: Uint8Array): number;
  /** os.write(): all of `data` where the descriptor is; returns how many. */
  writeStream?(fd: number, data: Uint8Array): number;
  fstat(fd: number): HostStat;
  ftruncate(fd: number, length: number): void;
  stat(path: string, follow: boolean): HostStat;
  /** The names in a directory (not . and ..). */
  readdir(path: string): string[];
  mkdir(path: string, mode: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  /** Renames, replacing an existing target file (POSIX rename). */
  rename(from: string, to: string): void;
  /** The canonical absolute path (symbolic links resolved); ENOENT when it does not exist. */
  realpath(path: string): string;
  /** Sets the times; null for both means "now" by the file system's own clock (os.utime(p)). */
  utime(path: string, atimeNs: bigint | null, mtimeNs: bigint | null): void;
  chmod(path: string, mode: number): void;
  symlink?(target: string, path: string): void;
  readlink?(path: string): string;
  /** A hard link `path` to the file `target` (link(2)). */
  link?(target: string, path: string): void;
  /** statvfs(3) of the file system holding `path`; `flag` is its ST_* mount flags. */
  statvfs?(path: string): HostStatVfs;
  /** Disk space of the file system holding `path`, in bytes. */
  diskUsage?(path: string): { total: number; used: number; free: number };
}

import type { IoHost } from "./io-messages.js";

// Read at the first use: in Node the first read of globalThis.performance loads perf_hooks (~1 ms
// of start-up), which a program that never asks the time does not need.
let perf: { now(): number } | null | undefined;

function monotonicNow(): number {
  perf ??= (globalThis as { performance?: { now(): number } }).performance ?? null;
  return perf !== null ? perf.now() / 1000 : Date.now() / 1000;
}

/** The wall clock in seconds, to the microsecond where the host has a high-resolution timer
 *  (CPython's time.time() and datetime.now() are finer than Date.now()'s milliseconds). */
function wallNow(): number {
  perf ??= (globalThis as { performance?: { now(): number } }).performance ?? null;
  const origin = (perf as { timeOrigin?: number } | null)?.timeOrigin;
  return perf !== null && typeof origin === "number" ? (origin + perf.now()) / 1000 : Date.now() / 1000;
}

let sleepCell: Int32Array | null = null;

/** Block the current thread (Atomics.wait works in Node and in Web Workers; busy-wait otherwise). */
export function blockingSleep(seconds: number): void {
  if (!(seconds > 0)) return;
  const ms = seconds * 1000;
  try {
    if (sleepCell === null) sleepCell = new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(sleepCell, 0, 0, ms);
    return;
  } catch {
    // Atomics.wait is not allowed here (browser main thread): busy-wait.
  }
  const end = monotonicNow() + seconds;
  while (monotonicNow() < end) {
    /* spin */
  }
}

/** A console-based host: output is line-buffered into console.log / console.error. */
export function createDefaultHost(): Host {
  const bufs: [string, string] = ["", ""];
  const emit = (fd: 1 | 2, line: string) => {
    if (fd === 1) console.log(line);
    else console.error(line);
  };
  const h: Host = {
    write(fd, text) {
      const i = fd === 1 ? 0 : 1;
      if (fd === 2 && bufs[0] !== "") {
        emit(1, bufs[0]);
        bufs[0] = "";
      }
      let b = bufs[i] + text;
      let nl = b.lastIndexOf("\n");
      if (nl >= 0) {
        emit(fd, b.slice(0, nl));
        b = b.slice(nl + 1);
      }
      bufs[i] = b;
    },
    flush() {
      for (const fd of [1, 2] as const) {
        const i = fd === 1 ? 0 : 1;
        if (bufs[i] !== "") {
          emit(fd, bufs[i]);
          bufs[i] = "";
        }
      }
    },
    now: monotonicNow,
    wallTime: wallNow,
    sleep(seconds) {
      h.flush();
      blockingSleep(seconds);
    },
    virtualTime: false,
    randomBytes(bytes) {
      const c = (globalThis as { crypto?: { getRandomValues(b: Uint8Array): Uint8Array } }).crypto;
      if (c) c.getRandomValues(bytes);
      else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    },
    argv: [""],
  };
  return h;
}

/**
 * Wrap a host so that time is virtual: sleep() advances a virtual clock instantly,
 * now() is the virtual monotonic time, wallTime() is the real start time plus the
 * virtual time elapsed.
 */
/** How late the virtual clock wakes after a deadline (seconds): see virtualize(). */
export const WAKE_LATE = 1e-6;

/** Where the virtual monotonic clock starts (seconds): some 12 days after a boot, a power of two. */
export const VIRTUAL_MONOTONIC_START = 2 ** 20;

export function virtualize(base: Host, start: { wall?: number; mono?: number } = {}): Host {
  const wall0 = start.wall ?? base.wallTime();
  // The virtual monotonic clock starts at a fixed instant, not at the real clock: equal deadlines
  // tie the same way on every run (a real start made 1+1+1 and 0+3 differ in the last bit
  // depending on where the clock happened to start). Not at 0: CPython's monotonic clock counts
  // from the system's boot, and programs that start a "last time" at 0.0 (a throttle's deque of
  // timestamps, a cache's expiry) rely on the first reading being far past it.
  const mono0 = start.mono ?? VIRTUAL_MONOTONIC_START;
  let elapsed = 0;
  // A real clock never wakes exactly on time: every sleep ends a little after its deadline. The
  // virtual clock wakes WAKE_LATE after it, so `while loop.time() < end: await sleep(0.1)` runs
  // as many rounds as on CPython (float sums like 0.1 * 10 = 0.9999999999999999 would otherwise
  // give one more), and a chain of sleeps ends after one sleep of their sum. Small enough that
  // printed durations do not move.
  const h: Host = Object.assign(Object.create(null) as object, base, {
    now: () => mono0 + elapsed,
    wallTime: () => wall0 + elapsed,
    sleep(seconds: number) {
      if (seconds > 0) elapsed += seconds + WAKE_LATE;
    },
    sleepUntil(monotonic: number) {
      if (monotonic >= mono0 + elapsed) elapsed = monotonic - mono0 + WAKE_LATE;
    },
    advance(seconds: number) {
      elapsed += seconds;
    },
    realSleep: base.realSleep ?? base.sleep,
    virtualTime: true,
  }) as Host;
  return h;
}

/**
 * Called before starting a child that inherits the program's stdout or stderr: the program's own
 * output so far comes first unless stdout is block-buffered as CPython buffers a pipe or a file,
 * where the child's output comes before what the buffer still holds (subprocess.run(["echo"])
 * after a print() shows the child's line first when piped, as CPython does).
 */
export function flushBeforeChild(): void {
  if (host.stdoutBlockBuffered !== true) host.flush();
}

/** The current host (a live binding: always read it as `host.xxx`). */
export let host: Host = createDefaultHost();

/**
 * Install a host. Missing members are filled from the default host. With `virtualTime: true`
 * the host is wrapped by virtualize(): its own now()/wallTime() give only the start instant.
 */
export function setHost(h: Partial<Host> & Pick<Host, "write">): Host {
  const d = createDefaultHost();
  const full: Host = Object.assign(d, h) as Host;
  if (!h.flush) full.flush = () => {};
  if (!h.sleep) {
    full.sleep = (seconds: number) => {
      full.flush();
      blockingSleep(seconds);
    };
  }
  // A copy made by spreading: an object given some 25 properties one by one (Object.assign, or a
  // null-prototype object) is kept in V8's slow dictionary mode, and the event loop reads the
  // host's members on every iteration (interrupted, virtualTime, now).
  host = { ...(full.virtualTime ? virtualize({ ...full, virtualTime: false }) : full) };
  return host;
}

export function getHost(): Host {
  return host;
}

/** Replace the current host by a virtual-time view of it; returns the new host. */
export function useVirtualTime(): Host {
  if (!host.virtualTime) host = virtualize(host);
  return host;
}
