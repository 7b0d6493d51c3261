#!/usr/bin/env node
// Records what CPython prints for the external programs (eval/external/NNN_name.py):
//   node eval/record.mjs [NNN...]
// writes eval/external/expected/NNN.out (stdout), NNN.err (the last non-blank stderr line, what
// tsyncio's fixtures compare) and NNN.code (exit status, only when not 0). The script's folder is
// written as {dir} in all three. NNN.out.regex files (the rule for output that depends on the
// clock or the scheduler) are written by hand and left alone.
// A program picks its interpreter with a header line `# CPython: 3.10 ...` (legacy forms such as
// asyncio.get_event_loop() at module level); the default is 3.12. Needs pyenv's interpreters.
// Programs run one at a time (real time: some sleep for several seconds), from eval/external.
import { readdirSync, readFileSync, writeFileSync, existsSync, unlinkSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(here, "external");
const expected = join(dir, "expected");
mkdirSync(expected, { recursive: true });
const pyenv = process.env.PYENV_ROOT ?? `${process.env.HOME}/.pyenv`;
const pythons = { "3.10": `${pyenv}/versions/3.10.13/bin/python`, 3.12: `${pyenv}/versions/3.12.1/bin/python` };

const wanted = process.argv.slice(2);
const programs = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.py$/.test(f))
  .sort()
  .filter((f) => !wanted.length || wanted.includes(f.slice(0, 3)));

function pythonVersion(source) {
  const m = /^# CPython: (3\.\d+)/m.exec(source);
  return m ? m[1] : "3.12";
}

for (const file of programs) {
  const id = file.slice(0, 3);
  const version = pythonVersion(readFileSync(join(dir, file), "utf8"));
  const py = pythons[version];
  if (!existsSync(py)) throw new Error(`CPython ${version} not found at ${py}`);
  const t0 = Date.now();
  // PYTHONUNBUFFERED removed: stdout block-buffered, as CPython buffers a pipe (eval/run.mjs runs
  // tsyncio so too), which decides where a child's output lands among the program's prints.
  const env = { ...process.env, PYTHONHASHSEED: "0" };
  delete env.PYTHONUNBUFFERED;
  const r = spawnSync(py, [file], { cwd: dir, encoding: "utf8", timeout: 120_000, env });
  // The standard library's folder depends on the install: written as a system Python's, the
  // location tsyncio's runtime names (src/runtime/asyncio/format_helpers.ts).
  const stdlib = new RegExp(`${pyenv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/versions/[^/]+/lib/(python3\\.\\d+)`, "g");
  const sub = (s) => s.replaceAll(dir, "{dir}").replace(stdlib, "/usr/lib/$1");
  writeFileSync(join(expected, `${id}.out`), sub(r.stdout));
  const lastErr = r.stderr
    .split("\n")
    .filter((l) => l.trim())
    .pop();
  setOrRemove(join(expected, `${id}.err`), lastErr ? sub(lastErr) + "\n" : "");
  setOrRemove(join(expected, `${id}.code`), r.status ? `${r.status}\n` : "");
  console.log(`${file}: CPython ${version}, exit ${r.status}, ${((Date.now() - t0) / 1000).toFixed(1)}s${lastErr ? `, stderr: ${lastErr}` : ""}`);
}

function setOrRemove(path, text) {
  if (text) writeFileSync(path, text);
  else if (existsSync(path)) unlinkSync(path);
}
