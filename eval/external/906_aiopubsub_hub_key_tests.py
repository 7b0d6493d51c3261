# Source: https://github.com/qntln/aiopubsub/blob/HEAD/aiopubsub/__init__.py (Quantlane's aiopubsub: a Hub of asyncio queues per Key (a tuple subclass whose __new__ marks wildcards), Publisher/Subscriber, listeners run by a Loop of ensure_future() tasks, a typing.NamedTuple made with the functional form; tab-indented)
# Source: https://github.com/qntln/aiopubsub/blob/HEAD/aiopubsub/loop.py and aiopubsub/testing/mocks.py and aiopubsub/tests/test_pubsub.py (the Loop helper, the test mocks and the project's pytest tests)
# Changed: loop.py, the package module and mocks.py are inlined as three namespaces (`aiopubsub`,
# `aiopubsub.loop`, `aiopubsub.testing.mocks` are SimpleNamespace objects holding their names, so the
# tests read as written); aiopubsub.logging_compat.get_logger (a logwood/logging switch, not stored)
# is logging.getLogger, with a stdout handler (the Hub logger at DEBUG so its messages show; the
# subscribers' debug lines, which print a callback's address and a set's order, stay hidden); pytest is replaced
# by a small stand-in (fixture, mark.asyncio) and a driver that makes each test class, fills each
# test's fixtures by parameter name and runs async tests with asyncio.run
import asyncio
import collections
import inspect
import logging
import sys
import types
from typing import Tuple, Any, Callable, Set, Union, NamedTuple, Iterable, Optional

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
logging.getLogger("Hub").setLevel(logging.DEBUG)
get_logger = logging.getLogger

aiopubsub = types.SimpleNamespace()
aiopubsub.loop = types.SimpleNamespace()
aiopubsub.testing = types.SimpleNamespace(mocks=types.SimpleNamespace())


# ------------------------------------------------------------------ aiopubsub/loop.py

class Loop:
	'''
	Run a coroutine in a loop with a delay after every iteration.
	The loop can be conveniently started, stopped, and restarted.
	'''

	def __init__(self, coro, delay: Optional[float]) -> None:
		self.coro = coro
		self.task = None # type: asyncio.Task
		self.delay = delay
		self._is_running = asyncio.Event()


	def start(self):
		if not self._is_running.is_set():
			self._is_running.set()
			asyncio.ensure_future(self._run())


	def stop(self):
		self._is_running.clear()
		if self.task:
			self.task.cancel()
			self.task = None


	@property
	def is_running(self) -> bool:
		return self._is_running.is_set()


	async def _run(self):
		while self._is_running.is_set():
			self.task = asyncio.ensure_future(self.coro())
			await asyncio.wait_for(self.task, timeout = None)
			if self.delay is not None:
				await asyncio.sleep(self.delay)

aiopubsub.loop.Loop = Loop


# ------------------------------------------------------------------ aiopubsub/__init__.py

PossibleKey = Union[str, Iterable[str]]



class Key(tuple):

	def __new__ (cls, *components: str) -> 'Key':
		k = super().__new__(cls, tuple(components))
		k.is_wildcard = any(part == '*' for part in k)
		return k


	def is_subset_of(self, another: 'Key') -> bool:
		'''
		Is this key a special case of ``another`` key?
		'''
		if not another.is_wildcard:
			return self == another
		if len(self) < len(another):
			return False
		if len(self) > len(another) and another[-1] != '*':
			return False

		for s, a in zip(self, another):
			if a != '*' and s != a:
				return False

		return True


	def __add__(self, other: Iterable[str]) -> 'Key':
		return Key(*(tuple(self) + tuple(other)))


	@classmethod
	def create_from(cls, x: PossibleKey) -> 'Key':
		'''
		Create a Key instance from either an iterable of strings (then result = Key(*x)) or a string (result = Key(x)).
		'''
		if isinstance(x, str):
			return cls(x)
		return cls(*x)



