# Source: https://github.com/bcyal/python-asyncio-actor-system/blob/HEAD/minions/actors/actor.py (bcyal's "minions" asyncio actor system: an Actor whose __call__ puts (message, sender, future) in its inbox Queue, a worker task with wait_for timeouts, statuses as objects compared with `is`, itertools.count names, SimpleNamespace contexts, weakref.proxy parents, functools.partial prepare())
# Source: https://github.com/bcyal/python-asyncio-actor-system/blob/HEAD/minions/actors/supervisor.py and minions/actors/source.py and minions/actors/router.py and minions/actors/custom/routers/round_robin_router.py (Supervisor with exit policies (RESTART, RESUME, SHUTDOWN), Gru as an async context manager with signal handlers, Source, Router, a RoundRobinRouter over itertools.cycle)
# Source: https://github.com/bcyal/python-asyncio-actor-system/blob/HEAD/tests/test_asyncio_actors_actor.py (the project's pytest tests)
# Changed: the package's modules are inlined (imports between them dropped); the 'top' logger writes
# to stdout at INFO (its debug lines print object addresses); pytest is replaced by a small stand-in
# (raises(), mark.asyncio) and a driver that runs each test with asyncio.run in definition order
# and prints its outcome; a RoundRobinRouter over three EchoActors (after playground.py, without its
# falcon web server) is driven at the end
import asyncio
import functools
import inspect
import logging
import signal
import sys
import weakref
from contextlib import suppress
from functools import partial
from itertools import count
from types import SimpleNamespace
import itertools

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


# ------------------------------------------------------------------ minions/actors/actor.py

class ActorStatus:
    def __init__(self,identifier):
        self.__ident__ = identifier
    def __str__(self):
        return self.__ident__


class Actor:
    id_iter = count()
    
    RUNNING = ActorStatus("RUNNING")
    STOPPING = ActorStatus("STOPPING")
    STOPPED = ActorStatus("STOPPED")
    CRASHED = ActorStatus("CRASHED")

    def __init__(
        self, 
        name=None, 
        actor_ttl=None, 
        actor_timeout=None,
        **kwargs
        ):
        self.context = SimpleNamespace(**kwargs)
        self._logger = logging.getLogger('top')
        self._loop = asyncio.get_event_loop()
        self._inbox = asyncio.Queue()
        self._timeout = actor_timeout
        self._ttl = actor_ttl
        self.name = name if name else f"actor-{next(Actor.id_iter)}"
        self.start()

    @classmethod
    def prepare(cls, *args, **kwargs):
        return partial(cls, *args, **kwargs)
    
    def __str__(self):
        return f"<{type(self).__name__} \"{self.name}\">"

    async def handle_message(self, message, sender):
        """Override in your own Actor subclass"""
        raise NotImplementedError(
            'Please subclass Actor and implement handle_message() method'
            )

    async def _handle(self):
        ## TODO: Create Timer ttl with custom Timeout class
        try:
            while True:
                message, sender, result = await self._inbox.get()
                self._logger.debug(
                    f"{self} took {message} from mailbox"
                    )
                try:
                    self._logger.debug(
                        f"{self} starts handling {message}"
                        )
                    coro = self.handle_message(message, sender)
                    answer = await asyncio.wait_for(
                        coro, 
                        timeout=self._timeout
                        )
                    result.set_result(answer)
                    self._inbox.task_done()
                except asyncio.CancelledError as err:
                    result.set_exception(err)
                    self._inbox.task_done()
                except asyncio.TimeoutError as err:
                    result.set_exception(err)
                    self._inbox.task_done()           
        except Exception as err:
            self.status = Actor.CRASHED
            result.set_exception(err)
            self._inbox.task_done()
            self._logger.error(f"{self} crashed with:\n{err}")
        finally:
            self._logger.debug(f"{self} is executing on_stop()")
            try:
                await self.on_stop()
            except Exception as err:
                self.status = Actor.CRASHED
                self._logger.error(
                    f"{self} crashed while executing on_stop() with:"\
                    f"\n{err}"
                )
            self._logger.debug(
                f"{self} has finished on_stop()"
            )
            if self.status is Actor.CRASHED:
                if hasattr(self, "_parent") and self._parent:
                    await self._parent._handle_child(
                        self, 
                        "crashed"
                    )

    def __call__(
        self, 
        message, 
        sender
        ):
        if self.status is not Actor.RUNNING or self._worker.done():
            raise asyncio.CancelledError()
        self._logger.debug(f"{self} received {message}")
        result = self._loop.create_future()
        self._inbox.put_nowait((message, sender, result))
        return result

    async def on_stop(self):
        pass
    
    def start(self):
        self._worker = self._loop.create_task(self._handle())
        self.status = Actor.RUNNING

    def stop(self):
        if self.status is not Actor.STOPPED:
            self._logger.debug(f"{self} received order to stop.")
            self.status = Actor.STOPPING
            return self._loop.create_task(self._stop())
        else:
            self._logger.debug(f"{self} is already stopped.")

    async def _stop(self):
        self._logger.debug(
            f"{self} is waiting for remaining messages to be processed."
            )
        await self.join()
        if not self._worker.done():
            try:
                self._worker.cancel()
                await self._worker
            except asyncio.CancelledError:
                pass
        self.status = Actor.STOPPED
        if hasattr(self, "_parent") and self._parent:
            await self._parent._handle_child(
                self, 
                "stopped"
            )
    
    def restart(self):
        return self._loop.create_task(self._restart())

    async def _restart(self):
        if self.status is Actor.RUNNING:
            await self.stop()
        if self.status in [Actor.STOPPED,Actor.CRASHED]:
            self.start()

    def register_parent(self, parent):
        self._parent = weakref.proxy(parent)
        self._logger.debug(
            f"{self} registered {parent} as its parent."
            )
    
    def unregister_parent(self, parent):
        self._parent = None
        self._logger.debug(
            f"{self} unregistered {parent} as its parent."
            )
    
    async def join(self):
        await self._inbox.join()


