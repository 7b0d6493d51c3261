// The runner worker: runs one translated program on the tsyncio runtime, streaming its stdout and
// stderr to the page. A dedicated worker per run: Stop is `worker.terminate()`, which ends even a
// `while True: pass`, and the page never blocks.
//
// Sleeps block this worker's thread (Atomics.wait when the page is cross-origin isolated, a busy
// wait otherwise), as CPython's event loop blocks between timers.
//
// Isolation: before the program starts, the worker's storage, network and worker-spawning APIs
// (indexedDB, caches, fetch, XMLHttpRequest, WebSocket, navigator.storage, cookieStore, ...) are
// shadowed with `undefined`, so the program cannot reach the page's origin data even if it found a
// way out of the runtime. (A dedicated worker has no `document` and so no `document.cookie`.)

import { runProgram } from "../runtime/run.js";
import { blockingSleep, setHost } from "../runtime/host.js";
import { createMemoryFileSystem } from "./memfs.js";
import type { RunRequest, RunnerMessage } from "./protocol.js";

const scope = self as unknown as {
  postMessage(message: RunnerMessage): void;
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
};
const post = scope.postMessage.bind(scope);

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

function isolate(): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of [
    "indexedDB", "caches", "fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource",
    "BroadcastChannel", "cookieStore", "importScripts", "Worker", "SharedWorker", "WebTransport",
    "FileSystemHandle", "FileSystemDirectoryHandle", "FileSystemFileHandle", "Request", "Response",
  ]) {
    try {
      Object.defineProperty(g, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not present or not configurable */
    }
  }
  try {
    const nav = g.navigator as Record<string, unknown> | undefined;
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
}

// ───────────── run ─────────────

let started = false;
scope.onmessage = (e) => {
  const req = e.data;
  if (req.type !== "run" || started) return;
  started = true;
  const t0 = performance.now();
  let code = 1;
  let internalError: string | null = null;
  try {
    isolate();
    setHost({
      write,
      flush: flushOutput,
      sleep(seconds) {
        flushOutput();
        blockingSleep(seconds);
      },
      virtualTime: req.virtualTime,
      argv: [req.program.path],
      readline: () => null,
      // Files live in memory for this run only: the program never reaches the user's disk.
      fs: createMemoryFileSystem(),
      env: { HOME: "/home/user", TMPDIR: "/tmp", PATH: "/usr/bin:/bin" },
      utcOffset: (t) => -new Date(t * 1000).getTimezoneOffset() * 60,
    });
    code = runProgram(req.program);
  } catch (err) {
    internalError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  flushOutput();
  post({ type: "exit", code, ms: performance.now() - t0, internalError });
};
post({ type: "ready" });
