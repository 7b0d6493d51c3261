// The Node host: stdout/stderr through file descriptors with Python-like buffering (stdout buffered,
// stderr not), blocking sleeps with Atomics.wait, a virtual clock on request.

import { readSync, writeSync } from "node:fs";
import { randomFillSync } from "node:crypto";
import { setHost, type Host } from "../runtime/host.js";

export function installNodeHost(options: { virtualTime: boolean; argv: string[] }): Host {
  let pending = "";
  const flush = () => {
    if (pending) {
      writeAll(1, pending);
      pending = "";
    }
  };
  return setHost({
    write(fd, text) {
      if (fd === 1) {
        pending += text;
        if (pending.length > 1 << 16) flush();
      } else {
        flush();
        writeAll(2, text);
      }
    },
    flush,
    virtualTime: options.virtualTime,
    argv: options.argv,
    randomBytes: (bytes) => void randomFillSync(bytes),
    readline: () => readLine(),
    utcOffset: (t) => -new Date(t * 1000).getTimezoneOffset() * 60,
  });
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}

let stdinRest = "";
function readLine(): string | null {
  const chunk = Buffer.alloc(4096);
  for (;;) {
    const nl = stdinRest.indexOf("\n");
    if (nl >= 0) {
      const line = stdinRest.slice(0, nl);
      stdinRest = stdinRest.slice(nl + 1);
      return line;
    }
    let n = 0;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      n = 0;
    }
    if (n === 0) {
      if (!stdinRest) return null;
      const line = stdinRest;
      stdinRest = "";
      return line;
    }
    stdinRest += chunk.toString("utf8", 0, n);
  }
}
