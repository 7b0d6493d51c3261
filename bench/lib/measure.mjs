// One child process, measured: CPU time (user + sys), wall time and max RSS, through GNU time
// (/usr/bin/time -f). Without GNU time only the wall time is known (CPU and RSS are null).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const scratch = mkdtempSync(join(tmpdir(), "tsyncio-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/** Runs `cmd args` and returns { cpu, wall, rss (KB), stdout, stderr, code }. */
export function measure(cmd, args, options = {}) {
  const out = join(scratch, "time.txt");
  const t0 = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", out, cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...options })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options });
  const wallNs = Number(process.hrtime.bigint() - t0);
  if (r.error) throw r.error;
  let cpu = null, rss = null, wall = wallNs / 1e9;
  if (GNU_TIME) {
    const line = readFileSync(out, "utf8").trim().split("\n").pop();
    const [e, u, s, m] = line.split(/\s+/).map(Number);
    cpu = u + s;
    rss = m;
    wall = e;
  }
  return { cpu, wall, rss, stdout: r.stdout, stderr: r.stderr, code: r.status };
}

export const haveGnuTime = GNU_TIME !== null;

export function median(xs) {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
