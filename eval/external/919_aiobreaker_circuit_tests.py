# Source: https://github.com/arlyon/aiobreaker/blob/HEAD/aiobreaker/circuitbreaker.py and aiobreaker/state.py (Alexander Lyon's aiobreaker, pybreaker ported to asyncio: an Enum whose members' values are the state classes, called as `new_state.value(self, prev_state=..., notify=...)`; an RLock held across awaits; states wrapping generators; CircuitBreakerError raised from the failure)
# Source: https://github.com/arlyon/aiobreaker/blob/HEAD/aiobreaker/listener.py and aiobreaker/storage/base.py, aiobreaker/storage/memory.py (an ABC of abstract properties with abstract setters, and its in-memory storage)
# Source: https://github.com/arlyon/aiobreaker/blob/HEAD/test/test_circuit_async.py, test/test_listener.py and test/util.py (the project's pytest tests)
# Changed: the modules are inlined in dependency order (the redis storage left out); the tests'
# STATE_OPEN/STATE_CLOSED/STATE_HALF_OPEN (pybreaker's names, which these tests import from an
# older module) are the enum's members; the `storage` fixture is the memory storage only and the
# `delta` fixture 0.05 s instead of 1 s (its sleeps are twice that); pytest is replaced by a small
# stand-in (raises(), mark.asyncio) and a driver that runs each test in definition order (async ones
# with asyncio.run) and prints its outcome. datetime.utcnow()'s DeprecationWarning goes to stderr.
import asyncio
import inspect
import types
from abc import ABC, abstractmethod
from asyncio import sleep
from datetime import datetime, timedelta
from enum import Enum
from functools import wraps
from threading import RLock
from typing import Callable, Coroutine, Iterable, Optional, Tuple, Union


# ------------------------------------------------------------------ aiobreaker/listener.py


class CircuitBreakerListener:
    """
    Listener class used to plug code to a CircuitBreaker instance when certain events happen.

    todo async listener handlers
    """

    def before_call(self, breaker: 'CircuitBreaker', func: Callable, *args, **kwargs) -> None:
        """
        Called before a function is executed over a breaker.
        """

    def failure(self, breaker: 'CircuitBreaker', exception: Exception) -> None:
        """
        Called when a function executed over the circuit breaker 'breaker' fails.
        """

    def success(self, breaker: 'CircuitBreaker') -> None:
        """
        Called when a function executed over the circuit breaker 'breaker' succeeds.
        """

    def state_change(self, breaker: 'CircuitBreaker', old: 'CircuitBreakerState', new: 'CircuitBreakerState') -> None:
        """
        Called when the state of the circuit breaker 'breaker' changes.
        """


# ------------------------------------------------------------------ aiobreaker/state.py


class CircuitBreakerError(Exception):
    """
    Raised when the function fails due to the breaker being open.
    """

    def __init__(self, message: str, reopen_time: datetime):
        """
        :param message: The reasoning.
        :param reopen_time: When the breaker re-opens.
        """
        self.message = message
        self._reopen_time = reopen_time

    @property
    def time_remaining(self) -> timedelta:
        return self._reopen_time - datetime.now()


