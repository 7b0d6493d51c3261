# Source: https://github.com/tony/learning-asyncio/blob/HEAD/src/017_customizing_event_loops.py (Tony Narlock's learning-asyncio, lesson "Customizing the Event Loop": a DefaultEventLoopPolicy subclass installed, a loop made from it, the original policy restored)
# Changed: nothing (the reprs' addresses are matched by a regex)
#!/usr/bin/env python
"""
Customizing the Event Loop.
"""

import asyncio


class CustomEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """A custom event loop policy for demonstration purposes."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        """Create a new event loop instance."""
        return super().new_event_loop()


async def demonstrate_custom_loop() -> str:
    """Demonstrate running on a custom event loop."""
    await asyncio.sleep(0.001)
    return "Ran on a custom loop"


def main() -> None:
    """
    Run the main demonstration for this lesson.
    """
    original_policy = asyncio.get_event_loop_policy()
    print(f"Original policy: {original_policy}")

    custom_policy = CustomEventLoopPolicy()
    asyncio.set_event_loop_policy(custom_policy)
    print(f"Custom policy installed: {asyncio.get_event_loop_policy()}")

    loop = asyncio.new_event_loop()
    print(f"Running with custom loop: {loop}")

    try:
        asyncio.set_event_loop(loop)
        result = loop.run_until_complete(demonstrate_custom_loop())
        print(f"Result: {result}")
    finally:
        loop.close()
        asyncio.set_event_loop_policy(original_policy)
        print(f"Policy restored: {asyncio.get_event_loop_policy()}")


if __name__ == "__main__":
    main()
