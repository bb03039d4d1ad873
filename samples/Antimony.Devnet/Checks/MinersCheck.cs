using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Antimony.Devnet.Funding;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Numerics;

namespace Antimony.Devnet.Checks;

/// <summary>
/// <c>test miners</c>: several nodes mine at once (generatetoaddress in a loop, each to its own address) until the
/// requested number of blocks is found. Reports per miner the blocks it found, how many ended on the best chain and
/// its hash rate (expected hashes of the blocks it found, from their targets, over its mining time), the stale
/// (orphaned) count, and checks every node ends on one tip.
/// </summary>
internal sealed class MinersCheck(DevnetState state, DevnetClients clients, TextWriter log)
{
    /// <summary>Runs the test with <paramref name="miners"/> concurrent miners and <paramref name="blocks"/> blocks in total.</summary>
    public async Task<CheckResult> RunAsync(int miners, int blocks, TimeSpan convergeTimeout, CancellationToken cancellationToken)
    {
        int count = Math.Clamp(miners, 1, state.Nodes.Count);
        Network.TryGetBuiltIn(state.Network, out var network);
        var minerNodes = Enumerable.Range(0, count).Select(k => k * state.Nodes.Count / count).ToArray();
        var addresses = minerNodes.Select(_ => DevnetKey.Generate(network ?? Network.Devnet).Address.ToString()).ToArray();
        var found = minerNodes.Select(_ => new List<string>()).ToArray();
        var busy = new TimeSpan[count];
        int total = 0;
        var heightsBefore = await Task.WhenAll(clients.All.Select(c => ChainWatch.HeightAsync(c, cancellationToken)));
        var connectedBefore = await Task.WhenAll(clients.All.Select(c => c.GetMetricAsync(BlocksConnectedMetric, cancellationToken)));
        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async m =>
        {
            while (Volatile.Read(ref total) < blocks)
            {
                var call = Stopwatch.StartNew();
                try
                {
                    var hashes = await ChainWatch.GenerateAsync(clients[minerNodes[m]], 1, addresses[m], cancellationToken);
                    found[m].AddRange(hashes);
                    Interlocked.Add(ref total, hashes.Count);
                }
                catch (RpcException e)
                {
                    lock (errors)
                        errors.Add(e.Message);
                    return;
                }
                busy[m] += call.Elapsed;
            }
        }));
        double elapsed = clock.Elapsed.TotalSeconds;
        // Two blocks of equal work at the last height split the network for good: each node keeps the one it saw
        // first, as in Bitcoin. The next block settles it, so when the race ends in a tie one more block is mined.
        string? tip = await ChainWatch.WaitForConvergenceAsync(clients.All, TimeSpan.FromSeconds(5), cancellationToken);
        bool tieBroken = false;
        if (tip is null)
        {
            log.WriteLine("the race ended with competing tips of equal work; mining one tie-breaking block on node0");
            await ChainWatch.GenerateAsync(clients[0], 1, addresses[0], cancellationToken);
            tieBroken = true;
            tip = await ChainWatch.WaitForConvergenceAsync(clients.All, convergeTimeout, cancellationToken);
        }
        var failures = new List<string>(errors);
        if (tip is null)
            failures.Add($"nodes did not agree on one tip within {convergeTimeout.TotalSeconds:0} s");
        var reference = clients[0];
        var lines = new List<string>();
        // generatetoaddress returns only blocks that became its node's tip, and a node forgets blocks it disconnects,
        // so stale blocks are also counted per node from /metrics: blocks connected minus height gained is the number
        // of blocks it connected and later disconnected. The largest such count is a floor for the network's stale blocks.
        var staleSeen = new List<(string Name, int Count)>();
        for (int i = 0; i < state.Nodes.Count; i++)
        {
            if (connectedBefore[i] is double before && await clients[i].GetMetricAsync(BlocksConnectedMetric, cancellationToken) is double after)
                staleSeen.Add((clients[i].Node.Name, (int)(after - before) - (await ChainWatch.HeightAsync(clients[i], cancellationToken) - heightsBefore[i])));
        }
        int staleAtNodes = staleSeen.Count == 0 ? 0 : staleSeen.Max(s => s.Count);
        int stale = 0;
        double totalWork = 0;
        for (int m = 0; m < count; m++)
        {
            int onChain = 0;
            double work = 0;
            foreach (string hash in found[m])
            {
                var header = await clients[minerNodes[m]].CallAsync("getblockheader", [hash, true], cancellationToken);
                int height = header!["height"]!.GetValue<int>();
                work += WorkOf(header["bits"]!.GetValue<string>());
                string? best = null;
                try
                {
                    best = (await reference.CallAsync("getblockhash", [height], cancellationToken))!.GetValue<string>();
                }
                catch (RpcException)
                {
                }
                if (best == hash)
                    onChain++;
                else
                    stale++;
            }
            totalWork += work;
            double rate = busy[m].TotalSeconds > 0 ? work / busy[m].TotalSeconds : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"miner {m + 1} on node{minerNodes[m]}: found {found[m].Count}, on best chain {onChain}, hash rate {Observation.StatusReport.FormatRate(rate)}"));
        }
        int mined = found.Sum(f => f.Count);
        stale = Math.Max(stale, staleAtNodes);
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{mined} blocks by {count} miners in {elapsed:0.0} s; stale/orphaned {stale} ({(mined > 0 ? 100.0 * stale / mined : 0):0.0}%; most seen by one node {staleAtNodes}); {(tip is null ? "NO common tip" : "one tip " + tip[..16] + " on every node")}{(tieBroken ? " after a tie-breaking block" : "")}"));
        foreach (string line in lines)
            log.WriteLine(line);
        if (mined < blocks)
            failures.Add($"only {mined} of {blocks} blocks were mined");
        return new CheckResult("miners", failures.Count == 0, [.. failures, .. lines], new Dictionary<string, double>
        {
            ["miners"] = count,
            ["blocks"] = mined,
            ["stale"] = stale,
            ["staleRate"] = mined > 0 ? (double)stale / mined : 0,
            ["networkHashRate"] = elapsed > 0 ? totalWork / elapsed : 0,
            ["converged"] = tip is null ? 0 : 1,
            ["tieBreakerBlocks"] = tieBroken ? 1 : 0,
        });
    }

    /// <summary>The consensus counter of blocks connected (reconnections after a reorganisation included).</summary>
    public const string BlocksConnectedMetric = "antimony_consensus_blocks_connected_total";

    /// <summary>The expected number of hashes for a block with compact target <paramref name="bitsHex"/>: 2^256 / (target + 1).</summary>
    public static double WorkOf(string bitsHex)
    {
        var bits = new CompactTarget(uint.Parse(bitsHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return (double)(BigInteger)bits.GetWork();
    }
}
