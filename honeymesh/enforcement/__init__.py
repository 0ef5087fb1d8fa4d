"""Enforcement: the ban list and its kernel (XDP) and nftables projections."""
