// concurrent.futures.process: `from concurrent.futures.process import ProcessPoolExecutor` (the
// class concurrent.futures itself exports; its __module__ already names this submodule).
export { ProcessPoolExecutor } from "./concurrent_futures.js";
