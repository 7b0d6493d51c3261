# Source: https://github.com/showa-yojyo/learning-asyncio/blob/5ce24d95eaeb2ec46e3f469bedb4906d26413521/highlevel/tasks/runner.py (showa-yojyo/learning-asyncio: the asyncio.Runner context manager, after docs.python.org asyncio-runner)
#!/usr/bin/env python
"""Runner context manager
<https://docs.python.org/3/library/asyncio-runner.html>
"""

import asyncio

async def main() -> None:
    print('Hello ...')
    await asyncio.sleep(1)
    print('... World!')

if __name__ == '__main__':
    with asyncio.Runner() as runner:
        runner.run(main())