class CircuitBreakerBaseState(ABC):
    """
    Implements the behavior needed by all circuit breaker states.
    """

    def __init__(self, breaker: 'CircuitBreaker', state: 'CircuitBreakerState'):
        """
        Creates a new instance associated with the circuit breaker `cb` and
        identified by `name`.
        """
        self._breaker = breaker
        self._state = state

    @property
    def state(self) -> 'CircuitBreakerState':
        """
        Returns a human friendly name that identifies this state.
        """
        return self._state

    def _handle_error(self, func: Callable, exception: Exception):
        """
        Handles a failed call to the guarded operation.
        """
        if self._breaker.is_system_error(exception):
            self._breaker._inc_counter()
            for listener in self._breaker.listeners:
                listener.failure(self._breaker, exception)
            self.on_failure(exception)
        else:
            self._handle_success()
        raise exception

    def _handle_success(self):
        """
        Handles a successful call to the guarded operation.
        """
        self._breaker._state_storage.reset_counter()
        self.on_success()
        for listener in self._breaker.listeners:
            listener.success(self._breaker)

    def call(self, func: Callable[..., any], *args, **kwargs):
        """
        Calls `func` with the given `args` and `kwargs`, and updates the
        circuit breaker state according to the result.
        """
        ret = None

        self.before_call(func, *args, **kwargs)
        for listener in self._breaker.listeners:
            listener.before_call(self._breaker, func, *args, **kwargs)

        try:
            ret = func(*args, **kwargs)
            if isinstance(ret, types.GeneratorType):
                return self.generator_call(ret)
        except Exception as e:
            self._handle_error(func, e)
        else:
            self._handle_success()
        return ret

    async def call_async(self, func: Callable[..., Coroutine], *args, **kwargs):

        ret = None
        self.before_call(func, *args, **kwargs)
        for listener in self._breaker.listeners:
            listener.before_call(self._breaker, func, *args, **kwargs)

        try:
            ret = await func(*args, **kwargs)
            if isinstance(ret, types.GeneratorType):
                return self.generator_call(ret)
        except Exception as e:
            self._handle_error(func, e)
        else:
            self._handle_success()
        return ret

    def generator_call(self, wrapped_generator):
        try:
            value = yield next(wrapped_generator)
            while True:
                value = yield wrapped_generator.send(value)
        except StopIteration:
            self._handle_success()
            return
        except Exception as e:
            self._handle_error(None, e)

    def before_call(self, func: Union[Callable[..., any], Callable[..., Coroutine]], *args, **kwargs):
        """
        Override this method to be notified before a call to the guarded
        operation is attempted.
        """
        pass

    def on_success(self):
        """
        Override this method to be notified when a call to the guarded
        operation succeeds.
        """
        pass

    def on_failure(self, exception: Exception):
        """
        Override this method to be notified when a call to the guarded
        operation fails.
        """
        pass


class CircuitClosedState(CircuitBreakerBaseState):
    """
    In the normal "closed" state, the circuit breaker executes operations as
    usual. If the call succeeds, nothing happens. If it fails, however, the
    circuit breaker makes a note of the failure.

    Once the number of failures exceeds a threshold, the circuit breaker trips
    and "opens" the circuit.
    """

    def __init__(self, breaker, prev_state: Optional[CircuitBreakerBaseState] = None, notify=False):
        """
        Moves the given circuit breaker to the "closed" state.
        """
        super().__init__(breaker, CircuitBreakerState.CLOSED)
        if notify:
            # We only reset the counter if notify is True, otherwise the CircuitBreaker
            # will lose it's failure count due to a second CircuitBreaker being created
            # using the same _state_storage object, or if the _state_storage objects
            # share a central source of truth (as would be the case with the redis
            # storage).
            self._breaker._state_storage.reset_counter()
            for listener in self._breaker.listeners:
                listener.state_change(self._breaker, prev_state, self)

    def on_failure(self, exception: Exception):
        """
        Moves the circuit breaker to the "open" state once the failures
        threshold is reached.
        """
        if self._breaker._state_storage.counter >= self._breaker.fail_max:
            self._breaker.open()
            raise CircuitBreakerError('Failures threshold reached, circuit breaker opened.',
                                      datetime.now() + self._breaker.timeout_duration) from exception


