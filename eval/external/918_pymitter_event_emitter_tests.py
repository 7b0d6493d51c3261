# Source: https://github.com/riga/pymitter/blob/HEAD/src/pymitter/__init__.py (Marcel Rieger's pymitter 1.0: a port of Node's EventEmitter2 with namespaces, wildcards matched by fnmatch, TTLs, listeners ordered by time.monotonic() registration stamps, async listeners gathered by emit() in a new loop, emit_async() and emit_future())
# Source: https://github.com/riga/pymitter/blob/HEAD/tests/test_all.py (the project's unittest suite: a TestCase and an IsolatedAsyncioTestCase)
# Changed: the module is inlined (docstrings shortened), then the tests, run by
# unittest.main with the report on stdout at verbosity 2 (its runner writes to stderr, of which only
# the last line is compared); the timing line is matched by a regex
from __future__ import annotations

import asyncio
import fnmatch
import sys
import time
import unittest
from collections.abc import Awaitable, Iterator
from typing import Any, Callable, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class EventEmitter:
    """
    The EventEmitter class, ported from Node.js EventEmitter 2.
    """

    new_listener_event = "new_listener"

    def __init__(
        self,
        *,
        delimiter: str = ".",
        wildcard: bool = False,
        new_listener: bool = False,
        max_listeners: int = -1,
    ) -> None:
        # store attributes
        self.new_listener = new_listener
        self.max_listeners = max_listeners

        # tree of nodes keeping track of nested events
        self._event_tree = Tree(wildcard=wildcard, delimiter=delimiter)

        # flat list of listeners triggered on "any" event
        self._any_listeners: list[Listener] = []

    @property
    def num_listeners(self) -> int:
        return self._event_tree.num_listeners() + len(self._any_listeners)

    @overload
    def on(self, event: str, func: F, *, ttl: int = -1) -> F: ...

    @overload
    def on(self, event: str, *, ttl: int = -1) -> Callable[[F], F]: ...

    def on(
        self,
        event: str,
        func: F | None = None,
        *,
        ttl: int = -1,
    ):
        """
        Registers a function to an event.
        """

        def on(func: F) -> F:
            # do not register the function when the maximum would be exceeded
            if 0 <= self.max_listeners <= self.num_listeners:
                return func

            # create a new listener and add it
            self._event_tree.add_listener(event, Listener(func, event, ttl))

            if self.new_listener and event != self.new_listener_event:
                self.emit(self.new_listener_event, func, event)

            return func

        return on(func) if func else on

    @overload
    def once(self, event: str, func: F) -> F: ...

    @overload
    def once(self, event: str) -> Callable[[F], F]: ...

    def once(self, event: str, func: F | None = None):
        """
        Registers a function to an event that is called once.
        """
        return self.on(event, func, ttl=1) if func else self.on(event, ttl=1)

    @overload
    def on_any(self, func: F, *, ttl: int = -1) -> F: ...

    @overload
    def on_any(self, *, ttl: int = -1) -> Callable[[F], F]: ...

    def on_any(self, func: F | None = None, *, ttl: int = -1):
        """
        Registers a function that is called every time an event is emitted.
        """

        def on_any(func: F) -> F:
            # do not register the function when the maximum would be exceeded
            if 0 <= self.max_listeners <= self.num_listeners:
                return func

            # create a new listener and add it
            self._any_listeners.append(Listener(func, "", ttl))

            if self.new_listener:
                self.emit(self.new_listener_event, func)

            return func

        return on_any(func) if func else on_any

    @overload
    def off(self, event: str, func: F) -> F: ...

    @overload
    def off(self, event: str) -> Callable[[F], F]: ...

    def off(self, event: str, func: F | None = None):
        """
        Removes a function that is registered to an event.
        """

        def off(func: Callable) -> Callable:
            self._event_tree.remove_listeners_by_func(event, func)

            return func

        return off(func) if func else off

    @overload
    def off_any(self, func: F) -> F: ...

    @overload
    def off_any(self) -> Callable[[F], F]: ...

    def off_any(self, func: F | None = None):
        """
        Removes a function that was registered via :py:meth:`on_any`.
        """

        def off_any(func: F) -> F:
            self._any_listeners[:] = [listener for listener in self._any_listeners if listener.func != func]

            return func

        return off_any(func) if func else off_any

    def off_all(self) -> None:
        """
        Removes all registered functions.
        """
        self._event_tree.clear()
        del self._any_listeners[:]

    def listeners(self, event: str) -> list[Callable[..., Any]]:
        """
        Returns all functions that are registered to an event.
        """
        return [listener.func for listener in self._event_tree.find_listeners(event)]

    def listeners_any(self) -> list[Callable[..., Any]]:
        """
        Returns all functions that were registered using :py:meth:`on_any`.
        """
        return [listener.func for listener in self._any_listeners]

    def listeners_all(self) -> list[Callable[..., Any]]:
        """
        Returns all registered functions, ordered by their registration time.
        """
        listeners = list(self._any_listeners)
        nodes = list(self._event_tree.nodes.values())
        while nodes:
            node = nodes.pop(0)
            nodes.extend(node.nodes.values())
            listeners.extend(node.listeners)

        # sort them
        listeners = sorted(listeners, key=lambda listener: listener.time)

        return [listener.func for listener in listeners]

    def _emit(self, event: str, *args: Any, **kwargs: Any) -> list[Awaitable]:
        listeners = self._event_tree.find_listeners(event)
        if event != self.new_listener_event:
            listeners.extend(self._any_listeners)
        listeners = sorted(listeners, key=lambda listener: listener.time)

        # call listeners in order, keep track of awaitables from coroutines functions
        awaitables = []
        for listener in listeners:
            # since listeners can emit events themselves,
            # deregister them before calling if needed
            if listener.ttl == 1:
                self.off(listener.event, func=listener.func)

            res = listener(*args, **kwargs)
            if listener.is_coroutine or listener.is_async_callable:
                awaitables.append(res)

        return awaitables

    def emit(self, event: str, *args: Any, **kwargs: Any) -> None:
        """
        Emits an *event*.
        """
        # emit normal functions and get awaitables of async ones
        awaitables = self._emit(event, *args, **kwargs)

        # handle awaitables
        if awaitables:

            async def start() -> None:
                await asyncio.gather(*awaitables)

            asyncio.run(start())

    async def emit_async(self, event: str, *args: Any, **kwargs: Any) -> None:
        """
        Awaitable version of :py:meth:`emit`.
        """
        # emit normal functions and get awaitables of async ones
        awaitables = self._emit(event, *args, **kwargs)

        # handle awaitables
        if awaitables:
            await asyncio.gather(*awaitables)

    def emit_future(self, event: str, *args: Any, **kwargs: Any) -> None:
        """
        Deferred version of :py:meth:`emit`.
        """
        # emit normal functions and get awaitables of async ones
        awaitables = self._emit(event, *args, **kwargs)

        # handle awaitables
        if awaitables:
            asyncio.ensure_future(asyncio.gather(*awaitables))  # noqa: RUF006


