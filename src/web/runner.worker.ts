// The runner worker: runs one translated program on the tsyncio runtime, streaming its stdout and
// stderr to the page. A dedicated worker per run: a hard Stop removes its frame, which ends even a
// `while True: pass`, and the page never blocks.
//
// Sleeps block this worker's thread, as CPython's event loop blocks between timers. The page
// reaches the blocked program through the frame's inbox (inbox.ts): a first Stop becomes a
// KeyboardInterrupt where the program wakes up (a sleep ends early for it), and input() waits for
// the lines the user types.
//
// The page starts this worker inside a sandboxed, opaque-origin frame whose CSP forbids network
// access (sandbox.ts), and talks to it over a MessagePort of its own: the first message hands over
// the port, the run request comes through it, and so does everything this worker says.
//
// Isolation: before the program starts, the worker's storage, network, messaging and
// worker-spawning APIs (indexedDB, caches, fetch, XMLHttpRequest, WebSocket, postMessage, ...) are
// removed from the global object and from every prototype it inherits them from, so a program
// that found a way out of the runtime still reaches nothing (the frame's origin and CSP are the
// second wall).

import { runProgram } from "../runtime/run.js";
import { blockingSleep, setHost } from "../runtime/host.js";
import { run_signal_action } from "../runtime/signals.js";
import { createMemoryFileSystem } from "./memfs.js";
import { Inbox } from "./inbox.js";
import type { RunRequest, RunnerMessage } from "./protocol.js";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ type: "port"; inbox?: unknown }>) => void) | null;
  importScripts?: (url: string) => void;
};
// Kept before isolate() removes it: the inbox's synchronous channel (inbox.ts). A module worker
// (the development server's runner) has none: there Stop only terminates and input() reads nothing.
const loadScript = typeof scope.importScripts === "function" ? scope.importScripts.bind(scope) : undefined;
let port: MessagePort | null = null;
let inbox: Inbox | null = null;
const post = (message: RunnerMessage): void => port?.postMessage(message);

// ───────────── output ─────────────
// In write order, line-buffered, posted at most every POST_INTERVAL_MS while the program keeps
// writing (sleeps and the exit post at once), so a print loop cannot flood the page with messages.
// The page keeps only the last megabyte or so, so past MAX_PENDING characters between two posts the
// oldest waiting output is dropped here already (the page says so).

const POST_INTERVAL_MS = 40;
const MAX_PENDING = 1 << 18;

let pending: [1 | 2, string][] = [];
let pendingChars = 0;
let dropped = 0;
let lastPost = 0;

function flushOutput(): void {
  if (pending.length === 0 && dropped === 0) return;
  post({ type: "output", chunks: pending, dropped });
  pending = [];
  pendingChars = 0;
  dropped = 0;
  lastPost = performance.now();
}

function write(fd: 1 | 2, text: string): void {
  if (!text) return;
  const last = pending[pending.length - 1];
  if (last && last[0] === fd) last[1] += text;
  else pending.push([fd, text]);
  pendingChars += text.length;
  if (pendingChars > 2 * MAX_PENDING) dropOldest();
  if (text.includes("\n") && performance.now() - lastPost >= POST_INTERVAL_MS) flushOutput();
}

function dropOldest(): void {
  let excess = pendingChars - MAX_PENDING;
  while (excess > 0 && pending.length > 0) {
    const first = pending[0]!;
    if (first[1].length <= excess) {
      pending.shift();
      excess -= first[1].length;
      dropped += first[1].length;
      pendingChars -= first[1].length;
    } else {
      first[1] = first[1].slice(excess);
      dropped += excess;
      pendingChars -= excess;
      excess = 0;
    }
  }
}

// ───────────── isolation ─────────────

const BLOCKED_GLOBALS = [
  "indexedDB",
  "caches",
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "BroadcastChannel",
  "cookieStore",
  "importScripts",
  "Worker",
  "SharedWorker",
  "WebTransport",
  "FileSystemHandle",
  "FileSystemDirectoryHandle",
  "FileSystemFileHandle",
  "Request",
  "Response",
  "postMessage",
  "onmessage",
  "onmessageerror",
  "close",
  "MessageChannel",
  "MessagePort",
  "storage",
  "serviceWorker",
  "locks",
  "origin",
  "location",
  "open",
  "opener",
  "parent",
  "top",
  "navigator",
];