class CircuitOpenState(CircuitBreakerBaseState):
    """
    When the circuit is "open", calls to the circuit breaker fail immediately,
    without any attempt to execute the real operation. This is indicated by the
    ``CircuitBreakerError`` exception.

    After a suitable amount of time, the circuit breaker decides that the
    operation has a chance of succeeding, so it goes into the "half-open" state.
    """

    def __init__(self, breaker, prev_state=None, notify=False):
        """
        Moves the given circuit breaker to the "open" state.
        """
        super().__init__(breaker, CircuitBreakerState.OPEN)
        if notify:
            for listener in self._breaker.listeners:
                listener.state_change(self._breaker, prev_state, self)

    def before_call(self, func, *args, **kwargs):
        """
        After the timeout elapses, move the circuit breaker to the "half-open" state.
        :raises CircuitBreakerError: if the timeout has still to be elapsed.
        """
        timeout = self._breaker.timeout_duration
        opened_at = self._breaker._state_storage.opened_at
        if opened_at and datetime.utcnow() < opened_at + timeout:
            raise CircuitBreakerError('Timeout not elapsed yet, circuit breaker still open', datetime.now() + self._breaker.timeout_duration)

    def call(self, func, *args, **kwargs):
        """
        Call before_call to check if the breaker should close and open it if it passes.
        """
        self.before_call(func, *args, **kwargs)
        self._breaker.half_open()
        return self._breaker.call(func, *args, **kwargs)

    async def call_async(self, func, *args, **kwargs):
        """
        Call before_call to check if the breaker should close and open it if it passes.
        """
        self.before_call(func, *args, **kwargs)
        self._breaker.half_open()
        return await self._breaker.call_async(func, *args, **kwargs)


class CircuitHalfOpenState(CircuitBreakerBaseState):
    """
    In the "half-open" state, the next call to the circuit breaker is allowed
    to execute the dangerous operation. Should the call succeed, the circuit
    breaker resets and returns to the "closed" state. If this trial call fails,
    however, the circuit breaker returns to the "open" state until another
    timeout elapses.
    """

    def __init__(self, breaker, prev_state=None, notify=False):
        """
        Moves the given circuit breaker to the "half-open" state.
        """
        super().__init__(breaker, CircuitBreakerState.HALF_OPEN)
        if notify:
            for listener in self._breaker._listeners:
                listener.state_change(self._breaker, prev_state, self)

    def on_failure(self, exception):
        """
        Opens the circuit breaker.
        """
        self._breaker.open()
        raise CircuitBreakerError('Trial call failed, circuit breaker opened.',
                                  datetime.now() + self._breaker.timeout_duration) from exception

    def on_success(self):
        """
        Closes the circuit breaker.
        """
        self._breaker.close()


class CircuitBreakerState(Enum):

    OPEN = CircuitOpenState
    CLOSED = CircuitClosedState
    HALF_OPEN = CircuitHalfOpenState


# ------------------------------------------------------------------ aiobreaker/storage/base.py


class CircuitBreakerStorage(ABC):
    """
    Defines the underlying storage for a circuit breaker - the underlying
    implementation should be in a subclass that overrides the method this
    class defines.
    """

    def __init__(self, name: str):
        """
        Creates a new instance identified by `name`.
        """
        self._name = name

    @property
    def name(self) -> str:
        """
        Returns a human friendly name that identifies this state.
        """
        return self._name

    @property
    @abstractmethod
    def state(self) -> CircuitBreakerState:
        """
        Override this method to retrieve the current circuit breaker state.
        """
        pass

    @state.setter
    @abstractmethod
    def state(self, state: CircuitBreakerState):
        """
        Override this method to set the current circuit breaker state.
        """
        pass

    @abstractmethod
    def increment_counter(self):
        """
        Override this method to increase the failure counter by one.
        """
        pass

    @abstractmethod
    def reset_counter(self):
        """
        Override this method to set the failure counter to zero.
        """
        pass

    @property
    @abstractmethod
    def counter(self) -> int:
        """
        Override this method to retrieve the current value of the failure counter.
        """
        pass

    @property
    @abstractmethod
    def opened_at(self) -> datetime:
        """
        Override this method to retrieve the most recent value of when the
        circuit was opened.
        """
        pass

    @opened_at.setter
    @abstractmethod
    def opened_at(self, date_time: datetime):
        """
        Override this method to set the most recent value of when the circuit
        was opened.
        """
        pass


