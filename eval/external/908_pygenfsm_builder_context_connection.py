# Source: https://github.com/serialx/pygenfsm/blob/HEAD/src/pygenfsm/fsm.py (serialx's pygenfsm, the async version: a generic dataclass FSM[S, E, C] and an FSMBuilder[S, E, C] whose handlers are registered before the context exists and copied into each build())
# Source: https://github.com/serialx/pygenfsm/blob/HEAD/examples/context_injection.py and examples/network_connection.py (the project's examples: a ServiceContext dataclass annotated with classes defined after it, subscripted FSMBuilder[...](...) calls, a reconnecting connection FSM whose events carry bytes)
# Changed: the library module is inlined first (as in 902), then the two examples one after
# another (their main() renamed injection_main/connection_main; network_connection's time.time()
# timestamps are not printed); a missing-handler error, replace_context() and the builders' shared
# handlers are printed at the end
"""A minimal, clean, typed and async FSM implementation inspired by Erlang's gen_fsm."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from copy import deepcopy
from dataclasses import dataclass, field
from enum import Enum
from typing import (
    Any,
    Generic,
    Protocol,
    TypeVar,
    cast,
)

# --- type parameters ---------------------------------------------------------

S = TypeVar("S", bound=Enum)  # State enum  (e.g. LightState)
E = TypeVar("E")  # Event type  (must be a dataclass)
C = TypeVar("C")  # Arbitrary user data

# --- handler protocol --------------------------------------------------------


# Event handler type - we use TypeVar to allow handlers to accept
# specific event types that are part of a union
SpecificEventType = TypeVar("SpecificEventType")


class Handler(Protocol[S, E, C]):
    """A state-transition handler that can be sync or async.

    Returns the *next* state after handling `event` and (optionally) mutating
    `fsm.data`.
    """

    def __call__(self, fsm: FSM[S, E, C], event: E) -> S | Coroutine[Any, Any, S]:
        """Handle the state transition (sync or async)."""
        ...


# --- FSM builder (for late context injection) -------------------------------


@dataclass
class FSMBuilder(Generic[S, E, C]):
    """FSM builder that allows defining handlers before context is available."""

    initial_state: S
    _handlers: dict[tuple[S, Any], Handler[S, E, C]] = field(default_factory=lambda: {})

    # ――― decorator for registering handlers ―――
    def on(
        self, state: S, event_type: type[SpecificEventType]
    ) -> Callable[
        [Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]]],
        Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]],
    ]:
        """Register a handler for a state/event combination."""

        def decorator(
            fn: Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]],
        ) -> Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]]:
            key = (state, event_type)
            self._handlers[key] = cast(Handler[S, E, C], fn)
            return fn

        return decorator

    def build(self, context: C) -> FSM[S, E, C]:
        """Build an FSM instance with the given context."""
        return FSM(
            state=self.initial_state,
            context=context,
            _handlers=self._handlers.copy(),  # Copy to avoid sharing
        )


# --- the FSM core ------------------------------------------------------------


@dataclass
class FSM(Generic[S, E, C]):
    """Minimal async FSM (a Pythonic `gen_fsm`)."""

    state: S
    context: C
    _handlers: dict[tuple[S, Any], Handler[S, E, C]] = field(default_factory=lambda: {})

    # ――― decorator for registering handlers ―――
    def on(
        self, state: S, event_type: type[SpecificEventType]
    ) -> Callable[
        [Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]]],
        Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]],
    ]:
        """Register a handler for a state/event combination."""

        def decorator(
            fn: Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]],
        ) -> Callable[[FSM[S, E, C], SpecificEventType], S | Coroutine[Any, Any, S]]:
            key = (state, event_type)
            self._handlers[key] = cast(Handler[S, E, C], fn)
            return fn

        return decorator

    # ――― event dispatcher ―――
    async def send(self, event: E) -> S:
        """Send an event to the FSM and transition to the next state.

        Supports both sync and async handlers transparently.
        """
        key = (self.state, type(event))

        try:
            handler = self._handlers[key]
        except KeyError as e:
            event_repr = type(event).__name__
            msg = f"No handler for ({self.state}, {event_repr})"
            raise RuntimeError(msg) from e

        result = handler(self, event)
        if inspect.iscoroutine(result):
            self.state = await result  # async handler
        else:
            self.state = cast(S, result)  # sync handler
        return self.state

    def send_sync(self, event: E) -> S:
        """Send an event to the FSM synchronously."""
        key = (self.state, type(event))

        try:
            handler = self._handlers[key]
        except KeyError as e:
            event_repr = type(event).__name__
            msg = f"No handler for ({self.state}, {event_repr})"
            raise RuntimeError(msg) from e

        # Call handler and check if it's a coroutine
        result = handler(self, event)
        if inspect.iscoroutine(result):
            msg = "Handler returned a coroutine. Use async send() method instead of send_sync()"
            raise RuntimeError(msg)

        self.state = cast(S, result)  # may mutate self.context
        return self.state

    # ――― cloning ―――
    def clone(self) -> FSM[S, E, C]:
        """Create a deep copy of the FSM instance."""
        return FSM(
            state=self.state,
            context=deepcopy(self.context),
            _handlers=self._handlers,  # Share handlers
        )

    # ――― context replacement ―――
    def replace_context(self, context: C) -> None:
        """Replace the FSM's context with a new one."""
        self.context = context


