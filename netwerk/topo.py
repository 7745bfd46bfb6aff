"""The map of the Netherlands: TopoJSON municipality boundaries decoded to SVG paths.

Pure Python (no Django). The TopoJSON (fixtures/reference/geo/) is quantised: arcs are
delta-encoded integer positions, shared between neighbouring municipalities, and turned into
longitude/latitude by the file's transform. We decode every arc once, project it with a simple
equirectangular projection corrected for the latitude of the Netherlands (at 52° a degree of
longitude is 0.62 of a degree of latitude), and round to whole tenths of a pixel. The result
is cached per process: the file never changes while the portal runs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOPOJSON = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "reference"
    / "geo"
    / "nl-vr-gm_2023.topo.json"
)
WIDTH = 600.0  # SVG user units; the height follows from the shape of the country
LATITUDE = 52.2  # the middle of the Netherlands, for the projection
MIN_STEP = 0.6  # points closer than this (in user units) to the previous one are dropped


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
            point = (round(x, 1), round(y, 1))
            if last is None:
                commands.append(f"M{point[0]:g} {point[1]:g}")
            elif math.dist(point, last) >= MIN_STEP:
                commands.append(f"l{point[0] - last[0]:.1f} {point[1] - last[1]:.1f}")
            else:
                continue
            last = point
        if len(commands) > 2:
            parts.append("".join(commands).replace(".0 ", " ").replace(".0l", "l") + "z")
    return "".join(parts)


def decode(topology: dict, width: float = WIDTH) -> NetherlandsMap:
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
    shapes = {}
    for geometry in topology["objects"]["gm_features"]["geometries"]:
        code = geometry["properties"]["code"]
        rings = [_ring(projected, ring) for polygon in _polygons(geometry) for ring in polygon]
        rings = [r for r in rings if len(r) > 2]
        _, cx, cy = max((_area_and_centroid(r) for r in rings), key=lambda t: t[0])
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        shapes[code] = MapShape(
            code=code,
            path=_path(rings),
            centre=(round(cx, 1), round(cy, 1)),
            bbox=(min(xs), min(ys), max(xs), max(ys)),
        )
    outline_rings = [
        _ring(projected, ring)
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
