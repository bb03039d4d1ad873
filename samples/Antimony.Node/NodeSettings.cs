using Antimony.Consensus.Parameters;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Antimony.Node;

/// <summary>
/// The node's settings, from the <c>Antimony</c> configuration section (command line, <c>appsettings.json</c>,
/// <c>ANTIMONY_</c> environment variables).
/// </summary>
internal sealed record NodeSettings(ChainParameters Parameters, string DataDirectory, bool Mine, string? MinerAddress, int Threads, IPEndPoint Listen, IReadOnlyList<IPEndPoint> Bootstrap)
{
    public static NodeSettings Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection("Antimony");
        string network = section["Network"] ?? "devnet";
        var parameters = network.ToLowerInvariant() switch
        {
            "mainnet" => ChainParameters.Mainnet,
            "testnet" => ChainParameters.Testnet,
            "regtest" => ChainParameters.Regtest,
            "devnet" => ChainParameters.Devnet,
            _ => throw new InvalidOperationException($"Unknown network '{network}': use mainnet, testnet, regtest or devnet."),
        };
        string dataDirectory = section["DataDirectory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".antimony", parameters.Network.Name);
        Directory.CreateDirectory(dataDirectory);
        return new NodeSettings(
            parameters,
            dataDirectory,
            section.GetValue("Mine", false),
            section["MinerAddress"],
            section.GetValue("Threads", 1),
            // Local by default: the devnet runs on one machine. Set Antimony:ListenAddress to expose a node.
            new IPEndPoint(IPAddress.Parse(section["ListenAddress"] ?? "127.0.0.1"), section.GetValue("Port", parameters.Network.DefaultPort)),
            [.. (section["Bootstrap"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPEndPoint.Parse)]);
    }
}
