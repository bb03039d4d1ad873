using System.CommandLine;
using Antimony.Devnet.Nodes;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Cli;

/// <summary><c>down</c>: stops every recorded node by PID and removes the state file.</summary>
internal static class DownCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Option<bool> clean = new("--clean") { Description = "Also delete the nodes' data directories" };
        var command = new Command("down", "Stop every node started by up (RPC stop, then SIGTERM, then SIGKILL, by recorded PID) and remove the state file") { clean };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            bool stopped = await new NetworkStopper(Console.Out).StopAsync(session.State, cancellationToken);
            if (!stopped)
            {
                Console.Error.WriteLine("Some nodes are still running; the state file is kept so `down` can be retried.");
                return ExitCodes.Failure;
            }
            StateFile.Delete(session.Directory);
            if (parse.GetValue(clean))
            {
                foreach (var node in session.State.Nodes.Where(n => Directory.Exists(n.DataDirectory)))
                    Directory.Delete(node.DataDirectory, recursive: true);
            }
            Console.WriteLine($"DOWN {session.State.Nodes.Count} nodes stopped{(parse.GetValue(clean) ? ", data deleted" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
