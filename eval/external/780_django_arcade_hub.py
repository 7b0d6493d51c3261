# Source: https://github.com/kfields/django-arcade/blob/HEAD/server/hub/__init__.py (a game server's message Hub: subscribers with asyncio.Queues, send() firing publish() as a task that awaits each subscriber's send(), which the original Subscriber defines as a plain method)
# Changed: `from loguru import logger` is replaced by a stand-in printing "DEBUG | message" on stdout (loguru's format has a time stamp and goes to stderr); a driver below subscribes a queue-backed subscriber subclass and one original Subscriber, sends two events, and awaits the publish tasks (found with asyncio.all_tasks()): the original's `await subscriber.send(msg)` awaits None, a TypeError
import asyncio


# Changed: stand-in for loguru's logger.
class _Logger:
    def debug(self, message):
        print(f"DEBUG | {message}")


logger = _Logger()

class Message:
    pass


class Event(Message):
    def __init__(self, id):
        self.id = id


class Subscriber:
    def __init__(self):
        self.queue = asyncio.Queue()
        self.active = True

    def send(self, msg):
        logger.debug(f'Subscriber:send: {msg}')

    async def receive(self):
        await self.queue.get()

class Hub:
    def __init__(self):
        self.subscribers = []

    def subscribe(self, subscriber):
        self.subscribers.append(subscriber)

    async def send(self, msg):
        logger.debug(f'Hub:send: {msg}')
        asyncio.create_task(self.publish(msg))

    async def publish(self, msg):
        logger.debug(f'Hub:publish: {msg}')
        for subscriber in self.subscribers:
            await subscriber.send(msg)


# Changed: the driver.
class GameEvent(Event):
    def __repr__(self):
        return f"GameEvent({self.id})"


class QueueSubscriber(Subscriber):
    async def send(self, msg):
        logger.debug(f"QueueSubscriber:send: {msg}")
        await self.queue.put(msg)


async def main():
    hub = Hub()
    first = QueueSubscriber()
    hub.subscribe(first)
    await hub.send(GameEvent(1))
    await hub.send(GameEvent(2))
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print(len(pending), "publish tasks pending")
    await asyncio.gather(*pending)
    print("queued:", first.queue.qsize(), [first.queue.get_nowait().id for _ in range(2)])

    hub.subscribe(Subscriber())
    await hub.send(GameEvent(3))
    for task in [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]:
        try:
            await task
        except TypeError as e:
            print("TypeError:", e)
    print(first.queue.qsize(), first.active, isinstance(GameEvent(4), Message))
    receiver = asyncio.create_task(first.receive())
    await asyncio.sleep(0)
    print("receive() returned:", receiver.result() if receiver.done() else "still waiting", first.queue.qsize())


asyncio.run(main())