# ------------------------------------------------------------------ minions/actors/supervisor.py

class ExitPolicy:
    def __init__(self, identifier):
        self.__ident__ = identifier
    def __str__(self):
        return self.__ident__


## ignore child crashes
IGNORE = ExitPolicy("IGNORE")
## resume the exited child
RESUME = ExitPolicy("RESUME")
## restart the exited child
RESTART = ExitPolicy("RESTART")
## if a child stops,
## stop all children and yourself
ESCALATE = ExitPolicy("ESCALATE")
## if the last child stops, stop yourself
DEPLETE = ExitPolicy("DEPLETE")
## shutdown crashed children
SHUTDOWN = ExitPolicy("SHUTDOWN")


class Supervisor(Actor):
    def __init__(
        self, 
        policy=RESTART, 
        children=[], 
        *args,
        **kwargs
        ):
        super().__init__(*args,**kwargs)
        self._root_idle = asyncio.Event()
        self._policy = policy
        self._children = []
        for child in children:
            self.register_child(child)

    async def _handle_child(self, child, state):
        self._logger.debug(
            f"{child}, a child of {self}, stopped, "\
            f"policy is {self._policy}"
        )
        if self._policy == RESTART:
            await child.restart()

        elif self._policy == RESUME:
            child.start()
        
        elif self._policy == SHUTDOWN:
            self._logger.info(
                f"{self} has shutdown {child}"
            )
            self.unregister_child(child)
            # if state == "crashed":
            #     child.clear()
    
    def spawn_child(self, cls, *args, **kwargs):
        """Start an instance of cls(*args, **kwargs) as child"""
        child = cls(*args, **kwargs)
        self._logger.debug(f"{self} spawned new child {child}")
        self.register_child(child)
    
    def register_child(self, child):
        """Register an already running Actor as child"""
        if isinstance(child, partial):
            child = child()
        self._children.append(child)
        child.register_parent(self)
        self._logger.debug(
            f"{child} registered as child of {self}."
        )
    
    def unregister_child(self, child):
        """Unregister a running Actor from the list of children"""
        try:
            child.unregister_parent(self)
            self._children.remove(child)
            self._logger.debug(
                f"{child} unregistered as child of {self}."
            )
        except ValueError:
            self._logger.debug(
                f"Unregistering {child} as child of {self} failed."
            )
    
    async def stop(self):
        self._policy = SHUTDOWN
        self._logger.debug(
            f"{self} is in controlled shutdown, "\
            f"changing restart policy to {self._policy}"
        )
        for child in list(self._children):
            await child.stop()
        
        self._logger.debug(
            f"All children of {self} unregistered."
        )
        await super().stop()
        self._root_idle.set()


