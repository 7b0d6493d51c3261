// The output pane. The program's output is kept (its last OUTPUT_LIMIT characters) in `model`; the
// pane shows it in blocks of whole lines, so appending and dropping old output lay out a block or
// two. A program that prints without end would still keep the page busy laying out text, so when
// more than APPEND_BUDGET characters arrive between two frames the pane is redrawn at most every
// FLOOD_INTERVAL_MS with only the last FLOOD_VIEW characters; the end of the run draws it all.
//
// At the end of a run, traceback lines (`File "/home/user/x.py", line 7`) and diagnostics
// (`/home/user/x.py:7:3: error ...`) become links that `onLocation` opens in the editor.

const OUTPUT_LIMIT = 400_000;
const APPEND_BUDGET = 32_000;
const FLOOD_VIEW = 16_000;
const FLOOD_INTERVAL_MS = 250;
const BLOCK_CHARS = 8_000;

export class OutputPane {
  private model: [string, string][] = [];
  private modelChars = 0;
  private modelTrimmed = false;
  private fresh: [string, string][] = [];
  private freshChars = 0;
  /** The pane shows all of `model` (not just its tail). */
  private paneComplete = true;
  private flushScheduled = false;
  private outputChars = 0;
  private trimmedMarker: HTMLElement | null = null;
  private readonly blocks: { el: HTMLElement; chars: number; endsLine: boolean }[] = [];

  constructor(
    private readonly pre: HTMLElement,
    /** A source location was clicked: the file's path as the program saw it, and the line. */
    onLocation: (path: string, line: number) => void,
  ) {
    pre.addEventListener("click", (e) => {
      const link = (e.target as HTMLElement).closest?.("a.location") as HTMLAnchorElement | null;
      if (!link) return;
      e.preventDefault();
      onLocation(link.dataset.path!, Number(link.dataset.line));
    });
  }

  /** True when the output so far ends a line (or is empty). */
  endsLine(): boolean {
    const last = this.model[this.model.length - 1];
    return !last || last[1].endsWith("\n");
  }

  append(cls: string, text: string): void {
    if (!text) return;
    const last = this.model[this.model.length - 1];
    if (last && last[0] === cls) last[1] += text;
    else this.model.push([cls, text]);
    this.modelChars += text.length;
    while (this.modelChars > OUTPUT_LIMIT) {
      const first = this.model[0]!;
      const excess = this.modelChars - OUTPUT_LIMIT;
      this.modelTrimmed = true;
      if (first[1].length <= excess) {
        this.model.shift();
        this.modelChars -= first[1].length;
      } else {
        first[1] = first[1].slice(excess);
        this.modelChars -= excess;
      }
    }
    this.fresh.push([cls, text]);
    this.freshChars += text.length;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      if (this.freshChars > APPEND_BUDGET) window.setTimeout(() => this.flush(), FLOOD_INTERVAL_MS);
      else requestAnimationFrame(() => this.flush());
    }
  }

  private addText(cls: string, text: string): void {
    while (text.length > 0) {
      let block = this.blocks[this.blocks.length - 1];
      if (!block || (block.chars >= BLOCK_CHARS && block.endsLine)) {
        const el = document.createElement("div");
        el.className = "block";
        this.pre.append(el);
        block = { el, chars: 0, endsLine: true };
        this.blocks.push(block);
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
      this.outputChars += piece.length;
    }
  }

  /** Redraws the pane from the model: all of it, or its last `limit` characters. */
  private redraw(limit: number): void {
    this.pre.replaceChildren();
    this.blocks.length = 0;
    this.outputChars = 0;
    this.trimmedMarker = null;
    let start = this.model.length;
    let total = 0;
    while (start > 0 && total < limit) total += this.model[--start]![1].length;
    if (this.modelTrimmed || start > 0 || total > limit) this.markTrimmed();
    for (let i = start; i < this.model.length; i++) {
      const [cls, text] = this.model[i]!;
      this.addText(cls, i === start && total > limit ? text.slice(total - limit) : text);
    }
    this.paneComplete = limit >= OUTPUT_LIMIT;
  }

  /** Brings the pane up to date (`final`: the run is over, show everything kept, with links). */
  flush(final = false): void {
    this.flushScheduled = false;
    if (this.freshChars === 0 && (this.paneComplete || !final)) {
      if (final) this.linkLocations();
      return;
    }
    const pre = this.pre;
    const atBottom = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
    if (this.paneComplete && this.freshChars <= APPEND_BUDGET) {
      for (const [cls, text] of this.fresh) this.addText(cls, text);
      while (this.outputChars > OUTPUT_LIMIT && this.blocks.length > 1) {
        const first = this.blocks.shift()!;
        first.el.remove();
        this.outputChars -= first.chars;
        this.markTrimmed();
      }
    } else {
      this.redraw(final ? OUTPUT_LIMIT : FLOOD_VIEW);
    }
    this.fresh = [];
    this.freshChars = 0;
    if (final) this.linkLocations();
    if (atBottom || !final) pre.scrollTop = pre.scrollHeight;
  }

  private markTrimmed(): void {
    if (this.trimmedMarker) return;
    this.trimmedMarker = document.createElement("div");
    this.trimmedMarker.className = "meta";
    this.trimmedMarker.textContent = "[… earlier output dropped …]";
    this.pre.prepend(this.trimmedMarker);
  }

  clear(): void {
    this.model = [];
    this.modelChars = 0;
    this.modelTrimmed = false;
    this.fresh = [];
    this.freshChars = 0;
    this.paneComplete = true;
    this.pre.replaceChildren();
    this.blocks.length = 0;
    this.outputChars = 0;
    this.trimmedMarker = null;
  }

  /** Turns the locations in the stderr text into links (the text itself stays the same). */
  private linkLocations(): void {
    for (const span of this.pre.querySelectorAll<HTMLElement>("span.stderr")) {
      const text = span.textContent ?? "";
      LOCATION.lastIndex = 0;
      if (!LOCATION.test(text)) continue;
      LOCATION.lastIndex = 0;
      const parts: Node[] = [];
      let at = 0;
      for (let m = LOCATION.exec(text); m; m = LOCATION.exec(text)) {
        const path = m[1] ?? m[3]!;
        const line = m[2] ?? m[4]!;
        if (m.index > at) parts.push(document.createTextNode(text.slice(at, m.index)));
        const a = document.createElement("a");
        a.className = "location";
        a.href = "#";
        a.dataset.path = path;
        a.dataset.line = line;
        a.title = `Show line ${line} of ${path.slice(path.lastIndexOf("/") + 1)}`;
        a.textContent = m[0];
        parts.push(a);
        at = m.index + m[0].length;
      }
      if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
      span.replaceChildren(...parts);
    }
  }
}

/** `File "PATH", line N` (a traceback, a SyntaxError) or `PATH:N:C:` at a line's start (a diagnostic). */
const LOCATION = /File "([^"\n]+\.py)", line (\d+)|^([^\s:"]+\.py):(\d+):\d+/gm;
