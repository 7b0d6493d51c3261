// concurrent.futures.thread: `from concurrent.futures.thread import ThreadPoolExecutor` (the class
// concurrent.futures itself exports; its __module__ already names this submodule).
export { ThreadPoolExecutor } from "./concurrent_futures.js";