function isolate(): void {
  const g = globalThis as Record<string, unknown>;
  const nav = g.navigator as Record<string, unknown> | undefined;
  // Every level of the global object's prototype chain (WorkerGlobalScope.prototype holds `fetch`,
  // `indexedDB` and `caches` as getters that shadowing the global alone leaves reachable).
  for (let o: object | null = g; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of BLOCKED_GLOBALS) {
      if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
      try {
        if (!delete (o as Record<string, unknown>)[name]) Object.defineProperty(o, name, { value: undefined, configurable: false, writable: false });
      } catch {
        /* not configurable: left as it is */
      }
    }
  }
  try {
    if (nav) {
      const safe = Object.freeze({
        userAgent: nav.userAgent,
        language: nav.language,
        languages: nav.languages,
        hardwareConcurrency: nav.hardwareConcurrency,
        platform: nav.platform,
      });
      Object.defineProperty(g, "navigator", { value: safe, configurable: false, writable: false });
    }
  } catch {
    /* keep going: the program still cannot name `navigator` from Python */
  }
  for (const name of BLOCKED_GLOBALS) {
    try {
      Object.defineProperty(g, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not configurable */
    }
  }
}

// ───────────── run ─────────────

let started = false;
function onRunRequest(e: MessageEvent<RunRequest>): void {
  const req = e.data;
  if (req === null || typeof req !== "object" || req.type !== "run" || started) return;
  started = true;
  const t0 = performance.now();
  let code = 1;
  let internalError: string | null = null;
  try {
    isolate();
    setHost({
      write,
      // print(flush=True) in a loop must not become one message per call: flushes are batched like
      // writes (a sleep, the next write after the interval, or the exit posts what is waiting).
      flush: () => {
        if (performance.now() - lastPost >= POST_INTERVAL_MS) flushOutput();
      },
      sleep(seconds) {
        flushOutput();
        // A Stop ends the sleep early; the runtime then delivers the KeyboardInterrupt.
        if (inbox) inbox.sleepUntil(performance.now() + seconds * 1000);
        else blockingSleep(seconds);
      },
      interrupted: () => inbox?.takeStop() ?? false,
      virtualTime: req.virtualTime,
      argv: [req.program.path],
      readline,
      // Files live in memory for this run only: the program never reaches the user's disk.
      fs: createMemoryFileSystem(),
      // No Unicode name table (errors='namereplace' is NotImplementedError here): its loader
      // (src/parse/unicode-names.ts) needs import.meta and XMLHttpRequest, which this classic,
      // network-less worker has not.
      env: { HOME: "/home/user", TMPDIR: "/tmp", PATH: "/usr/bin:/bin" },
      utcOffset: (t) => -new Date(t * 1000).getTimezoneOffset() * 60,
    });
    code = runProgram(req.program);
  } catch (err) {
    internalError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  flushOutput();
  post({ type: "exit", code, ms: performance.now() - t0, internalError });
}

/** A line of stdin: the page asks the user for it (the program waits, as on a terminal). */
function readline(): string | null {
  flushOutput();
  if (!inbox) {
    write(2, "[input() is not available here: the page's sandboxed runner feeds it; stdin is empty]\n");
    return null;
  }
  post({ type: "input-request" });
  // A Stop while waiting runs the SIGINT handler (KeyboardInterrupt by default), as Ctrl-C does in
  // CPython's input(); a handler that returns (asyncio.run's) leaves input() waiting.
  return inbox.nextLine(() => run_signal_action(2));
}

// The first message hands over the run's port (and the frame's inbox URLs); nothing else is
// accepted on the global channel.
scope.onmessage = (e) => {
  if (port !== null || e.data?.type !== "port" || e.ports.length !== 1) return;
  inbox = Inbox.create(e.data.inbox, loadScript);
  port = e.ports[0]!;
  scope.onmessage = null;
  port.onmessage = onRunRequest;
  post({ type: "ready" });
};
