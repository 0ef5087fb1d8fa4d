"""Policy: the one place where detectors' verdicts become bans, under the current mode."""
