// atmn-devnet: launches, monitors, tests and benchmarks a local network of atmn-node processes (work in progress).
return 0;
