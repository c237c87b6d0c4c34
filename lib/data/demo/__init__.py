"""The deterministic demo-data generator. Run `python -m lib.data.demo --help`."""