class Hub:

	def __init__(self) -> None:
		self._logger = get_logger(self.__class__.__name__)
		self._subscribers = collections.defaultdict(list)


	def publish(self, key: Key, message: Any) -> None:
		'''
		:raises: asyncio.QueueFull if any of the subscribers' queues overflows - FIXME - should we handle this more gracefully?
		'''
		for sub_key, qs in self._subscribers.items():
			if key.is_subset_of(sub_key):
				for q in qs:
					q.put_nowait((key, message))


	def add_subscriber(self, key: Key, queue: asyncio.Queue) -> None:
		'''
		Register a subscription for a particular key.
		'''
		self._logger.debug('Subscription to key = %r.', key)
		if queue in self._subscribers[key]:
			self._logger.warning('Repeated subscription to key = %r.', key)
		else:
			self._subscribers[key].append(queue)
			k = Key('Hub', 'addedSubscriber') + key
			self.publish(k, {'key': key, 'currentSubscriberCount': len(self._subscribers[key])})


	def remove_subscriber(self, key: Key, queue: asyncio.Queue) -> None:
		'''
		Unregister a subscription previously created by `add_subscriber`.
		'''
		if queue in self._subscribers[key]:
			self._logger.debug('Canceled subscription to key = %r.', key)
			self._subscribers[key].remove(queue)
			k = Key('Hub', 'removedSubscriber') + key
			self.publish(k, {'key': key, 'currentSubscriberCount': len(self._subscribers[key])})
		else:
			self._logger.warning('Unsubscribe from nonexistent subscription to key = %r.', key)


	def has_subscribers(self, key: Key = Key('*')) -> bool:
		'''
		When `key` is Key('*'), indicate if there are any subscribers at all.
		When `key` is provided, indicate if there are any subscribers for that particular key.
		'''
		return any((sub_key.is_subset_of(key) and qs) for sub_key, qs in self._subscribers.items())



class Publisher:

	def __init__(self, hub: Hub, prefix: PossibleKey) -> None:
		self._hub = hub
		self.prefix = Key.create_from(prefix)


	def publish(self, key: PossibleKey, message: Any) -> None:
		'''
		Push the `message` to subscribers that are subscribed to this `key`. Publisher ID is prepended to the key.
		'''
		full_key = self.prefix + Key.create_from(key)
		self._hub.publish(full_key, message)


	def has_subscribers(self, key: PossibleKey = Key('*')) -> bool:
		'''
		When `key` is Key('*'), indicate if there are any subscribers at all to this publisher.
		'''
		full_key = self.prefix + Key.create_from(key)
		return self._hub.has_subscribers(full_key)



Listener = NamedTuple('Listener', [('loop', aiopubsub.loop.Loop), ('keys', Set[Key])])
ListenerCallback = Callable[[Key, Any], None]


