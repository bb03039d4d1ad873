// The README's "bespoke node in under 20 lines", compiled here so it cannot rot (keep it identical to samples/Antimony.Node/README.md).
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Hosting;
using Antimony.Rpc.Hosting;
using Antimony.Rpc.Monitoring;
using Antimony.Storage.RocksDb;
using Antimony.Wallet.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Antimony.Node.Tests.Snippets;

internal static class BespokeNode
{
    public static async Task RunAsync(string[] args, string dir)
    {
        // --- snippet start ---
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddAntimony(ChainParameters.Devnet)
            .AddRocksDbStore(Path.Combine(dir, "chain"))
            .AddMempool()
            .AddPeerToPeer(o => o.Listen = new(System.Net.IPAddress.Loopback, 20000))
            .AddWallet(o => o.Path = Path.Combine(dir, "wallet"))
            .AddRpc(o => { o.Port = 21000; o.DataDirectory = dir; })
            .AddMonitoring(o => o.Region = "home");
        var app = builder.Build();
        app.MapAntimonyRpc();          // JSON-RPC at POST / (cookie in dir/.cookie)
        app.MapAntimonyMonitoring();   // GET /health, /metrics, /status
        await app.RunAsync();
        // --- snippet end ---
    }
}
