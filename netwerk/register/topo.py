"""The map of the Netherlands: TopoJSON municipality boundaries decoded to SVG paths.

Pure Python (no Django). The TopoJSON (fixtures/reference/geo/) is quantised: arcs are
delta-encoded integer positions, shared between neighbouring municipalities, and turned into
longitude/latitude by the file's transform. We decode every arc once, project it with a simple
equirectangular projection corrected for the latitude of the Netherlands (at 52° a degree of
longitude is 0.62 of a degree of latitude), simplify each arc once (Douglas–Peucker, ends kept,
so neighbours still share every border point: no gaps or slivers) and round to whole tenths of a
unit. The simplification keeps the served SVG small enough for a phone's first paint; centres
and bounding boxes come from the full detail. The result is cached per process: the file never
changes while the portal runs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOPOJSON = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "reference"
    / "geo"
    / "nl-vr-gm_2023.topo.json"
)
WIDTH = 600.0  # SVG user units; the height follows from the shape of the country
LATITUDE = 52.2  # the middle of the Netherlands, for the projection
# User units: the map is 600 wide, drawn ~360 px wide on a phone and ~600 on a desktop, so half a
# unit of tolerance and whole units keep every border within a pixel of the source.
TOLERANCE = 0.5
DIGITS = 0  # decimals of the coordinates


@dataclass(frozen=True)
class MapShape:
    code: str  # GM code
    path: str  # SVG path data
    centre: tuple[float, float]  # label/node position: centroid of the largest ring
    bbox: tuple[float, float, float, float]  # min x, min y, max x, max y


@dataclass(frozen=True)
class NetherlandsMap:
    width: float
    height: float
    shapes: dict[str, MapShape]
    outline: str  # the country, for a background


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index (~i) means arc i walked backwards.
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end and start point.
        ring.extend(points[1:] if ring else points)
    return ring


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: drop the points closer than tolerance to the line their kept neighbours
    span. The ends stay, so an arc still meets the arcs it joins."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            x, y = points[index]
            if length:
                d = abs(dy * (x - x0) - dx * (y - y0)) / length
            else:  # a closed arc: measure from its start
                d = math.hypot(x - x0, y - y0)
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def _area_and_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        last = None
        commands = []
        for x, y in ring:
            point = (round(x, DIGITS), round(y, DIGITS))
            if last is None:
                commands.append(f"M{point[0]:g} {point[1]:g}")
            elif point != last:
                dx, dy = round(point[0] - last[0], DIGITS), round(point[1] - last[1], DIGITS)
                # After the first "l" the command repeats implicitly (SVG path grammar).
                commands.append(f"{'l' if len(commands) == 1 else ' '}{dx:g} {dy:g}")
            else:
                continue
            last = point
        if len(commands) > 2:
            parts.append("".join(commands).replace(" -", "-") + "z")
    return "".join(parts)


def decode(topology: dict, width: float = WIDTH, tolerance: float = TOLERANCE) -> NetherlandsMap:
    arcs = _decode_arcs(topology)
    kx = math.cos(math.radians(LATITUDE))
    all_points = [p for arc in arcs for p in arc]
    min_lon = min(p[0] for p in all_points)
    max_lon = max(p[0] for p in all_points)
    min_lat = min(p[1] for p in all_points)
    max_lat = max(p[1] for p in all_points)
    scale = width / ((max_lon - min_lon) * kx)
    height = round((max_lat - min_lat) * scale, 1)

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return ((point[0] - min_lon) * kx * scale, (max_lat - point[1]) * scale)

    projected = [[project(p) for p in arc] for arc in arcs]
    simplified = [_simplify(arc, tolerance) for arc in projected]
    shapes = {}
    for geometry in topology["objects"]["gm_features"]["geometries"]:
        code = geometry["properties"]["code"]
        rings = [_ring(projected, ring) for polygon in _polygons(geometry) for ring in polygon]
        rings = [r for r in rings if len(r) > 2]
        _, cx, cy = max((_area_and_centroid(r) for r in rings), key=lambda t: t[0])
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        drawn = [_ring(simplified, ring) for polygon in _polygons(geometry) for ring in polygon]
        shapes[code] = MapShape(
            code=code,
            path=_path([r for r in drawn if len(r) > 2]),
            centre=(round(cx, 1), round(cy, 1)),
            bbox=(min(xs), min(ys), max(xs), max(ys)),
        )
    outline_rings = [
        _ring(simplified, ring)
        for geometry in topology["objects"]["nl_features"]["geometries"]
        for polygon in _polygons(geometry)
        for ring in polygon
    ]
    return NetherlandsMap(round(width, 1), height, shapes, _path(outline_rings))


@lru_cache(maxsize=1)
def netherlands(path: Path = TOPOJSON) -> NetherlandsMap:
    """The decoded map, computed once per process."""
    with path.open(encoding="utf-8") as fh:
        return decode(json.load(fh))
