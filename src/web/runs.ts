// A run of the program: its sandboxed runner (sandbox.ts), the output pane, the stdin box and the
// Stop button. One run at a time; a runner is loaded ahead so the next Run starts at once.
//
// Stop works as Ctrl-C does in a terminal: the first press delivers a KeyboardInterrupt where the
// program next wakes up (its `finally` blocks run, asyncio.run cancels its main task), and the
// second press, or STOP_GRACE_MS without an exit, ends the program by removing its frame.

import { createSandboxedRunner, type SandboxedRunner } from "./sandbox.js";
import type { OutputPane } from "./output.js";
import type { RunRequest } from "./protocol.js";

/** After a first Stop, how long the program has to end on its KeyboardInterrupt before it is ended. */
const STOP_GRACE_MS = 5_000;

export interface RunControls {
  output: OutputPane;
  stopButton: HTMLButtonElement;
  status: HTMLElement;
  stdinForm: HTMLFormElement;
  stdinInput: HTMLInputElement;
  stdinEof: HTMLButtonElement;
  /** On a phone the output pane is below the editors: bring it into view when a run starts. */
  reveal(): void;
}

interface ActiveRun {
  worker: SandboxedRunner;
  started: number;
  timer: number;
  /** Set once Stop asked for a KeyboardInterrupt: the timer that ends the run anyway. */
  graceTimer: number;
  waitingForInput: boolean;
}

const body = document.body.dataset;

export class Runs {
  private spare: SandboxedRunner | null = null;
  private active: ActiveRun | null = null;
  private ticket = 0;