# ============================================================================
# examples/context_injection.py
# ============================================================================
"""Example: Demonstrating context injection after FSM creation."""

import asyncio
from enum import auto


# States
class ServiceState(Enum):
    UNINITIALIZED = auto()
    READY = auto()
    PROCESSING = auto()
    ERROR = auto()


# Events
@dataclass
class InitializeEvent:
    """Initialize the service with injected dependencies."""

    pass


@dataclass
class ProcessRequestEvent:
    """Process a request using the injected services."""

    request_id: str
    data: dict[str, Any]


@dataclass
class CompleteEvent:
    """Processing completed successfully."""

    result: Any


@dataclass
class ErrorEvent:
    """An error occurred."""

    error: str


# Union type for events
ServiceEvent = InitializeEvent | ProcessRequestEvent | CompleteEvent | ErrorEvent


# Context with external dependencies
@dataclass
class ServiceContext:
    """Context containing external service dependencies."""

    db_connection: DatabaseConnection
    cache: CacheService
    logger: Logger
    request_count: int = 0
    last_error: str | None = None


# Mock service classes
class DatabaseConnection:
    def __init__(self, connection_string: str):
        self.connection_string = connection_string
        self.connected = False

    def connect(self) -> None:
        self.connected = True
        print(f"📊 Connected to database: {self.connection_string}")

    def query(self, request_id: str) -> dict[str, Any]:
        return {"id": request_id, "status": "found", "data": "sample data"}


class CacheService:
    def __init__(self, host: str):
        self.host = host
        self.cache: dict[str, Any] = {}

    def get(self, key: str) -> Any | None:
        return self.cache.get(key)

    def set(self, key: str, value: Any) -> None:
        self.cache[key] = value
        print(f"💾 Cached: {key}")


class Logger:
    def __init__(self, name: str):
        self.name = name

    def info(self, message: str) -> None:
        print(f"ℹ️  [{self.name}] {message}")

    def error(self, message: str) -> None:
        print(f"❌ [{self.name}] {message}")


# Create FSM builder
builder = FSMBuilder[ServiceState, ServiceEvent, ServiceContext](
    initial_state=ServiceState.UNINITIALIZED
)


# Handlers
# Type alias for cleaner code
ServiceFSM = FSM[ServiceState, ServiceEvent, ServiceContext]


@builder.on(ServiceState.UNINITIALIZED, InitializeEvent)
def initialize(fsm: ServiceFSM, event: InitializeEvent) -> ServiceState:
    fsm.context.db_connection.connect()
    fsm.context.logger.info("Service initialized successfully")
    return ServiceState.READY


