# Source: https://github.com/serialx/pygenfsm/blob/HEAD/src/pygenfsm/fsm.py (serialx's pygenfsm: "a minimal, clean, typed and async FSM implementation inspired by Erlang's gen_fsm": a generic dataclass FSM[S, E, C] keyed by (state enum, event dataclass type), sync and async handlers told apart with inspect.iscoroutine, an FSMBuilder, clone() through copy.deepcopy)
# Source: https://github.com/serialx/pygenfsm/blob/HEAD/examples/mixed_handlers.py and examples/payment_processing.py and examples/clone_example.py (the project's examples)
# Changed: the library module is inlined first, then the three examples one after another (each
# example's `fsm`/`payment` names kept; clone_example's driver, written for the earlier sync send(),
# calls send_sync(); payment_processing's Decimal amounts and datetime.now() stamps are not printed);
# a missing handler's RuntimeError and an async handler given to send_sync() are printed at the end
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
# examples/mixed_handlers.py
# ============================================================================
"""Example: FSM with both sync and async handlers."""

import asyncio
from enum import auto


class ProcessState(Enum):
    IDLE = auto()
    LOADING = auto()
    PROCESSING = auto()
    DONE = auto()


@dataclass
class StartEvent:
    filename: str


@dataclass
class DataLoadedEvent:
    size: int


@dataclass
class ProcessCompleteEvent:
    result: str


@dataclass
class ResetEvent:
    pass


# Union type for events
ProcessEvent = StartEvent | DataLoadedEvent | ProcessCompleteEvent | ResetEvent


@dataclass
class ProcessContext:
    filename: str = ""
    data_size: int = 0
    result: str = ""


# Type alias
ProcessFSM = FSM[ProcessState, ProcessEvent, ProcessContext]

# Create FSM
fsm = ProcessFSM(
    state=ProcessState.IDLE,
    context=ProcessContext(),
)


# Sync handler - for simple state transitions
@fsm.on(ProcessState.IDLE, StartEvent)
def start_loading(fsm: ProcessFSM, event: StartEvent) -> ProcessState:
    """Simple sync handler for starting the process."""
    fsm.context.filename = event.filename
    print(f"Starting to load: {event.filename}")
    return ProcessState.LOADING


# Async handler - for I/O operations
@fsm.on(ProcessState.LOADING, DataLoadedEvent)
async def data_loaded(fsm: ProcessFSM, event: DataLoadedEvent) -> ProcessState:
    """Async handler simulating data loading."""
    fsm.context.data_size = event.size
    print(f"Loading {event.size} bytes...")

    # Simulate async I/O operation
    await asyncio.sleep(0.1)

    print("Data loaded, starting processing")
    return ProcessState.PROCESSING


# Async handler - for CPU-intensive operations
@fsm.on(ProcessState.PROCESSING, ProcessCompleteEvent)
async def process_complete(
    fsm: ProcessFSM, event: ProcessCompleteEvent
) -> ProcessState:
    """Async handler for processing completion."""
    fsm.context.result = event.result

    # Simulate async processing
    await asyncio.sleep(0.05)

    print(f"Processing complete: {event.result}")
    return ProcessState.DONE


# Sync handler - for simple reset
@fsm.on(ProcessState.DONE, ResetEvent)
def reset(fsm: ProcessFSM, event: ResetEvent) -> ProcessState:
    """Simple sync handler for reset."""
    # Clear context
    fsm.context.filename = ""
    fsm.context.data_size = 0
    fsm.context.result = ""
    print("System reset")
    return ProcessState.IDLE


async def mixed_main():
    """Demonstrate mixed sync/async handlers."""
    print("=== FSM with Mixed Sync/Async Handlers ===\n")

    # Start with sync handler
    await fsm.send(StartEvent(filename="data.csv"))

    # Continue with async handler
    await fsm.send(DataLoadedEvent(size=1024))

    # Another async handler
    await fsm.send(ProcessCompleteEvent(result="Success: 42 records processed"))

    # End with sync handler
    await fsm.send(ResetEvent())

    print(f"\nFinal state: {fsm.state}")
    print("\nThis example shows that:")
    print("- Simple state transitions can use sync handlers")
    print("- I/O or CPU-intensive operations can use async handlers")
    print("- Both work seamlessly with await fsm.send()")


