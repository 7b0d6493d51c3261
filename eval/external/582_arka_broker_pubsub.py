# Source: https://github.com/trstovall/arka/blob/HEAD/arka/broker.py (an event broker: subscribers register a queue per event class, pub() puts the event with put_nowait and skips full queues; the module docstring's example with two subscribers and match on the event's class)
# Changed: the broker's classes and its docstring's example in one program (the block-typed event classes left out); sub() keeps the queues in a dict used as an ordered set instead of a set, so the delivery order does not depend on object addresses; the publisher also publishes six more events to a subscriber with a bounded queue (QueueFull skipped) and finally None; the addresses are only strings
import asyncio
from typing import Literal


Address = tuple[str, int]


class AbstractBroker(object):
    pass


class AbstractBrokerEvent(object):
    pass


class PeerConnected(AbstractBrokerEvent):

    def __init__(self, addr: Address):
        self.addr = addr


class PeerDisconnected(AbstractBrokerEvent):

    def __init__(self, addr: Address):
        self.addr = addr


class PeerBlocksRequested(AbstractBrokerEvent):

    def __init__(self, addr: Address, ids: set[int], mode: Literal['HEADER', 'SUMMARY', 'BLOCK']):
        self.addr = addr
        self.ids = ids
        self.mode = mode


class Broker(AbstractBroker):

    def __init__(self):
        self.subs: dict[type[AbstractBrokerEvent], dict[asyncio.Queue, None]] = {}
        self._empty = {}

    def sub(self, event: type[AbstractBrokerEvent], queue: asyncio.Queue):
        self.subs.setdefault(event, {})[queue] = None

    def unsub(self, event: type[AbstractBrokerEvent], queue: asyncio.Queue):
        self.subs.setdefault(event, {}).pop(queue, None)

    def pub(self, event: AbstractBrokerEvent):
        x: list[asyncio.Queue] = list(self.subs.get(type(event), self._empty))
        for q in x:
            try:
                q.put_nowait(event)
            except asyncio.QueueFull:
                # If the queue is full, we skip this subscriber
                print("queue full, skipped", type(event).__name__)
                continue


async def subscriber(name: str, broker: Broker):
    queue = asyncio.Queue(maxsize=5)
    broker.sub(PeerConnected, queue)
    broker.sub(PeerDisconnected, queue)
    broker.sub(PeerBlocksRequested, queue)
    broker.sub(type(None), queue)
    while True:
        event = await queue.get()
        match event:
            case PeerConnected() | PeerDisconnected():
                print(f"Subscriber {name} received event:  {type(event)} {event.addr}")
            case PeerBlocksRequested(mode="HEADER"):
                print(f"Subscriber {name} headers {sorted(event.ids)} for {event.addr}")
            case None:
                break
    print(f"Subscriber {name} done")


async def publisher(broker: Broker):
    await asyncio.sleep(1)
    broker.pub(PeerConnected(("127.0.0.1", 8080)))
    await asyncio.sleep(1)
    broker.pub(PeerDisconnected(("192.168.1.1", 9999)))
    await asyncio.sleep(1)
    for i in range(6):
        broker.pub(PeerBlocksRequested(("10.0.0.1", 1000 + i), {i, i + 1}, 'HEADER'))
    broker.pub(None)
    await asyncio.sleep(1)
    broker.pub(None)


async def main():
    broker = Broker()
    # Start two subscribers
    a = asyncio.create_task(subscriber("A", broker))
    b = asyncio.create_task(subscriber("B", broker))
    # Start publisher
    await publisher(broker)
    await asyncio.gather(a, b)
    print({k.__name__: len(v) for k, v in broker.subs.items()})

if __name__ == "__main__":
    asyncio.run(main())
