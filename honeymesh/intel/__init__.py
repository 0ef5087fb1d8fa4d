"""Threat intelligence out of the node, in the field's own formats (STIX 2.1)."""
