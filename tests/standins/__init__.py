"""Stand-ins for the programs the workspace scripts run (spec 10): ``agentapi``, ``codex``,
``npm``, ``coder`` and ``curl`` as small executables that record what they were asked to do,
plus :mod:`tests.standins.coder_api`, the part of Coder's API that the shutdown script uses.
"""
