using System.CommandLine;

namespace Antimony.Devnet.Cli;

/// <summary>The command tree of atmn-devnet.</summary>
internal static class DevnetCommands
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("atmn-devnet: launch, monitor, test and benchmark a local network of atmn-node processes")
        {
            DevnetOptions.DataDirectory,
            DevnetOptions.TimeoutSeconds,
        };
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(StatusCommand.CreateStatus());
        root.Subcommands.Add(StatusCommand.CreateMonitor());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        root.Subcommands.Add(DownCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        return root;
    }
}
