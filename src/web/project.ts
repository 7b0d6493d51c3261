// The program on the page: its files (tabs over the Python editor; the first is the script that
// runs, the others modules it imports), and where it is kept: the URL fragment (a reload or a
// shared link restores it) and local storage (the bare address reopens the last program).

import type { EditorState } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { encodeShare, validFileName } from "./share.js";
import type { Example } from "./examples.js";
import type { ProgramFile } from "./protocol.js";

const STORAGE_KEY = "tsyncio.program";

interface Tab {
  name: string;
  /** The editor state of a tab not shown (the shown one's is the view's). */
  state: EditorState;
}

export class Project {
  private tabs: Tab[] = [];
  private activeName = "main.py";
  /** The example the program was opened from (it keeps its name, and its menu entry). */
  example: Example | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly makeState: (doc: string) => EditorState,
    private readonly tabsEl: HTMLElement,
    /** The active tab changed (not its text). */
    private readonly onSwitch: () => void,
  ) {}

  get mainName(): string {
    return this.tabs[0]?.name ?? "main.py";
  }

  get active(): string {
    return this.activeName;
  }

  /** Every file with its current text, the script first. */
  files(): ProgramFile[] {
    return this.tabs.map((t) => ({ name: t.name, source: (t.name === this.activeName ? this.view.state : t.state).doc.toString() }));
  }

  /** True when the program is its example, unedited. */
  isPristineExample(): boolean {
    const files = this.files();
    return this.example !== null && files.length === 1 && files[0]!.name === this.example.name && files[0]!.source === this.example.source;
  }

  /** Replaces the whole program. */
  load(files: ProgramFile[], example: Example | null, active?: string): void {
    this.example = example;
    this.tabs = files.map((f) => ({ name: f.name, state: this.makeState(f.source) }));
    this.activeName = "";
    this.show(active && this.tabs.some((t) => t.name === active) ? active : this.tabs[0]!.name);
  }

  show(name: string): void {
    const tab = this.tabs.find((t) => t.name === name);
    // (The shown tab's buttons stay as they are: a double-click on it renames it.)
    if (!tab || name === this.activeName) return;
    const current = this.tabs.find((t) => t.name === this.activeName);
    if (current) current.state = this.view.state;
    this.activeName = name;
    this.view.setState(tab.state);
    this.render();
    this.onSwitch();
  }

  /** A message when `name` cannot be a new file's name, else null. */
  nameProblem(name: string, except?: string): string | null {
    if (!validFileName(name)) return `"${name}" is not a module file name (letters, digits and _, ending in .py)`;
    if (name !== except && this.tabs.some((t) => t.name === name)) return `there is already a file ${name}`;
    return null;
  }

  add(name: string, source: string): void {
    this.tabs.push({ name, state: this.makeState(source) });
    this.show(name);
  }

  remove(name: string): void {
    const i = this.tabs.findIndex((t) => t.name === name);
    if (i <= 0) return; // the script stays
    this.tabs.splice(i, 1);
    if (this.activeName === name) {
      this.activeName = "";
      this.show(this.tabs[Math.min(i, this.tabs.length - 1)]!.name);
    } else this.render();
  }

  rename(from: string, to: string): void {
    const tab = this.tabs.find((t) => t.name === from);
    if (!tab) return;
    tab.name = to;
    if (this.activeName === from) this.activeName = to;
    if (this.tabs[0] === tab) this.example = null;
    this.render();
    this.onSwitch();
  }

  /** Marks the tabs whose text differs from the example's (the script's edited mark). */
  render(): void {
    const edited = this.example !== null && !this.isPristineExample();
    const buttons = this.tabs.map((t, i) => {
      const b = document.createElement("button");
      b.className = "file-tab";
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(t.name === this.activeName));
      b.dataset.name = t.name;
      b.title = i === 0 ? "The script that runs (double-click to rename)" : `A module: import ${t.name.replace(/\.py$/, "")} (double-click to rename)`;
      const label = document.createElement("span");
      label.textContent = t.name;
      if (i === 0) {
        label.id = "filename";
        if (edited) b.classList.add("edited");
      }
      b.append(label);
      if (i > 0) {
        const close = document.createElement("span");
        close.className = "close";
        close.dataset.close = t.name;
        close.title = `Remove ${t.name}`;
        close.textContent = "×";
        b.append(close);
      }
      return b;
    });
    this.tabsEl.replaceChildren(...buttons);
  }

  /** The URL fragment that holds the program (an unedited example by its name). */
  async hash(): Promise<string> {
    if (this.isPristineExample()) return `#example=${encodeURIComponent(this.example!.name.replace(/\.py$/, ""))}`;
    return encodeShare(this.files());
  }

  saveLocal(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ files: this.files(), active: this.activeName, example: this.example?.name ?? null }));
    } catch {
      /* storage full or refused: the URL still holds the program */
    }
  }
}

/** The program kept in local storage by the last visit, if any. */
export function loadLocal(): { files: ProgramFile[]; active?: string; example: string | null } | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as { files?: unknown; active?: unknown; example?: unknown } | null;
    const files = Array.isArray(saved?.files) ? saved.files.filter((f: ProgramFile) => f && typeof f.source === "string" && validFileName(f.name)) : [];
    if (!files.length) return null;
    return {
      files,
      active: typeof saved!.active === "string" ? saved!.active : undefined,
      example: typeof saved!.example === "string" ? saved!.example : null,
    };
  } catch {
    return null;
  }
}