@builder.on(ServiceState.READY, ProcessRequestEvent)
def process_request(fsm: ServiceFSM, event: ProcessRequestEvent) -> ServiceState:
    fsm.context.logger.info(f"Processing request {event.request_id}")
    fsm.context.request_count += 1

    # Check cache first
    cached = fsm.context.cache.get(event.request_id)
    if cached:
        print(f"✅ Found in cache: {event.request_id}")
        return ServiceState.PROCESSING

    # Query database
    result = fsm.context.db_connection.query(event.request_id)
    fsm.context.cache.set(event.request_id, result)

    return ServiceState.PROCESSING


@builder.on(ServiceState.PROCESSING, CompleteEvent)
def complete_processing(fsm: ServiceFSM, event: CompleteEvent) -> ServiceState:
    fsm.context.logger.info(
        f"Processing completed. Total requests: {fsm.context.request_count}"
    )
    return ServiceState.READY


@builder.on(ServiceState.ERROR, InitializeEvent)
def reinitialize(fsm: ServiceFSM, event: InitializeEvent) -> ServiceState:
    print("🔄 Attempting to reinitialize from error state...")
    fsm.context.db_connection.connect()
    fsm.context.logger.info("Service reinitialized successfully")
    return ServiceState.READY


# Demo usage
async def injection_main():
    print("=== Context Injection Demo ===\n")

    # First, demonstrate that we can't build without context
    print("1. FSM builder is ready, but no instances yet\n")

    # Create dependencies (simulating late initialization)
    print("2. Creating external dependencies...")
    db = DatabaseConnection("postgresql://localhost/myapp")
    cache = CacheService("redis://localhost:6379")
    logger = Logger("ServiceFSM")

    # Create context and build FSM
    print("\n3. Building FSM with context...")
    context = ServiceContext(
        db_connection=db,
        cache=cache,
        logger=logger,
    )
    service_fsm = builder.build(context)
    print("   ✅ FSM instance created with context\n")

    # Initialize
    print("4. Initializing service:")
    await service_fsm.send(InitializeEvent())
    print(f"   State: {service_fsm.state.name}\n")

    # Process some requests
    print("5. Processing requests:")
    await service_fsm.send(
        ProcessRequestEvent(request_id="req_001", data={"action": "fetch"})
    )
    await service_fsm.send(CompleteEvent(result={"status": "success"}))

    await service_fsm.send(
        ProcessRequestEvent(request_id="req_002", data={"action": "update"})
    )
    await service_fsm.send(CompleteEvent(result={"status": "success"}))

    # Try cached request
    await service_fsm.send(
        ProcessRequestEvent(request_id="req_001", data={"action": "fetch"})
    )
    await service_fsm.send(CompleteEvent(result={"status": "success"}))

    print(f"\nFinal state: {service_fsm.state.name}")
    print(f"Total requests processed: {service_fsm.context.request_count}")

    # Demonstrate creating another instance with different context
    print("\n6. Creating another FSM instance with different context:")
    db2 = DatabaseConnection("postgresql://localhost/myapp2")
    cache2 = CacheService("redis://localhost:6380")
    logger2 = Logger("ServiceFSM2")

    context2 = ServiceContext(
        db_connection=db2,
        cache=cache2,
        logger=logger2,
    )
    service_fsm2 = builder.build(context2)
    await service_fsm2.send(InitializeEvent())
    print("   ✅ Second instance created and initialized")
    print("   Both instances share behavior but have separate state/context")
    return service_fsm, service_fsm2


# ============================================================================
# examples/network_connection.py
# ============================================================================
"""Example: Network connection manager with complex event types carrying data."""


# States
class ConnectionState(Enum):
    DISCONNECTED = auto()
    CONNECTING = auto()
    CONNECTED = auto()
    RECONNECTING = auto()
    ERROR = auto()


