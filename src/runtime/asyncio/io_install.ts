// Gives the loop its I/O methods (io_loop.ts, subprocess.ts, io_pipes.ts, io_signals.ts, ...) in place of the
// NotImplementedError stubs of AbstractEventLoop.
import { BaseEventLoop } from "./base_events.js";
import { create_connection, create_server, getaddrinfo } from "./io_loop.js";
import { subprocess_exec, subprocess_shell } from "./subprocess.js";
import { connect_read_pipe, connect_write_pipe } from "./io_pipes.js";
import { create_datagram_endpoint } from "./io_datagram.js";
import { add_signal_handler, remove_signal_handler } from "./io_signals.js";
import { start_tls } from "./io_ssl.js";
import { _stop_serving, add_reader, add_writer, remove_reader, remove_writer, sendfile, sock_sendfile } from "./io_watch.js";
import { create_unix_connection, create_unix_server } from "./io_unix.js";
import { connect_accepted_socket } from "./io_sock_adopt.js";
import { sock_accept, sock_connect, sock_recv, sock_recv_into, sock_recvfrom, sock_recvfrom_into, sock_sendall, sock_sendto } from "./io_sock.js";

Object.assign(BaseEventLoop.prototype, {
  create_connection,
  create_server,
  connect_accepted_socket,
  getaddrinfo,
  subprocess_exec,
  subprocess_shell,
  connect_read_pipe,
  connect_write_pipe,
  create_datagram_endpoint,
  add_signal_handler,
  remove_signal_handler,
  start_tls,
  create_unix_connection,
  create_unix_server,
  add_reader,
  remove_reader,
  add_writer,
  remove_writer,
  _stop_serving,
  sendfile,
  sock_sendfile,
  sock_accept,
  sock_connect,
  sock_recv,
  sock_recv_into,
  sock_recvfrom,
  sock_recvfrom_into,
  sock_sendall,
  sock_sendto,
});
