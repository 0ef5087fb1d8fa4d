"""Honeypot traps: thin Twisted protocols over sans-IO dialogues."""