# Complex events with data
@dataclass
class ConnectEvent:
    """Request to connect to a server."""

    host: str
    port: int
    timeout: float = 30.0


@dataclass
class ConnectionEstablishedEvent:
    """Connection successfully established."""

    session_id: str
    latency_ms: float


@dataclass
class ConnectionErrorEvent:
    """Connection error occurred."""

    error_code: int
    message: str
    retry_after: float | None = None


@dataclass
class ContextReceivedEvent:
    """Context received from server."""

    data: bytes
    timestamp: float


@dataclass
class DisconnectEvent:
    """Request to disconnect."""

    pass


@dataclass
class RetryEvent:
    """Retry connection attempt."""

    pass


# Union type for all events
ConnectionEvent = (
    ConnectEvent
    | ConnectionEstablishedEvent
    | ConnectionErrorEvent
    | ContextReceivedEvent
    | DisconnectEvent
    | RetryEvent
)


# Connection data
@dataclass
class ConnectionContext:
    current_host: str | None = None
    current_port: int | None = None
    session_id: str | None = None
    retry_count: int = 0
    max_retries: int = 3
    last_error: str | None = None
    bytes_received: int = 0


# Type alias
ConnectionFSM = FSM[ConnectionState, ConnectionEvent, ConnectionContext]

# Create FSM
connection = ConnectionFSM(
    state=ConnectionState.DISCONNECTED,
    context=ConnectionContext(),
)


# Handler for DISCONNECTED state
@connection.on(ConnectionState.DISCONNECTED, ConnectEvent)
def start_connection(fsm: ConnectionFSM, event: ConnectEvent) -> ConnectionState:
    print(f"🔌 Connecting to {event.host}:{event.port} (timeout: {event.timeout}s)")
    fsm.context.current_host = event.host
    fsm.context.current_port = event.port
    fsm.context.retry_count = 0
    return ConnectionState.CONNECTING


# Handler for CONNECTING state - success
@connection.on(ConnectionState.CONNECTING, ConnectionEstablishedEvent)
def connection_established(
    fsm: ConnectionFSM, event: ConnectionEstablishedEvent
) -> ConnectionState:
    print(f"✅ Connected! Session: {event.session_id}, Latency: {event.latency_ms}ms")
    fsm.context.session_id = event.session_id
    fsm.context.last_error = None
    return ConnectionState.CONNECTED


# Handler for CONNECTING state - error
@connection.on(ConnectionState.CONNECTING, ConnectionErrorEvent)
def connection_failed(
    fsm: ConnectionFSM, event: ConnectionErrorEvent
) -> ConnectionState:
    print(f"❌ Connection failed: [{event.error_code}] {event.message}")
    fsm.context.last_error = event.message

    if fsm.context.retry_count < fsm.context.max_retries:
        fsm.context.retry_count += 1
        print(f"🔄 Will retry ({fsm.context.retry_count}/{fsm.context.max_retries})")
        if event.retry_after:
            print(f"   Waiting {event.retry_after}s before retry...")
        return ConnectionState.RECONNECTING
    else:
        print("❌ Max retries exceeded. Going to ERROR state.")
        return ConnectionState.ERROR


# Handler for CONNECTED state - receive data
@connection.on(ConnectionState.CONNECTED, ContextReceivedEvent)
def handle_data(fsm: ConnectionFSM, event: ContextReceivedEvent) -> ConnectionState:
    fsm.context.bytes_received += len(event.data)
    print(f"📦 Received {len(event.data)} bytes (total: {fsm.context.bytes_received})")
    return ConnectionState.CONNECTED


# Handler for CONNECTED state - disconnect
@connection.on(ConnectionState.CONNECTED, DisconnectEvent)
def disconnect(fsm: ConnectionFSM, event: DisconnectEvent) -> ConnectionState:
    print(
        f"👋 Disconnecting from {fsm.context.current_host}:{fsm.context.current_port}"
    )
    print(f"   Session {fsm.context.session_id} ended")
    print(f"   Total bytes received: {fsm.context.bytes_received}")

    # Clear connection data
    fsm.context.current_host = None
    fsm.context.current_port = None
    fsm.context.session_id = None
    fsm.context.bytes_received = 0

    return ConnectionState.DISCONNECTED


