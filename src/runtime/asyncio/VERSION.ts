// The CPython version whose asyncio this package reproduces (design.md §1). Pinned in one place.
// Legacy APIs removed in 3.11+ (@asyncio.coroutine, asyncio.wait() on bare coroutines,
// get_event_loop() creating a loop) behave as in CPython 3.10.
export const CPYTHON_VERSION = "3.12";
export const LEGACY_VERSION = "3.10";
