#!/usr/bin/env node
// Measures tsyncio on asyncio programs nobody here wrote (eval/external/NNN_name.py, each with its
// `# Source:` URL). Each runs through `node bin/tsyncio.js run --virtual-time` and is compared with
// what CPython printed (eval/record.mjs): stdout, the last stderr line and the exit code, as the
// fixtures compare them. Where CPython's output depends on the clock or on scheduling luck,
// expected/NNN.out.regex holds the rule (a full-match regular expression, {dir} = eval/external;
// the program's header comment says what it allows).
//   npm run build && node eval/run.mjs [NNN...] [--json FILE] [--verbose] [--real-time]
// (--real-time runs without --virtual-time: sleeps take their real duration.)
// Results: match; differs (first differing line); unsupported (a tsyncio diagnostic, or the
// runtime's NotImplementedError for an API it does not have); syntax error (tsyncio's parser
// rejects what CPython accepts); crash (internal error, JavaScript exception, timeout).
// Programs run one at a time.
import { readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const dir = join(here, "external");
const expectedDir = join(dir, "expected");
const { compileToJs } = await import(join(root, "dist/index.js"));

// stdout block-buffered as CPython buffers a pipe (record.mjs records CPython so): a child that
// inherits stdout writes before what the program printed and has not flushed.
const BUFFERED_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "PYTHONUNBUFFERED"));
const args = process.argv.slice(2);
const USAGE = `usage: node eval/run.mjs [NNN ...] [--json FILE] [--verbose] [--real-time]
  NNN          run only these programs (their three-digit numbers or file names); all by default
  --json FILE  also write every result as JSON
  --verbose    print each program's result on stderr as it finishes
  --real-time  run without --virtual-time (sleeps take their real duration)
Build first (npm run build). The summary ends with the count of each result.`;
const KNOWN_FLAGS = new Set(["--json", "--verbose", "--real-time", "--only", "--help", "-h"]);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknownFlag = args.find((a) => a.startsWith("-") && !KNOWN_FLAGS.has(a));
if (unknownFlag !== undefined) {
  console.error(`eval/run.mjs: unknown option ${unknownFlag}\n${USAGE}`);
  process.exit(2);
}
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
const verbose = args.includes("--verbose");
const realTime = args.includes("--real-time");
const wanted = args.filter((a, i) => !a.startsWith("--") && !(jsonAt >= 0 && i === jsonAt + 1));
const programs = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.py$/.test(f))
  .sort()
  .filter((f) => !wanted.length || wanted.includes(f.slice(0, 3)) || wanted.includes(f));

const read = (name) => (existsSync(join(expectedDir, name)) ? readFileSync(join(expectedDir, name), "utf8") : null);
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const clip = (s, n = 90) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const show = (s) => (s === undefined ? "(end of output)" : JSON.stringify(clip(s)));

const results = [];
for (const file of programs) {
  const id = file.slice(0, 3);
  const source = readFileSync(join(dir, file), "utf8");
  if (read(`${id}.out`) === null) {
    results.push({ file, result: "not recorded", detail: "run node eval/record.mjs first" });
    continue;
  }
  const t0 = Date.now();
  const version = /^# CPython: 3\.10\b/m.test(source) ? "3.10" : "3.12";
  const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...(realTime ? [] : ["--virtual-time"]), "--python", version, file], {
    cwd: dir,
    env: BUFFERED_ENV,
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - t0) / 1000;
  const verdict = judge(id, source, file, r);
  results.push({ file, ...verdict, seconds });
  if (verbose) console.error(`${file}: ${verdict.result}${verdict.detail ? `: ${verdict.detail}` : ""} (${seconds.toFixed(1)}s)`);
}

