// How the page reaches a running program. The program runs synchronously in its worker (the
// runtime's event loop blocks the thread as CPython's does), so the worker never turns its own
// event loop while the program runs and never sees a postMessage. Without SharedArrayBuffer (the
// sandbox frame is deliberately not cross-origin isolated: sandbox.ts) the one thing a blocked
// worker can learn synchronously is whether a blob URL of its frame still loads: importScripts()
// is synchronous, and fails once the frame has revoked the URL. On that the frame and this
// worker build two channels (the frame's half is BOOTSTRAP in sandbox.ts):
//
// - Stop: one URL; the frame revokes it when the page asks for a KeyboardInterrupt.
// - Input lines: a mailbox of a `ready` URL and 128 bit URLs. To send a line the frame makes a
//   blob that runs `__tsyncio_mailbox({ text, next })` (`next`: the following mailbox), revokes
//   the bit URLs where that blob URL's 128-bit UUID has a 1, then revokes `ready`. The worker sees
//   `ready` gone, reads the 128 bits, loads the blob, and moves on to `next`.
//
// A check costs one synchronous load (a few milliseconds), so Stop is checked at most every
// STOP_CHECK_MS; the blocking waits (a real-time sleep, input()) wait by polling.

const STOP_CHECK_MS = 100;

export interface Mailbox {
  ready: string;
  bits: string[];
}

export interface InboxUrls {
  stop: string;
  mailbox: Mailbox;
}

export class Inbox {
  private stopSeen = false;
  private stopTaken = false;
  private lastStopCheck = 0;
  private received: { text: string | null; next: Mailbox } | null = null;

  private constructor(
    private urls: InboxUrls,
    /** importScripts, kept before the worker's isolation removes it from the global object. */
    private readonly load: (url: string) => void,
  ) {
    // The mailbox blob's script calls this; the program (Python) cannot name globals.
    Object.defineProperty(globalThis, "__tsyncio_mailbox", {
      value: (m: { text: string | null; next: Mailbox }) => void (this.received = m),
      configurable: false,
      writable: false,
      enumerable: false,
    });
  }

  /** An inbox when the frame sent its URLs and the worker can load scripts synchronously. */
  static create(urls: unknown, load: ((url: string) => void) | undefined): Inbox | null {
    if (!load || !isInboxUrls(urls)) return null;
    return new Inbox(urls, load);
  }

  private loads(url: string): boolean {
    try {
      this.load(url);
      return true;
    } catch {
      return false;
    }
  }

  /** True once the page asked for a KeyboardInterrupt (checked at most every STOP_CHECK_MS unless `now`). */
  stopRequested(now = false): boolean {
    if (this.stopSeen) return true;
    const t = performance.now();
    if (!now && t - this.lastStopCheck < STOP_CHECK_MS) return false;
    this.lastStopCheck = t;
    if (!this.loads(this.urls.stop)) this.stopSeen = true;
    return this.stopSeen;
  }

  /**
   * Waits in real time until `deadline` (performance.now() ms) or a Stop not yet delivered,
   * whichever comes first; true on a Stop. Each check blocks in a synchronous load.
   */
  sleepUntil(deadline: number): boolean {
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      if (!this.stopTaken && (left > 8 ? this.stopRequested(true) : this.stopRequested())) return true;
    }
  }

  /** True once for the page's Stop (the SIGINT the runtime asks the host about). */
  takeStop(): boolean {
    if (this.stopTaken || !this.stopRequested()) return false;
    this.stopTaken = true;
    return true;
  }

  /** Waits for the next input line from the page (null: end of input); `onStop` runs on a Stop meanwhile. */
  nextLine(onStop: () => void): string | null {
    for (;;) {
      if (this.takeStop()) onStop();
      if (this.loads(this.urls.mailbox.ready)) continue;
      const { bits } = this.urls.mailbox;
      let hex = "";
      for (let i = 0; i < 128; i += 4) {
        let digit = 0;
        for (let j = 0; j < 4; j++) digit = (digit << 1) | (this.loads(bits[i + j]!) ? 0 : 1);
        hex += digit.toString(16);
      }
      const prefix = this.urls.mailbox.ready.slice(0, this.urls.mailbox.ready.lastIndexOf("/") + 1);
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      // The frame made the blob before it revoked anything; still, give its registration a moment.
      this.received = null;
      for (let tries = 0; this.received === null && tries < 50; tries++) {
        if (!this.loads(prefix + uuid)) this.sleepUntil(performance.now() + 20);
      }
      const m = this.received as { text: string | null; next: Mailbox } | null;
      if (m === null || !isMailbox(m.next)) throw new Error("the page's input did not arrive intact");
      this.urls = { ...this.urls, mailbox: m.next };
      return m.text;
    }
  }
}

function isMailbox(m: unknown): m is Mailbox {
  const b = m as Mailbox | null;
  return !!b && typeof b.ready === "string" && Array.isArray(b.bits) && b.bits.length === 128 && b.bits.every((u) => typeof u === "string");
}

function isInboxUrls(u: unknown): u is InboxUrls {
  const x = u as InboxUrls | null;
  return !!x && typeof x.stop === "string" && isMailbox(x.mailbox);
}
