// The converter page: Python editors (one tab per file of the program), the live TypeScript (or
// JavaScript) translation, and a runner.
//
// Only the editors and this file load with the page. The compiler (and prettier, a chunk of its
// own) lives in compiler.worker.ts; each run gets a fresh runner.worker.ts in a sandboxed frame
// (sandbox.ts). Neither can freeze the page: a translation that takes too long gets its worker
// restarted; Stop delivers a KeyboardInterrupt, and a second Stop (or the grace period) ends the run.

import { EditorView, basicSetup } from "codemirror";
import { Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { oneDark } from "@codemirror/theme-one-dark";
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { indentUnit } from "@codemirror/language";
import { examples, findExample, type Example } from "./examples.js";
import { decodeShare } from "./share.js";
import { createSandboxedRunner } from "./sandbox.js";
import { Runs } from "./runs.js";
import { OutputPane } from "./output.js";
import { Project, loadLocal } from "./project.js";
import { highlightPythonLine, jumpToLine, linkedLineField, translationLineWatcher } from "./linking.js";
import type { CompilerRequest, CompilerResponse, Diagnostic, ProgramFile, PySyntaxError } from "./protocol.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const runButton = $<HTMLButtonElement>("run");
const stopButton = $<HTMLButtonElement>("stop");
const virtualTime = $<HTMLInputElement>("virtual-time");
const formatOption = $<HTMLInputElement>("format");
const targetOption = $<HTMLSelectElement>("target");
const examplesSelect = $<HTMLSelectElement>("examples");
const problemsButton = $<HTMLButtonElement>("problems");
const translateStatus = $("translate-status");
const outputPre = $("output");
const tsPane = $("ts-pane");

const narrowScreen = window.matchMedia("(max-width: 800px)");
const DEFAULT_EXAMPLE = "19_say_after_tasks.py";
const TRANSLATE_DELAY_MS = 250;
const TRANSLATE_TIMEOUT_MS = 20_000;
/** How long after an edit the URL and local storage follow it. */
const SAVE_DELAY_MS = 600;
/** The folder the program sees itself in (`__file__`, tracebacks). */
const PROGRAM_DIR = "/home/user";
const OPTIONS_KEY = "tsyncio.options";

$("version").textContent = `v${__TSYNCIO_VERSION__}`;

// ───────────── options: kept in local storage ─────────────

interface Options {
  virtualTime: boolean;
  format: boolean;
  target: string;
  show: "ts" | "js";
}

function loadOptions(): Options {
  const defaults: Options = { virtualTime: false, format: true, target: "auto", show: "ts" };
  try {
    const saved = JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? "{}") as Partial<Options>;
    return {
      virtualTime: typeof saved.virtualTime === "boolean" ? saved.virtualTime : defaults.virtualTime,
      format: typeof saved.format === "boolean" ? saved.format : defaults.format,
      target: ["auto", "3.10", "3.12"].includes(saved.target as string) ? saved.target! : defaults.target,
      show: saved.show === "js" ? "js" : "ts",
    };
  } catch {
    return defaults;
  }
}

const options = loadOptions();
virtualTime.checked = options.virtualTime;
formatOption.checked = options.format;
targetOption.value = options.target;

function saveOptions(): void {
  options.virtualTime = virtualTime.checked;
  options.format = formatOption.checked;
  options.target = targetOption.value;
  try {
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(options));
  } catch {
    /* not kept: the page still works */
  }
}
virtualTime.addEventListener("change", saveOptions);
targetOption.addEventListener("change", saveOptions);
formatOption.addEventListener("change", () => {
  saveOptions();
  translate();
});

// ───────────── theme: follows the system ─────────────

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const pythonTheme = new Compartment();
const tsTheme = new Compartment();
const themeFor = (dark: boolean): Extension => (dark ? oneDark : []);
darkQuery.addEventListener("change", () => {
  pythonView.dispatch({ effects: pythonTheme.reconfigure(themeFor(darkQuery.matches)) });
  tsView.dispatch({ effects: tsTheme.reconfigure(themeFor(darkQuery.matches)) });
});

// ───────────── editors ─────────────

