"""The engine's refusals: an English msgid with its parameters, never a finished sentence, so that the
app (which has Django) translates them — Chinese by default. The engine cannot call gettext; every
msgid raised here is listed in `tixi/surveillance/refusals.py` for extraction (a test checks it)."""


class EngineError(ValueError):
    """`msgid % params` is the English text; `series` (0-based row of the counts matrix) says which
    series when one is at fault, so the caller can name it."""

    def __init__(self, msgid: str, *, series: int | None = None, **params):
        self.msgid, self.params, self.series = msgid, params, series
        super().__init__(msgid % params if params else msgid)
