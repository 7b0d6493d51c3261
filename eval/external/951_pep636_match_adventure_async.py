# Source: https://peps.python.org/pep-0636/ (PEP 636, the structural pattern matching tutorial: the text adventure's command matching with sequences, literals, captures, wildcards, or-patterns, as-patterns, guards, class patterns with positional __match_args__, Click/KeyPress/Quit events, mapping patterns and a value pattern of an Enum)
# Changed: the tutorial's fragments are assembled into one small game: a coroutine reads scripted
# commands from an asyncio.Queue (no input()), current_room and the objects are small stand-in
# classes the tutorial leaves undefined; UI events go through a second queue; each handled
# command prints what the tutorial's branch does
import asyncio
from dataclasses import dataclass
from enum import Enum


class Room:
    def __init__(self, name, exits, contents=()):
        self.name = name
        self.exits = exits
        self.contents = list(contents)

    def neighbor(self, direction):
        return rooms[self.exits[direction]]

    def describe(self):
        print(f"You are in the {self.name}; exits: {', '.join(sorted(self.exits))}")


rooms = {
    "hall": Room("hall", {"north": "library", "east": "kitchen"}, ["umbrella"]),
    "library": Room("library", {"south": "hall"}, ["book", "sword"]),
    "kitchen": Room("kitchen", {"west": "hall"}, ["rusty key"]),
}
current_room = rooms["hall"]
character = {"items": []}


def character_get(obj, room):
    room.contents.remove(obj)
    character["items"].append(obj)
    print(f"took the {obj}")


def character_drop(obj, room):
    character["items"].remove(obj)
    room.contents.append(obj)
    print(f"dropped the {obj}")


def handle(command):
    global current_room
    match command.split():
        case [action]:
            print(f"single word: {action}")
        case [action, obj]:
            print(f"two words: {action} {obj}")
        case _:
            pass
    match command.split():
        case ["quit"]:
            print("Goodbye!")
            return False
        case ["look"]:
            current_room.describe()
        case ["get", obj] if obj in current_room.contents:
            character_get(obj, current_room)
        case ["get", obj]:
            print(f"There is no {obj} here")
        case ["drop", *objects]:
            for obj in objects:
                if obj in character["items"]:
                    character_drop(obj, current_room)
                else:
                    print(f"You don't have {obj}")
        case ["go", direction] if direction in current_room.exits:
            current_room = current_room.neighbor(direction)
            print(f"went {direction} to the {current_room.name}")
        case ["go", _]:
            print("Sorry, you can't go that way")
        case ["north"] | ["go", "north"]:
            print("north, outside the map")
        case ["get", obj] | ["pick", "up", obj] | ["pick", obj, "up"]:
            print(f"unreachable {obj}")
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            print("unreachable", direction)
        case ["inventory" | "i"]:
            print("You carry:", ", ".join(character["items"]) or "nothing")
        case [("pick" | "lift") as verb, "up", *rest]:
            print(f"{verb} up: {' '.join(rest)!r}")
        case []:
            print("Say something")
        case _:
            print(f"Sorry, I couldn't understand {command!r}")
    return True


@dataclass
class Click:
    position: tuple
    button: "Button"


class KeyPress:
    __match_args__ = ("key_name",)

    def __init__(self, key_name):
        self.key_name = key_name


class Quit:
    pass


class Button(Enum):
    LEFT = 1
    RIGHT = 2


def handle_event(event):
    match event:
        case {"text": message, "color": c}:
            print(f"ui: text {message!r} in {c}")
        case {"sleep": duration}:
            print(f"ui: wait {duration}")
        case {"sound": url, "format": "ogg"}:
            print(f"ui: play {url}")
        case {"sound": _, "format": _}:
            print("Unsupported audio format")
        case {"action": str(name), **rest}:
            print(f"ui: action {name} with {rest}")
        case KeyPress(key_name="Q") | Quit():
            print("game.quit()")
            return False
        case KeyPress(key_name="up arrow"):
            print("game.go_north()")
        case KeyPress():
            print(f"ignored key {event.key_name}")
        case Click(position=(x, y), button=Button.LEFT) if x > 10:
            print(f"handle click at {x}, {y}")
        case Click((x, y), Button.RIGHT):
            print(f"context menu at {x}, {y}")
        case Click():
            print("click ignored")
        case other:
            raise ValueError(f"Unrecognized event: {other!r}")
    return True


async def play(commands):
    while True:
        command = await commands.get()
        if not handle(command):
            break


async def ui(events):
    while True:
        event = await events.get()
        try:
            if not handle_event(event):
                break
        except ValueError as exc:
            print("ValueError:", exc)


async def main():
    commands, events = asyncio.Queue(), asyncio.Queue()
    for c in ["look", "get umbrella", "get lamp", "go north", "look", "get sword", "get book",
              "inventory", "drop sword lamp", "go west", "go south", "go east", "get rusty key",
              "i", "lift up the heavy rock", "", "dance wildly now", "north", "quit", "look"]:
        commands.put_nowait(c)
    for e in [{"text": "Welcome", "color": "blue", "size": 3}, {"sleep": 2}, {"sound": "a.ogg", "format": "ogg"},
              {"sound": "a.mp3", "format": "mp3"}, {"action": "jump", "height": 2}, {"action": 5},
              KeyPress("up arrow"), KeyPress("x"), Click((20, 5), Button.LEFT), Click((2, 5), Button.LEFT),
              Click((3, 4), Button.RIGHT), KeyPress("Q"), Quit()]:
        events.put_nowait(e)
    await asyncio.gather(play(commands), ui(events))
    print("left:", commands.qsize(), events.qsize(), Click.__match_args__)


asyncio.run(main())
