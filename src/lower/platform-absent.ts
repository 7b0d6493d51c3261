// Names of standard modules that CPython on Linux does not have: Windows-only ones, and every
// public name that is not in CPython 3.12's module at all (a newer Python's, behind `hasattr` or
// `sys.version_info`; a typo). A program names them in a branch that never runs there or meets
// AttributeError/ImportError when it does. Such a name is looked up when the line runs
// (absent_module_attribute, or the in-function import's ImportError) instead of being refused
// at compile time (TSY3004), which stays for names tsyncio's runtime lacks but CPython has
// (cpython-names.ts lists those; a private name is refused too: that list leaves them out).
import { CPYTHON_ONLY_NAMES } from "./cpython-names.js";

const WINDOWS_ONLY: Record<string, ReadonlySet<string>> = {
  asyncio: new Set(["ProactorEventLoop", "IocpProactor", "WindowsSelectorEventLoopPolicy", "WindowsProactorEventLoopPolicy"]),
  signal: new Set(["CTRL_C_EVENT", "CTRL_BREAK_EVENT"]),
  os: new Set(["startfile", "get_handle_inheritable", "set_handle_inheritable", "O_BINARY", "O_NOINHERIT", "O_TEMPORARY", "O_TEXT"]),
  subprocess: new Set([
    "STARTUPINFO",
    "STARTF_USESHOWWINDOW",
    "STARTF_USESTDHANDLES",
    "SW_HIDE",
    "STD_INPUT_HANDLE",
    "STD_OUTPUT_HANDLE",
    "STD_ERROR_HANDLE",
    "CREATE_NEW_CONSOLE",
    "CREATE_NEW_PROCESS_GROUP",
    "CREATE_NO_WINDOW",
    "DETACHED_PROCESS",
    "CREATE_DEFAULT_ERROR_MODE",
    "CREATE_BREAKAWAY_FROM_JOB",
    "ABOVE_NORMAL_PRIORITY_CLASS",
    "BELOW_NORMAL_PRIORITY_CLASS",
    "HIGH_PRIORITY_CLASS",
    "IDLE_PRIORITY_CLASS",
    "NORMAL_PRIORITY_CLASS",
    "REALTIME_PRIORITY_CLASS",
  ]),
};

const cpythonOnly = new Map<string, ReadonlySet<string>>();

/** True when CPython 3.12 on Linux has no `module.name` either (asked of a name the runtime lacks). */
export function absentInCPython(module: string, name: string): boolean {
  if (WINDOWS_ONLY[module]?.has(name)) return true;
  const listed = CPYTHON_ONLY_NAMES[module];
  if (listed === undefined || name.startsWith("_")) return false;
  let names = cpythonOnly.get(module);
  if (names === undefined) cpythonOnly.set(module, (names = new Set(listed.split(" "))));
  return !names.has(name);
}

/**
 * Standard modules CPython on Linux lacks (Windows-only) and the error importing one raises there:
 * asyncio's Windows modules raise ImportError("win32 only") themselves, the others are not found.
 * Programs import them in a branch taken only on Windows (`if sys.platform == "win32":`, a
 * `--iocp` option), so the import fails when its line runs, as there, instead of at compile time.
 */
const WINDOWS_ONLY_MODULES: Record<string, "win32 only" | "not found"> = {
  "asyncio.windows_events": "win32 only",
  "asyncio.windows_utils": "win32 only",
  msvcrt: "not found",
  winreg: "not found",
  winsound: "not found",
  _winapi: "not found",
  _overlapped: "not found",
  nt: "not found",
  _msi: "not found",
};

/** How importing `fullName` fails on CPython for Linux, when it is a Windows-only module (or inside one). */
export function windowsOnlyImport(fullName: string): { raise: "import_error"; message: string } | { raise: "module_not_found"; name: string } | undefined {
  const parts = fullName.split(".");
  for (let n = 1; n <= parts.length; n++) {
    const name = parts.slice(0, n).join(".");
    const kind = WINDOWS_ONLY_MODULES[name];
    if (kind === "win32 only") return { raise: "import_error", message: kind };
    if (kind === "not found") return { raise: "module_not_found", name };
  }
  return undefined;
}
