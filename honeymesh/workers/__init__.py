"""TCP traps served by worker processes that share the main process's listening sockets.

``wire``: the frames on the pipes between them (sans-IO); ``child``: the worker process
(``python -m honeymesh.workers.child``); ``service``: the main process's side, which spawns,
feeds, restarts and stops the workers and publishes what they observed on its own bus.
"""
