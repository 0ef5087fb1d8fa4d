"""HoneyMesh: a network-defense appliance on Twisted."""

__version__ = "0.1.0"
