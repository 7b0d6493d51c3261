# Source: https://github.com/tinylambda/keep/blob/HEAD/playground/asyncio_abouts/asyncio_investigate_exception/asyncio_ie_callback.py (a done callback logging a task's exception with logging.exception)
# Changed: logging goes to stdout; the log format has no time (asctime/msecs); a new event loop is made and set instead of get_event_loop(); the task's done callback stops the loop after logging, instead of waiting for Ctrl-C in run_forever()
import asyncio
import logging
import sys


def _handle_task_result(task: asyncio.Task):
    try:
        task.result()
    except asyncio.CancelledError:
        pass
    except Exception:
        logging.exception("exception raised by task = %r", task)
    finally:
        task.get_loop().stop()


async def problem():
    await asyncio.sleep(1)
    logging.warning("going to raise an exception now!")
    raise RuntimeError("something went wrong")


if __name__ == "__main__":
    logging.basicConfig(
        format="%(filename)s:%(lineno)d %(levelname)s %(message)s",
        level=logging.INFO,
        stream=sys.stdout,
    )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    logging.info("creating the problem task")
    task = loop.create_task(problem())
    task.add_done_callback(_handle_task_result)
    logging.info("created task = %r", task)
    logging.info("running the loop")

    try:
        loop.run_forever()
    except KeyboardInterrupt:
        logging.info("closing the loop")
    loop.close()

    logging.info("shutting down")
