# Source: https://github.com/darksv/Dashboard/blob/HEAD/bus.py (a Bus whose on(event) decorator registers listeners in a defaultdict(set); emit() logs a failing listener with logger.exception)
# Changed: a driver added (one listener per event, since a set of functions iterates in address order; one listener fails)
import logging
from collections import defaultdict


logger = logging.getLogger(__name__)


class Bus:
    def __init__(self):
        self._listeners = defaultdict(set)

    async def emit(self, event, data=None):
        for listener in self._listeners[event]:
            try:
                await listener(event, data)
            except Exception as e:
                logger.exception(e)

    def on(self, event):
        def wrapper(fn):
            self._listeners[event].add(fn)
            return fn
        return wrapper


import asyncio

bus = Bus()


@bus.on("temperature")
async def show(event, data):
    print(f"{event}: {data['value']:.1f} C")


@bus.on("broken")
async def fail(event, data):
    raise KeyError(data)


async def main():
    await bus.emit("temperature", {"value": 21.456})
    await bus.emit("nobody")
    print(sorted(bus._listeners), show.__name__)
    await bus.emit("broken", "sensor-7")


asyncio.run(main())
