# Source: https://github.com/kofu145/Oshi/blob/HEAD/streams.py (a Discord bot's PubSub: each publish() resolves the current future with (value, next future), and subscribers are async generators walking that chain; `__aiter__ = subscribe` makes the object itself async-iterable)
# Changed: the module is inlined; PUBSUB is made inside main() so its futures belong to the running loop (a PubSub() made at import time, as in the original, is kept before asyncio.run(): 3.12 warns "There is no current event loop"); a driver below runs two subscribers, one through `async for` on the object, one through subscribe(), publishes five values and closes them
import asyncio


class Stream:
    def __init__(self):
        self.waiter = asyncio.Future()

class PubSub:
    def __init__(self):
        self.waiter = asyncio.Future()

    def publish(self, value):
        waiter, self.waiter = self.waiter, asyncio.Future()
        waiter.set_result((value, self.waiter))

    async def subscribe(self):
        waiter = self.waiter
        while True:
            value, waiter = await waiter
            yield value

    __aiter__ = subscribe


async def reader(name, source, count, out):
    seen = 0
    async for value in source:
        out.append((name, value))
        print(f"{name} got {value!r}")
        seen += 1
        if seen == count:
            break
    print(f"{name} done")


async def main():
    global PUBSUB
    PUBSUB = PubSub()
    print(type(PUBSUB.waiter).__name__, PUBSUB.waiter.done())
    out = []
    r1 = asyncio.create_task(reader("a", PUBSUB, 5, out))
    agen = PUBSUB.subscribe()
    r2 = asyncio.create_task(reader("b", agen, 3, out))
    await asyncio.sleep(0)
    for value in ["hello", 42, None, ("x", 1), "bye"]:
        PUBSUB.publish(value)
        await asyncio.sleep(0)
    await asyncio.gather(r1, r2)
    print(len(out), "deliveries")
    print(type(agen).__name__, agen.__name__, agen.__qualname__)
    await agen.aclose()
    late = PUBSUB.subscribe()
    t = asyncio.create_task(anext(late))
    await asyncio.sleep(0)
    PUBSUB.publish("late")
    print(await t)
    try:
        s = Stream()
        print(s.waiter.get_loop() is asyncio.get_running_loop())
    except RuntimeError as e:
        print("Stream:", e)


try:
    PubSub()
except RuntimeError as e:
    print("outside a loop:", e)
asyncio.run(main())
