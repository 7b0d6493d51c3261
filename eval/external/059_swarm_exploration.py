# Source: https://github.com/supchaweewan/asyncio-2025/blob/3286801bbc6fb6d0f31b11dccf1d810d38e736aa/assignment09/swarm-exploration.py (course assignment, random-walk agents sharing a global flag)
# Changed: random.seed(2025) after the imports; the matplotlib plot is dropped (import and plt.* calls removed).
import asyncio
import random
random.seed(2025)

N_AGENTS = 10

N_STEPS = 200

TARGET = (random.randint(-20, 20), random.randint(-20,20))

traces = {i: [(0, 0)] for i in range(N_AGENTS)}

found_by = {}

target_found = False

async def explore(agent_id: int):

    global target_found
    x, y = traces[agent_id] [0]
    for step in range(1, N_STEPS + 1):
        if target_found:
            break
        dx, dy = random.choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
        x, y = x + dx, y+dy
        traces[agent_id].append((x, y))

        if (x, y) == TARGET:
            found_by[agent_id] = step
            target_found = True
            print(f"Agent {agent_id} found the target at step {step}")
            break
        await asyncio.sleep(0.01)
async def main():
    print(f"Random target location: {TARGET}")

    tasks = [asyncio.create_task(explore(i)) for i in range(N_AGENTS)]
    await asyncio.gather(*tasks)

    for agent_id, path in traces.items():
        xs, xy = zip(*path)

    if found_by:
        print("Target found by:")
        for agent, step in found_by.items():
            print(f"    Agent {agent} at step {step}")
    else:
        print("No agent found the target.")

if __name__ == "__main__":
    asyncio.run(main())
