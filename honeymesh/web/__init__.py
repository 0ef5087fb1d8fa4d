"""Operator surfaces over HTTPS: the admin API, the live feed, the dashboard, metrics."""
