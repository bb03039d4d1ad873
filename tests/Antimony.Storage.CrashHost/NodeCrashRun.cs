using Antimony.Consensus.Chain;
using Antimony.Consensus.Hosting;
using Antimony.Storage.RocksDb;
using Antimony.Testing.Chains;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Storage.CrashHost;

/// <summary>
/// The node mode of the crash host: the consensus <see cref="ChainState"/> composed on the RocksDB store as a
/// node composes it, connecting <see cref="CrashChain"/>'s real, fully validated blocks (signatures included)
/// as fast as it can until it is killed. It prints <c>OPEN height</c> once the chain state has loaded (and
/// reconnected any stored blocks past the flushed tip), then <c>TIP height</c> as blocks connect.
/// </summary>
internal static class NodeCrashRun
{
    public static async Task<int> RunAsync(string directory, int maxUnflushedBlocks)
    {
        var services = new ServiceCollection();
        services.AddAntimony(CrashChain.Parameters)
                .AddRocksDbStore(directory, o => o.MaxUnflushedBlocks = maxUnflushedBlocks);
        await using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<ChainState>();
        Console.WriteLine($"OPEN {chain.Tip.Height}");

        using var builder = new ChainBuilder(CrashChain.Parameters, CrashChain.Seed);
        foreach (var built in CrashChain.Blocks(builder))
        {
            if (built.Height <= chain.Tip.Height)
                continue; // connected before the last kill; regenerated only to carry on from it
            var result = await chain.ProcessBlockAsync(built.Block);
            if (result.Acceptance != BlockAcceptance.Active)
            {
                Console.WriteLine($"UNEXPECTED {built.Height} {result}");
                return 3;
            }
            Console.WriteLine($"TIP {built.Height}");
        }
        return 0;
    }
}
