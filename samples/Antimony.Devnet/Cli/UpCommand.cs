using System.CommandLine;
using Antimony.Devnet.Nodes;
using Antimony.Devnet.Topology;

namespace Antimony.Devnet.Cli;

/// <summary><c>up</c>: starts the network and records it.</summary>
internal static class UpCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Option<int> nodes = new("--nodes", "-n") { Description = "How many nodes", DefaultValueFactory = _ => 10 };
        Option<int> basePort = new("--base-port", "-p") { Description = "P2P port of node 0; node i uses base + i", DefaultValueFactory = _ => 20000 };
        Option<int> rpcBasePort = new("--rpc-base-port", "-r") { Description = "HTTP (RPC, /status) port of node 0; node i uses base + i", DefaultValueFactory = _ => 21000 };
        Option<TopologyKind> topology = new("--topology", "-t") { Description = "Bootstrap shape: tiered (0 <- 1-3, 1 <- 4-6, 2 <- 7-9, ...), line or mesh", DefaultValueFactory = _ => TopologyKind.Tiered };
        Option<int> miners = new("--miners", "-m") { Description = "How many nodes mine in the background (one thread each)", DefaultValueFactory = _ => 0 };
        Option<string> network = new("--network") { Description = "devnet (real proof of work, maturity 10) or regtest (trivial work, maturity 100)", DefaultValueFactory = _ => "devnet" };
        network.AcceptOnlyFromAmong("devnet", "regtest");
        Option<int> stagger = new("--stagger-ms") { Description = "Pause between two node starts", DefaultValueFactory = _ => 300 };
        Option<string> nodePath = new("--node") { Description = "atmn-node to run (.dll or executable); default: the one built next to this tool", DefaultValueFactory = _ => NodeLauncher.DefaultNodePath };
        var command = new Command("up", "Start N atmn-node processes with their own data directories, wait until all are healthy, record their PIDs")
        {
            nodes, basePort, rpcBasePort, topology, miners, network, stagger, nodePath,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(nodes);
            if (count < 1 || count > 200)
            {
                Console.Error.WriteLine("--nodes must be between 1 and 200.");
                return ExitCodes.Usage;
            }
            var options = new LaunchOptions(
                parse.GetValue(DevnetOptions.DataDirectory)!,
                count,
                parse.GetValue(basePort),
                parse.GetValue(rpcBasePort),
                parse.GetValue(topology),
                parse.GetValue(miners),
                parse.GetValue(network)!,
                TimeSpan.FromMilliseconds(parse.GetValue(stagger)),
                TimeSpan.FromSeconds(parse.GetValue(DevnetOptions.TimeoutSeconds) * 2),
                parse.GetValue(nodePath)!);
            try
            {
                var state = await new NetworkLauncher(options, Console.Out).StartAsync(cancellationToken);
                Console.WriteLine($"UP {state.Nodes.Count} nodes ({state.Network}, {state.Topology.ToString().ToLowerInvariant()}); state in {State.StateFile.PathIn(options.Directory)}");
                return ExitCodes.Success;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