class Gru(Supervisor):
    def __init__(
        self,
        join=True,
        tracebacks=False,
        *args,
        **kwargs
        ):
        super().__init__(*args, **kwargs)
        self._signals = (
            signal.SIGTERM,
            signal.SIGINT,
            signal.SIGHUP,
        )
        self.register_signals()
        self.tracebacks = tracebacks
        self._auto_join = join

    def register_signals(self):
        for s in self._signals:
            self._loop.add_signal_handler(
                s,
                lambda s=s: asyncio.create_task(self.stop())
            )

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if all(v is None for v in [exc_type,exc_val,exc_tb]):
            if self._auto_join:
                await self._root_idle.wait()
                await self.join()
            self._logger.info(
                f"{self} was shutdown, properly"
            )
        else:
            self._logger.error(
                f"{self} crashed with {exc_val}"
            )
            await self.stop()
            return not self.tracebacks


# ------------------------------------------------------------------ minions/actors/source.py

class SourceDoesntAcceptMessagesError(Exception):
    __str__ = lambda x: "SourceDoesntAcceptMessagesError"


class Source(Actor):
    def __init__(self, server, *args, **kwargs):
        self._server = server
        super().__init__(*args, **kwargs)
        
    def __call__(
        self, 
        message, 
        sender=None
        ):
        raise SourceDoesntAcceptMessagesError        

    def start(self):
        self._server.start()
        self.status = Actor.RUNNING
        self._logger.debug(
            f"{self} has resumed operation."
        )
    
    async def stop(self):
        if self.status is not Actor.STOPPED:
            self._logger.debug(
                f"{self} received order to stop."
            )
            self.status = Actor.STOPPING
            await self._server.stop()
            self.status = Actor.STOPPED
            try:
                await self.on_stop()
            except Exception as err:
                self.status = Actor.CRASHED
                self._logger.error(
                    f"{self} crashed while executing on_stop() with:"\
                    f"\n{err}"
                )
            if hasattr(self, "_parent") and self._parent:
                await self._parent._handle_child(
                    self,
                    "crashed"
                    if self.status is Actor.CRASHED 
                    else "stopped",
                )
        else:
            self._logger.debug(
                f"{self} is already stopped."
            )


# ------------------------------------------------------------------ minions/actors/router.py

class Router(Supervisor):
    async def handle_message(self, message, sender):
        """
        Router only need this handle_message-method
        """
        self._logger.debug(
            f"{self} received message {message} for routing"
        )
        try:
            target = self._route(message,sender)
            self._logger.debug(
                f"{self} is handing the message {message} "\
                f"from {sender} to {target}."
            )
            result = await target(message,sender)
            return result
        except Exception as err:
            self._logger.debug(
                f"{self} has failed to route {message} "\
                f"with {err}"
            )
            raise

    def _route(self, message, sender):
        """Override in your own Router subclass"""
        raise NotImplementedError


class RoundRobinRouter(Router):
    """Routes received messages in round robin fashion"""
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._next = self._round_robin_iterator()
    def _route(self, message, sender):
        if self._children:
            return next(self._next)
        else:
            raise Exception(
                "RoundRobinRouter has no children to route to!"
            )

    def _round_robin_iterator(self):
        for item in itertools.cycle(self._children):
            yield item


# ------------------------------------------------------------------ a pytest stand-in

class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        return issubclass(et, self.expected)


class pytest:
    class mark:
        @staticmethod
        def asyncio(fn):
            return fn

    @staticmethod
    def raises(expected):
        return _Raises(expected)


# ------------------------------------------------------------------ tests/test_asyncio_actors_actor.py

