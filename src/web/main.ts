// The converter page: a Python editor, the live TypeScript translation, and a runner.
//
// Only the editors and this file load with the page. The compiler (and prettier, a chunk of its
// own) lives in compiler.worker.ts; each run gets a fresh runner.worker.ts. Neither can freeze the
// page: a translation that takes too long gets its worker restarted, and Stop terminates the run.

import { EditorView, basicSetup } from "codemirror";
import { Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { oneDark } from "@codemirror/theme-one-dark";
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { indentUnit } from "@codemirror/language";
import { examples, findExample } from "./examples.js";
import { decodeShare, encodeShare } from "./share.js";
import { createSandboxedRunner, type SandboxedRunner } from "./sandbox.js";
import type { CompilerRequest, CompilerResponse, Diagnostic, PySyntaxError, RunRequest } from "./protocol.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const runButton = $<HTMLButtonElement>("run");
const stopButton = $<HTMLButtonElement>("stop");
const virtualTime = $<HTMLInputElement>("virtual-time");
const examplesSelect = $<HTMLSelectElement>("examples");
const problemsLabel = $("problems");
const translateStatus = $("translate-status");
const runStatus = $("run-status");
const outputPre = $("output");
const filenameLabel = $("filename");
const tsPane = $("ts-pane");

const narrowScreen = window.matchMedia("(max-width: 800px)");
const DEFAULT_EXAMPLE = "19_say_after_tasks.py";
const TRANSLATE_DELAY_MS = 250;
const TRANSLATE_TIMEOUT_MS = 20_000;
/** The folder the program sees itself in (`__file__`, tracebacks). */
const PROGRAM_DIR = "/home/user";

let filename = "main.py";

// ───────────── theme: follows the system ─────────────

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const themes = [new Compartment(), new Compartment()];
const themeFor = (dark: boolean): Extension => (dark ? oneDark : []);
darkQuery.addEventListener("change", () => {
  for (const [i, view] of [pythonView, tsView].entries()) view.dispatch({ effects: themes[i]!.reconfigure(themeFor(darkQuery.matches)) });
});

// ───────────── editors ─────────────

const pythonView = new EditorView({
  parent: $("python-editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (void startRun(), true) }])),
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      indentUnit.of("    "),
      lintGutter(),
      themes[0]!.of(themeFor(darkQuery.matches)),
      EditorView.contentAttributes.of({ "aria-label": "Python source" }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) scheduleTranslate();
      }),
    ],
  }),
});

// TypeScript highlighting is a chunk of its own, loaded after the page is up.
const tsLanguage = new Compartment();
const tsView = new EditorView({
  parent: $("ts-editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      basicSetup,
      tsLanguage.of([]),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      themes[1]!.of(themeFor(darkQuery.matches)),
      EditorView.contentAttributes.of({ "aria-label": "TypeScript translation" }),
    ],
  }),
});

void import("./ts-language.js").then(({ javascript }) =>
  tsView.dispatch({ effects: tsLanguage.reconfigure(javascript({ typescript: true })) }),
);

function setDoc(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

function setSource(text: string, name: string): void {
  filename = name;
  filenameLabel.textContent = name;
  setDoc(pythonView, text);
  pythonView.dispatch({ selection: { anchor: 0 }, scrollIntoView: true });
}

// ───────────── the compiler worker ─────────────

let compiler: Worker | null = null;
let compilerReady = false;
let nextId = 1;
const waiting = new Map<number, { resolve(r: CompilerResponse): void; timer: number }>();

function startCompiler(): Worker {
  const w = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "tsyncio-compiler" });
  w.onmessage = (e: MessageEvent<CompilerResponse>) => {
    const msg = e.data;
    if (msg.type === "ready") {
      compilerReady = true;
      runButton.disabled = false;
      return;
    }
    // A translation may come twice: unformatted while prettier loads, then formatted.
    if (msg.type === "translated" && msg.id === latestTranslation) showTranslation(msg);
    const entry = waiting.get(msg.id);
    if (!entry) return;
    waiting.delete(msg.id);
    clearTimeout(entry.timer);
    entry.resolve(msg);
  };
  w.onerror = (e) => {
    translateStatus.textContent = `the compiler failed to load: ${e.message ?? "unknown error"}`;
  };
  return w;
}

