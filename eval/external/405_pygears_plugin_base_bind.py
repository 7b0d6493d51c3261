# Source: https://github.com/bogdanvuk/pygears/blob/HEAD/pygears/registry.py (PluginBase: __init_subclass__ appends the class and calls its bind() classmethod)
# Changed: a driver added (plugins binding async hooks into the registry, run by the event loop)
import asyncio


class PluginBase:
    subclasses = []
    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.subclasses.append(cls)
        cls.bind()

    @classmethod
    def clear(cls):
        cls.subclasses.clear()
        cls.registry.clear()

    @classmethod
    def bind(cls):
        pass


def registry(key):
    return PluginBase.registry[key]


def bind(key, val):
    PluginBase.registry[key] = val


class SimPlugin(PluginBase):
    @classmethod
    def bind(cls):
        bind("sim/timeout", 0.01)
        bind("sim/hooks", [])


class TracePlugin(SimPlugin):
    @classmethod
    def bind(cls):
        super().bind()

        async def trace(name):
            await asyncio.sleep(registry("sim/timeout"))
            return f"traced {name}"

        registry("sim/hooks").append(trace)


async def main():
    print([c.__name__ for c in PluginBase.subclasses], sorted(PluginBase.registry))
    print(await asyncio.gather(*(h(n) for h in registry("sim/hooks") for n in ("a", "b"))))
    PluginBase.clear()
    print(PluginBase.subclasses, PluginBase.registry)


asyncio.run(main())
