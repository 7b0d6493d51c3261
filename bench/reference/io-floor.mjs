// What plain Node costs for the I/O benchmarks' work, as floors for tsyncio's io_* rows (one
// thread, no runtime): node bench/reference/io-floor.mjs KIND [N] [READ_BYTES]
//   bulk-fresh | bulk-slab | bulk-reuse: N MiB over a loopback pair in one thread, 1 MiB
//     write(2)s and read(2)s into a fresh buffer per read, 1 MiB slabs, or one reused buffer
//   connections: N concurrent connections to one server, a line each way
//   subprocesses: N /bin/echo children, 50 at a time, stdout piped and read to the end
// Prints the process's own CPU (children not included) and wall time.
import net from "node:net";
import { spawn } from "node:child_process";
import { readSync, writeSync } from "node:fs";

const [kind = "bulk-fresh", nArg, readArg] = process.argv.slice(2);
const t0 = process.cpuUsage();
const w0 = performance.now();
const report = (what) => {
  const u = process.cpuUsage(t0);
  console.log(`${kind} ${what} cpu ${((u.user + u.system) / 1e6).toFixed(3)} wall ${((performance.now() - w0) / 1e3).toFixed(3)}`);
};

async function pair() {
  const srv = net.createServer({ allowHalfOpen: true, noDelay: true });
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const accepted = new Promise((r) => srv.once("connection", r));
  const cli = net.createConnection({ port: srv.address().port, host: "127.0.0.1", allowHalfOpen: true, noDelay: true });
  await new Promise((r) => cli.once("connect", r));
  const s = await accepted;
  // libuv stops reading both ends: this thread reads and writes the descriptors itself.
  for (const x of [cli, s]) {
    x._handle.reading = false;
    x._handle.readStop();
    x._read = () => {};
  }
  return { wfd: cli._handle.fd, rfd: s._handle.fd };
}

async function bulk(n, readMax) {
  const { wfd, rfd } = await pair();
  const block = new Uint8Array(1 << 20).fill(120);
  const reuse = new Uint8Array(readMax);
  let slab = new Uint8Array(0);
  let slabUsed = 0;
  const kept = [];
  const total = n << 20;
  let written = 0;
  let got = 0;
  while (got < total) {
    if (written < total) {
      const off = written % block.length;
      try {
        written += writeSync(wfd, block, off, block.length - off);
      } catch (e) {
        if (e.code !== "EAGAIN") throw e;
      }
    }
    let buf;
    if (kind === "bulk-fresh") buf = new Uint8Array(readMax);
    else if (kind === "bulk-slab") {
      if (slab.length - slabUsed < 65536) {
        slab = new Uint8Array(1 << 20);
        slabUsed = 0;
      }
      buf = slab.subarray(slabUsed, Math.min(slab.length, slabUsed + readMax));
    } else buf = reuse;
    let k = 0;
    try {
      k = readSync(rfd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
    got += k;
    slabUsed += k;
    // A few chunks stay alive for a while, as a reader's would.
    kept.push(buf.subarray(0, k));
    if (kept.length > 8) kept.shift();
  }
  report(`${n} MiB`);
  process.exit(0);
}

async function connections(n) {
  const srv = net.createServer({ allowHalfOpen: true, noDelay: true }, (s) => {
    let line = "";
    s.on("data", (d) => {
      line += d;
      if (line.includes("\n")) s.end(line.toUpperCase());
    });
  });
  await new Promise((r) => srv.listen({ port: 0, host: "127.0.0.1", backlog: n }, r));
  const port = srv.address().port;
  let total = 0;
  const one = (i) =>
    new Promise((done) => {
      const c = net.createConnection({ port, host: "127.0.0.1", allowHalfOpen: true, noDelay: true }, () => c.write(`hello ${i}\n`));
      let got = "";
      c.on("data", (d) => (got += d));
      c.on("end", () => {
        total += got.length;
        c.end();
      });
      c.on("close", done);
    });
  await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  srv.close();
  report(`${n} ${total}`);
}

async function subprocesses(n) {
  let next = 0;
  let total = 0;
  const one = (i) =>
    new Promise((done) => {
      const child = spawn("/bin/echo", [String(i)], { stdio: ["inherit", "pipe", "inherit"] });
      let out = 0;
      let ended = false;
      let code = null;
      const finish = () => {
        if (!ended || code === null) return;
        total += out + code;
        done();
      };
      child.stdout.on("data", (d) => (out += d.length));
      child.stdout.on("end", () => {
        ended = true;
        finish();
      });
      child.on("exit", (c) => {
        code = c;
        finish();
      });
    });
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < n) await one(next++);
    }),
  );
  report(`${n} ${total}`);
}

if (kind.startsWith("bulk")) await bulk(Number(nArg ?? 1000), Number(readArg ?? 1 << 20));
else if (kind === "connections") await connections(Number(nArg ?? 1000));
else if (kind === "subprocesses") await subprocesses(Number(nArg ?? 1000));
else throw new Error(`unknown kind ${kind}`);
