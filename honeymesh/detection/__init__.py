"""Detection: traps, scan correlation, TLS fingerprints and payload scoring (pure logic)."""
