# Source: https://github.com/noggame/speechAPI_tester/blob/HEAD/modules/DesignPattern/Singleton.py (a singleton metaclass calling super(MetaSingleton, cls).__call__)
# Changed: a driver added (a config holder shared by tasks, and a second class with its own instance)
import asyncio


class MetaSingleton(type):
    _instances = {}

    def __call__(cls, *args, **kwds):
        if cls not in cls._instances:
            cls._instances[cls] = super(MetaSingleton, cls).__call__(*args, **kwds)

        # return super().__call__(*args, **kwds)
        return cls._instances[cls]


class Config(metaclass=MetaSingleton):
    def __init__(self, lang="en"):
        self.lang = lang
        self.hits = []


class Logger(metaclass=MetaSingleton):
    def __init__(self):
        self.lines = []


async def recognise(i):
    cfg = Config(lang="ko")
    cfg.hits.append(i)
    await asyncio.sleep(0.001 * (3 - i))
    Logger().lines.append(f"done {i} ({cfg.lang})")


async def main():
    await asyncio.gather(*(recognise(i) for i in range(3)))
    print(Config().hits, Config().lang, Logger().lines)
    print(type(Config).__name__, Config() is Config(), Logger() is Config())


asyncio.run(main())
