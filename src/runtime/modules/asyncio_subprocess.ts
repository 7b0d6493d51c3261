// asyncio.subprocess: `import asyncio.subprocess`, `from asyncio.subprocess import PIPE, Process`.
export { PIPE, STDOUT, DEVNULL, Process, SubprocessStreamProtocol, create_subprocess_exec, create_subprocess_shell } from "../asyncio/subprocess.js";
