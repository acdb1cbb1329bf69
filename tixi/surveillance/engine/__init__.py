"""Outbreak detection over many series at once (numpy; no Django): the algorithms of R's `surveillance`
package and China's CIDARS, with the same alarms and upper bounds on the same inputs."""