# ------------------------------------------------------------------ aiobreaker/storage/memory.py


class CircuitMemoryStorage(CircuitBreakerStorage):
    """
    Implements a `CircuitBreakerStorage` in local memory.
    """

    def __init__(self, state: CircuitBreakerState):
        """
        Creates a new instance with the given `state`.
        """
        super().__init__('memory')
        self._fail_counter = 0
        self._opened_at = None
        self._state = state

    @property
    def state(self) -> CircuitBreakerState:
        """
        Returns the current circuit breaker state.
        """
        return self._state

    @state.setter
    def state(self, state: CircuitBreakerState):
        """
        Set the current circuit breaker state to `state`.
        """
        self._state = state

    def increment_counter(self):
        """
        Increases the failure counter by one.
        """
        self._fail_counter += 1

    def reset_counter(self):
        """
        Sets the failure counter to zero.
        """
        self._fail_counter = 0

    @property
    def counter(self):
        """
        Returns the current value of the failure counter.
        """
        return self._fail_counter

    @property
    def opened_at(self):
        """
        Returns the most recent value of when the circuit was opened.
        """
        return self._opened_at

    @opened_at.setter
    def opened_at(self, date_time):
        """
        Sets the most recent value of when the circuit was opened to
        `datetime`.
        """
        self._opened_at = date_time


# ------------------------------------------------------------------ aiobreaker/circuitbreaker.py


