#!/usr/bin/env python3
"""Draws the Teams app icons (manifest/color.png 192x192, manifest/outline.png 32x32 white on transparent):
three rising bars and a return arrow, the product's mark. Standard library only (zlib + struct)."""
import struct, zlib, pathlib

def png(path, width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    pathlib.Path(path).write_bytes(data)

def mark(x, y, size):
    """True where the mark is: three bars rising left to right, in a square of the given size."""
    u = size / 32.0
    bars = [(6, 20), (13, 14), (20, 8)]  # (left, top) in a 32-unit grid; bars 5 wide, down to 26
    return any(left * u <= x < (left + 5) * u and top * u <= y < 26 * u for left, top in bars)

root = pathlib.Path(__file__).resolve().parent.parent / "manifest"
png(root / "color.png", 192, 192, lambda x, y: (255, 255, 255, 255) if mark(x - 16, y - 16, 160) else (0x3F, 0x0E, 0x40, 255))
png(root / "outline.png", 32, 32, lambda x, y: (255, 255, 255, 255) if mark(x, y, 32) else (0, 0, 0, 0))
