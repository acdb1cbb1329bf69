"""Plain-Python geometry on GeoJSON polygons (no GIS server): a marker's place and point-in-area."""


def _polygons(geometry: dict) -> list:
    coordinates = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return [coordinates]
    if geometry.get("type") == "MultiPolygon":
        return coordinates
    return []


def centroid(geometry: dict) -> tuple[float, float] | None:
    """Mean of the outer rings' points: enough to place a marker inside a township."""
    points = [point for polygon in _polygons(geometry) if polygon for point in polygon[0]]
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _in_ring(ring, x: float, y: float) -> bool:
    """Even-odd rule: a ray to the east crosses the ring an odd number of times."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry: dict, longitude: float, latitude: float) -> bool:
    """Inside an outer ring and outside its holes, for any polygon of the geometry."""
    for polygon in _polygons(geometry):
        rings = [[tuple(p[:2]) for p in ring] for ring in polygon if ring]
        if (
            rings
            and _in_ring(rings[0], longitude, latitude)
            and not any(_in_ring(hole, longitude, latitude) for hole in rings[1:])
        ):
            return True
    return False
