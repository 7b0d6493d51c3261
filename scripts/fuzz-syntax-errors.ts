// npx tsx scripts/fuzz-syntax-errors.ts [SEED] [N] [--messages]
//
// Mutates N small files of CPython 3.12's standard library (a deleted character or an inserted
// token each) and compares tsyncio's verdict with CPython's ast.parse: both accept; both reject on
// the same line (and with the same message); or not. Any "CPY-ONLY" (a broken file let through),
// "TS-ONLY" (a valid file rejected) or "CRASH" line is a bug. Needs $PYENV_ROOT/versions/3.12.1.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parse } from "../src/parse/index.js";
const L = process.env.PYENV_ROOT + "/versions/3.12.1/lib/python3.12";
const files: string[] = [];
(function walk(d: string) { for (const n of readdirSync(d)) { const p = join(d, n); const st = statSync(p); if (st.isDirectory()) { if (!n.includes("site-packages")) walk(p); } else if (n.endsWith(".py") && st.size < 20000) files.push(p); } })(L);
let seed = Number(process.argv[2] ?? 1);
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const py = spawn(process.env.PYENV_ROOT + "/versions/3.12.1/bin/python", ["-c", `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
for line in sys.stdin:
    src = json.loads(line)
    try:
        ast.parse(src); out = None
    except SyntaxError as e:
        out = {"kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}
    except Exception as e:
        out = {"kind": type(e).__name__, "msg": str(e), "lineno": 0, "offset": 0}
    sys.stdout.write(json.dumps(out) + "\\n"); sys.stdout.flush()
`], { stdio: ["pipe", "pipe", "inherit"] });
const rl = createInterface({ input: py.stdout });
const waiting: ((x: any) => void)[] = [];
rl.on("line", (l) => waiting.shift()!(JSON.parse(l)));
const ask = (s: string) => new Promise<any>((r) => { waiting.push(r); py.stdin.write(JSON.stringify(s) + "\n"); });
const PUNCT = ["(", ")", "[", "]", ":", ",", "=", "'", '"', "\n", " ", "    ", "if ", "def ", "*", ".", "lambda ", "{", "}", "\\", "#", "0", "yield ", "return ", "@"];
const N = Number(process.argv[3] ?? 300);
const stats = { n: 0, bothOk: 0, bothErrSameLine: 0, sameMsg: 0, lineDiff: 0, cpyOnly: 0, tsOnly: 0, crash: 0 };
for (let k = 0; k < N; k++) {
  const f = files[Math.floor(rnd() * files.length)];
  let src = readFileSync(f, "utf8");
  const at = Math.floor(rnd() * src.length);
  const kind = rnd();
  if (kind < 0.4) src = src.slice(0, at) + src.slice(at + 1 + Math.floor(rnd() * 3));
  else src = src.slice(0, at) + PUNCT[Math.floor(rnd() * PUNCT.length)] + src.slice(at);
  const theirs = await ask(src);
  let mine: any;
  try { const r = parse(src, "x.py"); mine = r.error ? { kind: r.error.kind, msg: r.error.msg, lineno: r.error.lineno, offset: r.error.offset } : null; }
  catch (e) { stats.crash++; console.log("CRASH", f, at, (e as Error).message); continue; }
  stats.n++;
  const line = src.split("\n")[(theirs?.lineno ?? mine?.lineno ?? 1) - 1];
  if (!theirs && !mine) stats.bothOk++;
  else if (theirs && mine && theirs.lineno === mine.lineno && theirs.kind === mine.kind) { stats.bothErrSameLine++; if (theirs.msg === mine.msg) stats.sameMsg++; else if (process.argv.includes("--messages")) console.log("MSG", JSON.stringify(line), "\n  cpy", theirs.msg, theirs.offset, "\n  ts ", mine.msg, mine.offset); }
  else if (theirs && mine) { stats.lineDiff++; console.log("LINE", f.slice(L.length), at, JSON.stringify(line), "\n  cpy", JSON.stringify(theirs), "\n  ts ", JSON.stringify(mine)); }
  else if (theirs) { stats.cpyOnly++; console.log("CPY-ONLY", f.slice(L.length), at, JSON.stringify(line), JSON.stringify(theirs)); }
  else { stats.tsOnly++; console.log("TS-ONLY", f.slice(L.length), at, JSON.stringify(src.split("\n")[mine.lineno - 1]), JSON.stringify(mine)); }
}
py.stdin.end();
console.log(stats);
