"""Outputs: the node's events sent on to a SIEM, as RFC 5424 syslog or webhook batches.

Each ``[[outputs]]`` table is one ``IService`` subscribed to the bus (``build_outputs``): it
picks the events it was told to (``selection.EventSelector``), holds them in a bounded queue
(``queue.BoundedQueue``: the oldest dropped first, every drop counted) and delivers them without
blocking the reactor. docs/OUTPUTS.md says what is delivered when, and what is lost.
"""
