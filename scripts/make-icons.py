#!/usr/bin/env python3
"""Draws Jobtrail's icon set (RGBA PNGs) with no dependencies beyond the standard library.

The mark: a rounded square in deep teal with an ascending trail of three stops,
the last one bright, for the app; the tray icons are the same trail on a transparent
ground, coloured for the budget state (normal, warning, over).
Run: python3 scripts/make-icons.py  (writes icons/)
"""
import math, os, struct, zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "icons")
STOPS = [(0.28, 0.70), (0.50, 0.50), (0.72, 0.30)]


def png(path, size, pixel):
    data = png_bytes(size, pixel)
    with open(path, "wb") as f:
        f.write(data)
    return data


def png_bytes(size, pixel):
    ss = 4  # supersampling for smooth edges
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(ss):
                for sx in range(ss):
                    u = (x + (sx + 0.5) / ss) / size
                    v = (y + (sy + 0.5) / ss) / size
                    r, g, b, a = pixel(u, v)
                    acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
            n = ss * ss
            a = acc[3] / n
            if a > 0:
                row += bytes([round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(a * 255)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    return data


def write_ico(path, pngs):
    """Windows icon: a directory of PNG-compressed images."""
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    with open(path, "wb") as f:
        f.write(head + entries + blobs)


def write_icns(path, pngs):
    """macOS icon: typed PNG entries."""
    kinds = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(kinds[size] + struct.pack(">I", len(data) + 8) + data for size, data in pngs if size in kinds)
    with open(path, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def trail(u, v, line_w, dot_r):
    """Returns 'dot-last', 'dot', 'line' or None for a point."""
    for i, (cx, cy) in enumerate(STOPS):
        if math.hypot(u - cx, v - cy) <= dot_r:
            return "dot-last" if i == len(STOPS) - 1 else "dot"
    for (ax, ay), (bx, by) in zip(STOPS, STOPS[1:]):
        if seg_dist(u, v, ax, ay, bx, by) <= line_w:
            return "line"
    return None


def app_pixel(u, v):
    r = 0.22  # corner radius
    qx, qy = abs(u - 0.5) - (0.5 - r), abs(v - 0.5) - (0.5 - r)
    outside = math.hypot(max(qx, 0), max(qy, 0)) > r
    if outside:
        return (0, 0, 0, 0)
    t = (u + v) / 2  # diagonal gradient, teal to deep teal
    bg = (int(20 + 10 * t), int(150 - 60 * t), int(136 - 40 * t))
    part = trail(u, v, 0.035, 0.085)
    if part == "dot-last":
        return (251, 191, 36, 1.0)
    if part:
        return (255, 255, 255, 1.0)
    return (*bg, 1.0)


def tray_pixel(colour):
    def pixel(u, v):
        part = trail(u, v, 0.06, 0.13)
        if part == "dot-last":
            return (*colour, 1.0)
        if part:
            return (230, 230, 230, 1.0)
        return (0, 0, 0, 0)
    return pixel


os.makedirs(OUT, exist_ok=True)
rendered = []
for name, size in [("32x32.png", 32), ("64x64.png", 64), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    rendered.append((size, png(os.path.join(OUT, name), size, app_pixel)))
rendered.insert(0, (16, png_bytes(16, app_pixel)))
write_ico(os.path.join(OUT, "icon.ico"), [r for r in rendered if r[0] <= 256])
write_icns(os.path.join(OUT, "icon.icns"), rendered)
for state, colour in [("normal", (45, 212, 191)), ("warning", (251, 191, 36)), ("over", (239, 68, 68))]:
    png(os.path.join(OUT, f"tray-{state}.png"), 32, tray_pixel(colour))
print("icons written to", os.path.normpath(OUT))
