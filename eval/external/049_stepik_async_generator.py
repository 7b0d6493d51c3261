# Source: https://github.com/android156/asyncio/blob/c26fb623bb8959f08527a9ed277c70e3f5715f91/task59_asinc_generator.py (course exercises, async generator + itertools.product)
# Changed: random.seed(7) added after the imports so the choices are reproducible.
import asyncio
import itertools
import random
random.seed(7)

users = ['user1', 'user2', 'user3']
products = ['iPhone 14', 'Samsung Galaxy S23', 'MacBook Pro', 'Dell XPS 13', 'Sony WH-1000XM5', 'Apple Watch Series 8',
            'Kindle Paperwhite', 'GoPro Hero 11', 'Nintendo Switch', 'Oculus Quest 2']
actions = ['просмотр', 'покупка', 'добавление в избранное']


async def user_action_generator():
    for user, product, action in itertools.product(users, products, actions):
        yield {'user_id': random.choice(users),
               'action': random.choice(actions),
               'product_id': random.choice(products)}


async def main():
    async for situation in user_action_generator():
        print(situation)
        if situation['user_id'] == 'user1':
            break


asyncio.run(main())
