#!/usr/bin/env python3
"""Checks a PNG is a real picture, not an empty or blank one.

Usage: check_png.py FILE MIN_WIDTH MIN_HEIGHT MIN_COLOURS
Decodes the image (8-bit RGB or RGBA, what quire-gui --screenshot and
rsvg-convert write) with the standard library only, and fails unless it is
at least MIN_WIDTH x MIN_HEIGHT and has at least MIN_COLOURS distinct colours.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"{path}: {depth}-bit colour type {colour} is not a screenshot's format")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    path, min_w, min_h, min_colours = sys.argv[1], *map(int, sys.argv[2:5])
    width, height, channels, rows = read_png(path)
    colours = set()
    for row in rows:
        for x in range(0, len(row), channels):
            colours.add(row[x:x + channels])
    print(f"{path}: {width}x{height}, {len(colours)} colours")
    if width < min_w or height < min_h:
        sys.exit(f"{path}: {width}x{height} is smaller than {min_w}x{min_h}")
    if len(colours) < min_colours:
        sys.exit(f"{path}: only {len(colours)} colours (a blank or empty picture?)")


if __name__ == "__main__":
    main()
