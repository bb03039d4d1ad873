using System.CommandLine;
using Antimony.Devnet.Observation;

namespace Antimony.Devnet.Cli;

/// <summary><c>status</c> and <c>monitor</c>: the per-node table, topology, events and health score, once or live.</summary>
internal static class StatusCommand
{
    /// <summary>Builds <c>status</c>.</summary>
    public static Command CreateStatus()
    {
        var command = new Command("status", "Print each node's height, tip, peers, mempool, hash rate, CPU, memory and uptime, the topology, recent events and the health score");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            var snapshot = await NetworkSnapshot.TakeAsync(session.State, session.Clients, TimeSpan.FromSeconds(5), cancellationToken);
            Console.Write(StatusReport.Render(snapshot));
            return snapshot.Nodes.All(o => o.Responsive) ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Builds <c>monitor</c>.</summary>
    public static Command CreateMonitor()
    {
        Option<bool> once = new("--once") { Description = "Print one refresh and exit (for scripts and tests)" };
        Option<double> interval = new("--interval", "-i") { Description = "Seconds between refreshes", DefaultValueFactory = _ => 2 };
        var command = new Command("monitor", "Refresh the status table live in the terminal until Ctrl+C") { once, interval };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            NetworkSnapshot? previous = null;
            try
            {
                while (true)
                {
                    var snapshot = await NetworkSnapshot.TakeAsync(session.State, session.Clients, TimeSpan.FromSeconds(3), cancellationToken);
                    string report = StatusReport.Render(snapshot, previous);
                    if (!Console.IsOutputRedirected && !parse.GetValue(once))
                        Console.Write("\u001b[H\u001b[2J");
                    Console.Write(report);
                    if (parse.GetValue(once))
                        return ExitCodes.Success;
                    Console.WriteLine("\n(Ctrl+C to stop)");
                    previous = snapshot;
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.2, parse.GetValue(interval))), cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