/** Restart the compiler (it is stuck): every pending request fails. */
function restartCompiler(reason: string): void {
  compiler?.terminate();
  compilerReady = false;
  compiler = startCompiler();
  for (const [id, entry] of waiting) {
    clearTimeout(entry.timer);
    const failed: CompilerResponse = { type: "translated", id, code: "", diagnostics: [], syntaxError: null, internalError: reason, ms: 0, formatted: true };
    if (id === latestTranslation) showTranslation(failed);
    entry.resolve(failed);
  }
  waiting.clear();
}

function ask(req: Omit<CompilerRequest, "id">, id = nextId++): Promise<CompilerResponse> {
  compiler ??= startCompiler();
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => restartCompiler("the compiler took too long and was restarted"), TRANSLATE_TIMEOUT_MS);
    waiting.set(id, { resolve, timer });
    compiler!.postMessage({ ...req, id } as CompilerRequest);
  });
}

// ───────────── translation as you type ─────────────

let translateTimer = 0;
let latestTranslation = 0;
let tsCode = "";

function scheduleTranslate(): void {
  clearTimeout(translateTimer);
  translateTimer = window.setTimeout(translate, TRANSLATE_DELAY_MS);
}

function translate(): void {
  const source = pythonView.state.doc.toString();
  const id = nextId++;
  latestTranslation = id;
  if (!compilerReady) translateStatus.textContent = "loading the compiler…";
  void ask({ type: "translate", source, filename }, id);
}