class Subscriber:

	'''
	Subscriptions are created using this message queue.
	'''
	QUEUE_CLASS = asyncio.Queue


	'''
	By default, subscriptions will be created and consumed with this ID.
	'''
	DEFAULT_SUBSCRIPTION_ID = 'default'


	def __init__(self, hub: Hub, id: str) -> None:
		self.id = id
		self._logger = get_logger('{0}({1})'.format(self.__class__.__name__, self.id))
		self._hub = hub
		self._subscriptions = {} # type: Dict[str, asyncio.Queue]
		self._listeners = {} # type: Dict[str, Listener]


	def subscribe(self, key: Key, subscription_id: str = DEFAULT_SUBSCRIPTION_ID) -> None:
		'''
		Subscribe to a particular `key`.
		'''
		key = Key.create_from(key)
		self._logger.debug('Creating subscription id = %s to key = %r.', subscription_id, key)
		if subscription_id in self._subscriptions:
			q = self._subscriptions[subscription_id]
		else:
			q = self.QUEUE_CLASS()
			self._subscriptions[subscription_id] = q
		self._hub.add_subscriber(key, q)


	def unsubscribe(self, key: Key, subscription_id: str = DEFAULT_SUBSCRIPTION_ID) -> None:
		'''
		Unsubscribe from data previously subscribed to by `subscribe`.
		'''
		key = Key.create_from(key)
		self._logger.debug('Removing subscription id = %s to key = %r.', subscription_id, key)
		q = self._subscriptions[subscription_id]
		self._hub.remove_subscriber(key, q)


	async def consume(self, subscription_id: str = DEFAULT_SUBSCRIPTION_ID) -> Tuple[Key, Any]:
		'''
		Consume a message from the subscription identified by `subscription_id`.
		'''
		key, msg = await self._subscriptions[subscription_id].get()
		return key, msg


	def add_listener(self, keys: Union[Key, Set[Key]], callback: ListenerCallback) -> None:
		'''
		Attach ``callback`` to one or more keys.
		'''
		keys, sub_id = self._get_listener_subscription(keys, callback)
		for key in keys:
			self.subscribe(key, sub_id)

		async def consumer() -> None:
			key, msg = await self.consume(sub_id)
			callback(key, msg)

		loop = aiopubsub.loop.Loop(consumer, delay = None)
		loop.start()
		self._listeners[sub_id] = Listener(loop, keys)


	def remove_listener(self, keys: Union[Key, Set[Key]], callback: ListenerCallback) -> None:
		'''
		Both ``keys`` and ``callback`` must be exactly as passed to :meth:`add_listener` before
		so that the subscription can be found.
		'''
		keys, sub_id = self._get_listener_subscription(keys, callback)
		self._stop_listener(sub_id, keys)
		del self._listeners[sub_id]


	def remove_all_listeners(self) -> None:
		'''
		Remove all listeners from the subscriber.
		'''
		for subscription_id, listener in self._listeners.items():
			self._stop_listener(subscription_id, listener.keys)
		self._listeners.clear()


	def _stop_listener(self, subscription_id: str, keys: Set[Key]) -> None:
		'''
		Unsubscribe and stop listener specified by ``subscription_id`` with ``keys``.
		'''
		for key in keys:
			self.unsubscribe(key, subscription_id)
		self._listeners[subscription_id].loop.stop()


	@staticmethod
	def _get_listener_subscription(keys: Union[Key, Set[Key]], callback: ListenerCallback) -> Tuple[Set[Key], str]:
		'''
		Normalize `keys` to a set of :class:`Key`s and create subscription ID from the keys and the callback.
		'''
		if not isinstance(keys, (set, frozenset)):
			keys = {keys,}
		sub_id = 'callback-{!s}-{!r}'.format(sorted(keys), callback)
		keys = set(map(Key.create_from, keys))
		return keys, sub_id

aiopubsub.Key = Key
aiopubsub.Hub = Hub
aiopubsub.Publisher = Publisher
aiopubsub.Subscriber = Subscriber
aiopubsub.Listener = Listener


# ------------------------------------------------------------------ aiopubsub/testing/mocks.py

class MockAsyncQueue:
	def __init__(self):
		self.data = []

	async def put(self, x):
		self.data.append(x)

	def put_nowait(self, x):
		self.data.append(x)

	async def get(self):
		return self.data.pop(0)


class MockHub:
	def __init__(self):
		self.published = []
		self.subscribers = collections.defaultdict(list)

	def publish(self, k, m):
		self.published.append((k, m))

	def add_subscriber(self, k, q):
		self.subscribers[k].append(q)

	def remove_subscriber(self, k, q):
		self.subscribers[k].remove(q)

	def has_subscribers(self, k):
		return any(s.is_subset_of(k) and qs for s, qs in self.subscribers.items())

aiopubsub.testing.mocks.MockAsyncQueue = MockAsyncQueue
aiopubsub.testing.mocks.MockHub = MockHub


# ------------------------------------------------------------------ a pytest stand-in

class pytest:
	@staticmethod
	def fixture(fn):
		fn.is_fixture = True
		return fn

	class mark:
		@staticmethod
		def asyncio(fn):
			return fn


# ------------------------------------------------------------------ aiopubsub/tests/test_pubsub.py