const pythonExtensions: Extension = [
  Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (void startRun(), true) }])),
  basicSetup,
  keymap.of([indentWithTab]),
  python(),
  indentUnit.of("    "),
  lintGutter(),
  linkedLineField,
  pythonTheme.of(themeFor(darkQuery.matches)),
  EditorView.contentAttributes.of({ "aria-label": "Python source" }),
  EditorView.updateListener.of((u) => {
    if (u.docChanged) {
      scheduleTranslate();
      scheduleSave();
    }
  }),
];

const pythonView = new EditorView({ parent: $("python-editor"), state: EditorState.create({ doc: "", extensions: pythonExtensions }) });
const makeState = (doc: string) => EditorState.create({ doc, extensions: pythonExtensions });

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
      tsTheme.of(themeFor(darkQuery.matches)),
      EditorView.contentAttributes.of({ "aria-label": "Translation" }),
      // The line under the pointer (or the cursor) lights up its Python line.
      translationLineWatcher((line) => {
        const shown = lastTranslation;
        const map = options.show === "js" ? shown?.jsMap : shown?.map;
        const py = line !== null && shown && shown.file === project.active ? (map?.[line - 1] ?? 0) : 0;
        highlightPythonLine(pythonView, py > 0 ? py : null);
      }),
    ],
  }),
});

void import("./ts-language.js").then(({ javascript }) => tsView.dispatch({ effects: tsLanguage.reconfigure(javascript({ typescript: true })) }));

function setDoc(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

const project = new Project(pythonView, makeState, $("file-tabs"), () => {
  examplesSelect.value = project.example ? project.example.name : "";
  translate();
});

/** Opens a program: its files, and the example it comes from (the menu shows it). */
function openProgram(files: ProgramFile[], example: Example | null, active?: string): void {
  project.load(files, example, active);
  pythonView.dispatch({ selection: { anchor: 0 }, scrollIntoView: true });
}

// ───────────── files: tabs ─────────────

$("file-tabs").addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  const close = target.closest<HTMLElement>("[data-close]");
  if (close) {
    const name = close.dataset.close!;
    const text = project.files().find((f) => f.name === name)?.source ?? "";
    if (!text.trim() || window.confirm(`Remove ${name}?`)) {
      project.remove(name);
      scheduleSave();
    }
    return;
  }
  const tab = target.closest<HTMLElement>(".file-tab");
  if (tab) project.show(tab.dataset.name!);
});

$("file-tabs").addEventListener("dblclick", (e) => {
  const tab = (e.target as HTMLElement).closest<HTMLElement>(".file-tab");
  if (!tab) return;
  const from = tab.dataset.name!;
  const to = window.prompt("Rename the file", from)?.trim();
  if (!to || to === from) return;
  const problem = project.nameProblem(to, from);
  if (problem) return toast(problem);
  project.rename(from, to);
  scheduleSave();
});

$("add-file").addEventListener("click", () => {
  let suggestion = "helpers.py";
  for (let i = 2; project.nameProblem(suggestion); i++) suggestion = `helpers${i}.py`;
  const name = window.prompt(`New module file (the script imports it as \`import ${suggestion.replace(/\.py$/, "")}\`)`, suggestion)?.trim();
  if (!name) return;
  const problem = project.nameProblem(name);
  if (problem) return toast(problem);
  project.add(name, `# ${name}: the script imports it with \`import ${name.replace(/\.py$/, "")}\`.\n`);
  scheduleSave();
});

// ───────────── the URL and local storage follow the program ─────────────

let saveTimer = 0;
function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => void saveNow(), SAVE_DELAY_MS);
}

async function saveNow(): Promise<void> {
  clearTimeout(saveTimer);
  project.render();
  const hash = await project.hash();
  if (hash !== location.hash) history.replaceState(null, "", hash);
  project.saveLocal();
}

// ───────────── the compiler worker ─────────────

let compiler: Worker | null = null;
let compilerReady = false;
let nextId = 1;
const waiting = new Map<number, { resolve(r: CompilerResponse): void; timer: number }>();
type Translated = Extract<CompilerResponse, { type: "translated" }>;

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
    const failed: Translated = {
      type: "translated",
      id,
      file: project.active,
      code: "",
      map: [],
      js: "",
      jsMap: [],
      diagnostics: [],
      syntaxError: null,
      internalError: reason,
      ms: 0,
      formatted: true,
    };
    if (id === latestTranslation) showTranslation(failed);
    entry.resolve(failed);
  }
  waiting.clear();
}

type Request = CompilerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

