"""The shell on top of every app: the landing page, `tixi serve` and `tixi bench` (which reach across apps).

`tixi.core` is the ground floor every app may use (errors, exports, the API base, template tags);
nothing below the shell imports it."""