class Test01Key:
	def test_is_wildcard(self):
		assert not aiopubsub.Key('a').is_wildcard
		assert not aiopubsub.Key('a', 'b', 'c').is_wildcard
		assert aiopubsub.Key('*').is_wildcard
		assert aiopubsub.Key('a', 'b', '*').is_wildcard


	def test_is_wildcard_nonterminal(self):
		assert aiopubsub.Key('a', '*', 'c').is_wildcard
		assert aiopubsub.Key('*', 'b', 'c').is_wildcard
		assert aiopubsub.Key('*', 'b', '*').is_wildcard


	def test_is_subset_of(self):
		exact = aiopubsub.Key('a', 'b')
		assert not aiopubsub.Key('a').is_subset_of(exact)
		assert not aiopubsub.Key('a', 'x').is_subset_of(exact)
		assert aiopubsub.Key('a', 'b').is_subset_of(exact)

		wild = aiopubsub.Key('a', 'b', '*')
		assert not aiopubsub.Key('a').is_subset_of(wild)
		assert not aiopubsub.Key('a', 'x').is_subset_of(wild)
		#assert pubsub.Key('a', 'b').is_subset_of(wild)
		assert aiopubsub.Key('a', 'b', 'c').is_subset_of(wild)
		assert aiopubsub.Key('a', 'b', '*').is_subset_of(wild)
		assert aiopubsub.Key('a', 'b', 'c', 'd').is_subset_of(wild)
		assert aiopubsub.Key('a', 'b', 'c', 'd', '*').is_subset_of(wild)


	def test_is_subset_of_wildcard_in_the_middle(self):
		wild1 = aiopubsub.Key('a', 'b', '*', 'd')
		assert not aiopubsub.Key('a', 'b', 'c').is_subset_of(wild1)
		assert not aiopubsub.Key('a', 'b', 'c', 'd', 'e').is_subset_of(wild1)
		assert not aiopubsub.Key('a', 'b', 'c', 'x').is_subset_of(wild1)
		assert aiopubsub.Key('a', 'b', 'c', 'd').is_subset_of(wild1)
		assert aiopubsub.Key('a', 'b', '*', 'd').is_subset_of(wild1)


	def test_add(self):
		added = aiopubsub.Key('1') + aiopubsub.Key('2')
		assert added == aiopubsub.Key('1', '2')
		assert isinstance(added, aiopubsub.Key)


	def test_create_from(self):
		assert aiopubsub.Key.create_from(('a', 'b')) == aiopubsub.Key('a', 'b')
		assert aiopubsub.Key.create_from(['a', 'b']) == aiopubsub.Key('a', 'b')
		assert aiopubsub.Key.create_from('ab') == aiopubsub.Key('ab')



class Test02Hub:

	@pytest.fixture
	def hub(self):
		return aiopubsub.Hub()

	def test_01_add_subscriber(self, hub):
		'''
		Subscriber receives messages after being added.
		'''
		k = aiopubsub.Key('a', 'b')
		q = aiopubsub.testing.mocks.MockAsyncQueue()
		hub.add_subscriber(k, q)
		hub.publish(k, 'message')
		assert q.data == [(k, 'message')]


	def test_02_remove_subscriber(self, hub):
		'''
		No message is received after the subscriber is removed.
		'''
		k = aiopubsub.Key('a', 'b')
		q = aiopubsub.testing.mocks.MockAsyncQueue()
		hub.add_subscriber(k, q)
		hub.remove_subscriber(k, q)
		hub.publish(k, 'message')
		assert q.data == []


	def test_03_has_subscribers(self, hub):
		k = aiopubsub.Key('a', 'b')
		q = aiopubsub.testing.mocks.MockAsyncQueue()
		# No subs at first
		assert not hub.has_subscribers()
		assert not hub.has_subscribers(k)
		# Add one subscriber
		hub.add_subscriber(k, q)
		assert hub.has_subscribers()
		assert hub.has_subscribers(k)
		# No subs for a different key
		assert not hub.has_subscribers(aiopubsub.Key('a', 'x'))
		# Remove the subscriber => no subs again.
		hub.remove_subscriber(k, q)
		assert not hub.has_subscribers()
		assert not hub.has_subscribers(k)


	def test_04_publish_multi(self, hub):
		'''
		Multiple subscribers to the same key receive the same message.
		'''
		k = aiopubsub.Key('a', 'b')
		q1 = aiopubsub.testing.mocks.MockAsyncQueue()
		q2 = aiopubsub.testing.mocks.MockAsyncQueue()
		hub.add_subscriber(k, q1)
		hub.add_subscriber(k, q2)
		hub.publish(k, 'message')
		assert q1.data == [(k, 'message')]
		assert q2.data == [(k, 'message')]


	def test_04_publish_wildcard(self, hub):
		q = aiopubsub.testing.mocks.MockAsyncQueue()
		k1 = aiopubsub.Key('a', 'b')
		k2 = aiopubsub.Key('a', 'x')
		hub.add_subscriber(aiopubsub.Key('a', '*'), q)
		hub.publish(k1, 'message')
		assert q.data == [(k1, 'message')]
		hub.publish(k2, 'message2')
		assert q.data == [(k1, 'message'), (k2, 'message2')]
		# Different key
		hub.publish(aiopubsub.Key('b', 'b'), 'message3')
		assert q.data == [(k1, 'message'), (k2, 'message2')]


	# TODO: test Hub status messages (addedSubscriber etc.)



