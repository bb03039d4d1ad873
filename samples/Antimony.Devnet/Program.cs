using Antimony.Devnet.Cli;

// atmn-devnet: launches, monitors, tests and benchmarks a local network of atmn-node processes.
return await DevnetCommands.Create().Parse(args).InvokeAsync();
