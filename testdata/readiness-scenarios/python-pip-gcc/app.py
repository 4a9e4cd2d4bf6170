import fastcount

print(fastcount.count_bytes(b"hello, world", ord("o")))