# ============================================================================
# examples/payment_processing.py
# ============================================================================
"""Example: Payment processing with events carrying transaction data."""

from datetime import datetime
from decimal import Decimal


# Payment states
class PaymentState(Enum):
    PENDING = auto()
    PROCESSING = auto()
    COMPLETED = auto()
    FAILED = auto()
    REFUNDED = auto()


# Payment events with data
@dataclass
class InitiatePaymentEvent:
    """Start a new payment."""

    amount: Decimal
    currency: str
    customer_id: str
    payment_method: str


@dataclass
class PaymentAuthorizedEvent:
    """Payment was authorized by payment provider."""

    authorization_code: str
    provider_transaction_id: str


@dataclass
class PaymentCompletedEvent:
    """Payment was successfully completed."""

    transaction_id: str
    processed_at: datetime


@dataclass
class PaymentFailedEvent:
    """Payment failed."""

    error_code: str
    error_message: str
    can_retry: bool = False


@dataclass
class RefundRequestEvent:
    """Request to refund the payment."""

    reason: str
    amount: Decimal | None = None  # None means full refund


# Payment data
@dataclass
class PaymentContext:
    amount: Decimal | None = None
    currency: str | None = None
    customer_id: str | None = None
    transaction_id: str | None = None
    authorization_code: str | None = None
    error_message: str | None = None
    refund_amount: Decimal | None = None
    created_at: datetime | None = None

    def __post_init__(self):
        if self.created_at is None:
            self.created_at = datetime.now()


# Union type for all payment events
PaymentEvent = (
    InitiatePaymentEvent
    | PaymentAuthorizedEvent
    | PaymentCompletedEvent
    | PaymentFailedEvent
    | RefundRequestEvent
)

# Type alias
PaymentFSM = FSM[PaymentState, PaymentEvent, PaymentContext]

# Create FSM
payment = PaymentFSM(
    state=PaymentState.PENDING,
    context=PaymentContext(),
)


# Handlers
@payment.on(PaymentState.PENDING, InitiatePaymentEvent)
def initiate_payment(fsm: PaymentFSM, event: InitiatePaymentEvent) -> PaymentState:
    print(f"💳 Initiating payment of {event.amount} {event.currency}")
    print(f"   Customer: {event.customer_id}")
    print(f"   Method: {event.payment_method}")

    fsm.context.amount = event.amount
    fsm.context.currency = event.currency
    fsm.context.customer_id = event.customer_id

    return PaymentState.PROCESSING


@payment.on(PaymentState.PROCESSING, PaymentAuthorizedEvent)
def payment_authorized(fsm: PaymentFSM, event: PaymentAuthorizedEvent) -> PaymentState:
    print("✅ Payment authorized!")
    print(f"   Auth code: {event.authorization_code}")

    fsm.context.authorization_code = event.authorization_code

    # In real world, we'd capture the payment here
    # For demo, we'll auto-complete it
    return PaymentState.PROCESSING


@payment.on(PaymentState.PROCESSING, PaymentCompletedEvent)
def payment_completed(fsm: PaymentFSM, event: PaymentCompletedEvent) -> PaymentState:
    print("🎉 Payment completed successfully!")
    print(f"   Transaction ID: {event.transaction_id}")
    print(f"   Amount: {fsm.context.amount} {fsm.context.currency}")

    fsm.context.transaction_id = event.transaction_id

    return PaymentState.COMPLETED


