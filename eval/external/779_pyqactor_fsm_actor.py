# Source: https://github.com/Proch92/iss/blob/HEAD/pyqactor/asyncactor.py, fsmactor.py, transitions.py and messages.py (a university project's actor library: an Actor whose start() loops over its asyncio.Queue mailbox, and an FSMactor whose states are functions, epsilon transitions wrapping a state so that it moves on, and message transitions, which add_transition never records unless the state already has a list)
# Changed: the four modules are inlined (their `from transitions import *` / `from messages import *` / `from asyncactor import Actor` dropped); a driver below builds a three-state machine, starts the actor as a task, sends it messages, and shows the KeyError its on_receive raises for a state without recorded transitions (the library's own bug), retrieved from the task
import asyncio


class Actor(object):
    def __init__(self):
        self.queue = asyncio.Queue()

    async def start(self):
        self.on_start()
        while True:
            message = await self.queue.get()
            self.on_receive(message)

    def send_message(self, message):
        self.queue.put_nowait(message)

    def on_start(self):
        pass

    def on_receive(self, message):
        pass


class Transition(object):
    def __init__(self):
        pass


class Epsilon(Transition):
    def __init__(self):
        pass


class WhenMsg(Transition):
    def __init__(self):
        pass


class WhenEvent(Transition):
    def __init__(self):
        pass


class Message(object):
    def __init__(self):
        pass


class Dispatch(Message):
    def __init__(self):
        pass


class Request(Message):
    def __init__(self):
        pass


class Event(Message):
    def __init__(self):
        pass


class FSMactor(Actor):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.states = {}
        self.transitions = {}
        self.current_state = None

    def add_state(self, foo):
        self.states[foo.__name__] = foo

    def set_initial(self, foo):
        self.current_state = foo.__name__

    def goto(self, state_to):
        self.current_state = state_to
        self.execute_current_state()

    def execute_current_state(self):
        self.states[self.current_state]()

    def add_transition(self, s_from, s_to, trans_type):
        if trans_type is Epsilon:
            def goto_wrapper(func):
                def wrapper():
                    func()
                    self.goto(s_to)
                return wrapper

            self.states[s_from] = goto_wrapper(self.states[s_from])
        else:
            if s_from in self.transitions:
                self.transitions[s_from].append({'state_to': s_to, 'trans_type': trans_type})

    def on_start(self):
        print('on_start')
        self.execute_current_state()

    def on_receive(self, message):
        trans = self.transitions[self.current_state]
        for t in trans:
            if t['trans_type'] is WhenMsg:
                if isinstance(message, Message):
                    self.goto(t['state_to'])
                    break


# Changed: the driver.
class Printer(Actor):
    def __init__(self):
        super().__init__()
        self.seen = []

    def on_start(self):
        print("printer ready")

    def on_receive(self, message):
        self.seen.append(type(message).__name__)
        print("printer got", type(message).__name__, isinstance(message, Message))


async def main():
    robot = FSMactor("robot")

    def init():
        print(f"{robot.name} | init")

    def walking():
        print(f"{robot.name} | walking")

    def stopped():
        print(f"{robot.name} | stopped")

    for s in (init, walking, stopped):
        robot.add_state(s)
    robot.set_initial(init)
    robot.add_transition("init", "walking", Epsilon)
    robot.add_transition("walking", "stopped", WhenMsg)
    robot.transitions["stopped"] = []
    robot.add_transition("stopped", "walking", WhenMsg)
    print(sorted(robot.states), robot.transitions, robot.current_state)

    printer = Printer()
    tasks = [asyncio.create_task(robot.start()), asyncio.create_task(printer.start())]
    await asyncio.sleep(0)
    print("state after start:", robot.current_state)
    for m in (Dispatch(), Request(), Event()):
        printer.send_message(m)
    await asyncio.sleep(0)
    robot.send_message(Dispatch())
    await asyncio.sleep(0)
    print("robot task done:", tasks[0].done(), repr(tasks[0].exception()))
    robot.current_state = "stopped"
    tasks[0] = asyncio.create_task(robot.start())
    await asyncio.sleep(0)
    robot.send_message(Request())
    await asyncio.sleep(0)
    print("state:", robot.current_state, printer.seen, printer.queue.qsize())
    for t in tasks:
        t.cancel()
    print(await asyncio.gather(*tasks, return_exceptions=True))


asyncio.run(main())