  constructor(private readonly ui: RunControls) {
    ui.stopButton.addEventListener("click", () => this.stop());
    ui.stdinForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = ui.stdinInput.value;
      ui.stdinInput.value = "";
      this.sendInput(text);
    });
    ui.stdinInput.addEventListener("keydown", (e) => {
      if (e.ctrlKey && e.key.toLowerCase() === "d") {
        e.preventDefault();
        this.sendInput(null);
      }
    });
    ui.stdinEof.addEventListener("click", () => this.sendInput(null));
    this.setRunning(false);
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Loads a runner for the next run. */
  warm(): void {
    if (this.spare) return;
    const w = createSandboxedRunner();
    // A runner that failed to load is dropped; the next Run starts another and reports its error.
    w.onerror = () => {
      if (this.spare === w) this.spare = null;
      w.terminate();
    };
    this.spare = w;
  }

  /** A new run begins (the program is being compiled): its ticket, for isCurrent(). */
  begin(): number {
    const ticket = ++this.ticket;
    if (this.active) this.finish("stopped", "fail", "stopped");
    delete body.runs;
    delete body.exitCode;
    delete body.interrupted;
    this.ui.output.clear();
    this.ui.reveal();
    this.setStatus("compiling…");
    this.setRunning(true);
    return ticket;
  }

  /** False once another run began (or Stop dropped this one while it compiled). */
  isCurrent(ticket: number): boolean {
    return ticket === this.ticket;
  }

  /** The run ended before it started: the compiler's report (stderr) and a status. */
  failed(status: string, exitCode: string, stderr = ""): void {
    if (stderr) this.ui.output.append("stderr", stderr);
    this.ui.output.flush(true);
    this.setRunning(false);
    this.setStatus(status, "fail");
    body.exitCode = exitCode;
    body.runs = String(this.ticket);
  }

  start(req: RunRequest): void {
    const worker = this.spare ?? createSandboxedRunner();
    this.spare = null;
    const run: ActiveRun = { worker, started: performance.now(), timer: 0, graceTimer: 0, waitingForInput: false };
    this.active = run;
    const { output } = this.ui;
    this.setStatus("running…");
    run.timer = window.setInterval(() => {
      if (this.active === run && !run.graceTimer && !run.waitingForInput) this.setStatus(`running… ${((performance.now() - run.started) / 1000).toFixed(0)} s`);
    }, 1000);
    worker.onmessage = (msg) => {
      if (this.active !== run) return;
      if (msg.type === "output") {
        if (msg.dropped) output.append("meta", `[… ${msg.dropped} characters of output dropped …]\n`);
        for (const [fd, text] of msg.chunks) output.append(fd === 1 ? "stdout" : "stderr", text);
      } else if (msg.type === "input-request") {
        this.setWaiting(run, true);
        if (!run.graceTimer) this.setStatus("waiting for input: type a line below and press Enter");
        this.ui.stdinInput.focus();
      } else if (msg.type === "exit") {
        if (msg.internalError) output.append("stderr", `internal error in tsyncio: ${msg.internalError}\n`);
        const seconds = (msg.ms / 1000).toFixed(msg.ms < 10_000 ? 2 : 1);
        this.finish(`exit code ${msg.code} · ${seconds} s${req.virtualTime ? " (virtual time)" : ""}`, msg.code === 0 ? "ok" : "fail", String(msg.code));
      }
    };
    worker.onerror = (message) => {
      if (this.active !== run) return;
      output.append("stderr", `internal error in tsyncio: ${message}\n`);
      this.finish("failed", "fail", "failed");
    };
    worker.start(req);
  }

  /** Stop: first a KeyboardInterrupt (the program's `finally` blocks run), then the frame goes. */
  stop(): void {
    const run = this.active;
    if (!run) {
      // Still compiling: forget that run.
      this.ticket++;
      this.setRunning(false);
      this.setStatus("stopped", "fail");
      return;
    }
    if (!run.graceTimer && run.worker.interrupt()) {
      run.graceTimer = window.setTimeout(() => this.active === run && this.hardStop(), STOP_GRACE_MS);
      body.interrupted = "true";
      this.setStatus("KeyboardInterrupt sent… (Stop again ends the program now)", "fail");
      return;
    }
    this.hardStop();
  }

  private hardStop(): void {
    if (!this.active) return;
    const seconds = (performance.now() - this.active.started) / 1000;
    const { output } = this.ui;
    output.append("meta", `${output.endsLine() ? "" : "\n"}[stopped after ${seconds.toFixed(1)} s]\n`);
    this.finish("stopped", "fail", "stopped");
  }

  private finish(text: string, cls: string, exitCode: string): void {
    body.exitCode = exitCode;
    const run = this.active;
    if (!run) return;
    this.ui.output.flush(true);
    clearInterval(run.timer);
    clearTimeout(run.graceTimer);
    run.worker.terminate();
    this.active = null;
    this.setRunning(false);
    this.setStatus(text, cls);
    body.runs = String(this.ticket);
    window.setTimeout(() => this.warm(), 200);
  }

  /** A line typed in the stdin box (null: end of input), for the program's input(). */
  private sendInput(text: string | null): void {
    const run = this.active;
    if (!run) return;
    // The terminal's echo: what was typed shows where the program's output is.
    if (text !== null) this.ui.output.append("stdin", `${text}\n`);
    else this.ui.output.append("meta", `${this.ui.output.endsLine() ? "" : "\n"}[end of input]\n`);
    run.worker.sendInput(text);
    this.setWaiting(run, false);
    if (!run.graceTimer) this.setStatus("running…");
  }

  private setWaiting(run: ActiveRun, waiting: boolean): void {
    run.waitingForInput = waiting;
    this.ui.stdinForm.classList.toggle("waiting", waiting);
    if (waiting) body.waitingForInput = "true";
    else delete body.waitingForInput;
  }

  private setRunning(running: boolean): void {
    const { stopButton, stdinInput, stdinEof, stdinForm } = this.ui;
    stopButton.disabled = !running;
    stdinInput.disabled = !running;
    stdinEof.disabled = !running;
    stdinForm.classList.remove("waiting");
    body.running = running ? "true" : "false";
    delete body.waitingForInput;
  }

  private setStatus(text: string, cls = ""): void {
    this.ui.status.textContent = text;
    this.ui.status.className = `muted ${cls}`;
  }
}