class CircuitBreaker:
    """
    A circuit breaker is a route through which functions are executed.
    When a function is executed via a circuit breaker, the breaker is notified.
    Multiple failed attempts will open the breaker and block additional calls.
    """

    def __init__(self, fail_max=5, timeout_duration=timedelta(seconds=60),
                 exclude: Optional[Iterable[type]] = None,
                 listeners: Optional[Iterable[CircuitBreakerListener]] = None,
                 state_storage: Optional[CircuitBreakerStorage] = None,
                 name: Optional[str] = None):
        """
        Creates a new circuit breaker with the given parameters.
        """
        self._lock = RLock()
        self._state_storage = state_storage or CircuitMemoryStorage(CircuitBreakerState.CLOSED)
        self._state = self._create_new_state(self.current_state)

        self._fail_max = fail_max
        self._timeout_duration = timeout_duration

        self._excluded_exception_types = list(exclude or [])
        self._listeners = list(listeners or [])
        self._name = name

        self._decorated_functions = set()

    @property
    def fail_counter(self):
        """
        Returns the current number of consecutive failures.
        """
        return self._state_storage.counter

    @property
    def fail_max(self):
        """
        Returns the maximum number of failures tolerated before the circuit is opened.
        """
        return self._fail_max

    @fail_max.setter
    def fail_max(self, number):
        """
        Sets the maximum `number` of failures tolerated before the circuit is opened.
        """
        self._fail_max = number

    @property
    def timeout_duration(self):
        """
        Once this circuit breaker is opened, it should remain opened until the timeout period elapses.
        """
        return self._timeout_duration

    @timeout_duration.setter
    def timeout_duration(self, timeout: datetime):
        """
        Sets the timeout period this circuit breaker should be kept open.
        """
        self._timeout_duration = timeout

    def _create_new_state(self, new_state: CircuitBreakerState, prev_state=None,
                          notify=False) -> 'CircuitBreakerBaseState':
        """
        Return state object from state string, i.e.,
        'closed' -> <CircuitClosedState>
        """

        try:
            return new_state.value(self, prev_state=prev_state, notify=notify)
        except KeyError:
            msg = "Unknown state {!r}, valid states: {}"
            raise ValueError(msg.format(new_state, ', '.join(state.value for state in CircuitBreakerState)))

    @property
    def state(self):
        """
        Update (if needed) and returns the cached state object.
        """
        # Ensure cached state is up-to-date
        if self.current_state != self._state.state:
            # If cached state is out-of-date, that means that it was likely
            # changed elsewhere (e.g. another process instance). We still send
            # out a notification, informing others that this particular circuit
            # breaker instance noticed the changed circuit.
            self.state = self.current_state
        return self._state

    @state.setter
    def state(self, state_str):
        """
        Set cached state and notify listeners of newly cached state.
        """
        with self._lock:
            self._state = self._create_new_state(
                state_str, prev_state=self._state, notify=True)

    @property
    def current_state(self) -> CircuitBreakerState:
        """
        Returns a CircuitBreakerState that identifies the state of the circuit breaker.
        """
        return self._state_storage.state

    @property
    def excluded_exceptions(self) -> Tuple[type]:
        """
        Returns a tuple of the excluded exceptions, e.g., exceptions that should
        not be considered system errors by this circuit breaker.
        """
        return tuple(self._excluded_exception_types)

    def add_excluded_exception(self, exception: type):
        """
        Adds an exception to the list of excluded exceptions.
        """
        with self._lock:
            self._excluded_exception_types.append(exception)

    def add_excluded_exceptions(self, *exceptions):
        """
        Adds exceptions to the list of excluded exceptions.
        """
        for exc in exceptions:
            self.add_excluded_exception(exc)

    def remove_excluded_exception(self, exception: type):
        """
        Removes an exception from the list of excluded exceptions.
        """
        with self._lock:
            self._excluded_exception_types.remove(exception)

    def _inc_counter(self):
        """
        Increments the counter of failed calls.
        """
        self._state_storage.increment_counter()

    def _is_decorated_function(self, func):
        """
        Checks if the given function has previously been decorated by this breaker.
        """
        return func in self._decorated_functions

    def is_system_error(self, exception: Exception):
        """
        Returns whether the exception 'exception' is considered a signal of
        system malfunction. Business exceptions should not cause this circuit
        breaker to open.
        """
        exception_type = type(exception)
        return not issubclass(exception_type, tuple(self._excluded_exception_types))

    def call(self, func: Callable, *args, **kwargs):
        """
        Calls `func` with the given `args` and `kwargs` according to the rules
        implemented by the current state of this circuit breaker.
        """
        if getattr(func, "_ignore_on_call", False):
            # if the function has set `_ignore_on_call` to True,
            # it is a decorator that needs to avoid triggering
            # the circuit breaker twice
            return func(*args, **kwargs)
        with self._lock:
            return self.state.call(func, *args, **kwargs)

    async def call_async(self, func: Callable[..., Coroutine], *args, **kwargs):
        """
        Calls `func` with the given `args` and `kwargs` according to the rules
        implemented by the current state of this circuit breaker.
        """
        if getattr(func, "_ignore_on_call", False):
            # if the function has set `_ignore_on_call` to True,
            # it is a decorator that needs to avoid triggering
            # the circuit breaker twice
            return await func(*args, **kwargs)
        with self._lock:
            return await self.state.call_async(func, *args, **kwargs)

    def open(self):
        """
        Opens the circuit, e.g., the following calls will immediately fail
        until timeout elapses.
        """
        with self._lock:
            self._state_storage.opened_at = datetime.utcnow()
            self.state = self._state_storage.state = CircuitBreakerState.OPEN

    def half_open(self):
        """
        Half-opens the circuit, e.g. lets the following call pass through and
        opens the circuit if the call fails (or closes the circuit if the call
        succeeds).
        """
        with self._lock:
            self.state = self._state_storage.state = CircuitBreakerState.HALF_OPEN

    def close(self):
        """
        Closes the circuit, e.g. lets the following calls execute as usual.
        """
        with self._lock:
            self.state = self._state_storage.state = CircuitBreakerState.CLOSED

    def __call__(self, *call_args, ignore_on_call=True):
        """
        Returns a wrapper that calls the function `func` according to the rules
        implemented by the current state of this circuit breaker.
        """

        def _outer_wrapper(func):
            @wraps(func)
            def _inner_wrapper(*args, **kwargs):
                return self.call(func, *args, **kwargs)

            @wraps(func)
            async def _inner_wrapper_async(*args, **kwargs):
                return await self.call_async(func, *args, **kwargs)

            return_func = _inner_wrapper_async if inspect.iscoroutinefunction(func) else _inner_wrapper
            return_func._ignore_on_call = ignore_on_call
            return return_func

        if len(call_args) == 1 and inspect.isfunction(call_args[0]):
            # if decorator called without arguments, pass the function on
            return _outer_wrapper(*call_args)
        elif len(call_args) == 0:
            # if decorator called with arguments, _outer_wrapper will receive the function
            return _outer_wrapper
        else:
            raise TypeError("Decorator does not accept positional arguments.")

    @property
    def listeners(self):
        """
        Returns the registered listeners as a tuple.
        """
        return tuple(self._listeners)

    def add_listener(self, listener):
        """
        Registers a listener for this circuit breaker.
        """
        with self._lock:
            self._listeners.append(listener)

    def add_listeners(self, *listeners):
        """
        Registers listeners for this circuit breaker.
        """
        for listener in listeners:
            self.add_listener(listener)

    def remove_listener(self, listener):
        """
        Unregisters a listener of this circuit breaker.
        """
        with self._lock:
            self._listeners.remove(listener)

    @property
    def name(self):
        """
        Returns the name of this circuit breaker. Useful for logging.
        """
        return self._name

    @name.setter
    def name(self, name):
        """
        Set the name of this circuit breaker.
        """
        self._name = name


