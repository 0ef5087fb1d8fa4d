"""Peer trust (BTL): what a mesh peer's signals may do. model.py holds the rules (sans-IO);
engine.py joins them to the store and the event bus; api.py and cli.py are the operator surfaces;
simulation.py is a mesh of simulated honest and lying peers. docs/TRUST.md explains the design."""
