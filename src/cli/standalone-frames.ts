// Tracebacks of a translated program run on its own (`tsc && node out.js`) name the .py lines, as
// under `tsyncio run`: a JS stack frame goes through tsc's source map (out.js.map: JS → out.ts) and
// then tsyncio's (out.ts.map, written by `tsyncio FILE.py -o out.ts --source-map`: out.ts → FILE.py,
// with the Python function of each line in `x_python_functions`). Without the two maps, frames are
// left out (the traceback has its header and the exception line only).
//
//   node out.js   at step (file:///w/out.js:41:13)  ─out.js.map▶  out.ts:57  ─out.ts.map▶  File "/w/prog.py", line 12, in step

import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame, FrameSource } from "../runtime/run.js";
import { SpanIndex, frameRange } from "../runtime/traceback-positions.js";

/** One decoded v3 map: per generated line, its segments [column, source, line, column]. */
interface DecodedMap {
  dir: string;
  sources: string[];
  lines: number[][][];
  functions?: string[];
  /** Where the expressions that can raise are (tsyncio's map only: `x_python_spans`). */
  spans?: SpanIndex;
}

const B64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** The `mappings` of a v3 map, absolute values per segment (the format's deltas added up). */
export function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  const state = [0, 0, 0, 0, 0];
  for (const text of mappings.split(";")) {
    const segs: number[][] = [];
    state[0] = 0;
    for (const seg of text.split(",")) {
      if (!seg) continue;
      const values: number[] = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const digit = B64.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          shift = 0;
          value = 0;
        }
      }
      values.forEach((v, i) => (state[i] += v));
      if (values.length >= 4) segs.push(state.slice(0, 4));
    }
    lines.push(segs);
  }
  return lines;
}

const maps = new Map<string, DecodedMap | null>();

/** The map of a generated file (its `//# sourceMappingURL=` or FILE.map), decoded once. */
function mapOf(file: string): DecodedMap | null {
  if (maps.has(file)) return maps.get(file)!;
  let decoded: DecodedMap | null = null;
  try {
    let mapFile = `${file}.map`;
    if (existsSync(file)) {
      const m = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, "utf8"));
      if (m && !m[1].startsWith("data:")) mapFile = resolve(dirname(file), m[1]);
    }
    if (existsSync(mapFile)) {
      const json = JSON.parse(readFileSync(mapFile, "utf8")) as {
        sources: string[];
        sourceRoot?: string;
        mappings: string;
        x_python_functions?: string[];
        x_python_spans?: number[][];
      };
      const dir = resolve(dirname(mapFile), json.sourceRoot ?? "");
      const spans = json.x_python_spans?.map(([line, col, endLine, endCol, ...range]) => ({ line, col, endLine, endCol, range }));
      decoded = {
        dir,
        sources: json.sources.map((s) => resolve(dir, s)),
        lines: decodeMappings(json.mappings),
        functions: json.x_python_functions,
        spans: spans && new SpanIndex(spans),
      };
    }
  } catch {
    decoded = null;
  }
  maps.set(file, decoded);
  return decoded;
}

/** A generated position (1-based line, 1-based column) as its source file, 1-based line and 0-based column. */
function original(map: DecodedMap, line: number, column: number): { file: string; line: number; col: number } | null {
  const segs = map.lines[line - 1];
  if (!segs?.length) return null;
  let best = segs[0];
  for (const s of segs) if (s[0] <= column - 1) best = s;
  // (a column past the segment's start is that far into the source's token)
  const col = best[0] <= column - 1 ? best[3] + (column - 1 - best[0]) : best[3];
  return { file: map.sources[best[1]], line: best[2] + 1, col };
}

/** A JS stack line of the program (`at f (file:///w/out.js:41:13)`) as a Python frame. */
function locate(stackLine: string, attribute = false): Frame | null {
  const m = /\(?((?:file:\/\/)?\/[^\s()]+\.[cm]?js):(\d+):(\d+)\)?$/.exec(stackLine);
  if (!m || m[1].includes("/node_modules/")) return null;
  const js = m[1].startsWith("file://") ? fileURLToPath(m[1]) : m[1];
  const jsMap = mapOf(js);
  const ts = jsMap && original(jsMap, Number(m[2]), Number(m[3]));
  const tsMap = ts && mapOf(ts.file);
  // The TS line's Python line: its first segment (the others map expressions to their columns).
  const py = tsMap && original(tsMap, ts.line, 1);
  if (!py || !tsMap.sources.includes(py.file) || !py.file.endsWith(".py")) return null;
  const frame: Frame = { url: py.file, path: py.file, line: py.line, name: tsMap.functions?.[py.line - 1] || "<module>" };
  // The frame's failing expression, through the TS column: its range, and its line (as CPython's).
  const range = frameRange(tsMap.spans?.find(ts.line, ts.col, attribute) ?? null);
  if (range === "none") return null;
  if (range) Object.assign(frame, { line: range[0], range });
  return frame;
}

const sources = new Map<string, string[] | null>();

export const standaloneFrames: FrameSource = {
  locate,
  isProgram: (line) => locate(line) !== null,
  sourceLine(path, line) {
    if (!sources.has(path)) sources.set(path, existsSync(path) ? readFileSync(path, "utf8").split(/\r\n|\r|\n/) : null);
    return sources.get(path)?.[line - 1];
  },
};
