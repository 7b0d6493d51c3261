# Source: https://github.com/bmuller/kademlia (kademlia/utils.py, kademlia/node.py, kademlia/tests/utils.py mknode, kademlia/tests/test_utils.py and test_node.py)
# Changed: the package's modules are inlined into one script; the pytest tests run as plain checks
# inside asyncio.run(main()) with their results printed, and gather_dict() collects node ids
# computed by coroutines; os.urandom ids replaced by sha1 of fixed strings (deterministic output).
import asyncio
import hashlib
import heapq
import operator
from operator import itemgetter
from struct import pack


async def gather_dict(dic):
    cors = list(dic.values())
    results = await asyncio.gather(*cors)
    return dict(zip(dic.keys(), results))


def digest(string):
    if not isinstance(string, bytes):
        string = str(string).encode('utf8')
    return hashlib.sha1(string).digest()


def shared_prefix(args):
    i = 0
    while i < min(map(len, args)):
        if len(set(map(operator.itemgetter(i), args))) != 1:
            break
        i += 1
    return args[0][:i]


def bytes_to_bit_string(bites):
    bits = [bin(bite)[2:].rjust(8, '0') for bite in bites]
    return "".join(bits)


class Node:
    def __init__(self, node_id, ip=None, port=None):
        self.id = node_id  # pylint: disable=invalid-name
        self.ip = ip  # pylint: disable=invalid-name
        self.port = port
        self.long_id = int(node_id.hex(), 16)

    def same_home_as(self, node):
        return self.ip == node.ip and self.port == node.port

    def distance_to(self, node):
        return self.long_id ^ node.long_id

    def __iter__(self):
        return iter([self.id, self.ip, self.port])

    def __repr__(self):
        return repr([self.long_id, self.ip, self.port])

    def __str__(self):
        return "%s:%s" % (self.ip, str(self.port))


class NodeHeap:
    def __init__(self, node, maxsize):
        self.node = node
        self.heap = []
        self.contacted = set()
        self.maxsize = maxsize

    def remove(self, peers):
        peers = set(peers)
        if not peers:
            return
        nheap = []
        for distance, node in self.heap:
            if node.id not in peers:
                heapq.heappush(nheap, (distance, node))
        self.heap = nheap

    def get_node(self, node_id):
        for _, node in self.heap:
            if node.id == node_id:
                return node
        return None

    def have_contacted_all(self):
        return len(self.get_uncontacted()) == 0

    def get_ids(self):
        return [n.id for n in self]

    def mark_contacted(self, node):
        self.contacted.add(node.id)

    def popleft(self):
        return heapq.heappop(self.heap)[1] if self else None

    def push(self, nodes):
        if not isinstance(nodes, list):
            nodes = [nodes]

        for node in nodes:
            if node not in self:
                distance = self.node.distance_to(node)
                heapq.heappush(self.heap, (distance, node))

    def __len__(self):
        return min(len(self.heap), self.maxsize)

    def __iter__(self):
        nodes = heapq.nsmallest(self.maxsize, self.heap)
        return iter(map(itemgetter(1), nodes))

    def __contains__(self, node):
        for _, other in self.heap:
            if node.id == other.id:
                return True
        return False

    def get_uncontacted(self):
        return [n for n in self if n.id not in self.contacted]


def mknode(id=None, ip=None, port=None, intid=None):
    if intid is not None:
        id = pack('>l', intid)
    id = id or hashlib.sha1(b"fixed seed").digest()
    return Node(id, ip, port)


async def node_id_of(name):
    await asyncio.sleep(0)
    return digest(name)


async def main():
    dig = hashlib.sha1(b'1').digest()
    print("digest(1) matches:", dig == digest(1), dig.hex())
    dig = hashlib.sha1(b'another').digest()
    print("digest('another') matches:", dig == digest('another'))

    print(repr(shared_prefix(['prefix', 'prefixasdf', 'prefix', 'prefixxxx'])))
    print(repr(shared_prefix(['p', 'prefixasdf', 'prefix', 'prefixxxx'])))
    print(repr(shared_prefix(['one', 'two'])), repr(shared_prefix(['hi'])))

    rid = hashlib.sha1(b"node one").digest()
    n = Node(rid)
    print("long id:", n.long_id == int(rid.hex(), 16), n.long_id)
    ridone = hashlib.sha1(b"first")
    ridtwo = hashlib.sha1(b"second")
    shouldbe = int(ridone.hexdigest(), 16) ^ int(ridtwo.hexdigest(), 16)
    print("distance:", Node(ridone.digest()).distance_to(Node(ridtwo.digest())) == shouldbe)

    heap = NodeHeap(mknode(intid=0), 3)
    print(len(heap))
    for d in range(10):
        heap.push(mknode(intid=d))
    print(len(heap), len(list(heap)), list(heap))

    heap = NodeHeap(mknode(intid=0), 5)
    nodes = [mknode(intid=x) for x in range(10)]
    for node in nodes:
        heap.push(node)
    heap.remove([nodes[0].id, nodes[1].id])
    print([node.long_id for node in heap], heap.popleft(), str(mknode(intid=7, ip="127.0.0.1", port=8468)))
    heap.mark_contacted(nodes[2])
    print(len(heap.get_uncontacted()), heap.have_contacted_all(), heap.get_node(nodes[5].id))

    ids = await gather_dict({name: node_id_of(name) for name in ["alice", "bob", "carol"]})
    for name, node_id in ids.items():
        print(name, node_id.hex()[:16], bytes_to_bit_string(node_id[:2]))
    me = Node(ids["alice"])
    others = sorted((me.distance_to(Node(v)), k) for k, v in ids.items() if k != "alice")
    print([k for _, k in others], tuple(mknode(intid=1)))


asyncio.run(main())
