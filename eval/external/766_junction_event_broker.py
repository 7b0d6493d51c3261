# Source: https://github.com/ZlataShabalina/JunctionHackathon_Team-GitHappens/blob/HEAD/backend/events.py (a hackathon backend's EventBroker: one asyncio.Queue per subscriber, fan-out with put_nowait under a Lock, QueueFull dropped)
# Changed: a driver below (the backend streams these events to web clients): two subscribers reading their queues in tasks, one with a bounded queue that drops events, an unsubscribe, and the module-level broker instance used as the original's importers use it
import asyncio
from typing import AsyncIterator, Dict, Any, List, Optional

class EventBroker:
    def __init__(self) -> None:
        self._subscribers: List[asyncio.Queue] = []
        self._lock = asyncio.Lock()

    async def subscribe(self) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue()
        async with self._lock:
            self._subscribers.append(q)
        return q

    async def unsubscribe(self, q: asyncio.Queue) -> None:
        async with self._lock:
            if q in self._subscribers:
                self._subscribers.remove(q)

    async def publish(self, event: Dict[str, Any]) -> None:
        # fan-out non-blocking
        async with self._lock:
            subs = list(self._subscribers)
        for q in subs:
            try:
                q.put_nowait(event)
            except asyncio.QueueFull:
                # drop if slow consumer
                pass

broker = EventBroker()


# Changed: the driver.
async def listen(name: str, q: asyncio.Queue, seen: list) -> None:
    while True:
        event = await q.get()
        if event.get("type") == "close":
            print(f"{name}: closing after {len(seen)} events")
            return
        seen.append(event["id"])
        print(f"{name}: got {event}")
        await asyncio.sleep(0.01)


async def events(n: int) -> AsyncIterator[Dict[str, Any]]:
    for i in range(n):
        yield {"type": "reading", "id": i, "value": i * 1.5}


async def main() -> None:
    fast = await broker.subscribe()
    slow = await broker.subscribe()
    # The slow client gets a bounded queue in place of its own.
    bounded: asyncio.Queue = asyncio.Queue(maxsize=2)
    broker._subscribers[1] = bounded
    await broker.unsubscribe(slow)  # no longer listed: nothing happens
    seen_fast: list = []
    seen_slow: list = []
    t1 = asyncio.create_task(listen("fast", fast, seen_fast))
    async for event in events(5):
        await broker.publish(event)
    print("queued:", fast.qsize(), bounded.qsize(), bounded.full())
    t2 = asyncio.create_task(listen("slow", bounded, seen_slow))
    await asyncio.sleep(0.1)
    await broker.unsubscribe(bounded)
    await broker.publish({"type": "reading", "id": 99, "value": 0.0})
    await broker.publish({"type": "close"})
    await t1
    t2.cancel()
    results = await asyncio.gather(t2, return_exceptions=True)
    print("fast saw", seen_fast, "slow saw", seen_slow, results)
    print(len(broker._subscribers), "subscriber left")


asyncio.run(main())