# ------------------------------------------------------------------ a pytest stand-in and the fixtures


class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        self.value = e
        return issubclass(et, self.expected)


raises = _Raises


class mark:
    asyncio = "asyncio"


def storage():
    return CircuitMemoryStorage(CircuitBreakerState.CLOSED)


def delta():
    return timedelta(seconds=0.05)


STATE_OPEN = CircuitBreakerState.OPEN
STATE_CLOSED = CircuitBreakerState.CLOSED
STATE_HALF_OPEN = CircuitBreakerState.HALF_OPEN


# ------------------------------------------------------------------ test/util.py


class DummyException(Exception):
    """
    A more specific error to call during the tests.
    """
    pass


def func_exception():
    raise DummyException()


def func_succeed():
    return True


async def func_succeed_async():
    return True


async def func_exception_async():
    raise DummyException()


def func_succeed_counted():
    def func_succeed():
        func_succeed.call_count += 1
        return True

    func_succeed.call_count = 0

    return func_succeed


def func_succeed_counted_async():
    async def func_succeed_async():
        func_succeed_async.call_count += 1
        return True

    func_succeed_async.call_count = 0

    return func_succeed_async


# ------------------------------------------------------------------ test/test_circuit_async.py

pytestmark = mark.asyncio


async def test_successful_call_async(storage):
    """
    It should keep the circuit closed after a successful call.
    """
    breaker = CircuitBreaker(state_storage=storage)
    assert await breaker.call_async(func_succeed_async)
    assert 0 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state


async def test_one_failed_call(storage):
    """It should keep the circuit closed after a few failures."""

    breaker = CircuitBreaker(state_storage=storage)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    assert 1 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state


async def test_one_successful_call_after_failed_call(storage):
    """It should keep the circuit closed after few mixed outcomes."""

    breaker = CircuitBreaker(state_storage=storage)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    assert 1 == breaker.fail_counter

    assert await breaker.call_async(func_succeed_async)
    assert 0 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state