function ask(req: Request, id = nextId++): Promise<CompilerResponse> {
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
/** The last good translation (what the right pane shows). */
let lastTranslation: Translated | null = null;

function scheduleTranslate(): void {
  clearTimeout(translateTimer);
  translateTimer = window.setTimeout(translate, TRANSLATE_DELAY_MS);
}

function translate(): void {
  clearTimeout(translateTimer);
  const id = nextId++;
  latestTranslation = id;
  if (!compilerReady) translateStatus.textContent = "loading the compiler…";
  void ask({ type: "translate", files: project.files(), active: project.active, format: formatOption.checked }, id);
}

/** The text the right pane shows: the TypeScript or the JavaScript of the last translation. */
function shownCode(): string {
  return (options.show === "js" ? lastTranslation?.js : lastTranslation?.code) ?? "";
}

function showCode(): void {
  const text = shownCode();
  if (tsView.state.doc.toString() !== text) setDoc(tsView, text);
  for (const which of ["ts", "js"] as const) $(`show-${which}`).setAttribute("aria-selected", String(options.show === which));
}

function showTranslation(r: Translated): void {
  showDiagnostics(r.diagnostics, r.syntaxError);
  if (r.internalError) {
    tsPane.classList.add("stale");
    translateStatus.textContent = `internal error: ${r.internalError}`;
  } else if (r.code) {
    lastTranslation = r;
    showCode();
    tsPane.classList.remove("stale");
    translateStatus.textContent = r.formatted ? `translated in ${Math.max(1, Math.round(r.ms))} ms` : "translated; formatting…";
  } else {
    tsPane.classList.add("stale");
    translateStatus.textContent = lastTranslation ? "showing the last translation" : "";
  }
  if (r.formatted) document.body.dataset.translated = String(r.id);
}

for (const which of ["ts", "js"] as const) {
  $(`show-${which}`).addEventListener("click", () => {
    options.show = which;
    saveOptions();
    showCode();
  });
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

let firstProblemLine = 0;

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
  firstProblemLine = syntaxError?.lineno ?? diagnostics[0]?.lineno ?? 0;
  problemsButton.hidden = lines.length === 0;
  problemsButton.textContent = lines[0] ? (lines.length > 1 ? `${lines[0]} (+${lines.length - 1} more)` : lines[0]) : "";
  problemsButton.title = lines.length ? `${lines.join("\n")}\n(click: go to the line)` : "";
}

// A diagnostic, or a location in the output, opens its Python line.
problemsButton.addEventListener("click", () => {
  if (firstProblemLine > 0) jumpToLine(pythonView, firstProblemLine);
});

function openLocation(path: string, line: number): void {
  const name = path.startsWith(`${PROGRAM_DIR}/`) ? path.slice(PROGRAM_DIR.length + 1) : path;
  if (!project.files().some((f) => f.name === name)) return toast(`${path} is not one of this program's files`);
  if (project.active !== name) project.show(name);
  jumpToLine(pythonView, line);
}

// ───────────── running ─────────────

const output = new OutputPane(outputPre, openLocation);
const runs = new Runs({
  output,
  stopButton,
  status: $("run-status"),
  stdinForm: $("stdin-form"),
  stdinInput: $("stdin"),
  stdinEof: $("stdin-eof"),
  reveal: () => narrowScreen.matches && outputPre.parentElement!.scrollIntoView({ behavior: "smooth", block: "end" }),
});

function pythonVersion(): string {
  if (targetOption.value !== "auto") return targetOption.value;
  // A seed example recorded with CPython 3.10 runs as 3.10 (get_event_loop's warning); others as 3.12.
  return project.example?.name === project.mainName ? project.example.pythonVersion : "3.12";
}

async function startRun(): Promise<void> {
  const ticket = runs.begin();
  const files = project.files();
  const compiled = await ask({ type: "compile", files, dir: PROGRAM_DIR });
  if (!runs.isCurrent(ticket)) return;
  if (compiled.type !== "compiled") {
    runs.failed(compiled.type === "translated" && compiled.internalError ? compiled.internalError : "compile failed", "failed");
  } else if (compiled.internalError) {
    runs.failed("exit code 1", "1", `internal error in tsyncio: ${compiled.internalError}\n`);
  } else if (!compiled.program) {
    runs.failed("exit code 1", "1", compiled.report);
  } else {
    const program = { ...compiled.program, path: `${PROGRAM_DIR}/${files[0]!.name}`, source: files[0]!.source, pythonVersion: pythonVersion() };
    runs.start({ type: "run", program, virtualTime: virtualTime.checked });
  }
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
  if (!ex) return;
  openProgram([{ name: ex.name, source: ex.source }], ex);
  // A new history entry: Back returns to the program before.
  history.pushState(null, "", `#example=${encodeURIComponent(ex.name.replace(/\.py$/, ""))}`);
  project.saveLocal();
});

