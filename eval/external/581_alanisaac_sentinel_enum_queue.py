# Source: https://github.com/alanisaac/python-workshop/blob/HEAD/src/distance_matrix/concurrency/producer_consumer.py (a producer/consumer pair over a queue Protocol, an Enum member as the end sentinel, consume() an async generator calling task_done in finally)
# Changed: added a driver (an async generator of items, produce() in a task, consume() read with async for, queue.join(), what Protocol and Literal look like at run time)
import asyncio
from enum import Enum
from typing import AsyncIterable, Literal, Protocol, TypeVar, Union


_T = TypeVar("_T")


class _Sentinel(Enum):
    VALUE = 0


class AsyncQueueProtocol(Protocol[_T]):
    async def get(self) -> Union[_T, Literal[_Sentinel.VALUE]]:
        ...

    def empty(self) -> bool:
        ...

    async def join(self) -> None:
        ...

    async def put(self, value: Union[_T, Literal[_Sentinel.VALUE]]) -> None:
        ...

    def task_done(self) -> None:
        ...


async def produce(queue: AsyncQueueProtocol[_T], items: AsyncIterable[_T]) -> None:
    async for item in items:
        await queue.put(item)

    await queue.put(_Sentinel.VALUE)


async def consume(queue: AsyncQueueProtocol[_T]) -> AsyncIterable[_T]:
    while True:
        item = await queue.get()
        try:
            if item == _Sentinel.VALUE:
                break
            else:
                yield item
        finally:
            queue.task_done()


async def numbers(n: int):
    for i in range(n):
        await asyncio.sleep(0.01)
        print("made", i)
        yield (i, i * i)


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=2)
    producer = asyncio.create_task(produce(queue, numbers(5)))
    total = 0
    async for i, square in consume(queue):
        print("got", i, square, "left", queue.qsize())
        total += square
    await queue.join()
    await producer
    print("total", total, "empty", queue.empty())
    print(_Sentinel.VALUE, repr(_Sentinel.VALUE), _Sentinel.VALUE == 0, list(_Sentinel))
    print(AsyncQueueProtocol[int], Literal[_Sentinel.VALUE])
    print(Union[int, Literal[_Sentinel.VALUE]])


asyncio.run(main())