async def test_several_failed_calls(storage):
    """It should open the circuit after multiple failures."""

    breaker = CircuitBreaker(state_storage=storage, fail_max=3)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    # Circuit should open
    with raises(CircuitBreakerError):
        await breaker.call_async(func_exception_async)

    assert breaker.fail_counter == 3
    assert breaker.current_state == STATE_OPEN


async def test_failed_call_after_timeout(storage, delta):
    """It should half-open the circuit after timeout and close immediately on fail."""

    breaker = CircuitBreaker(fail_max=3, timeout_duration=delta, state_storage=storage)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    assert STATE_CLOSED == breaker.current_state

    # Circuit should open
    with raises(CircuitBreakerError):
        await breaker.call_async(func_exception_async)

    assert 3 == breaker.fail_counter

    await sleep(delta.total_seconds() * 2)

    # Circuit should open again
    with raises(CircuitBreakerError):
        await breaker.call_async(func_exception_async)

    assert 4 == breaker.fail_counter
    assert STATE_OPEN == breaker.current_state


async def test_successful_after_timeout(storage, delta):
    """It should close the circuit when a call succeeds after timeout."""

    breaker = CircuitBreaker(fail_max=3, timeout_duration=delta, state_storage=storage)
    func_succeed_async = func_succeed_counted_async()

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    with raises(DummyException):
        await breaker.call_async(func_exception_async)

    assert STATE_CLOSED == breaker.current_state

    # Circuit should open
    with raises(CircuitBreakerError):
        await breaker.call_async(func_exception_async)

    assert STATE_OPEN == breaker.current_state

    with raises(CircuitBreakerError):
        await breaker.call_async(func_succeed_async)

    assert 3 == breaker.fail_counter

    # Wait for timeout, at least a second since redis rounds to a second
    await sleep(delta.total_seconds() * 2)

    # Circuit should close again
    assert await breaker.call_async(func_succeed_async)
    assert 0 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state
    assert 1 == func_succeed_async.call_count


async def test_failed_call_when_half_open(storage):
    """It should open the circuit when a call fails in half-open state."""

    breaker = CircuitBreaker(state_storage=storage)

    breaker.half_open()
    assert 0 == breaker.fail_counter
    assert STATE_HALF_OPEN == breaker.current_state

    with raises(CircuitBreakerError):
        await breaker.call_async(func_exception_async)

    assert 1 == breaker.fail_counter
    assert STATE_OPEN == breaker.current_state


async def test_successful_call_when_half_open(storage):
    """It should close the circuit when a call succeeds in half-open state."""

    breaker = CircuitBreaker(state_storage=storage)

    breaker.half_open()
    assert 0 == breaker.fail_counter
    assert STATE_HALF_OPEN == breaker.current_state

    # Circuit should open
    assert await breaker.call_async(func_succeed_async)
    assert 0 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state


async def test_close(storage):
    """It should allow the circuit to be closed manually."""

    breaker = CircuitBreaker(fail_max=3, state_storage=storage)

    breaker.open()
    assert 0 == breaker.fail_counter
    assert STATE_OPEN == breaker.current_state

    breaker.close()
    assert 0 == breaker.fail_counter
    assert STATE_CLOSED == breaker.current_state


async def test_generator(storage):
    """It should support generator values."""

    breaker = CircuitBreaker(state_storage=storage)

    @breaker
    def func_succeed():
        """Docstring"""
        yield True

    @breaker
    def func_exception():
        """Docstring"""
        x = yield True
        raise DummyException(x)

    s = func_succeed()
    e = func_exception()
    next(e)

    with raises(DummyException):
        e.send(True)

    assert 1 == breaker.fail_counter
    assert next(s)

    with raises(StopIteration):
        next(s)

    assert 0 == breaker.fail_counter


# ------------------------------------------------------------------ test/test_listener.py


