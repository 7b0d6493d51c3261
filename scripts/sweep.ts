// npm run sweep -- DIR [--limit SECONDS] [--clock cpu|wall] [--jobs N] [--json FILE] [--quiet] [--top N]
//
// Runs what `tsyncio check FILE` and `tsyncio FILE` do (in-process, through the library) on every
// .py file under DIR, in a pool of worker processes, and reports per file:
//
//   translated    the translation succeeded and the emitted TypeScript/JavaScript parses
//   unsupported   the constructs tsyncio reported (diagnostic code and message)
//   syntax        a syntax error (or undecodable source)
//   internal      an exception escaped the compiler, check and translation disagree, the emitted
//                 code does not parse, or the worker died (out of memory)
//   overtime      check or translation took longer than --limit (default 2 s) of CPU time (the
//                 worker process's; --clock wall to count elapsed time, which a loaded machine
//                 inflates); a file that does not finish within the hard limit (max(15 × limit,
//                 30 s) elapsed) has its worker killed
//
// then a summary with the counts and the most frequent unsupported constructs. Exit status 1 when
// there is an internal error or a file over time.

import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { lstatSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileResult, Status } from "./sweep-worker.js";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name: string): boolean => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const limitMs = Number(opt("--limit") ?? 2) * 1000;
const jobs = Math.max(1, Number(opt("--jobs") ?? availableParallelism()));
const jsonOut = opt("--json");
const top = Number(opt("--top") ?? 20);
const quiet = flag("--quiet");
const clock = (opt("--clock") ?? "cpu") as "cpu" | "wall";
const dir = args[0];
if (!dir || args.length > 1 || !(limitMs > 0) || !["cpu", "wall"].includes(clock)) {
  console.error("usage: npm run sweep -- DIR [--limit SECONDS] [--clock cpu|wall] [--jobs N] [--json FILE] [--quiet] [--top N]");
  process.exit(2);
}
const killMs = Math.max(15 * limitMs, 30_000); // a safety net for hangs: a loaded machine stretches elapsed time

function pyFiles(d: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(d).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(d, name);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) pyFiles(p, out);
    else if (st.isFile() && name.endsWith(".py")) out.push(p);
  }
  return out;
}

const root = resolve(dir);
const files = lstatSync(root).isFile() ? [root] : pyFiles(root);
const results: FileResult[] = [];
const started = performance.now();

// The worker runs from TypeScript source through tsx when this script does, else from the .js.
const here = fileURLToPath(import.meta.url);
const workerPath = fileURLToPath(new URL(here.endsWith(".ts") ? "./sweep-worker.ts" : "./sweep-worker.js", import.meta.url));
const tsxLoader = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const execArgv = [...(here.endsWith(".ts") ? ["--import", tsxLoader] : []), "--max-old-space-size=3072"];

function show(r: FileResult): void {
  results.push(r);
  if (quiet) return;
  const rel = relative(root, r.file) || r.file;
  const ms = `${Math.round(r.checkMs)}+${Math.round(r.translateMs)} ms` + (r.checkCpuMs !== undefined ? `, cpu ${Math.round(r.checkCpuMs)}+${Math.round(r.translateCpuMs ?? 0)} ms` : "");
  let line = `${r.status.padEnd(11)} ${rel} (${ms})`;
  if (r.constructs) line += "\n" + r.constructs.map((c) => `    ${c}`).join("\n");
  if (r.detail) line += "\n" + r.detail.split("\n").map((l) => `    ${l}`).join("\n");
  console.log(line);
}

