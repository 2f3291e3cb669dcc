"""The benchmarks are scripts run by hand or by CI's smoke run, never collected by pytest."""

collect_ignore_glob = ["bench_*.py", "_*.py"]
