// inspect.currentframe() and inspect.stack(): the program's own frames on the stack now (what
// traceback.extract_stack() sees), as frame objects linked by f_back, and FrameInfo tuples
// (frame, filename, lineno, function, code_context, index) with their positions. Frames of
// CPython's own library (asyncio's event loop under a task) are not among them.
// CPython: Lib/inspect.py (documented behaviour).
import { PyList } from "../builtins/collections.js";
import { kw } from "../builtins/object.js";
import { repr } from "../builtins/repr.js";
import { _source_line } from "../asyncio/_warnings.js";
import { namedtuple } from "./collections.js";
import { structseq } from "./_structseq.js";
import { _current_frames } from "./traceback.js";
import { _stack_frame_chain, type FrameType, type FrameRecord } from "./_traceback_objects.js";

const Positions = namedtuple("Positions", "lineno end_lineno col_offset end_col_offset", kw({ module: "dis" }));
// A tuple of six, with `positions` an attribute only (as CPython's FrameInfo).
const FrameInfoBase = structseq("FrameInfo", ["frame", "filename", "lineno", "function", "code_context", "index", "positions"], 6);

export class FrameInfo extends (FrameInfoBase as unknown as new (values: unknown[]) => unknown[]) {
  declare positions: unknown;
  __repr__(): string {
    const names = ["frame", "filename", "lineno", "function", "code_context", "index"];
    const fields = names.map((n, i) => `${n}=${repr(this[i])}`);
    return `FrameInfo(${fields.join(", ")}, positions=${repr(this.positions)})`;
  }
  static __module__ = "inspect";
}

/** The frames below this call, outermost first (the innermost is the program's line that called inspect). */
function records(): FrameRecord[] {
  return _current_frames();
}

export function currentframe(): FrameType | null {
  const recs = records();
  const frame = _stack_frame_chain(recs);
  // The caller's frame is still running: its f_lineno is the line it is at when read, found again
  // on the stack at the same depth (a snapshot once that function has returned).
  if (frame !== null) {
    const depth = recs.length - 1;
    const snapshot = frame.f_lineno;
    Object.defineProperty(frame, "f_lineno", {
      get(): bigint {
        const now = records();
        const r = now[depth];
        return r !== undefined && now.length === depth + 1 && r.name === frame.f_code.co_name ? BigInt(r.line) : snapshot;
      },
      configurable: true,
    });
  }
  return frame;
}

/** inspect.stack(context=1): a FrameInfo per frame, innermost first. */
export function stack(context: unknown = 1n): PyList<unknown> {
  const recs = records();
  const frames: FrameType[] = [];
  for (let f: FrameType | null = _stack_frame_chain(recs); f !== null; f = (f as { f_back?: FrameType | null }).f_back ?? null) frames.push(f);
  const infos = recs
    .slice()
    .reverse()
    .map((r, i) => {
      const line = context === null ? null : _source_line(r.path, r.line);
      const code = line === null ? null : PyList.fromArray([line.endsWith("\n") ? line : `${line}\n`]);
      const p = r.positions;
      const positions = p ? new Positions(BigInt(p[0]), BigInt(p[2]), BigInt(p[1]), BigInt(p[3])) : new Positions(BigInt(r.line), BigInt(r.line), null, null);
      return new FrameInfo([frames[i], r.path, BigInt(r.line), r.name, code, code === null ? null : 0n, positions]);
    });
  return PyList.fromArray<unknown>(infos);
}
