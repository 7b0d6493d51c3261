// The program's sandbox: each run's worker lives in a sandboxed iframe of its own.
//
// Defence in depth behind the runtime's attribute model (which keeps Python away from JavaScript):
// even a program that found a way out reaches nothing of the page.
// - The frame has `sandbox="allow-scripts"` only: an opaque origin, so the worker it starts from a
//   blob URL has no access to the site's storage (indexedDB, caches, cookies) and is cross-origin
//   to the site.
// - The frame's Content-Security-Policy forbids every fetch (`connect-src 'none'`, no script or
//   worker source but its own blob), so fetch, XHR, WebSocket, EventSource and dynamic import()
//   reach no server.
// - The page talks to the worker over a MessageChannel it made for this run only; the worker's
//   global postMessage is removed before the program starts, and the page accepts only the
//   protocol's message shapes from that port (isRunnerMessage). A hard Stop removes the frame,
//   which ends the worker at once; a first Stop asks for a KeyboardInterrupt, and input lines go
//   in, through the frame's revocable blob URLs (inbox.ts): nothing is added to the policy.

import runnerUrl from "./runner.worker.ts?worker&url";
import type { RunRequest, RunnerMessage } from "./protocol.js";

/** The frame's own policy (the page's, if any, applies as well: a srcdoc frame inherits it). */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'; style-src 'none'; img-src 'none'";

// The frame's only script: start the worker it is given, hand it the run's port and the inbox's
// URLs, report load errors; then, for the page only, a Stop (revoke the stop URL) and input lines
// (the mailbox protocol of inbox.ts: a blob with the line and the next mailbox, its UUID's bits
// told by revoking bit URLs, then `ready` revoked).
const BOOTSTRAP = `
const blobUrl = (text) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
const newMailbox = () => ({ ready: blobUrl(""), bits: Array.from({ length: 128 }, () => blobUrl("")) });
let started = false, stop = null, mailbox = null;
onmessage = (e) => {
  const d = e.data;
  if (e.source !== parent || !d) return;
  if (!started) {
    if (typeof d.code !== "string" || e.ports.length !== 1) return;
    started = true;
    const url = URL.createObjectURL(new Blob([d.code], { type: "text/javascript" }));
    const worker = new Worker(url, { name: "tsyncio-program" });
    worker.onerror = (ev) => { ev.preventDefault(); parent.postMessage({ type: "sandbox-error", message: String(ev.message || "the runner failed to load") }, "*"); };
    stop = blobUrl("");
    mailbox = newMailbox();
    worker.postMessage({ type: "port", inbox: { stop, mailbox } }, [e.ports[0]]);
  } else if (d.type === "interrupt" && stop) {
    URL.revokeObjectURL(stop);
    stop = null;
  } else if (d.type === "input" && (typeof d.text === "string" || d.text === null) && mailbox) {
    const next = newMailbox();
    const letter = blobUrl("__tsyncio_mailbox(" + JSON.stringify({ text: d.text, next }) + ")");
    const hex = letter.slice(letter.lastIndexOf("/") + 1).replace(/-/g, "");
    if (!/^[0-9a-f]{32}$/.test(hex)) return;
    for (let i = 0; i < 128; i++) if ((parseInt(hex[i >> 2], 16) >> (3 - (i & 3))) & 1) URL.revokeObjectURL(mailbox.bits[i]);
    URL.revokeObjectURL(mailbox.ready);
    mailbox = next;
  }
};`;

let runnerCode: Promise<string> | null = null;

/** The runner worker's code, read once from the site (the frame itself may fetch nothing). */
function loadRunnerCode(): Promise<string> {
  runnerCode ??= fetch(runnerUrl).then((r) => {
    if (!r.ok) throw new Error(`cannot load the runner (${r.status})`);
    return r.text();
  });
  runnerCode.catch(() => (runnerCode = null));
  return runnerCode;
}

export interface SandboxedRunner {
  /** Sends the run request (once). */
  start(req: RunRequest): void;
  onmessage: ((msg: RunnerMessage) => void) | null;
  onerror: ((message: string) => void) | null;
  /** Ends the program at once: the frame, and with it the worker, goes away. */
  terminate(): void;
  /** Delivers a KeyboardInterrupt (Ctrl-C) where the program next wakes up; false when this runner cannot. */
  interrupt(): boolean;
  /** Gives the program a line of stdin (without its newline), or null: the end of input. */
  sendInput(text: string | null): void;
}

