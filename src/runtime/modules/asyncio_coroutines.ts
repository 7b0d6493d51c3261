// asyncio.coroutines: `from asyncio.coroutines import _is_coroutine` (libraries mark a wrapper
// object as a coroutine function with `self._is_coroutine = _is_coroutine`, as async-lru does),
// iscoroutine and iscoroutinefunction.
// CPython: Lib/asyncio/coroutines.py (3.12).
export { iscoroutine, iscoroutinefunction, _is_coroutine_mark as _is_coroutine } from "../asyncio/coroutines.js";