@payment.on(PaymentState.PROCESSING, PaymentFailedEvent)
def payment_failed(fsm: PaymentFSM, event: PaymentFailedEvent) -> PaymentState:
    print("❌ Payment failed!")
    print(f"   Error: [{event.error_code}] {event.error_message}")

    fsm.context.error_message = event.error_message

    if event.can_retry:
        print("   ⚡ Payment can be retried")
        return PaymentState.PENDING
    else:
        return PaymentState.FAILED


@payment.on(PaymentState.COMPLETED, RefundRequestEvent)
def process_refund(fsm: PaymentFSM, event: RefundRequestEvent) -> PaymentState:
    refund_amount = event.amount or fsm.context.amount
    print(f"💸 Processing refund of {refund_amount} {fsm.context.currency}")
    print(f"   Reason: {event.reason}")

    fsm.context.refund_amount = refund_amount

    return PaymentState.REFUNDED


@payment.on(PaymentState.FAILED, RefundRequestEvent)
def cannot_refund_failed(fsm: PaymentFSM, event: RefundRequestEvent) -> PaymentState:
    print("⚠️  Cannot refund a failed payment")
    return PaymentState.FAILED


async def payment_main():
    print("=== Payment Processing FSM Demo ===\n")

    # Successful payment flow
    print("--- Successful Payment ---")
    await payment.send(
        InitiatePaymentEvent(
            amount=Decimal("99.99"),
            currency="USD",
            customer_id="cust_123",
            payment_method="credit_card",
        )
    )

    await payment.send(
        PaymentAuthorizedEvent(
            authorization_code="AUTH_789", provider_transaction_id="stripe_xyz"
        )
    )

    await payment.send(
        PaymentCompletedEvent(transaction_id="TXN_456", processed_at=datetime.now())
    )

    # Refund
    print("\n--- Refund Request ---")
    await payment.send(
        RefundRequestEvent(
            reason="Customer request",
            amount=Decimal("50.00"),  # Partial refund
        )
    )

    print(f"\nFinal state: {payment.state.name}")
    print(f"Transaction ID: {payment.context.transaction_id}")


# ============================================================================
# examples/clone_example.py
# ============================================================================
"""Example demonstrating FSM cloning functionality."""


# States
class TaskState(Enum):
    PENDING = auto()
    RUNNING = auto()
    COMPLETED = auto()
    FAILED = auto()


# Events
@dataclass
class TaskStartEvent:
    """Start the task."""

    worker_id: int


@dataclass
class CompleteEvent:
    """Complete the task successfully."""

    result: str


@dataclass
class FailEvent:
    """Task failed."""

    error: str


# Union of all events
TaskEvent = TaskStartEvent | CompleteEvent | FailEvent


# Context
@dataclass
class TaskContext:
    attempts: int = 0
    worker_ids: list[int] = field(default_factory=lambda: [])
    results: list[str] = field(default_factory=lambda: [])
    errors: list[str] = field(default_factory=lambda: [])


# Type alias
TaskFSM = FSM[TaskState, TaskEvent, TaskContext]


"""Create and configure a task FSM."""
task_fsm = TaskFSM(
    state=TaskState.PENDING,
    context=TaskContext(),
)


@task_fsm.on(TaskState.PENDING, TaskStartEvent)
def start_task(fsm: TaskFSM, event: TaskStartEvent) -> TaskState:
    fsm.context.attempts += 1
    fsm.context.worker_ids.append(event.worker_id)
    print(
        f"🚀 Task started by worker {event.worker_id} (attempt #{fsm.context.attempts})"
    )
    return TaskState.RUNNING


@task_fsm.on(TaskState.RUNNING, CompleteEvent)
def complete_task(fsm: TaskFSM, event: CompleteEvent) -> TaskState:
    fsm.context.results.append(event.result)
    print(f"✅ Task completed: {event.result}")
    return TaskState.COMPLETED


@task_fsm.on(TaskState.RUNNING, FailEvent)
def fail_task(fsm: TaskFSM, event: FailEvent) -> TaskState:
    fsm.context.errors.append(event.error)
    print(f"❌ Task failed: {event.error}")
    return TaskState.FAILED


