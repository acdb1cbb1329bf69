"""Running an installation: the production server, backups and restores, the load test."""
