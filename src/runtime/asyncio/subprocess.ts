// Subprocesses: not available in tsyncio. CPython: Lib/asyncio/subprocess.py.
import { unsupported } from "./_unsupported.js";

export const PIPE = -1n;
export const STDOUT = -2n;
export const DEVNULL = -3n;
export const create_subprocess_exec = unsupported("asyncio.create_subprocess_exec()", "no subprocesses");
export const create_subprocess_shell = unsupported("asyncio.create_subprocess_shell()", "no subprocesses");
