# Source: https://github.com/bamhm182/SynackAPI/blob/HEAD/src/synack/plugins/base.py (plugins registered by __init_subclass__ in a class-level dict)
# Changed: a driver added (three async plugins sharing a state object, built from the registry)
import asyncio


class Plugin:
    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registry[cls.__name__] = cls

    def __init__(self, state, **kwargs):
        self.state = state


class Auth(Plugin):
    async def login(self):
        await asyncio.sleep(0.01)
        self.state["token"] = "t0k3n"
        return "logged in"


class Targets(Plugin):
    async def list(self):
        await asyncio.sleep(0.005)
        return ["a", "b"] if self.state.get("token") else []


class Missions(Targets):
    pass


async def main():
    state = {}
    plugins = {name: cls(state) for name, cls in Plugin.registry.items()}
    print(sorted(plugins))
    print(await plugins["Auth"].login())
    print(await asyncio.gather(plugins["Targets"].list(), plugins["Missions"].list()))
    print(Missions.registry is Plugin.registry, state)


asyncio.run(main())
