# Source: https://github.com/Vaduva-Vlad/proiectSD/blob/HEAD/socket_app/client/client.py (with socket_app/server/server.py of the same project: a client sends a file with sock.sendfile(f), shuts its side down with SHUT_WR and reads the answer in 500-byte recv()s into a file; the server reads the upload until EOF, makes a spectrogram of it and sends that image back with connection.sendfile(f))
# Changed: both halves in one program: the server runs in a thread on 127.0.0.1 port 0 (it listens before the thread starts, so that the client cannot come first); the files live in a temporary folder; the upload is 40,000 bytes of made-up "audio" and AudioProcessor's spectrogram (matplotlib) is a stand-in that writes a small summary "image" of the upload; the sizes and the summary are printed at the end
import os
import socket
import tempfile
import threading
from socket import SHUT_WR

work = tempfile.mkdtemp()
os.chdir(work)


class AudioProcessor:
    # stand-in for the project's process_audio.AudioProcessor (librosa + matplotlib)
    def __init__(self, audio_file):
        self.audio_file = audio_file

    def generate_spectrogram_image(self, out):
        with open(self.audio_file, 'rb') as f:
            data = f.read()
        with open(out, 'wb') as f:
            f.write(b'PNG' + len(data).to_bytes(4, 'big') + bytes([sum(data) % 256]) * 1000)


def get_spectrogram(audio_file):
    audio_processor = AudioProcessor(audio_file)
    audio_processor.generate_spectrogram_image("spectrogram.png")

def server_main(s):
    connection, addr = s.accept()
    print("Successfully established connection with client")

    with open('output.mp3', 'wb') as f:
        while True:
            l = connection.recv(500)
            if not l:
                break
            f.write(l)
    print("File received")

    get_spectrogram('output.mp3')

    with open('spectrogram.png', 'rb') as f:
        print("Sending file back")
        connection.sendfile(f)

    connection.close()
    s.close()

def main(port):
    host = '127.0.0.1'

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    with open("test.mp3", "rb") as f:
        sock.sendfile(f)

    sock.shutdown(SHUT_WR)

    with open("returned.mp3", "wb") as f:
        while True:
            l = sock.recv(500)
            if not l:
                break
            f.write(l)
    sock.close()

with open("test.mp3", "wb") as f:
    f.write(bytes((i * 7) % 251 for i in range(40000)))

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(('127.0.0.1', 0))
listener.listen()
server = threading.Thread(target=server_main, args=(listener,))
server.start()
main(listener.getsockname()[1])
server.join()
for name in ["test.mp3", "output.mp3", "spectrogram.png", "returned.mp3"]:
    print(name, os.path.getsize(name))
with open("returned.mp3", "rb") as f:
    back = f.read()
print(back[:8], back[-4:], back == open("spectrogram.png", "rb").read())
os.chdir("/")
for name in os.listdir(work):
    os.remove(os.path.join(work, name))
os.rmdir(work)
