// asyncio.to_thread(): needs a thread pool; not available in tsyncio. CPython: Lib/asyncio/threads.py.
import { unsupported } from "./_unsupported.js";

export const to_thread = unsupported("asyncio.to_thread()", "no threads");
