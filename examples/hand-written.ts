// The runtime used directly from TypeScript: CPython's asyncio semantics, no Python involved.
//   npx tsx examples/hand-written.ts     (prints "b done", "a done", then ['a', 'b'])
import * as asyncio from "tsyncio/runtime/asyncio";
import { print } from "tsyncio/runtime";

const worker = asyncio.coroutine_function(
  function* (name: string, delay: number) {
    yield* asyncio.sleep(delay);
    print(`${name} done`);
    return name;
  },
  { qualname: "worker", filename: "hand-written.ts", firstlineno: 6 },
);

const main = asyncio.coroutine_function(
  function* () {
    const results = yield* asyncio.gather(worker("a", 0.2), worker("b", 0.1));
    print(results);
  },
  { qualname: "main", filename: "hand-written.ts", firstlineno: 15 },
);

asyncio.run(main());