class BaseNode:
    def __init__(self, wildcard: bool, delimiter: str) -> None:
        self.wildcard = wildcard
        self.delimiter = delimiter
        self.parent: BaseNode | None = None
        self.nodes: dict[str, Node] = {}

    def clear(self) -> None:
        self.nodes.clear()

    def add_node(self, node: Node) -> Node:
        # when there is a node with the exact same name (pattern), merge listeners
        if node.name in self.nodes:
            _node = self.nodes[node.name]
            _node.listeners.extend(node.listeners)
            return _node

        # otherwise add it and set its parent
        self.nodes[node.name] = node
        node.parent = self

        return node

    def walk_nodes(self) -> Iterator[tuple[str, tuple[str, ...], list[str]]]:
        queue = [(name, [name], node) for name, node in self.nodes.items()]
        while queue:
            name, path, node = queue.pop(0)

            # get names of child names
            child_names = list(node.nodes)

            # yield the name, the path leading to the node and names of child nodes that can be
            # adjusted in place by the outer context to change the traversal (similar to os.walk)
            yield (name, tuple(path), child_names)

            # add remaining child nodes
            queue.extend([(child_name, [*path, child_name], node.nodes[child_name]) for child_name in child_names])


class Node(BaseNode):
    """
    Actual named nodes containing listeners.
    """

    @classmethod
    def str_is_pattern(cls, s: str) -> bool:
        return "*" in s or "?" in s

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__(*args)

        self.name = name
        self.listeners: list[Listener] = []

    def num_listeners(self, recursive: bool = True) -> int:
        n = len(self.listeners)

        if recursive:
            n += sum(node.num_listeners(recursive=recursive) for node in self.nodes.values())

        return n

    def remove_listeners_by_func(self, func: Callable[..., Any]) -> None:
        self.listeners[:] = [listener for listener in self.listeners if listener.func != func]

    def add_listener(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def check_name(self, pattern: str) -> bool:
        if self.wildcard:
            if self.str_is_pattern(pattern):
                return fnmatch.fnmatch(self.name, pattern)
            if self.str_is_pattern(self.name):
                return fnmatch.fnmatch(pattern, self.name)

        return self.name == pattern

    def find_nodes(self, event: str | list[str]) -> list[Node]:
        # trivial case
        if not event:
            return []

        # parse event
        if isinstance(event, str):
            pattern, *sub_patterns = event.split(self.delimiter)
        else:
            pattern, sub_patterns = event[0], event[1:]

        # first make sure that pattern matches _this_ name
        if not self.check_name(pattern):
            return []

        # when there are no sub patterns, return this one
        if not sub_patterns:
            return [self]

        # recursively match sub names with nodes
        return sum((node.find_nodes(sub_patterns) for node in self.nodes.values()), [])


class Tree(BaseNode):
    """
    Top-level node without a name or listeners, but providing higher-level node access.
    """

    def num_listeners(self) -> int:
        return sum(node.num_listeners(recursive=True) for node in self.nodes.values())

    def find_nodes(self, *args: Any, **kwargs: Any) -> list[Node]:
        return sum((node.find_nodes(*args, **kwargs) for node in self.nodes.values()), [])

    def add_listener(self, event: str, listener: Listener) -> None:
        # add nodes without evaluating wildcards, this is done during node lookup only
        names = event.split(self.delimiter)

        # lookup the deepest existing parent
        node = self
        while names:
            name = names.pop(0)
            if name in node.nodes:
                node = node.nodes[name]  # type: ignore[assignment]
            else:
                new_node = Node(name, self.wildcard, self.delimiter)
                node.add_node(new_node)
                node = new_node  # type: ignore[assignment]

        # add the listeners
        node.add_listener(listener)  # type: ignore[arg-type, call-arg]

    def remove_listeners_by_func(self, event: str, func: Callable[..., Any]) -> None:
        for node in self.find_nodes(event):
            node.remove_listeners_by_func(func)

    def find_listeners(self, event: str, sort: bool = True) -> list[Listener]:
        listeners: list[Listener] = sum((node.listeners for node in self.find_nodes(event)), [])

        # sort by registration time
        if sort:
            listeners = sorted(listeners, key=lambda listener: listener.time)

        return listeners


class Listener:
    """
    A simple event listener class that wraps a function *func* for a specific *event* and that keeps track of the times
    to listen left.
    """

    def __init__(self, func: Callable[..., Any], event: str, ttl: int) -> None:
        self.func = func
        self.event = event
        self.ttl = ttl

        # store the registration time
        self.time = time.monotonic()

    @property
    def is_coroutine(self) -> bool:
        return asyncio.iscoroutinefunction(self.func)

    @property
    def is_async_callable(self) -> bool:
        return asyncio.iscoroutinefunction(getattr(self.func, "__call__", None))  # noqa: B004

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """
        Invokes the wrapped function when ttl is non-zero, decreases the ttl value when positive and returns its return
        value.
        """
        result = None
        if self.ttl != 0:
            result = self.func(*args, **kwargs)

        if self.ttl > 0:
            self.ttl -= 1

        return result


# ------------------------------------------------------------------ tests/test_all.py


class SyncTestCase(unittest.TestCase):

    def test_callback_usage(self):
        ee = EventEmitter()
        stack = []

        def handler(arg):
            stack.append("callback_usage_" + arg)

        ee.on("callback_usage", handler)

        ee.emit("callback_usage", "foo")
        self.assertTrue(tuple(stack) == ("callback_usage_foo",))

    def test_decorator_usage(self):
        ee = EventEmitter()
        stack = []

        @ee.on("decorator_usage")
        def handler(arg):
            stack.append("decorator_usage_" + arg)

        ee.emit("decorator_usage", "bar")
        self.assertTrue(tuple(stack) == ("decorator_usage_bar",))

    def test_ttl_on(self):
        ee = EventEmitter()
        stack = []

        @ee.on("ttl_on", ttl=1)
        def handler(arg):
            stack.append("ttl_on_" + arg)

        ee.emit("ttl_on", "foo")
        self.assertTrue(tuple(stack) == ("ttl_on_foo",))

        ee.emit("ttl_on", "bar")
        self.assertTrue(tuple(stack) == ("ttl_on_foo",))

    def test_ttl_once(self):
        ee = EventEmitter()
        stack = []

        @ee.once("ttl_once")
        def handler(arg):
            stack.append("ttl_once_" + arg)

        ee.emit("ttl_once", "foo")
        self.assertTrue(tuple(stack) == ("ttl_once_foo",))

        ee.emit("ttl_once", "bar")
        self.assertTrue(tuple(stack) == ("ttl_once_foo",))

    def test_walk_nodes(self):
        # helper to recursively convert itertables to tuples
        def t(iterable):
            return tuple((obj if isinstance(obj, str) else t(obj)) for obj in iterable)

        ee = EventEmitter()
        self.assertEqual(
            t(ee._event_tree.walk_nodes()),
            (),
        )

        # normal traversal
        ee.on("foo.bar.test")(lambda: None)
        ee.on("foo.bar.test2")(lambda: None)
        self.assertEqual(
            t(ee._event_tree.walk_nodes()),
            (
                ("foo", ("foo",), ("bar",)),
                ("bar", ("foo", "bar"), ("test", "test2")),
                ("test", ("foo", "bar", "test"), ()),
                ("test2", ("foo", "bar", "test2"), ()),
            ),
        )

        # empty tree after removing all listeners
        ee.off_all()
        self.assertEqual(
            t(ee._event_tree.walk_nodes()),
            (),
        )

        # traversal with in-place updates
        ee.on("foo.bar.test")(lambda: None)
        ee.on("foo.bar.test2")(lambda: None)
        stack = []
        for name, path, children in ee._event_tree.walk_nodes():
            stack.append(t((name, path, children)))
            if name == "bar":
                children.remove("test2")
        self.assertEqual(
            t(stack),
            (
                ("foo", ("foo",), ("bar",)),
                ("bar", ("foo", "bar"), ("test", "test2")),
                ("test", ("foo", "bar", "test"), ()),
            ),
        )

    def test_on_wildcards(self):
        def hits(handle: str, emit: str) -> bool:
            ee = EventEmitter(wildcard=True)
            stack = []
            token = object()

            @ee.on(handle)
            def handler():
                stack.append(token)

            ee.emit(emit)
            return tuple(stack) == (token,)

        self.assertTrue(hits("on_all.*", "on_all.foo"))
        self.assertTrue(hits("on_all.foo", "on_all.*"))
        self.assertTrue(hits("on_all.*", "on_all.*"))

        self.assertTrue(hits("on_all.foo.bar", "on_all.*.bar"))
        self.assertTrue(hits("on_all.*.bar", "on_all.foo.bar"))

        self.assertTrue(hits("on_all.fo?", "on_all.foo"))
        self.assertTrue(hits("on_all.foo", "on_all.fo?"))
        self.assertTrue(hits("on_all.?", "on_all.?"))

        self.assertFalse(hits("on_all.f?", "on_all.foo"))
        self.assertFalse(hits("on_all.foo", "on_all.f?"))
        self.assertFalse(hits("on_all.f?", "on_all.?"))
        self.assertFalse(hits("on_all.?", "on_all.f?"))

        self.assertFalse(hits("on_all.foo.bar", "on_all.*"))
        self.assertFalse(hits("on_all.*", "on_all.foo.bar"))

    def test_on_any(self):
        ee = EventEmitter()
        stack = []

        @ee.on("foo")
        def handler1():
            stack.append("foo")

        @ee.on_any()
        def handler2():
            stack.append("bar")

        ee.emit("foo")
        self.assertEqual(tuple(stack), ("foo", "bar"))

    def test_off_any(self):
        ee = EventEmitter()
        stack = []

        @ee.on_any
        def handler1():
            stack.append("foo")

        ee.emit("xyz")
        self.assertEqual(tuple(stack), ("foo",))

        del stack[:]
        ee.off_any(handler1)

        ee.emit("xyz")
        self.assertEqual(tuple(stack), ())
        self.assertEqual(ee.num_listeners, 0)

    def test_off_all(self):
        ee = EventEmitter()

        @ee.on_any
        def handler1():
            pass

        @ee.on("foo")
        def handler2():
            pass

        self.assertEqual(ee.num_listeners, 2)

        ee.off_all()
        self.assertEqual(ee.num_listeners, 0)

    def test_listeners(self):
        ee = EventEmitter(wildcard=True)

        @ee.on("foo")
        def h1():
            pass

        @ee.on("foo")
        def h2():
            pass

        @ee.on("bar")
        def h3():
            pass

        @ee.once("baz")
        def h4():
            pass

        @ee.on_any
        def h5():
            pass

        self.assertEqual(tuple(ee.listeners_any()), (h5,))
        self.assertEqual(tuple(ee.listeners_all()), (h1, h2, h3, h4, h5))
        self.assertEqual(tuple(ee.listeners("foo")), (h1, h2))
        self.assertEqual(tuple(ee.listeners("bar")), (h3,))
        self.assertEqual(tuple(ee.listeners("ba?")), (h3, h4))

    def test_emit_all(self):
        ee = EventEmitter(wildcard=True)
        stack = []

        @ee.on("emit_all.foo")
        def handler():
            stack.append("emit_all.foo")

        ee.emit("emit_all.*")
        self.assertTrue(stack[-1] == "emit_all.foo")

    def test_on_reverse_pattern(self):
        ee = EventEmitter(wildcard=True)
        stack = []

        @ee.on("foo.bar")
        def handler1():
            stack.append("on_foo_bar")

        @ee.on("foo.baz")
        def handler2():
            stack.append("on_foo_baz")

        @ee.on("foo.bar.baz.test")
        def handler3():
            stack.append("on_foo_bar_baz_test")

        ee.emit("foo.ba?")
        self.assertTrue(tuple(stack) == ("on_foo_bar", "on_foo_baz"))

        del stack[:]
        ee.emit("foo.bar.*.test")
        self.assertTrue(tuple(stack) == ("on_foo_bar_baz_test",))

    def test_delimiter(self):
        ee = EventEmitter(wildcard=True, delimiter=":")
        stack = []

        @ee.on("delimiter:*")
        def handler():
            stack.append("delimiter")

        ee.emit("delimiter:foo")
        self.assertTrue(tuple(stack) == ("delimiter",))

    def test_new(self):
        ee = EventEmitter(new_listener=True)
        stack = []

        @ee.on("new_listener")
        def handler(func, event=None):
            stack.append((func, event))

        def newhandler():
            pass
        ee.on("new", newhandler)
        ee.on_any(newhandler)

        self.assertTrue(tuple(stack) == ((newhandler, "new"), (newhandler, None)))

    def test_max(self):
        ee = EventEmitter(max_listeners=1)
        stack = []

        @ee.on("max")
        def handler1():
            stack.append("max_1")

        @ee.on("max")
        def handler2():
            stack.append("max_2")

        ee.emit("max")
        self.assertTrue(tuple(stack) == ("max_1",))

    def test_tree(self):
        ee = EventEmitter()
        stack = []

        @ee.on("max")
        def handler1():
            stack.append("max_1")

        @ee.once("max")
        def handler2():
            stack.append("max_2")

        self.assertEqual(ee.num_listeners, 2)
        self.assertEqual(len(ee._event_tree.nodes["max"].listeners), 2)

        ee.emit("max")
        self.assertTrue(tuple(stack) == ("max_1", "max_2"))
        del stack[:]

        ee.emit("max")
        self.assertTrue(tuple(stack) == ("max_1",))
        del stack[:]

        self.assertEqual(ee.num_listeners, 1)
        self.assertTrue("max" in ee._event_tree.nodes)
        self.assertEqual(len(ee._event_tree.nodes["max"].listeners), 1)

        ee.off("max", handler1)
        self.assertEqual(ee.num_listeners, 0)


if sys.version_info[:2] >= (3, 8):

    class AsyncTestCase(unittest.IsolatedAsyncioTestCase):

        def test_async_callback_usage(self):
            ee = EventEmitter()
            stack = []

            async def handler(arg):
                stack.append("async_callback_usage_" + arg)

            ee.on("async_callback_usage", handler)

            ee.emit("async_callback_usage", "foo")
            self.assertEqual(tuple(stack), ("async_callback_usage_foo",))

        def test_async_decorator_usage(self):
            ee = EventEmitter()
            stack = []

            @ee.on("async_decorator_usage")
            async def handler(arg):
                stack.append("async_decorator_usage_" + arg)

            ee.emit("async_decorator_usage", "bar")
            self.assertEqual(tuple(stack), ("async_decorator_usage_bar",))

        async def test_await_async_callback_usage(self):
            ee = EventEmitter()
            stack = []

            async def handler(arg):
                stack.append("await_async_callback_usage_" + arg)

            ee.on("await_async_callback_usage", handler)

            res = ee.emit_async("await_async_callback_usage", "foo")
            self.assertEqual(len(stack), 0)

            await res
            self.assertEqual(tuple(stack), ("await_async_callback_usage_foo",))

        async def test_await_async_decorator_usage(self):
            ee = EventEmitter()
            stack = []

            @ee.on("await_async_decorator_usage")
            async def handler(arg):
                stack.append("await_async_decorator_usage_" + arg)

            res = ee.emit_async("await_async_decorator_usage", "bar")
            self.assertEqual(len(stack), 0)

            await res
            self.assertEqual(tuple(stack), ("await_async_decorator_usage_bar",))

        async def test_emit_future(self):
            ee = EventEmitter()
            stack = []

            @ee.on("emit_future")
            async def handler(arg):
                stack.append("emit_future_" + arg)

            async def test():
                ee.emit_future("emit_future", "bar")
                self.assertEqual(len(stack), 0)

                # let all non-deferred events on the event loop pass
                await asyncio.sleep(0)

                self.assertEqual(tuple(stack), ("emit_future_bar",))

            await test()

        def test_supports_async_callables(self):
            ee = EventEmitter()
            stack = []

            class EventHandler:
                async def __call__(self, arg):
                    stack.append(arg)

            ee.on("event", EventHandler())

            ee.emit("event", "arg")
            self.assertEqual(stack, ["arg"])


if __name__ == "__main__":
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stdout, verbosity=2))
