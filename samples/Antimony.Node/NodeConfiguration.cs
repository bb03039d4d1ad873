using Microsoft.Extensions.Configuration;

namespace Antimony.Node;

/// <summary>
/// Where the node reads its settings from, in increasing precedence: <c>appsettings.json</c> (next to the
/// program), <c>ANTIMONY_</c> environment variables (<c>ANTIMONY_P2P__MAXOUTBOUND=3</c> is
/// <c>Antimony:P2P:MaxOutbound</c>), the command line (the flags below, or any key as <c>--Antimony:Rpc:Port=0</c>).
/// </summary>
internal static class NodeConfiguration
{
    private const string EnvironmentPrefix = "ANTIMONY_";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--network"] = "Antimony:Network",
        ["--datadir"] = "Antimony:DataDirectory",
        ["--mine"] = "Antimony:Mine",
        ["--miner-address"] = "Antimony:Mining:Address",
        ["--threads"] = "Antimony:Mining:Threads",
        ["--port"] = "Antimony:Port",
        ["--bootstrap"] = "Antimony:Bootstrap",
        ["--max-outbound"] = "Antimony:P2P:MaxOutbound",
        ["--rpc-port"] = "Antimony:Rpc:Port",
        ["--rpc-bind"] = "Antimony:Rpc:Bind",
        ["--rpc-user"] = "Antimony:Rpc:User",
        ["--rpc-password"] = "Antimony:Rpc:Password",
        ["--region"] = "Antimony:Monitoring:Region",
        ["--wallet-passphrase"] = "Antimony:Wallet:Passphrase",
    };

    // Flags that take no value: a bare flag means true.
    private static readonly HashSet<string> BareFlags = new(StringComparer.OrdinalIgnoreCase) { "--mine" };

    /// <summary>Adds the environment variables and the command line after the JSON files already there.</summary>
    public static IConfigurationBuilder AddNodeSources(this IConfigurationBuilder configuration, string[] args)
    {
        configuration.AddInMemoryCollection(EnvironmentKeys());
        configuration.AddCommandLine(Normalise(args), Switches);
        return configuration;
    }

    // ANTIMONY_RPC__PORT=0 is Antimony:Rpc:Port (configuration keys ignore case).
    private static IEnumerable<KeyValuePair<string, string?>> EnvironmentKeys()
    {
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > EnvironmentPrefix.Length)
                yield return new("Antimony:" + name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), variable.Value as string);
        }
    }

    // A bare flag gets "true"; repeated --bootstrap values join into one comma-separated list.
    private static string[] Normalise(string[] args)
    {
        var result = new List<string>(args.Length + 1);
        var bootstrap = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (args[i].Equals("--bootstrap", StringComparison.OrdinalIgnoreCase) && hasValue)
            {
                bootstrap.Add(args[++i]);
                continue;
            }
            result.Add(args[i]);
            if (BareFlags.Contains(args[i]) && !hasValue)
                result.Add("true");
        }
        if (bootstrap.Count > 0)
            result.AddRange(["--bootstrap", string.Join(',', bootstrap)]);
        return [.. result];
    }
}
