// The program's socket.socket objects by descriptor number, for the os functions that take a
// descriptor (os.sendfile's out_fd). The socket module registers the sender when it loads, so
// that os does not load the socket and asyncio machinery itself.

/** Sends `data` on the socket with descriptor `fd` as its send() would; null: no such socket. */
type SocketSender = (fd: number, data: Uint8Array) => number | null;

let sender: SocketSender | null = null;

export function registerSocketSender(send: SocketSender): void {
  sender = send;
}

/** What the socket with descriptor `fd` took of `data`, or null when `fd` is not one of the program's sockets. */
export function sendOnSocketFd(fd: number, data: Uint8Array): number | null {
  return sender === null ? null : sender(fd, data);
}
