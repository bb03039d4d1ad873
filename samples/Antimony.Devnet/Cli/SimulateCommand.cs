using System.CommandLine;
using Antimony.Simulation;

namespace Antimony.Devnet.Cli;

/// <summary>
/// <c>simulate</c>: runs the network simulator (virtual time, real chain states and frames) instead of real
/// processes, for network sizes one machine cannot host; the same seed prints the same report.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Option<int> nodes = new("--nodes", "-n") { Description = "Simulated nodes", DefaultValueFactory = _ => 100 };
        Option<int> seed = new("--seed") { Description = "Seed of the run (topology, mining, jitter)", DefaultValueFactory = _ => 1 };
        Option<int> blocks = new("--blocks") { Description = "Blocks to mine", DefaultValueFactory = _ => 100 };
        Option<bool> devnet = new("--devnet") { Description = "Mirror the local 10-node tiered devnet on one machine (ignores --nodes)" };
        Option<bool> json = new("--json") { Description = "Print the report as JSON instead of Markdown" };
        var command = new Command("simulate", "Simulate a network of many nodes on virtual time and report block propagation and stale blocks")
        {
            nodes, seed, blocks, devnet, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = parse.GetValue(devnet)
                ? SimulationSettings.LocalDevnet(parse.GetValue(seed)) with { Blocks = parse.GetValue(blocks) }
                : new SimulationSettings { Nodes = parse.GetValue(nodes), Seed = parse.GetValue(seed), Blocks = parse.GetValue(blocks) };
            try
            {
                settings.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(ExitCodes.Usage);
            }
            var report = NetworkSimulation.Run(settings, cancellationToken);
            Console.WriteLine(parse.GetValue(json) ? report.ToJson() : report.ToMarkdown());
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
