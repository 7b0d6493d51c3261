// concurrent.futures.thread: `from concurrent.futures.thread import ThreadPoolExecutor` (the class
// concurrent.futures itself exports; its __module__ already names this submodule).
import { noteModuleNamespace } from "../builtins/module-files.js";
// (its own namespace, which `import concurrent.futures.thread` binds: a module object as a value)
import * as thisModule from "./concurrent_futures_thread.js";
noteModuleNamespace(thisModule, "concurrent.futures.thread");
export { ThreadPoolExecutor } from "./concurrent_futures.js";