def test_transition_events(storage):
    """It should call the appropriate functions on every state transition."""

    class Listener(CircuitBreakerListener):
        def __init__(self):
            self.out = []

        def state_change(self, breaker, old, new):
            assert breaker
            self.out.append((old.name, new.name))

    listener = Listener()
    breaker = CircuitBreaker(listeners=(listener,), state_storage=storage)
    assert STATE_CLOSED == breaker.current_state

    breaker.open()
    assert STATE_OPEN == breaker.current_state

    breaker.half_open()
    assert STATE_HALF_OPEN == breaker.current_state

    breaker.close()
    assert STATE_CLOSED == breaker.current_state

    assert [(STATE_CLOSED, STATE_OPEN), (STATE_OPEN, STATE_HALF_OPEN), (STATE_HALF_OPEN, STATE_CLOSED)] == listener.out


def test_call_events(storage):
    """It should call the appropriate functions on every successful/failed call.
    """

    class Listener(CircuitBreakerListener):
        def __init__(self):
            self.out = []

        def before_call(self, breaker, func, *args, **kwargs):
            assert breaker
            self.out.append("CALL")

        def success(self, breaker):
            assert breaker
            self.out.append("SUCCESS")

        def failure(self, breaker, exception):
            assert breaker
            assert isinstance(exception, DummyException)
            self.out.append("FAILURE")

    listener = Listener()
    breaker = CircuitBreaker(listeners=(listener,), state_storage=storage)

    assert breaker.call(func_succeed)

    with raises(DummyException):
        breaker.call(func_exception)

    assert ["CALL", "SUCCESS", "CALL", "FAILURE"] == listener.out


# ------------------------------------------------------------------ the driver


class Recorder(CircuitBreakerListener):
    def state_change(self, breaker, old, new):
        print(f"  {breaker.name}: {type(old).__name__} -> {type(new).__name__} ({new.state})")

    def failure(self, breaker, exception):
        print(f"  {breaker.name}: failure {exception!r}, {breaker.fail_counter} of {breaker.fail_max}")


async def guarded_demo():
    breaker = CircuitBreaker(fail_max=2, timeout_duration=timedelta(seconds=0.05),
                             exclude=[KeyError], listeners=[Recorder()], name="demo")

    @breaker
    async def fetch(key, table={"a": 1}):
        if key == "boom":
            raise ConnectionError(key)
        return table[key]

    print(await fetch("a"), fetch.__name__, fetch._ignore_on_call, breaker.excluded_exceptions)
    for key in ["missing", "boom", "boom", "a"]:
        try:
            print(key, "->", await fetch(key))
        except CircuitBreakerError as e:
            print(key, "->", type(e).__name__, e.message, repr(e.__cause__), e.time_remaining > timedelta(0))
        except Exception as e:
            print(key, "->", repr(e), breaker.current_state.name, breaker.fail_counter)
    await asyncio.sleep(0.1)
    print(await fetch("a"), breaker.state.state, list(CircuitBreakerState), CircuitBreakerState.OPEN.value.__name__)
    try:
        breaker(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        CircuitBreakerStorage("x")
    except TypeError as e:
        print("TypeError:", e)


def main():
    passed = failed = 0
    tests = [test_successful_call_async, test_one_failed_call, test_one_successful_call_after_failed_call,
             test_several_failed_calls, test_failed_call_after_timeout, test_successful_after_timeout,
             test_failed_call_when_half_open, test_successful_call_when_half_open, test_close,
             test_generator, test_transition_events, test_call_events]
    for fn in tests:
        kind = "async" if inspect.iscoroutinefunction(fn) else "sync"
        args = [storage()] + ([delta()] if fn in (test_failed_call_after_timeout, test_successful_after_timeout) else [])
        try:
            if kind == "async":
                asyncio.run(fn(*args))
            else:
                fn(*args)
        except Exception as e:
            failed += 1
            print(f"{fn.__name__} ({kind}) FAILED {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"{fn.__name__} ({kind}) PASSED")
    print(f"{passed} passed, {failed} failed")
    asyncio.run(guarded_demo())


if __name__ == "__main__":
    main()
