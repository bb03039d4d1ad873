using System.Globalization;
using Antimony.Devnet.Funding;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Devnet.Statistics;
using Antimony.Primitives.Networks;

namespace Antimony.Devnet.Checks;

/// <summary>
/// <c>test propagation</c>: mines blocks one at a time on one node (generatetoaddress) and measures, per other node,
/// how long after the miner connected each block that node connected it. Times come from each node's own
/// <c>/status</c> <c>recentBlocks[].receivedUnixMs</c> (one machine, one clock); a node whose status lacks the block is
/// timed by this tool's polling instead (resolution ~50 ms). Passes when every node gets every block in time.
/// </summary>
internal sealed class PropagationCheck(DevnetState state, DevnetClients clients, TextWriter log)
{
    /// <summary>
    /// Runs the test. The first <paramref name="warmup"/> blocks are mined and awaited but not measured: a node's
    /// first block pays for JIT compilation and cold caches (hundreds of ms) and would otherwise dominate p95.
    /// </summary>
    public async Task<CheckResult> RunAsync(int blocks, int origin, TimeSpan perBlockTimeout, CancellationToken cancellationToken, int warmup = 1)
    {
        Network.TryGetBuiltIn(state.Network, out var network);
        string address = DevnetKey.Generate(network ?? Network.Devnet).Address.ToString();
        var miner = clients[origin];
        for (int w = 0; w < warmup; w++)
        {
            string hash = (await ChainWatch.GenerateAsync(miner, 1, address, cancellationToken))[0];
            var cold = await ChainWatch.WaitForTipAsync(clients.All, hash, perBlockTimeout, cancellationToken);
            log.WriteLine($"warm-up block {hash[..16]} (not measured){(cold.Count > 0 ? $": {cold.Count} node(s) did not get it" : "")}");
        }
        var delays = new List<double>();
        var perNode = state.Nodes.ToDictionary(n => n.Index, _ => new List<double>());
        var failures = new List<string>();
        int polled = 0;
        for (int b = 0; b < blocks; b++)
        {
            string hash = (await ChainWatch.GenerateAsync(miner, 1, address, cancellationToken))[0];
            long mined = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var received = new Dictionary<int, long>();
            var deadline = DateTime.UtcNow + perBlockTimeout;
            while (received.Count < state.Nodes.Count && DateTime.UtcNow < deadline)
            {
                var pending = state.Nodes.Where(n => !received.ContainsKey(n.Index)).ToList();
                var looks = await Task.WhenAll(pending.Select(async Task<(int Index, long Time, bool FromStatus)> (n) =>
                {
                    try
                    {
                        var status = await clients[n.Index].GetStatusAsync(cancellationToken);
                        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                        var arrival = status.RecentBlocks.FirstOrDefault(r => r.Hash == hash);
                        if (arrival is not null && arrival.ReceivedUnixMs > 0)
                            return (n.Index, arrival.ReceivedUnixMs, true);
                        return status.BestBlockHash == hash ? (n.Index, now, false) : (n.Index, 0L, false);
                    }
                    catch (RpcException)
                    {
                        return (n.Index, 0L, false);
                    }
                }));
                foreach (var (index, time, fromStatus) in looks.Where(l => l.Time > 0))
                {
                    received[index] = time;
                    if (!fromStatus)
                        polled++;
                }
                if (received.Count < state.Nodes.Count)
                    await Task.Delay(50, cancellationToken);
            }
            long start = received.TryGetValue(origin, out long own) ? Math.Min(own, mined) : mined;
            foreach (var node in state.Nodes.Where(n => n.Index != origin))
            {
                if (!received.TryGetValue(node.Index, out long at))
                {
                    failures.Add($"{node.Name} did not get block {b + 1} ({hash[..16]}) within {perBlockTimeout.TotalSeconds:0} s");
                    continue;
                }
                double delay = Math.Max(0, at - start);
                delays.Add(delay);
                perNode[node.Index].Add(delay);
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"block {b + 1}/{blocks} {hash[..16]}: reached {received.Count}/{state.Nodes.Count} nodes, slowest {(received.Count > 0 ? received.Values.Max() - start : 0)} ms"));
        }
        var summary = Percentiles.Summarise(delays);
        var lines = new List<string> { $"propagation from node{origin} over {blocks} block(s): {summary}" };
        lines.AddRange(state.Nodes.Where(n => n.Index != origin && perNode[n.Index].Count > 0)
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"  {n.Name,-7} mean {perNode[n.Index].Average(),7:0.0} ms  max {perNode[n.Index].Max(),7:0.0} ms")));
        if (polled > 0)
            lines.Add($"  ({polled} arrival(s) timed by polling: /status lacked recentBlocks)");
        foreach (string line in lines)
            log.WriteLine(line);
        return new CheckResult("propagation", failures.Count == 0 && delays.Count > 0, [.. failures, .. lines], new Dictionary<string, double>
        {
            ["blocks"] = blocks,
            ["p50Ms"] = summary.P50,
            ["p95Ms"] = summary.P95,
            ["maxMs"] = summary.Max,
            ["samples"] = summary.Count,
        });
    }
}