# Handler for CONNECTED state - error
@connection.on(ConnectionState.CONNECTED, ConnectionErrorEvent)
def connection_lost(fsm: ConnectionFSM, event: ConnectionErrorEvent) -> ConnectionState:
    print(f"⚠️  Connection lost: [{event.error_code}] {event.message}")
    fsm.context.last_error = event.message
    fsm.context.retry_count = 0
    return ConnectionState.RECONNECTING


# Handler for RECONNECTING state
@connection.on(ConnectionState.RECONNECTING, RetryEvent)
def retry_connection(fsm: ConnectionFSM, event: RetryEvent) -> ConnectionState:
    print(
        f"🔄 Retrying connection to {fsm.context.current_host}:{fsm.context.current_port}"
    )
    return ConnectionState.CONNECTING


# Handler for ERROR state - can only disconnect
@connection.on(ConnectionState.ERROR, DisconnectEvent)
def error_disconnect(fsm: ConnectionFSM, event: DisconnectEvent) -> ConnectionState:
    print("🔴 Clearing error state and disconnecting")
    fsm.context.last_error = None
    fsm.context.retry_count = 0
    return ConnectionState.DISCONNECTED


# Demo usage
async def connection_main():
    print("=== Network Connection FSM Demo ===\n")

    # Initial connection attempt
    await connection.send(ConnectEvent(host="api.example.com", port=443, timeout=10.0))

    # Simulate connection error with retry
    await connection.send(
        ConnectionErrorEvent(
            error_code=503, message="Service temporarily unavailable", retry_after=2.0
        )
    )

    # Retry
    await connection.send(RetryEvent())

    # Successful connection
    await connection.send(
        ConnectionEstablishedEvent(session_id="sess_123abc", latency_ms=45.3)
    )

    # Receive some data
    import time

    for i in range(3):
        await connection.send(
            ContextReceivedEvent(data=f"Packet {i}".encode(), timestamp=time.time())
        )

    # Connection error while connected
    await connection.send(
        ConnectionErrorEvent(error_code=1001, message="Connection timeout")
    )

    # Retry and succeed
    await connection.send(RetryEvent())
    await connection.send(
        ConnectionEstablishedEvent(session_id="sess_456def", latency_ms=52.1)
    )

    # Clean disconnect
    await connection.send(DisconnectEvent())

    print(f"\nFinal state: {connection.state.name}")
    print(f"Last error: {connection.context.last_error}")


async def extras_main(first, second):
    print("\n=== Extras ===")
    try:
        await first.send(ErrorEvent(error="disk"))
    except RuntimeError as e:
        print(f"RuntimeError: {e}; cause is KeyError: {isinstance(e.__cause__, KeyError)}")
    print(first._handlers == second._handlers, first._handlers is second._handlers,
          first._handlers is builder._handlers)
    second.replace_context(ServiceContext(DatabaseConnection("sqlite://"), CacheService("mem"), Logger("Swapped")))
    await second.send(ProcessRequestEvent(request_id="req_009", data={}))
    print(second.state, second.context.request_count, first.context.request_count)
    print(sorted(state.name for state, _ in builder._handlers))
    print([event.__name__ for _, event in builder._handlers])
    print(connection.context)
    print(ConnectionErrorEvent(1, "x"), ConnectionErrorEvent(1, "x") == ConnectionErrorEvent(1, "x", None))
    print(ServiceContext.__annotations__["db_connection"], FSMBuilder.__dataclass_fields__["initial_state"].type)


async def main():
    first, second = await injection_main()
    print()
    await connection_main()
    await extras_main(first, second)


if __name__ == "__main__":
    asyncio.run(main())
