# Source: https://github.com/BruceEckel/python-experiments/blob/fe346245dc5bc31b83bacfe3fed48d9e8614b6df/concurrent_failure/exception_groups_2.py (Bruce Eckel's python-experiments: TaskGroup failures sorted by except*, results of cancelled tasks, pprint.pformat)
# Changed: fallible.py (https://github.com/BruceEckel/python-experiments/blob/85a2fbc8dbfc81b62a5482d5da1f6d6d1952851e/concurrent_failure/fallible.py) pasted in place of `from fallible import fallible, display`.
# fallible.py
import asyncio
from asyncio import CancelledError
from pprint import pformat


async def fallible(i: int) -> str:
    await asyncio.sleep(0.1)
    print(f"fallible({i})")
    match i:
        # Commenting all but '_' shows success.
        case 1:
            raise ValueError(f"V[{i}]")
        case 3:
            raise TabError(f"T[{i}]")
        case 5 | 6:
            raise AttributeError(f"A[{i}]")
        case _:
            await asyncio.sleep(3)
            # Convert number to letter:
            return chr(ord("a") + i)


def display(e: Exception, msg: str = ""):
    print(f"{msg}{type(e).__name__}")
    if not isinstance(e, CancelledError):
        print(
            f"  {pformat(e.args, indent= 2, width=47)}"
        )


# exception_groups_2.py
import asyncio
from asyncio import CancelledError


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [
                tg.create_task(fallible(i))
                for i in range(8)
            ]
    except* ValueError as e:
        display(e)
    except* TabError as e:
        display(e)
    except* AttributeError as e:
        display(e)
        # Iterate through individual exceptions:
        for ex in e.exceptions:
            display(ex)
    except* CancelledError as e:  # Never happens
        display(e)
    finally:
        print("- Tasks Complete -")

    for t in tasks:
        print(f"{t.get_name()} -> ", end="")
        try:  # Raises exception if no t.result():
            print(f"{t.result()}")
        except Exception as e:
            display(e, "Exception: ")
        # CancelledError is a subclass of BaseException:
        except BaseException as e:
            display(e, "BaseException: ")


asyncio.run(main())
