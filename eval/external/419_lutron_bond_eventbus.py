# Source: https://github.com/heston/lutron-bond/blob/HEAD/lutronbond/eventbus.py (an EventBus over defaultdict(list) of async actions, one bus per name through functools.cache)
# Changed: a driver added (two buses, actions with keyword arguments, a key nobody subscribed to)
from collections import defaultdict
import functools


class EventBus:
    def __init__(self):
        self._bus = defaultdict(list)

    async def pub(self, key, *args, **kwargs):
        if key not in self._bus:
            return

        for action in self._bus[key]:
            await action(*args, **kwargs)

    def sub(self, key, action: callable):
        self._bus[key].append(action)


@functools.cache
def get_bus(name='default'):
    return EventBus()


import asyncio


async def light(level, *, room="hall"):
    await asyncio.sleep(0)
    print(f"light {room} -> {level}%")


async def shade(level, **kwargs):
    print("shade", level, kwargs)


async def main():
    bus = get_bus()
    bus.sub("dimmer", light)
    bus.sub("dimmer", shade)
    get_bus("other").sub("dimmer", shade)
    await get_bus().pub("dimmer", 40, room="kitchen")
    await get_bus("other").pub("dimmer", 5)
    await bus.pub("nothing", 1)
    print(get_bus() is bus, get_bus("other") is bus, get_bus.cache_info())


asyncio.run(main())
