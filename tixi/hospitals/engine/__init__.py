"""Discharge-record computation with no Django: the DRG grouper and the indicator definitions, written once
and run on DuckDB (default) or Spark."""
