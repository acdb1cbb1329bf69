"""OpenAPI post-processing: the answers every operation can give besides its own (drf-spectacular
documents only the success), so that the schema tells the truth (checked by tests/security/test_api_fuzz.py)."""

ERROR = {
    "type": "object",
    "description": "Field errors ({field: [message]}) or {detail: message}",
    "additionalProperties": True,
}
COMMON = {
    "400": "Bad input: the fields or parameters named, with the reason",
    "401": "Not logged in (no session or token): the answer carries WWW-Authenticate: Token",
    "403": "Logged in, but the role may not do this",
    "404": "No such object within the caller's scope",
    "405": "Method not allowed",
    "406": "Not acceptable",
    "415": "Unsupported media type",
}


def document_errors(result, generator, request, public):
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in COMMON.items():
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