function showTranslation(r: Extract<CompilerResponse, { type: "translated" }>): void {
  showDiagnostics(r.diagnostics, r.syntaxError);
  if (r.internalError) {
    tsPane.classList.add("stale");
    translateStatus.textContent = `internal error: ${r.internalError}`;
  } else if (r.code) {
    tsCode = r.code;
    if (tsView.state.doc.toString() !== r.code) setDoc(tsView, r.code);
    tsPane.classList.remove("stale");
    translateStatus.textContent = r.formatted ? `translated in ${Math.max(1, Math.round(r.ms))} ms` : "translated; formatting…";
  } else {
    tsPane.classList.add("stale");
    translateStatus.textContent = tsCode ? "showing the last translation" : "";
  }
  if (r.formatted) document.body.dataset.translated = String(r.id);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

/** A 1-based line/column range in the Python editor, at least one character wide where possible. */
function range(lineno: number, col: number, endLineno?: number | null, endCol?: number | null): { from: number; to: number } {
  const doc = pythonView.state.doc;
  const line = doc.line(clamp(lineno, 1, doc.lines));
  let from = line.from + clamp(col - 1, 0, line.length);
  let to = from;
  if (endLineno && endCol) {
    const end = doc.line(clamp(endLineno, 1, doc.lines));
    to = end.from + clamp(endCol - 1, 0, end.length);
  }
  if (to <= from) {
    to = Math.min(from + 1, line.to);
    if (to <= from && from > line.from) from -= 1;
  }
  return { from, to: Math.max(from, to) };
}

function showDiagnostics(diagnostics: Diagnostic[], syntaxError: PySyntaxError | null): void {
  const cm: CmDiagnostic[] = [];
  const lines: string[] = [];
  if (syntaxError) {
    const message = `${syntaxError.kind}: ${syntaxError.msg}`;
    cm.push({ ...range(syntaxError.lineno, syntaxError.offset, syntaxError.end_lineno, syntaxError.end_offset), severity: "error", message });
    lines.push(`line ${syntaxError.lineno}: ${message}`);
  }
  for (const d of diagnostics) {
    const message = `${d.message}${d.hint ? ` (${d.hint})` : ""}`;
    cm.push({ ...range(d.lineno, d.col, d.endLineno, d.endCol), severity: d.severity, message, source: d.code });
    lines.push(`line ${d.lineno}: ${d.severity === "error" ? "error" : "warning"} ${d.code}: ${d.message}`);
  }
  pythonView.dispatch(setDiagnostics(pythonView.state, cm));
  problemsLabel.textContent = lines[0] ? (lines.length > 1 ? `${lines[0]} (+${lines.length - 1} more)` : lines[0]) : "";
  problemsLabel.title = lines.join("\n");
}

// ───────────── output ─────────────

/**
 * Output. The program's output is kept (its last OUTPUT_LIMIT characters) in `model`; the pane
 * shows it in blocks of whole lines, so appending and dropping old output lay out a block or two.
 * A program that prints without end would still keep the page busy laying out text, so when more
 * than APPEND_BUDGET characters arrive between two frames the pane is redrawn at most every
 * FLOOD_INTERVAL_MS with only the last FLOOD_VIEW characters; the end of the run draws it all.
 */
const OUTPUT_LIMIT = 400_000;
const APPEND_BUDGET = 32_000;
const FLOOD_VIEW = 16_000;
const FLOOD_INTERVAL_MS = 250;
const BLOCK_CHARS = 8_000;

let model: [string, string][] = [];
let modelChars = 0;
let modelTrimmed = false;
let fresh: [string, string][] = [];
let freshChars = 0;
/** The pane shows all of `model` (not just its tail). */
let paneComplete = true;
let flushScheduled = false;

let outputChars = 0;
let trimmedMarker: HTMLElement | null = null;
const blocks: { el: HTMLElement; chars: number; endsLine: boolean }[] = [];

function appendOutput(cls: string, text: string): void {
  if (!text) return;
  const last = model[model.length - 1];
  if (last && last[0] === cls) last[1] += text;
  else model.push([cls, text]);
  modelChars += text.length;
  while (modelChars > OUTPUT_LIMIT) {
    const first = model[0]!;
    const excess = modelChars - OUTPUT_LIMIT;
    modelTrimmed = true;
    if (first[1].length <= excess) {
      model.shift();
      modelChars -= first[1].length;
    } else {
      first[1] = first[1].slice(excess);
      modelChars -= excess;
    }
  }
  fresh.push([cls, text]);
  freshChars += text.length;
  if (!flushScheduled) {
    flushScheduled = true;
    if (freshChars > APPEND_BUDGET) window.setTimeout(() => flushOutputQueue(), FLOOD_INTERVAL_MS);
    else requestAnimationFrame(() => flushOutputQueue());
  }
}

function addText(cls: string, text: string): void {
  while (text.length > 0) {
    let block = blocks[blocks.length - 1];
    if (!block || (block.chars >= BLOCK_CHARS && block.endsLine)) {
      const el = document.createElement("div");
      el.className = "block";
      outputPre.append(el);
      block = { el, chars: 0, endsLine: true };
      blocks.push(block);
    }
    let n = text.length;
    const room = BLOCK_CHARS - block.chars;
    if (n > room) {
      const nl = text.indexOf("\n", Math.max(0, room - 1));
      if (nl >= 0) n = nl + 1;
    }
    const piece = n === text.length ? text : text.slice(0, n);
    text = text.slice(n);
    const last = block.el.lastElementChild as HTMLElement | null;
    if (last && last.className === cls && last.firstChild) (last.firstChild as Text).appendData(piece);
    else {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = piece;
      block.el.append(span);
    }
    block.chars += piece.length;
    block.endsLine = piece.endsWith("\n");
    outputChars += piece.length;
  }
}

/** Redraws the pane from the model: all of it, or its last `limit` characters. */
function redraw(limit: number): void {
  outputPre.replaceChildren();
  blocks.length = 0;
  outputChars = 0;
  trimmedMarker = null;
  let start = model.length;
  let total = 0;
  while (start > 0 && total < limit) total += model[--start]![1].length;
  if (modelTrimmed || start > 0 || total > limit) markTrimmed();
  for (let i = start; i < model.length; i++) {
    const [cls, text] = model[i]!;
    addText(cls, i === start && total > limit ? text.slice(total - limit) : text);
  }
  paneComplete = limit >= OUTPUT_LIMIT;
}

/** Brings the pane up to date (`final`: the run is over, show everything kept). */
function flushOutputQueue(final = false): void {
  flushScheduled = false;
  if (freshChars === 0 && (paneComplete || !final)) return;
  const atBottom = outputPre.scrollHeight - outputPre.scrollTop - outputPre.clientHeight < 40;
  if (paneComplete && freshChars <= APPEND_BUDGET) {
    for (const [cls, text] of fresh) addText(cls, text);
    while (outputChars > OUTPUT_LIMIT && blocks.length > 1) {
      const first = blocks.shift()!;
      first.el.remove();
      outputChars -= first.chars;
      markTrimmed();
    }
  } else {
    redraw(final ? OUTPUT_LIMIT : FLOOD_VIEW);
  }
  fresh = [];
  freshChars = 0;
  if (atBottom || !final) outputPre.scrollTop = outputPre.scrollHeight;
}

function markTrimmed(): void {
  if (trimmedMarker) return;
  trimmedMarker = document.createElement("div");
  trimmedMarker.className = "meta";
  trimmedMarker.textContent = "[… earlier output dropped …]";
  outputPre.prepend(trimmedMarker);
}

function clearOutput(): void {
  model = [];
  modelChars = 0;
  modelTrimmed = false;
  fresh = [];
  freshChars = 0;
  paneComplete = true;
  outputPre.replaceChildren();
  blocks.length = 0;
  outputChars = 0;
  trimmedMarker = null;
}

// ───────────── running ─────────────

interface ActiveRun {
  worker: SandboxedRunner;
  started: number;
  timer: number;
}

let spare: SandboxedRunner | null = null;
let active: ActiveRun | null = null;
let runTicket = 0;

/** Each run's worker in a sandboxed frame of its own (sandbox.ts). */
function spawnRunner(): SandboxedRunner {
  return createSandboxedRunner();
}

function warmRunner(): void {
  if (spare) return;
  const w = spawnRunner();
  // A runner that failed to load is dropped; the next Run starts another and reports its error.
  w.onerror = () => {
    if (spare === w) spare = null;
    w.terminate();
  };
  spare = w;
}

function setRunning(running: boolean): void {
  stopButton.disabled = !running;
  document.body.dataset.running = running ? "true" : "false";
}

function setRunStatus(text: string, cls = ""): void {
  runStatus.textContent = text;
  runStatus.className = `muted ${cls}`;
}

function finish(text: string, cls: string, exitCode: string): void {
  document.body.dataset.exitCode = exitCode;
  if (!active) return;
  flushOutputQueue(true);
  clearInterval(active.timer);
  active.worker.terminate();
  active = null;
  setRunning(false);
  setRunStatus(text, cls);
  document.body.dataset.runs = String(runTicket);
  window.setTimeout(warmRunner, 200);
}

function stopRun(): void {
  if (!active) {
    // Still compiling: forget that run.
    runTicket++;
    setRunning(false);
    setRunStatus("stopped", "fail");
    return;
  }
  const seconds = (performance.now() - active.started) / 1000;
  const last = model[model.length - 1];
  appendOutput("meta", `${last && !last[1].endsWith("\n") ? "\n" : ""}[stopped after ${seconds.toFixed(1)} s]\n`);
  finish("stopped", "fail", "stopped");
}

async function startRun(): Promise<void> {
  const ticket = ++runTicket;
  if (active) finish("stopped", "fail", "stopped");
  delete document.body.dataset.runs;
  delete document.body.dataset.exitCode;
  clearOutput();
  // On a phone the output pane is below the editors: bring it into view.
  if (narrowScreen.matches) outputPre.parentElement!.scrollIntoView({ behavior: "smooth", block: "end" });
  setRunStatus("compiling…");
  setRunning(true);
  const source = pythonView.state.doc.toString();
  const path = `${PROGRAM_DIR}/${filename}`;
  const compiled = await ask({ type: "compile", source, filename: path });
  if (ticket !== runTicket) return;
  if (compiled.type !== "compiled") {
    setRunning(false);
    setRunStatus(compiled.type === "translated" && compiled.internalError ? compiled.internalError : "compile failed", "fail");
    document.body.dataset.exitCode = "failed";
    document.body.dataset.runs = String(ticket);
    return;
  }
  if (compiled.internalError || !compiled.compiled) {
    appendOutput("stderr", compiled.internalError ? `internal error in tsyncio: ${compiled.internalError}\n` : compiled.report);
    setRunning(false);
    setRunStatus("exit code 1", "fail");
    flushOutputQueue(true);
    document.body.dataset.exitCode = "1";
    document.body.dataset.runs = String(ticket);
    return;
  }
  const worker = spare ?? spawnRunner();
  spare = null;
  const virtual = virtualTime.checked;
  const run: ActiveRun = { worker, started: performance.now(), timer: 0 };
  active = run;
  setRunStatus("running…");
  run.timer = window.setInterval(() => {
    if (active === run) setRunStatus(`running… ${((performance.now() - run.started) / 1000).toFixed(0)} s`);
  }, 1000);
  worker.onmessage = (msg) => {
    if (active !== run) return;
    if (msg.type === "output") {
      if (msg.dropped) appendOutput("meta", `[… ${msg.dropped} characters of output dropped …]\n`);
      for (const [fd, text] of msg.chunks) appendOutput(fd === 1 ? "stdout" : "stderr", text);
    } else if (msg.type === "exit") {
      if (msg.internalError) appendOutput("stderr", `internal error in tsyncio: ${msg.internalError}\n`);
      const seconds = (msg.ms / 1000).toFixed(msg.ms < 10_000 ? 2 : 1);
      finish(`exit code ${msg.code} · ${seconds} s${virtual ? " (virtual time)" : ""}`, msg.code === 0 ? "ok" : "fail", String(msg.code));
    }
  };
  worker.onerror = (message) => {
    if (active !== run) return;
    appendOutput("stderr", `internal error in tsyncio: ${message}\n`);
    finish("failed", "fail", "failed");
  };
  const req: RunRequest = {
    // A seed example recorded with CPython 3.10 runs as 3.10 (get_event_loop's warning); others as 3.12.
    type: "run", program: { ...compiled.compiled, path, source, pythonVersion: findExample(filename)?.pythonVersion ?? "3.12" }, virtualTime: virtual,
  };
  worker.start(req);
}

// ───────────── toolbar ─────────────

let toastTimer = 0;
function toast(text: string): void {
  const el = $("toast");
  el.textContent = text;
  el.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => el.classList.remove("show"), 1800);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

for (const ex of examples) {
  const option = document.createElement("option");
  option.value = ex.name;
  option.textContent = ex.name.replace(/\.py$/, "");
  examplesSelect.append(option);
}
examplesSelect.addEventListener("change", () => {
  const ex = findExample(examplesSelect.value);
  if (ex) {
    setSource(ex.source, ex.name);
    history.replaceState(null, "", `#example=${encodeURIComponent(ex.name.replace(/\.py$/, ""))}`);
  }
});

runButton.addEventListener("click", () => void startRun());
stopButton.addEventListener("click", stopRun);
$("clear").addEventListener("click", clearOutput);
$("copy").addEventListener("click", async () => {
  toast((await copyText(tsCode)) ? "TypeScript copied" : "Could not copy");
});
$("download").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([tsCode], { type: "text/typescript" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename.replace(/\.py$/, "") + ".ts";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
$("share").addEventListener("click", async () => {
  const hash = await encodeShare(pythonView.state.doc.toString(), filename);
  history.replaceState(null, "", hash);
  toast((await copyText(location.href)) ? "Link copied" : "Link in the address bar");
});
window.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
    e.preventDefault();
    void startRun();
  } else if (e.key === "Escape" && active) {
    stopRun();
  }
});