class Test03Publisher:

	@pytest.fixture
	def hub(self):
		return aiopubsub.testing.mocks.MockHub()


	@pytest.fixture
	def publisher(self, hub):
		return aiopubsub.Publisher(hub, 'Tester')


	def test_01_publish(self, hub, publisher):
		'''
		Publisher ID must be prepended to the key.
		'''
		publisher.publish(('a', 'b'), 'message')
		assert hub.published == [(aiopubsub.Key('Tester', 'a', 'b'), 'message')]


	def test_02_has_subscribers(self, hub, publisher):
		k1 = aiopubsub.Key('a', 'b')
		k2 = aiopubsub.Key('a', 'x')
		assert not publisher.has_subscribers()
		assert not publisher.has_subscribers(k1)
		assert not publisher.has_subscribers(k2)
		hub.subscribers[aiopubsub.Key('Tester') + k1].append(True)
		assert publisher.has_subscribers()
		assert publisher.has_subscribers(k1)
		assert not publisher.has_subscribers(k2)



class Test04Subscriber:

	@pytest.fixture
	def hub(self):
		return aiopubsub.testing.mocks.MockHub()


	@pytest.fixture
	def subscriber(self, hub):
		return aiopubsub.Subscriber(hub, 'Tester')


	def test_01_subscribe_unsubscribe(self, hub, subscriber):
		k = aiopubsub.Key('a', 'b')
		subscriber.subscribe(k)
		assert len(hub.subscribers) == 1
		assert len(hub.subscribers[k]) == 1
		subscriber.unsubscribe(k)
		assert not hub.subscribers[k]


	@pytest.mark.asyncio
	async def test_02_consume(self, hub, subscriber):
		k = aiopubsub.Key('a', 'b')
		subscriber.subscribe(k)
		q = hub.subscribers[k][0]
		q.put_nowait((k, 'message1'))
		q.put_nowait((k, 'message2'))
		consumed = await subscriber.consume()
		assert consumed == (k, 'message1')
		consumed = await subscriber.consume()
		assert consumed == (k, 'message2')


	@pytest.mark.asyncio
	async def test_03_add_listener_remove_listener(self, hub, subscriber):
		data = []
		def callback(k, m):
			data.append((k, m))
		k = aiopubsub.Key('a', 'b')
		subscriber.add_listener(k, callback)
		q = hub.subscribers[k][0]
		# Callback must be fired on every message.
		q.put_nowait((k, 'message1'))
		await asyncio.sleep(0.001)
		assert data == [(k, 'message1')]
		q.put_nowait((k, 'message2'))
		await asyncio.sleep(0.001)
		assert data, [(k, 'message1') == (k, 'message2')]
		# No more firings after the listener is removed.
		subscriber.remove_listener(k, callback)
		q.put_nowait((k, 'message3'))
		await asyncio.sleep(0.01)
		assert data == [(k, 'message1'), (k, 'message2')]


	@pytest.mark.asyncio
	async def test_04_add_listener_remove_listener_multiple_keys(self, hub, subscriber):
		data = []
		def callback(k, m):
			data.append((k, m))
		k1 = aiopubsub.Key('a', 'b')
		k2 = aiopubsub.Key('a', 'x')
		subscriber.add_listener({k1, k2}, callback)
		# Both keys must be read by the same queue.
		assert hub.subscribers[k1][0] is hub.subscribers[k2][0]
		q = hub.subscribers[k1][0]
		# Callback must be fired on every message.
		q.put_nowait((k1, 'message1'))
		await asyncio.sleep(0.001)
		assert data == [(k1, 'message1')]
		q.put_nowait((k2, 'message2'))
		await asyncio.sleep(0.001)
		assert data == [(k1, 'message1'), (k2, 'message2')]
		# No more firings after the listener is removed.
		subscriber.remove_listener({k1, k2}, callback)
		q.put_nowait((k1, 'message3'))
		await asyncio.sleep(0.01)
		assert data == [(k1, 'message1'), (k2, 'message2')]
		q.put_nowait((k2, 'message4'))
		await asyncio.sleep(0.01)
		assert data == [(k1, 'message1'), (k2, 'message2')]
		# Queues are removed.
		assert hub.subscribers[k1] == []
		assert hub.subscribers[k2] == []

	@pytest.mark.asyncio
	async def test_05_remove_all_listeners(self, subscriber):
		data = []
		def callback(k, m):
			data.append((k, m))
		# nothing happens when listeners are empty
		assert len(subscriber._listeners) == 0
		subscriber.remove_all_listeners()
		assert len(subscriber._listeners) == 0
		# removes all present listeners
		k1 = aiopubsub.Key('a', 'b')
		k2 = aiopubsub.Key('a', 'x')
		subscriber.add_listener(k1, callback)
		subscriber.add_listener(k2, callback)
		assert len(subscriber._listeners) == 2
		subscriber.remove_all_listeners()
		assert len(subscriber._listeners) == 0