function judge(id, source, file, r) {
  const stdout = r.stdout ?? "";
  const stderr = r.stderr ?? "";
  const status = r.status;
  const lastErr =
    stderr
      .split("\n")
      .filter((l) => l.trim())
      .pop() ?? "";
  const wantErr = (read(`${id}.err`) ?? "").replace(/\n$/, "").replaceAll("{dir}", dir);
  const wantCode = Number((read(`${id}.code`) ?? "0").trim());
  const regexText = read(`${id}.out.regex`);
  const wantOut = (read(`${id}.out`) ?? "").replaceAll("{dir}", dir);
  const outOk = regexText !== null ? regexMatch(regexText, stdout) : stdout === wantOut;
  if (outOk && lastErr === wantErr && status === wantCode) return { result: "match" };

  // Why not: what tsyncio says about the program before running it.
  const compiled = compileToJs(source, { filename: file });
  if (compiled.syntaxError && !/^(SyntaxError|IndentationError|TabError)/.test(wantErr)) {
    const e = compiled.syntaxError;
    return { result: "syntax error", detail: `${e.kind}: ${e.msg} (line ${e.lineno})` };
  }
  if (compiled.diagnostics.length) {
    const d = compiled.diagnostics[0];
    const more = compiled.diagnostics.length > 1 ? ` (+${compiled.diagnostics.length - 1} more)` : "";
    return { result: "unsupported", detail: `${d.code} ${d.message}${more}` };
  }
  if (r.error?.code === "ETIMEDOUT" || status === null) return { result: "crash", detail: `killed after 60s (${r.signal ?? r.error?.code})` };
  if (/tsyncio: internal error/.test(stderr)) return { result: "crash", detail: clip(stderr.split("\n").find((l) => /internal error/.test(l)) ?? "") };
  if (/^\s+at .*:\d+:\d+\)?$/m.test(stderr) && !/^Traceback/m.test(stderr))
    return { result: "crash", detail: clip(stderr.split("\n").find((l) => l.trim()) ?? "") };
  if (/NotImplementedError: .*(not supported by tsyncio|tsyncio)/.test(lastErr) && !/NotImplementedError/.test(wantErr))
    return { result: "unsupported", detail: `runtime: ${clip(lastErr, 110)}` };

  if (!outOk) return { result: "differs", detail: firstDifference(regexText, wantOut, stdout) };
  if (lastErr !== wantErr) return { result: "differs", detail: `stderr last line: got ${show(lastErr)}, want ${show(wantErr)}` };
  return { result: "differs", detail: `exit code: got ${status}, want ${wantCode}` };
}

function regexMatch(regexText, stdout) {
  const pattern = regexText.replace(/\n$/, "").replaceAll("{dir}", escapeRegex(dir));
  return new RegExp(`^(?:${pattern})\\n?$`, "s").test(stdout);
}

function firstDifference(regexText, wantOut, stdout) {
  const got = stdout.split("\n");
  if (regexText === null) {
    const want = wantOut.split("\n");
    for (let i = 0; i < Math.max(got.length, want.length); i++) {
      if (got[i] !== want[i]) return `stdout line ${i + 1}: got ${show(got[i])}, want ${show(want[i])}`;
    }
    return "stdout differs";
  }
  // A rule written one line per output line lets us name the first line that breaks it.
  const lines = regexText.replace(/\n$/, "").replaceAll("{dir}", escapeRegex(dir)).split("\\n");
  for (let i = 0; i < lines.length; i++) {
    let ok = false;
    try {
      ok = got[i] !== undefined && new RegExp(`^(?:${lines[i]})$`, "s").test(got[i]);
    } catch {
      return "stdout does not match expected/*.out.regex";
    }
    if (!ok) return `stdout line ${i + 1}: got ${show(got[i])}, want /${clip(lines[i], 60)}/`;
  }
  return `stdout does not match expected/*.out.regex (extra output from line ${lines.length + 1}: ${show(got[lines.length])})`;
}

// The table.
const width = Math.max(...results.map((r) => r.file.length), 7);
console.log(`${"program".padEnd(width)}  result`);
console.log(`${"-".repeat(width)}  ${"-".repeat(60)}`);
for (const r of results) console.log(`${r.file.padEnd(width)}  ${r.result}${r.detail ? `: ${r.detail}` : ""}`);
const counts = {};
for (const r of results) counts[r.result] = (counts[r.result] ?? 0) + 1;
const n = results.length;
const matched = counts.match ?? 0;
console.log("");
const head = spawnSync("git", ["-C", root, "log", "-1", "--format=%h %s"], { encoding: "utf8" }).stdout.trim();
const dirty = spawnSync("git", ["-C", root, "status", "--porcelain", "--", "src"], { encoding: "utf8" }).stdout.trim();
console.log(`tsyncio: ${head ? clip(head, 70) : "(no git)"}${dirty ? " + uncommitted src/ edits" : ""}; dist/ as built (npm run build)`);
console.log(`${n} programs, ${matched} match (${n ? ((100 * matched) / n).toFixed(1) : "0.0"}%)`);
console.log(
  Object.entries(counts)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", "),
);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ programs: n, match: matched, counts, results }, null, 2) + "\n");