@task_fsm.on(TaskState.FAILED, TaskStartEvent)
def retry_task(fsm: TaskFSM, event: TaskStartEvent) -> TaskState:
    fsm.context.attempts += 1
    fsm.context.worker_ids.append(event.worker_id)
    print(
        f"🔄 Retrying task with worker {event.worker_id} (attempt #{fsm.context.attempts})"
    )
    return TaskState.RUNNING


def create_task_fsm() -> TaskFSM:
    """Create and return a new task FSM instance."""
    return task_fsm.clone()  # Clone the original FSM to create a new instance


def clone_main():
    print("=== FSM Cloning Example ===\n")

    # Create original task FSM
    original_task = create_task_fsm()

    # Start and fail the original task
    original_task.send_sync(TaskStartEvent(worker_id=1))
    original_task.send_sync(FailEvent(error="Network timeout"))

    # Clone the FSM to try different scenarios
    print("\n--- Cloning FSM for scenario testing ---\n")

    # Scenario 1: Retry with same worker
    scenario1 = original_task.clone()
    print("Scenario 1: Retry with same worker")
    scenario1.send_sync(TaskStartEvent(worker_id=1))
    scenario1.send_sync(CompleteEvent(result="Success with retry"))

    # Scenario 2: Retry with different worker
    scenario2 = original_task.clone()
    print("\nScenario 2: Retry with different worker")
    scenario2.send_sync(TaskStartEvent(worker_id=2))
    scenario2.send_sync(CompleteEvent(result="Success with different worker"))

    # Scenario 3: Multiple failures
    scenario3 = original_task.clone()
    print("\nScenario 3: Multiple failures")
    scenario3.send_sync(TaskStartEvent(worker_id=3))
    scenario3.send_sync(FailEvent(error="Disk full"))
    scenario3.send_sync(TaskStartEvent(worker_id=4))
    scenario3.send_sync(FailEvent(error="Out of memory"))

    # Show that original is unaffected
    print("\n--- Original FSM State ---")
    print(f"State: {original_task.state.name}")
    print(f"Attempts: {original_task.context.attempts}")
    print(f"Worker IDs: {original_task.context.worker_ids}")
    print(f"Errors: {original_task.context.errors}")

    print("\n--- Scenario Results ---")
    print(
        f"Scenario 1 - State: {scenario1.state.name}, Results: {scenario1.context.results}"
    )
    print(
        f"Scenario 2 - State: {scenario2.state.name}, Results: {scenario2.context.results}"
    )
    print(
        f"Scenario 3 - State: {scenario3.state.name}, Attempts: {scenario3.context.attempts}, Errors: {scenario3.context.errors}"
    )

    # Example: Creating a pool of identical FSMs
    print("\n--- FSM Pool Example ---")
    fsm_pool = [create_task_fsm() for _ in range(3)]

    # Process tasks in parallel (conceptually)
    for i, f in enumerate(fsm_pool):
        f.send_sync(TaskStartEvent(worker_id=i + 10))
        if i == 1:
            f.send_sync(FailEvent(error="Random failure"))
        else:
            f.send_sync(CompleteEvent(result=f"Task {i} completed"))

    print("\nPool results:")
    for i, f in enumerate(fsm_pool):
        print(f"  FSM {i}: {f.state.name}")


async def errors_main():
    print("\n=== Errors ===")
    try:
        await payment.send(ResetEvent())
    except RuntimeError as e:
        print(f"RuntimeError: {e} (cause: {e.__cause__!r})")
    try:
        fsm.send_sync(StartEvent(filename="again.csv"))
        fsm.send_sync(DataLoadedEvent(size=1))
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    print(f"fsm.state = {fsm.state!r}, context = {fsm.context}")
    print(repr(task_fsm.context), len(task_fsm._handlers))


if __name__ == "__main__":
    asyncio.run(mixed_main())
    print()
    asyncio.run(payment_main())
    print()
    clone_main()
    asyncio.run(errors_main())
