// concurrent.futures.process: `from concurrent.futures.process import ProcessPoolExecutor` (the
// class concurrent.futures itself exports; its __module__ already names this submodule).
import { noteModuleNamespace } from "../builtins/module-files.js";
// (its own namespace, which `import concurrent.futures.process` binds: a module object as a value)
import * as thisModule from "./concurrent_futures_process.js";
noteModuleNamespace(thisModule, "concurrent.futures.process");
export { ProcessPoolExecutor } from "./concurrent_futures.js";
