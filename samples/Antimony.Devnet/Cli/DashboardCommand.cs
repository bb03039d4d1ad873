using System.CommandLine;
using Antimony.Devnet.Dashboard;

namespace Antimony.Devnet.Cli;

/// <summary><c>dashboard</c>: serves the live web page until Ctrl+C.</summary>
internal static class DashboardCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Option<int> port = new("--port", "-p") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 20999 };
        var command = new Command("dashboard", "Serve a live web page (topology graph, heights, peers, propagation chart) on 127.0.0.1") { port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            try
            {
                await DashboardServer.RunAsync(session.State, parse.GetValue(port), url => Console.WriteLine($"Dashboard listening on {url} (Ctrl+C to stop)"), cancellationToken);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"The dashboard cannot listen on 127.0.0.1:{parse.GetValue(port)}: {e.Message}");
                return ExitCodes.Failure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
