"""Surveillance and early warning: channels of case reports and counts, detection, signals and their lifecycle."""
