#!/usr/bin/env node
// Runs every fixture (or those named) through `tsyncio run --virtual-time` and prints one line per
// failure plus a count: a quick scoreboard while working (the real check is `npm test`).
//   node scripts/fixture-status.mjs [--real-time] [PREFIX...]
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cpus } from "node:os";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const realTime = args.includes("--real-time");
const prefixes = args.filter((a) => !a.startsWith("--"));
const dir = join(root, "fixtures");
const names = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!prefixes.length || prefixes.some((p) => d.name.startsWith(p))))
  .map((d) => d.name)
  .sort();
const read = (d, f) => (existsSync(join(d, f)) ? readFileSync(join(d, f), "utf8") : null);
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function check(name) {
  const d = join(dir, name);
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...(realTime ? [] : ["--virtual-time"]), "input.py"], { cwd: d });
    let out = "", err = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (err += b));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      done(`${name}: could not run (${e.message})`);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const regex = read(d, "expected.out.regex");
      const okOut = regex !== null ? new RegExp(`^(?:${regex.replace(/\n$/, "").replaceAll("{dir}", esc(d))})\\n?$`, "s").test(out) : out === (read(d, "expected.out") ?? "");
      const lastErr = err.split("\n").filter((l) => l.trim()).pop() ?? "";
      const okErr = lastErr === (read(d, "expected.err") ?? "").replace(/\n$/, "").replaceAll("{dir}", d);
      const okCode = code === Number((read(d, "expected.code") ?? "0").trim());
      if (okOut && okErr && okCode) return done(null);
      const exp = (read(d, "expected.out") ?? "").split("\n");
      const got = out.split("\n");
      const i = exp.findIndex((l, k) => l !== got[k]);
      const why = !okOut ? `stdout line ${i + 1}: expected ${JSON.stringify(exp[i])} got ${JSON.stringify(got[i])}` : !okErr ? `stderr: ${JSON.stringify(lastErr.slice(0, 120))}` : `exit ${code}`;
      done(`${name}: ${why}${okErr || !lastErr ? "" : ` [stderr: ${lastErr.slice(0, 100)}]`}`);
    });
  });
}

const queue = [...names];
const failures = [];
await Promise.all(Array.from({ length: Math.max(1, Math.min(4, cpus().length)) }, async () => {
  for (let n = queue.shift(); n; n = queue.shift()) {
    const r = await check(n);
    if (r) failures.push(r);
  }
}));
for (const f of failures.sort()) console.log(f);
console.log(`${names.length - failures.length}/${names.length} fixtures pass${realTime ? " (real time)" : " (virtual time)"}`);
