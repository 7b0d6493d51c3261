// Per-thread CPU at exit (Linux): node -r ./bench/lib/thread-cpu.cjs bench/lib/run-js.mjs P.json N
// prints "threads: TID=SECONDS ..." to stderr (user + sys of each thread still alive, from
// /proc/self/task), the first being the program's thread. With `tsyncio run`'s I/O, the I/O kernel
// is a worker thread started after V8's helper threads, so it is usually the last one listed.
const { readdirSync, readFileSync, writeSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");

if (isMainThread) {
  process.on("exit", () => {
    const ticks = 100;
    const rows = [];
    for (const tid of readdirSync("/proc/self/task")) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const cpu = (Number(f[11]) + Number(f[12])) / ticks;
        if (cpu > 0) rows.push([Number(tid), cpu]);
      } catch {
        // the thread ended meanwhile
      }
    }
    rows.sort((a, b) => a[0] - b[0]);
    writeSync(2, `threads: ${rows.map(([t, c]) => `${t}=${c.toFixed(2)}`).join(" ")}\n`);
  });
}
