// What the host tells the runtime about the program: its folder (for `__file__`), the dotted name of
// each of its files, and where the program is now (its line, its frames). The program's glue
// (program.ts) re-exports these; the importer and asyncio read them from here, below program.ts.

let programDir = "";

/** Set by the host before the program runs: the folder of the main script. */
export function set_program_dir(dir: string): void {
  programDir = dir.replace(/\/+$/, "");
}

/** `__file__` of a module: its file name resolved against the program's folder, as CPython 3.9+ makes it absolute. */
export function script_path(name: string): string {
  if (name.startsWith("/") || !programDir) return name;
  return `${programDir}/${name}`;
}

/** Where the program is now (file and Python line), for warnings CPython attributes to the caller. */
/** The innermost program frame: its file, line and function name (co_name: `run`, `<module>`). */
export interface PyLocation {
  filename: string;
  lineno: number;
  name?: string;
}
let locate: (() => PyLocation | null) | null = null;

export function set_location_provider(fn: typeof locate): void {
  locate = fn;
}

/** One frame of the translated program: its file, line, function and module (`__main__` for the script). */
export interface PyFrameInfo {
  filename: string;
  lineno: number;
  name: string;
  module: string;
}
let frames: (() => PyFrameInfo[]) | null = null;

export function set_frames_provider(fn: typeof frames): void {
  frames = fn;
}

let moduleNames = new Map<string, string>();

export function set_module_files(names: Map<string, string>): void {
  moduleNames = names;
}

/** The dotted name of the program's module in `filename` (CPython's `__name__`; the script is `__main__`). */
export function module_for_file(filename: string): string {
  return moduleNames.get(filename) ?? filename.replace(/^.*\//, "").replace(/\.py$/, "");
}

/** The translated program's frames on the stack now, outermost first (empty if the host cannot tell). */
export function current_frames(): PyFrameInfo[] {
  return frames ? frames() : [];
}

/** The innermost line of the translated program on the stack, if the host can tell. */
export function current_location(): PyLocation | null {
  return locate ? locate() : null;
}

/**
 * The qualified names of a file's nested plain defs, by their def line (the compiler's table for
 * the main script): a plain JS function has no __qualname__ of its own, and a callback's repr names
 * one as CPython does (`outer.<locals>.inner`).
 */
const qualnames = new Map<string, Map<number, string>>();

export function set_qualnames(filename: string, table: Record<string, string>): void {
  qualnames.set(filename, new Map(Object.entries(table).map(([line, name]) => [Number(line), name])));
}

export function qualname_at(filename: string, line: number): string | undefined {
  return qualnames.get(filename)?.get(line);
}
