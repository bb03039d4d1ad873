using Microsoft.Extensions.Configuration;

namespace Antimony.Node;

/// <summary>Where the node reads its settings from, in increasing precedence.</summary>
internal static class NodeConfiguration
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--network"] = "Antimony:Network",
        ["--datadir"] = "Antimony:DataDirectory",
        ["--mine"] = "Antimony:Mine",
        ["--miner-address"] = "Antimony:MinerAddress",
        ["--threads"] = "Antimony:Threads",
        ["--port"] = "Antimony:Port",
        ["--bootstrap"] = "Antimony:Bootstrap",
    };

    /// <summary>Adds <c>ANTIMONY_</c> environment variables (e.g. <c>ANTIMONY_Antimony__Network=regtest</c>) and the command line.</summary>
    public static IConfigurationBuilder AddNodeSources(this IConfigurationBuilder configuration, string[] args)
    {
        configuration.AddEnvironmentVariables("ANTIMONY_");
        configuration.AddCommandLine(WithFlagValues(args), Switches);
        return configuration;
    }

    // A bare flag (`--mine`) means true; the configuration binder wants a value.
    private static string[] WithFlagValues(string[] args)
    {
        var result = new List<string>(args.Length + 1);
        for (int i = 0; i < args.Length; i++)
        {
            result.Add(args[i]);
            bool isFlag = args[i].Equals("--mine", StringComparison.OrdinalIgnoreCase);
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (isFlag && !hasValue)
                result.Add("true");
        }
        return [.. result];
    }
}