# ------------------------------------------------------------------ the driver

def run_test(cls, name):
	instance = cls()
	made = {}

	def fixture_value(param):
		if param not in made:
			fixture = getattr(instance, param)
			args = [fixture_value(p) for p in list(inspect.signature(fixture).parameters)]
			made[param] = fixture(*args)
		return made[param]

	method = getattr(instance, name)
	args = [fixture_value(p) for p in inspect.signature(method).parameters]
	if inspect.iscoroutinefunction(method):
		asyncio.run(method(*args))
	else:
		method(*args)


def main():
	passed = 0
	for cls in (Test01Key, Test02Hub, Test03Publisher, Test04Subscriber):
		for name in [n for n in vars(cls) if n.startswith('test_')]:
			try:
				run_test(cls, name)
			except Exception as e:
				print(f'{cls.__name__}::{name} FAILED {type(e).__name__} {e}')
			else:
				passed += 1
				print(f'{cls.__name__}::{name} PASSED')
	print(passed, 'passed')

	async def hub_status():
		hub = aiopubsub.Hub()
		sub = aiopubsub.Subscriber(hub, 'watcher')
		sub.subscribe(aiopubsub.Key('Hub', '*'))
		pub = aiopubsub.Publisher(hub, prefix=('exchange', 'x'))
		sub2 = aiopubsub.Subscriber(hub, 'trader')
		sub2.subscribe(('exchange', '*', 'trades'))
		sub2.subscribe(('exchange', '*', 'trades'))
		pub.publish('trades', {'price': 10})
		pub.publish(['orders'], {'qty': 1})
		print('has subscribers:', pub.has_subscribers(), pub.has_subscribers('trades'), pub.has_subscribers('orders'))
		print(await sub2.consume())
		sub2.unsubscribe(('exchange', '*', 'trades'))
		sub2.unsubscribe(('exchange', '*', 'trades'))
		while not sub._subscriptions['default'].empty():
			key, msg = await sub.consume()
			print(key, key.is_wildcard, msg)
		k = aiopubsub.Key('a', '*')
		print(repr(k), k + ('b',), type(k + ['c']).__name__, k.__dict__, hash(k) == hash(('a', '*')))
		print(Listener._fields, Listener.__annotations__ if hasattr(Listener, '__annotations__') else None)

	asyncio.run(hub_status())


if __name__ == '__main__':
	main()