let next = 0;
function runWorker(): Promise<void> {
  return new Promise((done) => {
    let current: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    let sentAt = 0;
    let finished = false;
    const worker: ChildProcess = fork(workerPath, [], { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let stderr = "";
    worker.stderr?.on("data", (d) => void (stderr = (stderr + d).slice(-2000)));
    const replace = (why: string) => {
      clearTimeout(timer);
      if (finished) return;
      finished = true;
      if (current) {
        show({ file: current, status: why.startsWith("no answer") ? "overtime" : "internal", checkMs: performance.now() - sentAt, translateMs: 0, detail: why });
        current = null;
      } else {
        console.error(`sweep: worker failed to start: ${why}\n${stderr}`);
        process.exit(3);
      }
      worker.kill("SIGKILL");
      void runWorker().then(done);
    };
    const feed = () => {
      if (next >= files.length) {
        finished = true;
        worker.kill();
        done();
        return;
      }
      current = files[next++];
      sentAt = performance.now();
      timer = setTimeout(() => replace(`no answer after ${killMs / 1000} s: worker killed`), killMs);
      worker.send({ file: current, limitMs, clock });
    };
    worker.on("message", (m: FileResult | { ready: true }) => {
      if ("ready" in m) return feed();
      clearTimeout(timer);
      current = null;
      show(m);
      feed();
    });
    worker.on("exit", (code, signal) => replace(`worker died (exit ${code ?? signal}): ${stderr.trim().split("\n").slice(-4).join(" / ")}`));
    worker.on("error", (e) => replace(`worker failed: ${e.message}`));
  });
}

await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => runWorker()));

// ---- summary ----
const order: Status[] = ["translated", "unsupported", "syntax", "internal", "overtime"];
const counts = Object.fromEntries(order.map((s) => [s, 0])) as Record<Status, number>;
for (const r of results) counts[r.status]++;
const byConstruct = new Map<string, number>();
const byCode = new Map<string, number>();
for (const r of results) {
  for (const c of r.constructs ?? []) byConstruct.set(c, (byConstruct.get(c) ?? 0) + 1);
  for (const code of new Set((r.constructs ?? []).map((c) => c.split(" ")[0]))) byCode.set(code, (byCode.get(code) ?? 0) + 1);
}
const slowest = [...results].sort((a, b) => b.checkMs + b.translateMs - (a.checkMs + a.translateMs)).slice(0, 5);
const secs = ((performance.now() - started) / 1000).toFixed(1);

const lines: string[] = [];
lines.push("");
const overWall = results.filter((r) => Math.max(r.checkMs, r.translateMs) > limitMs).length;
const load = (await import("node:os")).loadavg()[0].toFixed(1);
lines.push(`sweep of ${root}: ${results.length} files in ${secs} s (${jobs} workers, limit ${limitMs / 1000} s of ${clock} time per file; load average ${load})`);
for (const s of order) lines.push(`  ${s.padEnd(12)} ${String(counts[s]).padStart(6)}`);
lines.push("");
lines.push(`files per diagnostic code (unsupported files):`);
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(6)}  ${code}`);
lines.push("");
lines.push(`top ${top} unsupported constructs (files):`);
for (const [c, n] of [...byConstruct].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${String(n).padStart(6)}  ${c}`);
lines.push("");
lines.push(`slowest files (check + translate, elapsed; ${overWall} files over ${limitMs / 1000} s elapsed in check or translation):`);
for (const r of slowest) lines.push(`  ${String(Math.round(r.checkMs + r.translateMs)).padStart(6)} ms  ${relative(root, r.file)}`);
const slowestCpu = [...results].sort((a, b) => (b.checkCpuMs ?? 0) + (b.translateCpuMs ?? 0) - (a.checkCpuMs ?? 0) - (a.translateCpuMs ?? 0)).slice(0, 5);
lines.push("slowest files (check + translate, CPU time):");
for (const r of slowestCpu) lines.push(`  ${String(Math.round((r.checkCpuMs ?? 0) + (r.translateCpuMs ?? 0))).padStart(6)} ms  ${relative(root, r.file)}`);
for (const s of ["internal", "overtime"] as const) {
  const bad = results.filter((r) => r.status === s);
  if (!bad.length) continue;
  lines.push("");
  lines.push(`${s}:`);
  for (const r of bad) lines.push(`  ${relative(root, r.file)}: ${(r.detail ?? "").split("\n")[0]}`);
}
console.log(lines.join("\n"));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ root, limitMs, counts, results }, null, 1));
process.exit(counts.internal || counts.overtime ? 1 : 0);
