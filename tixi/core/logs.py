"""Log formatting: a refused request for another host name is one line in the journal."""

import logging


class OneLine(logging.Formatter):
    """The message without the traceback: Django logs a DisallowedHost with its exception attached,
    which fills the journal with a stack for every address scanner that knocks."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        return ""
