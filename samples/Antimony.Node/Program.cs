using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Mining.Hosting;
using Antimony.Node;
using Antimony.P2P.Hosting;
using Antimony.Rpc.Hosting;
using Antimony.Rpc.Monitoring;
using Antimony.Storage.RocksDb;
using Antimony.Wallet.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// atmn-node: composes a full node from the SDK's packages and configures it; everything else lives in the libraries.
try
{
    NativeMemoryTuning.Apply();
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddNodeSources(args);
    var settings = NodeSettings.Bind(builder.Configuration);
    string dataDirectory = settings.DataDirectory;

    var services = builder.Services;
    services.AddOptions<ConsensusOptions>().BindConfiguration(ConsensusOptions.SectionName);
    services.AddOptions<MempoolOptions>().BindConfiguration(MempoolOptions.SectionName);
    services.AddOptions<RocksDbStoreOptions>().BindConfiguration("Antimony:Storage");
    services.AddOptions<PeerToPeerOptions>().BindConfiguration("Antimony:P2P");
    services.AddOptions<MiningOptions>().BindConfiguration(MiningOptions.SectionName);

    bool rpcPortSet = builder.Configuration["Antimony:Rpc:Port"] is not null;
    var node = services.AddAntimony(settings.Parameters)
        .AddRocksDbStore(dataDirectory)
        .AddMempool()
        .AddPeerToPeer(o =>
        {
            o.Listen = settings.Listen;
            o.Bootstrap = [.. settings.Bootstrap];
            o.AddressBookPath = Path.Combine(dataDirectory, "peers.json");
        })
        .AddRpc(o =>
        {
            o.DataDirectory = dataDirectory;
            if (!rpcPortSet)
                o.Port = settings.Parameters.Network.DefaultRpcPort;
        })
        .AddWallet(o => o.Path ??= Path.Combine(dataDirectory, "wallet"))
        .AddMonitoring();
    if (settings.Mine)
        node.AddMining(o => o.Address ??= MinerKeyFile.LoadOrCreate(dataDirectory, settings.Parameters.Network).ToString());
    services.AddHostedService<TipLog>();
    services.AddHostedService<RpcListeningLog>();
    services.AddHostedService<StartupTrim>();

    var app = builder.Build();
    app.MapAntimonyRpc();
    app.MapAntimonyMonitoring();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or IOException or FormatException)
{
    // A configuration the node cannot run with: say what to fix, without a stack trace.
    await Console.Error.WriteLineAsync($"atmn-node: {e.Message}");
    return 1;
}
