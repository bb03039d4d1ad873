using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Mining.Hosting;
using Antimony.P2P.Hosting;
using Antimony.Node;
using Antimony.Storage.RocksDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// atmn-node: composes a full node from the SDK's packages; everything else lives in the libraries.
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddNodeSources(args);
var settings = NodeSettings.Bind(builder.Configuration);

var node = builder.Services.AddAntimony(settings.Parameters)
    .AddRocksDbStore(settings.DataDirectory)
    .AddMempool()
    .AddPeerToPeer(o =>
    {
        o.Listen = settings.Listen;
        o.Bootstrap = [.. settings.Bootstrap];
        o.AddressBookPath = Path.Combine(settings.DataDirectory, "peers.json");
    });
if (settings.Mine)
{
    string address = settings.MinerAddress ?? MinerKeyFile.LoadOrCreate(settings.DataDirectory, settings.Parameters.Network).ToString();
    node.AddMining(o => { o.Address = address; o.Threads = settings.Threads; });
}
builder.Services.AddHostedService<TipLog>();

await builder.Build().RunAsync();
