"""`honeymesh tui`: a terminal dashboard over the same admin API and live feed as the browser."""
