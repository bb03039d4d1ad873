using System.Net;
using Antimony.Consensus.Parameters;
using Microsoft.Extensions.Configuration;

namespace Antimony.Node;

/// <summary>
/// The settings the host itself needs to compose the node (the network, where its data lives, whether it
/// mines, where P2P listens); every other option binds from its own section (<c>Antimony:P2P</c>,
/// <c>Antimony:Mining</c>, <c>Antimony:Rpc</c>, ...) into the libraries' options classes.
/// </summary>
internal sealed record NodeSettings(ChainParameters Parameters, string DataDirectory, bool Mine, IPEndPoint Listen, IReadOnlyList<IPEndPoint> Bootstrap)
{
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names the fix.</exception>
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
            _ => throw new InvalidOperationException($"Unknown network '{network}': use mainnet, testnet, regtest or devnet (--network)."),
        };
        string dataDirectory = section["DataDirectory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".antimony", parameters.Network.Name);
        Directory.CreateDirectory(dataDirectory);
        // Local by default: the devnet runs on one machine. Set Antimony:ListenAddress to expose a node.
        string listenAddress = section["ListenAddress"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(listenAddress, out var address))
            throw new InvalidOperationException($"Antimony:ListenAddress '{listenAddress}' is not an IP address.");
        int port = section.GetValue("Port", parameters.Network.DefaultPort);
        if (port is < 0 or > 65535)
            throw new InvalidOperationException($"--port {port} is not a TCP port (0-65535).");
        var bootstrap = new List<IPEndPoint>();
        foreach (string entry in (section["Bootstrap"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPEndPoint.TryParse(entry, out var endPoint) || endPoint.Port == 0)
                throw new InvalidOperationException($"--bootstrap '{entry}' is not host:port with an IP address, e.g. 127.0.0.1:{parameters.Network.DefaultPort}.");
            bootstrap.Add(endPoint);
        }
        return new NodeSettings(parameters, dataDirectory, section.GetValue("Mine", false), new IPEndPoint(address, port), bootstrap);
    }
}