// ───────────── start ─────────────

async function loadFromHash(): Promise<void> {
  const shared = await decodeShare(location.hash);
  if (shared.source !== undefined) {
    setSource(shared.source, shared.name && /^[\w.-]+\.py$/.test(shared.name) ? shared.name : "main.py");
    return;
  }
  const ex = findExample(shared.example ?? DEFAULT_EXAMPLE) ?? findExample(DEFAULT_EXAMPLE) ?? examples[0];
  if (ex) {
    setSource(ex.source, ex.name);
    if (shared.example) examplesSelect.value = ex.name;
  }
}

window.addEventListener("hashchange", () => void loadFromHash());
compiler = startCompiler();
void loadFromHash().then(() => {
  clearTimeout(translateTimer);
  void translate();
});
setRunning(false);
// A runner loaded ahead of time makes the first Run start at once.
window.setTimeout(warmRunner, 1500);

/** For the end-to-end tests (and the curious): read and replace the editors' text. */
Object.assign(window, {
  tsyncio: {
    getPython: () => pythonView.state.doc.toString(),
    setPython: (text: string, name = "main.py") => setSource(text, name),
    getTypeScript: () => tsView.state.doc.toString(),
    getStdout: () => [...outputPre.querySelectorAll(".stdout")].map((n) => n.textContent).join(""),
    getStderr: () => [...outputPre.querySelectorAll(".stderr")].map((n) => n.textContent).join(""),
    /**
     * Runs already-compiled JavaScript in a sandbox exactly like a program's (the browser tests
     * probe the sandbox's walls with it); resolves with what it printed until `waitMs` after exit.
     */
    runInSandbox: (js: string, waitMs = 0) =>
      new Promise<{ output: string; exit: number | null }>((resolve) => {
        const runner = createSandboxedRunner();
        let output = "";
        let exit: number | null = null;
        const end = () => {
          runner.terminate();
          resolve({ output, exit });
        };
        runner.onmessage = (msg) => {
          if (msg.type === "output") for (const [, text] of msg.chunks) output += text;
          if (msg.type === "exit") {
            exit = msg.code;
            window.setTimeout(end, waitMs);
          }
        };
        runner.onerror = (message) => {
          output += `[sandbox error: ${message}]`;
          end();
        };
        runner.start({ type: "run", program: { js, lineMap: [], nameMap: [], path: "/home/user/probe.py", source: "" }, virtualTime: true });
      }),
  },
});
