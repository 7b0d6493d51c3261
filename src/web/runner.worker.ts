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
import type { RunRequest, RunnerMessage } from "./protocol.js";

const scope = self as unknown as {
  postMessage(message: RunnerMessage): void;
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
};
const post = scope.postMessage.bind(scope);

// ───────────── output: in write order, posted at most every few ms (a print loop must not flood the page) ─────────────

let pending: [1 | 2, string][] = [];
let pendingChars = 0;
let lastPost = 0;

function flushOutput(): void {
  if (pending.length === 0) return;
  post({ type: "output", chunks: pending });
  pending = [];
  pendingChars = 0;
  lastPost = performance.now();
}

function write(fd: 1 | 2, text: string): void {
  if (!text) return;
  const last = pending[pending.length - 1];
  if (last && last[0] === fd) last[1] += text;
  else pending.push([fd, text]);
  pendingChars += text.length;
  // Line-buffered, but at most one message per 10 ms unless a lot is waiting.
  if (pendingChars > 1 << 16 || (text.includes("\n") && performance.now() - lastPost >= 10)) flushOutput();
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