export function createSandboxedRunner(): SandboxedRunner {
  // Vite's dev server serves the runner as a module that imports its sources: a blob in an opaque
  // origin cannot load those, so `npm run web` runs it as a same-origin worker (same protocol).
  // (import.meta.hot, not env.DEV: a build under vitest has NODE_ENV=test and so DEV=true.)
  if (import.meta.hot) return createDevRunner();
  const frame = document.createElement("iframe");
  frame.sandbox.add("allow-scripts");
  // No `allow="cross-origin-isolated"`: with it Chromium (156) stopped applying the frame's CSP to
  // the worker's dynamic import(). Without it there is no SharedArrayBuffer in the sandbox, so
  // real-time sleeps busy-wait (host.ts's fallback); virtual time is unaffected.
  frame.hidden = true;
  frame.title = "tsyncio program sandbox";
  frame.dataset.role = "runner-sandbox";
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><script>${BOOTSTRAP}</script>`;
  const channel = new MessageChannel();
  let closed = false;
  let pending: RunRequest | null = null;
  let portSent = false;

  const runner: SandboxedRunner = {
    onmessage: null,
    onerror: null,
    start(req) {
      pending = req;
      flush();
    },
    terminate() {
      closed = true;
      window.removeEventListener("message", onFrameMessage);
      channel.port1.close();
      frame.remove();
    },
    interrupt() {
      if (closed || !portSent) return false;
      frame.contentWindow?.postMessage({ type: "interrupt" }, "*");
      return true;
    },
    sendInput(text) {
      if (!closed) frame.contentWindow?.postMessage({ type: "input", text }, "*");
    },
  };

  function flush(): void {
    if (closed || !portSent || pending === null) return;
    channel.port1.postMessage(pending);
    pending = null;
  }

  channel.port1.onmessage = (e: MessageEvent<unknown>) => {
    if (closed) return;
    if (!isRunnerMessage(e.data)) {
      runner.onerror?.("the runner sent a message outside the protocol");
      return;
    }
    if (e.data.type === "ready") {
      flush();
      return;
    }
    runner.onmessage?.(e.data);
  };

  function onFrameMessage(e: MessageEvent<unknown>): void {
    if (closed || e.source !== frame.contentWindow) return;
    const d = e.data as { type?: unknown; message?: unknown } | null;
    if (d && d.type === "sandbox-error" && typeof d.message === "string") runner.onerror?.(d.message);
  }
  window.addEventListener("message", onFrameMessage);

  frame.addEventListener(
    "load",
    () => {
      loadRunnerCode().then(
        (code) => {
          if (closed) return;
          frame.contentWindow?.postMessage({ code }, "*", [channel.port2]);
          portSent = true;
          flush();
        },
        (err: unknown) => runner.onerror?.(err instanceof Error ? err.message : String(err)),
      );
    },
    { once: true },
  );
  document.body.append(frame);
  return runner;
}

const isFd = (x: unknown): x is 1 | 2 => x === 1 || x === 2;

/** Only the protocol's shapes pass (a forged or garbled message is refused, never shown). */
export function isRunnerMessage(m: unknown): m is RunnerMessage {
  if (m === null || typeof m !== "object") return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case "ready":
    case "input-request":
      return Object.keys(r).length === 1;
    case "output":
      return (
        Array.isArray(r.chunks) &&
        r.chunks.every((c: unknown) => Array.isArray(c) && c.length === 2 && isFd(c[0]) && typeof c[1] === "string") &&
        typeof r.dropped === "number" &&
        Number.isFinite(r.dropped) &&
        r.dropped >= 0
      );
    case "exit":
      return Number.isInteger(r.code) && typeof r.ms === "number" && Number.isFinite(r.ms) && (r.internalError === null || typeof r.internalError === "string");
    default:
      return false;
  }
}

/** The development server's runner: a plain worker, the same port protocol, no sandbox frame. */
function createDevRunner(): SandboxedRunner {
  const worker = new Worker(runnerUrl, { type: "module", name: "tsyncio-program" });
  const channel = new MessageChannel();
  let pending: RunRequest | null = null;
  let ready = false;
  const runner: SandboxedRunner = {
    onmessage: null,
    onerror: null,
    start(req) {
      if (ready) channel.port1.postMessage(req);
      else pending = req;
    },
    terminate() {
      channel.port1.close();
      worker.terminate();
    },
    interrupt: () => false,
    sendInput: () => {},
  };
  channel.port1.onmessage = (e: MessageEvent<unknown>) => {
    if (!isRunnerMessage(e.data)) return runner.onerror?.("the runner sent a message outside the protocol");
    if (e.data.type !== "ready") return runner.onmessage?.(e.data);
    ready = true;
    if (pending) channel.port1.postMessage(pending);
    pending = null;
  };
  worker.onerror = (e) => {
    e.preventDefault();
    runner.onerror?.(e.message || "the runner failed to load");
  };
  worker.postMessage({ type: "port" }, [channel.port2]);
  return runner;
}
