using System.CommandLine;

namespace Antimony.Devnet.Cli;

/// <summary>Options every command shares.</summary>
internal static class DevnetOptions
{
    /// <summary>The devnet directory: state file and one directory per node. Default: $ATMN_DEVNET_DIR or ~/.antimony/devnet-cluster.</summary>
    public static Option<string> DataDirectory { get; } = new("--datadir", "-d")
    {
        Description = "The devnet directory (state file devnet.json and one directory per node)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ATMN_DEVNET_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".antimony", "devnet-cluster"),
        Recursive = true,
    };

    /// <summary>How long a test waits for the network at each step.</summary>
    public static Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Seconds to wait at each step before failing",
        DefaultValueFactory = _ => 60,
        Recursive = true,
    };
}
