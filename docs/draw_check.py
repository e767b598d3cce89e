#!/usr/bin/env python3
"""Re-checks a draw of the app (双随机 or the 驻点 lottery) without the app: reads the canonical
list (the file exported with the draw, one line per candidate: group<TAB>number<TAB>name<TAB>id)
and the seed text, and prints the list's SHA-256 and the drawn order of every group, by the
method of docs/draw.md: ChaCha20 (key = SHA-256(seed text, 0x00, list), nonce 0, counter 0,
keystream read as little-endian 32-bit words, two words to a 64-bit number, low word first),
uniform indexes by rejection, Fisher-Yates from the first position. Standard library only.

usage: draw_check.py LIST_FILE "SEED TEXT" [GROUP COUNT ...]
"""
import hashlib
import struct
import sys


def _quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] ^= s[a]; s[d] = ((s[d] << 16) | (s[d] >> 16)) & 0xFFFFFFFF
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] ^= s[c]; s[b] = ((s[b] << 12) | (s[b] >> 20)) & 0xFFFFFFFF
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] ^= s[a]; s[d] = ((s[d] << 8) | (s[d] >> 24)) & 0xFFFFFFFF
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] ^= s[c]; s[b] = ((s[b] << 7) | (s[b] >> 25)) & 0xFFFFFFFF


class ChaCha20:
    def __init__(self, key):
        self.key = list(struct.unpack("<8I", key))
        self.counter = 0
        self.words = []

    def _block(self):
        state = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574] + self.key + [
            self.counter & 0xFFFFFFFF, self.counter >> 32, 0, 0]
        work = list(state)
        for _ in range(10):
            _quarter(work, 0, 4, 8, 12); _quarter(work, 1, 5, 9, 13)
            _quarter(work, 2, 6, 10, 14); _quarter(work, 3, 7, 11, 15)
            _quarter(work, 0, 5, 10, 15); _quarter(work, 1, 6, 11, 12)
            _quarter(work, 2, 7, 8, 13); _quarter(work, 3, 4, 9, 14)
        self.counter += 1
        return [(w + s) & 0xFFFFFFFF for w, s in zip(work, state)]

    def next_u32(self):
        if not self.words:
            self.words = self._block()
        return self.words.pop(0)

    def next_u64(self):
        low = self.next_u32()
        return low | (self.next_u32() << 32)


def uniform(rng, n):
    zone = (1 << 64) - 1 - (((1 << 64) - 1) % n)
    while True:
        x = rng.next_u64()
        if x < zone:
            return x % n


def shuffle(rng, items):
    for i in range(len(items) - 1):
        j = i + uniform(rng, len(items) - i)
        items[i], items[j] = items[j], items[i]


def main(list_file, seed_text, *asked):
    text = open(list_file, encoding="utf-8").read()
    key = hashlib.sha256(seed_text.encode("utf-8") + b"\0" + text.encode("utf-8")).digest()
    rng = ChaCha20(key)
    rows = [line.split("\t") for line in text.splitlines() if line]
    print("list sha256:", hashlib.sha256(text.encode("utf-8")).hexdigest())
    if not asked:
        shuffle(rng, rows)
        for n, row in enumerate(rows, 1):
            print(n, row[2], row[3])
        return
    for group, count in zip(asked[::2], asked[1::2]):
        pool = [r for r in rows if r[0] == group]
        shuffle(rng, pool)
        print(group + ":", ", ".join(f"{r[2]} ({r[3]})" for r in pool[: int(count)]))


if __name__ == "__main__":
    main(*sys.argv[1:])
