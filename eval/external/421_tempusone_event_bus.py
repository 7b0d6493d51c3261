# Source: https://github.com/zuongthaotn/TempusOnePs/blob/HEAD/core/event_bus.py (a module-level EventBus instance: subscribe() appends callbacks, publish() awaits them in order)
# Changed: a driver added (a trading-style tick feed: two strategies subscribed, one event with no subscriber)
import asyncio
from collections import defaultdict

class EventBus:
    def __init__(self):
        self.subscribers = defaultdict(list)

    def subscribe(self, event_name, callback):
        self.subscribers[event_name].append(callback)

    async def publish(self, event_name, data=None):
        if event_name not in self.subscribers:
            return
        for callback in self.subscribers[event_name]:
            await callback(data)

event_bus = EventBus()


class Strategy:
    def __init__(self, name, threshold):
        self.name = name
        self.threshold = threshold
        self.orders = []

    async def on_tick(self, tick):
        await asyncio.sleep(0)
        if tick["price"] > self.threshold:
            self.orders.append(("sell", tick["price"]))
            await event_bus.publish("order", (self.name, tick))


async def log_order(data):
    name, tick = data
    print(f"order from {name} at {tick['price']}")


async def main():
    a, b = Strategy("mean", 101), Strategy("trend", 103)
    event_bus.subscribe("tick", a.on_tick)
    event_bus.subscribe("tick", b.on_tick)
    event_bus.subscribe("order", log_order)
    for price in (100, 102, 104):
        await event_bus.publish("tick", {"price": price})
    await event_bus.publish("close")
    print(a.orders, b.orders, dict(event_bus.subscribers).keys())


asyncio.run(main())
