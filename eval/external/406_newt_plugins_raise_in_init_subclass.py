# Source: https://github.com/TheNewtProject/app/blob/HEAD/framework/plugins.py (deprecated plugin bases whose __init_subclass__ registers the class and then raises)
# Changed: newt's NewtDeprecationWarning replaced by a local Warning subclass; a driver added (subclasses defined under try, run_all awaited)
import asyncio


class NewtDeprecationWarning(Warning):
    pass


class Plugin:
    _registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.register()
        raise NewtDeprecationWarning("Plugin")

    def __init__(self):
        raise NewtDeprecationWarning("Plugin")
    
    def run(self, app):
        raise NotImplementedError

    @classmethod
    def register(cls):
        cls._registry.append(cls)

    @classmethod
    def run_all(cls, app):
        for plugin_cls in cls._registry:
            plugin = plugin_cls()
            plugin.run(app)


class AsyncPlugin:
    _registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.register()
        raise NewtDeprecationWarning("AsyncPlugin")

    def __init__(self):
        raise NewtDeprecationWarning("AsyncPlugin")

    async def run(self, app):
        raise NotImplementedError

    @classmethod
    def register(cls):
        cls._registry.append(cls)

    @classmethod
    async def run_all(cls, app):
        tasks = [asyncio.create_task(plugin_cls().run(app)) for plugin_cls in cls._registry]
        await asyncio.gather(*tasks)


try:
    class Hello(AsyncPlugin):
        async def run(self, app):
            print("hello", app)
except NewtDeprecationWarning as e:
    print("deprecated:", e)

print([c.__name__ for c in AsyncPlugin._registry])
try:
    asyncio.run(AsyncPlugin.run_all("app"))
except NewtDeprecationWarning as e:
    print("run_all:", repr(e))