class EchoActor(Actor):
    async def handle_message(self, message, sender):
        return message


class CrashActor(Actor):
    async def handle_message(self, message, sender):
        if message == 'crash':
            exec("crashed")
        else:
            return None


class DelayActor(Actor):
    async def handle_message(self, message, sender):
        await asyncio.sleep(2)
        return message

class WatcherActor(Source):
    pass


class OnStopActor(Actor):
    async def handle_message(self, message, sender):
        return message
    
    async def on_stop(self):
        self._on_stop_action = "on_stop_string"


@pytest.mark.asyncio
async def test_instanciation():
    actor = Actor()
    assert isinstance(actor,Actor)
    await actor.stop()


@pytest.mark.asyncio
async def test_actor_naming():
    actor_1 = Actor(name="Custom Named Actor")
    actor_2 = EchoActor(name="Custom Named Actor 2")
    actor_3 = Actor()
    actor_4 = EchoActor()
    assert actor_1.name == "Custom Named Actor"
    assert actor_2.name == "Custom Named Actor 2"
    assert actor_3.name == "actor-1"
    assert actor_4.name == "actor-2"
    await actor_1.stop()
    await actor_2.stop()
    await actor_3.stop()
    await actor_4.stop()


@pytest.mark.asyncio
async def test_context_initiation():
    val1 = object()
    val2 = object()
    actor = Actor(key1=val1, key2=val2)
    assert actor.context.key1 == val1
    assert actor.context.key2 == val2
    assert val1 != val2
    assert actor.context.key1 != actor.context.key2
    await actor.stop()


@pytest.mark.asyncio
async def test_echo_message():
    message = object()
    echo_actor = EchoActor()
    response = await echo_actor(message, 'me')
    assert message == response
    await echo_actor.stop()


@pytest.mark.asyncio
async def test_message_processing_order():
    messages = [object() for i in range(10)]
    echo_actor = EchoActor()
    responses = await asyncio.gather(*[echo_actor(message, 'me') for message in messages])
    for message, response in zip(messages, responses):
        assert message == response
    await echo_actor.stop()


@pytest.mark.asyncio
async def test_finish_processing_on_stop():
    messages = [object() for i in range(10)]
    echo_actor = EchoActor()
    pending_tasks = [echo_actor(message, 'me') for message in messages]
    await echo_actor.stop()
    responses = await asyncio.gather(*pending_tasks)
    for message, response in zip(messages, responses):
        assert message == response


@pytest.mark.asyncio
async def test_deny_new_messages_on_stop():
    message1 = object()
    message2 = object()
    echo_actor = EchoActor()
    response1 = await echo_actor(message1, 'me')
    assert message1 == response1
    stop_task = echo_actor.stop()
    with pytest.raises(asyncio.CancelledError):
        await echo_actor(message2, 'me')
    await stop_task


@pytest.mark.asyncio
async def test_restart():
    message = object()
    echo_actor = EchoActor()
    await echo_actor.stop()
    echo_actor.start()
    response = await echo_actor(message, 'me')
    assert message == response
    await echo_actor.stop()


@pytest.mark.asyncio
async def test_start_stop_restart_lifecycle():
    message1 = object()
    message2 = object()
    message3 = object()
    echo_actor = EchoActor()
    response1 = await echo_actor(message1, 'me')
    assert message1 == response1
    await echo_actor.stop()
    with pytest.raises(asyncio.CancelledError):
        await echo_actor(message2, 'me')
    echo_actor.start()
    response3 = await echo_actor(message3, 'me')
    assert message3 == response3
    await echo_actor.stop()
    assert echo_actor.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_actor_crash():
    child = CrashActor()
    try:
        result1 = await child('crash', 'me')
    except Exception as err:
        assert isinstance(err, NameError)
    else:
        assert True == False
    await child.stop()
    assert child.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_actor_restart():
    actor = EchoActor()
    old_worker = actor._worker
    await actor.restart()
    new_worker = actor._worker
    assert old_worker != new_worker
    assert actor.status == Actor.RUNNING
    await actor.stop()
    assert actor.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_actor_timeout():
    actor = DelayActor(actor_timeout=1)
    try:
        result = await actor('hello', 'me')
    except Exception as err:
        assert isinstance(err, asyncio.TimeoutError)
    else:
        assert True == False
    await actor.stop()
    assert actor.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_actor_prepare():
    prepared_actor = EchoActor.prepare(name="Prepared Actor")
    assert isinstance(prepared_actor, functools.partial)
    ready_actor = prepared_actor()
    assert isinstance(ready_actor, Actor)
    assert ready_actor.name == "Prepared Actor"
    await ready_actor.stop()
    assert ready_actor.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_on_stop_handler():
    actor = OnStopActor()
    await actor.stop()
    assert actor._on_stop_action == "on_stop_string"


