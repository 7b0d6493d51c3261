// The link between the Python source and its translations: a TypeScript or JavaScript line the
// pointer is on (or the cursor is in) lights up the Python line it came from (the compiler's line
// map, transpile().map / compileToJs().lineMap), and a location (a traceback line, a diagnostic)
// opens the Python line.

import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";

/** Sets the highlighted Python line (1-based), or none. */
const setLinkedLine = StateEffect.define<number | null>();

const linkedLineMark = Decoration.line({ class: "cm-linked-line" });

/** The Python editor's half: the highlighted line, as a line decoration. */
export const linkedLineField: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setLinkedLine)) continue;
      const line = e.value;
      marks = line !== null && line >= 1 && line <= tr.state.doc.lines ? Decoration.set([linkedLineMark.range(tr.state.doc.line(line).from)]) : Decoration.none;
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function highlightPythonLine(view: EditorView, line: number | null): void {
  view.dispatch({ effects: [setLinkedLine.of(line)] });
  if (line !== null && line >= 1 && line <= view.state.doc.lines) {
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }) });
  }
}

/** Puts the cursor at the start of a Python line's code and shows it. */
export function jumpToLine(view: EditorView, line: number): void {
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  const indent = /^\s*/.exec(l.text)![0].length;
  view.dispatch({ selection: { anchor: l.from + indent }, effects: [EditorView.scrollIntoView(l.from, { y: "center" }), setLinkedLine.of(l.number)] });
  view.focus();
}

/**
 * The translation's half: calls `onLine` with the translation's 1-based line under the pointer or
 * at the cursor (null when the pointer leaves and the cursor is not in it).
 */
export function translationLineWatcher(onLine: (line: number | null) => void): Extension {
  let pointerLine: number | null = null;
  let cursorLine: number | null = null;
  const report = () => onLine(pointerLine ?? cursorLine);
  return [
    EditorView.domEventHandlers({
      mousemove(e, view) {
        const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
        const line = pos === null ? null : view.state.doc.lineAt(pos).number;
        if (line !== pointerLine) {
          pointerLine = line;
          report();
        }
      },
      mouseleave() {
        pointerLine = null;
        report();
      },
    }),
    EditorView.updateListener.of((u) => {
      if (!u.selectionSet && !u.focusChanged && !u.docChanged) return;
      cursorLine = u.view.hasFocus ? u.state.doc.lineAt(u.state.selection.main.head).number : null;
      report();
    }),
  ];
}
