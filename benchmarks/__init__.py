"""The project's benchmarks: `python -m benchmarks` (`make bench`). Not run by the tests."""
