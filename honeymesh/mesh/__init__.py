"""The optional peer-to-peer mesh: identity, mutual TLS, signed v2 envelopes."""
