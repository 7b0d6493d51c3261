# Source: https://github.com/tillsc/perp_finish_cam/blob/HEAD/finishcam/pubsub.py (a Hub that fans messages out to subscriber queues, publish_threadsafe through call_soon_threadsafe, a Subscription context manager adding and removing its queue)
# Changed: added a driver: two subscribers read in tasks, a worker thread publishes through publish_threadsafe and main() joins it (blocking the loop, so its three messages are handled in one turn of the loop), the loop publishes directly, debug logging goes to stdout without times; subscriptions are kept in a dict used as an ordered set (not a set), so the fan-out order does not depend on object addresses
import asyncio
import logging
import sys
import threading


class Hub:
    def __init__(self):
        self.subscriptions = {}
        self._loop = asyncio.get_running_loop()

    def publish(self, message, data=None):
        logging.debug("New Message: %s", message)
        for queue in self.subscriptions:
            queue.put_nowait((message, data))

    def publish_threadsafe(self, message, data=None):
        self._loop.call_soon_threadsafe(self.publish, message, data)


class Subscription:
    def __init__(self, hub):
        self.hub = hub
        self.queue = asyncio.Queue()

    def __enter__(self):
        self.hub.subscriptions[self.queue] = None
        return self.queue

    def __exit__(self, type, value, traceback):
        del self.hub.subscriptions[self.queue]


async def listen(name, hub, ready, count):
    with Subscription(hub) as queue:
        ready.set()
        for _ in range(count):
            message, data = await queue.get()
            print(f"{name} got {message!r} {data!r}")
    print(f"{name} unsubscribed, {len(hub.subscriptions)} left")


def camera(hub, frames):
    for i in range(frames):
        hub.publish_threadsafe("frame", {"index": i, "thread": threading.current_thread().name})


async def main():
    logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)s:%(threadName)s:%(message)s")
    hub = Hub()
    ready_a, ready_b = asyncio.Event(), asyncio.Event()
    a = asyncio.create_task(listen("a", hub, ready_a, 4))
    b = asyncio.create_task(listen("b", hub, ready_b, 2))
    await ready_a.wait()
    await ready_b.wait()
    hub.publish("start")
    thread = threading.Thread(target=camera, args=(hub, 3), name="camera")
    thread.start()
    thread.join()  # blocks the loop: the three messages wait in its queue of callbacks
    await asyncio.gather(a, b)
    hub.publish("nobody listens")
    print("subscriptions", hub.subscriptions)


asyncio.run(main())
