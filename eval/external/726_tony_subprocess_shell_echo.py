# Source: https://github.com/tony/learning-asyncio/blob/HEAD/src/013_subprocess.py (Tony Narlock's learning-asyncio, lesson "Running and Managing Subprocesses": create_subprocess_shell with stdout and stderr pipes, communicate())
# Changed: the lesson's docstrings are shortened
#!/usr/bin/env python
"""
Running and Managing Subprocesses.
"""

import asyncio


async def run_command(command: str) -> str:
    """
    Asynchronously runs a command in a subprocess and returns its stdout output.
    """
    proc = await asyncio.create_subprocess_shell(
        command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )

    stdout, _stderr = await proc.communicate()

    # Return only the output, do not print here to avoid failing the doctest.
    return stdout.decode() if stdout else ""


async def main() -> None:
    """
    Run the main demonstration for this lesson.
    """
    command = "echo Hello, World!"
    output = await run_command(command)

    # Now we print the output here for demonstration:
    print("[stdout]")
    print(output)
    print(f"Output: {output.strip()}")


if __name__ == "__main__":
    asyncio.run(main())