@pytest.mark.asyncio
async def test_supervisor_register_and_unregister_child():
    supervisor = Supervisor()
    child = EchoActor("child_actor")
    supervisor.register_child(child)
    for ch in supervisor._children:
        assert ch.name in ["child_actor"]
        assert isinstance(ch._parent, Actor)
        assert ch._parent == supervisor
    
    supervisor.unregister_child(child)
    assert supervisor._children == []
    
    assert child.status == Actor.RUNNING
    await child.stop()
    assert child.status == Actor.STOPPED
    await supervisor.stop()
    assert child.status == Actor.STOPPED
    assert supervisor.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_supervisor_spawn_child():
    supervisor = Supervisor()
    supervisor.spawn_child(EchoActor,name="spawned_child")
    child = None
    for ch in supervisor._children:
        child = ch
        assert ch.name in ["spawned_child"]
        assert isinstance(ch._parent, Actor)
        assert ch._parent == supervisor
    
    await supervisor.stop()
    assert supervisor.status == Actor.STOPPED
    assert child.status == Actor.STOPPED


@pytest.mark.asyncio
async def test_supervisor_enter():
    async with Gru() as root:
        echo = EchoActor(name="echo1")
        root.register_child(echo)
        await root.stop()


@pytest.mark.asyncio
async def test_actor_crash_with_parent():
    supervisor = Supervisor()
    child = CrashActor(name="CrashActor1")
    supervisor.register_child(child)
    try:
        result1 = await child('crash', 'me')
    except Exception as err:
        assert isinstance(err, NameError)
    else:
        assert True == False
    
    ## wait a bit so that crasher can restart
    await asyncio.sleep(1)
    assert child.status == Actor.RUNNING
    
    await supervisor.stop()
    assert child.status == Actor.STOPPED
    assert supervisor.status == Actor.STOPPED


# ------------------------------------------------------------------ the driver

def main():
    tests = [(name, fn) for name, fn in list(globals().items())
             if name.startswith("test_") and inspect.iscoroutinefunction(fn)]
    passed = failed = 0
    for name, fn in tests:
        try:
            asyncio.run(fn())
        except BaseException as e:
            failed += 1
            print(f"{name} FAILED {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"{name} PASSED")
    print(f"{passed} passed, {failed} failed, next id {next(Actor.id_iter)}")

    async def round_robin():
        router = RoundRobinRouter(
            name="rr-router",
            children=[EchoActor(name=f"echo-actor-{n}") for n in range(3)],
        )
        replies = await asyncio.gather(*[router(f"msg-{i}", "me") for i in range(5)])
        print("replies:", replies)
        print("children:", [str(c) for c in router._children], str(router._policy))
        print("parent proxy:", type(router._children[0]._parent).__name__,
              router._children[0]._parent.name, str(router._children[0]._parent))
        print("statuses:", [str(c.status) for c in router._children])
        await router.stop()
        print("after stop:", [str(c.status) for c in router._children], str(router.status), str(router._policy))
        try:
            router("late", "me")
        except asyncio.CancelledError as e:
            print("CancelledError", e.args)
        try:
            Source(server=None, name="src").stop
        except AttributeError as e:
            print("AttributeError:", e)
        print(SourceDoesntAcceptMessagesError(), repr(SourceDoesntAcceptMessagesError("x")))

    asyncio.run(round_robin())


if __name__ == "__main__":
    main()
