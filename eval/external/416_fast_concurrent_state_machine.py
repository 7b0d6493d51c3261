# Source: https://github.com/kzhou003/fast-concurrent-programs/blob/HEAD/basics/08_asyncio_coroutine.py (a finite state machine whose states are coroutines awaiting each other, driven by randint)
# Changed: random seeded (random.seed(3)) so the path is fixed; the states' 1-second sleeps kept
import asyncio
from random import randint
import random


async def start_state():
    print('Start State called\n')
    input_value = randint(0, 1)
    await asyncio.sleep(1)

    if input_value == 0:
        result = await state2(input_value)
    else:
        result = await state1(input_value)

    print(f'Resume of the Transition : \nStart State calling {result}')


async def state1(transition_value):
    output_value = f'State 1 with transition value = {transition_value}\n'
    input_value = randint(0, 1)
    await asyncio.sleep(1)

    print('...evaluating...')
    if input_value == 0:
        result = await state3(input_value)
    else:
        result = await state2(input_value)

    return output_value + f'State 1 calling {result}'


async def state2(transition_value):
    output_value = f'State 2 with transition value = {transition_value}\n'
    input_value = randint(0, 1)
    await asyncio.sleep(1)

    print('...evaluating...')
    if input_value == 0:
        result = await state1(input_value)
    else:
        result = await state3(input_value)

    return output_value + f'State 2 calling {result}'


async def state3(transition_value):
    output_value = f'State 3 with transition value = {transition_value}\n'
    input_value = randint(0, 1)
    await asyncio.sleep(1)

    print('...evaluating...')
    if input_value == 0:
        result = await state1(input_value)
    else:
        result = await end_state(input_value)

    return output_value + f'State 3 calling {result}'


async def end_state(transition_value):
    output_value = f'End State with transition value = {transition_value}\n'
    print('...stop computation...')
    return output_value


if __name__ == '__main__':
    random.seed(3)
    print('Finite State Machine simulation with Asyncio Coroutine')
    asyncio.run(start_state())