runButton.addEventListener("click", () => void startRun());
$("clear").addEventListener("click", () => output.clear());
$("copy").addEventListener("click", async () => {
  const what = options.show === "js" ? "JavaScript" : "TypeScript";
  toast((await copyText(shownCode())) ? `${what} copied` : "Could not copy");
});
$("download").addEventListener("click", () => {
  const js = options.show === "js";
  const url = URL.createObjectURL(new Blob([shownCode()], { type: js ? "text/javascript" : "text/typescript" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = project.active.replace(/\.py$/, "") + (js ? ".js" : ".ts");
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
$("share").addEventListener("click", async () => {
  await saveNow();
  toast((await copyText(location.href)) ? "Link copied" : "Link in the address bar");
});
window.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
    e.preventDefault();
    void startRun();
  } else if (e.key === "Escape" && runs.running) {
    runs.stop();
  }
});

// ───────────── start ─────────────

/** The program the address holds, else the one kept from the last visit, else the default example. */
async function loadFromHash(): Promise<void> {
  const shared = await decodeShare(location.hash);
  if (shared.files) {
    const ex = findExample(shared.files[0]!.name);
    openProgram(shared.files, ex && ex.name === shared.files[0]!.name ? ex : null);
    return;
  }
  if (!shared.example) {
    const kept = loadLocal();
    if (kept) {
      const ex = kept.example ? findExample(kept.example) : undefined;
      openProgram(kept.files, ex && ex.name === kept.files[0]!.name ? ex : null, kept.active);
      await saveNow();
      return;
    }
  }
  const ex = findExample(shared.example ?? DEFAULT_EXAMPLE) ?? findExample(DEFAULT_EXAMPLE) ?? examples[0]!;
  openProgram([{ name: ex.name, source: ex.source }], ex);
}

window.addEventListener("popstate", () => void loadFromHash());
compiler = startCompiler();
// (Opening the program translates it.)
void loadFromHash();
// A runner loaded ahead of time makes the first Run start at once.
window.setTimeout(() => runs.warm(), 1500);

/** For the end-to-end tests (and the curious): read and replace the editors' text. */
Object.assign(window, {
  tsyncio: {
    getPython: () => pythonView.state.doc.toString(),
    setPython: (text: string, name = "main.py") => openProgram([{ name, source: text }], null),
    getTypeScript: () => lastTranslation?.code ?? "",
    getJavaScript: () => lastTranslation?.js ?? "",
    getShown: () => tsView.state.doc.toString(),
    getFiles: () => project.files(),
    getCursor: () => ({ file: project.active, line: pythonView.state.doc.lineAt(pythonView.state.selection.main.head).number }),
    getStdout: () => [...outputPre.querySelectorAll(".stdout")].map((n) => n.textContent).join(""),
    getStderr: () => [...outputPre.querySelectorAll(".stderr")].map((n) => n.textContent).join(""),
    /**
     * Runs already-compiled JavaScript in a sandbox exactly like a program's (the browser tests
     * probe the sandbox's walls with it); resolves with what it printed until `waitMs` after exit.
     */
    runInSandbox: (js: string, waitMs = 0) =>
      new Promise<{ output: string; exit: number | null }>((resolve) => {
        const runner = createSandboxedRunner();
        let out = "";
        let exit: number | null = null;
        const end = () => {
          runner.terminate();
          resolve({ output: out, exit });
        };
        runner.onmessage = (msg) => {
          if (msg.type === "output") for (const [, text] of msg.chunks) out += text;
          if (msg.type === "exit") {
            exit = msg.code;
            window.setTimeout(end, waitMs);
          }
        };
        runner.onerror = (message) => {
          out += `[sandbox error: ${message}]`;
          end();
        };
        runner.start({ type: "run", program: { js, lineMap: [], nameMap: [], path: "/home/user/probe.py", source: "" }, virtualTime: true });
      }),
  },
});
