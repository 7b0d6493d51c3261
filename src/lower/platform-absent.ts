// Names of standard modules that CPython has on Windows only: CPython on Linux lacks them as well,
// so a program names them in a branch that never runs there (`if sys.platform == 'win32':`) or
// meets AttributeError/ImportError when it does. Such a name is looked up when the line runs
// (absent_module_attribute, or the in-function import's ImportError) instead of being refused
// at compile time (TSY3004), which stays for names tsyncio's runtime lacks but CPython has.

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

/** True when CPython on Linux has no `module.name` either (a Windows-only name). */
export function absentOnLinux(module: string, name: string): boolean {
  return WINDOWS_ONLY[module]?.has(name) ?? false;
}
