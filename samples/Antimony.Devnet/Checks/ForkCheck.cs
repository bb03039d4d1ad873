using System.Diagnostics;
using System.Globalization;
using Antimony.Devnet.Funding;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Checks;

/// <summary>
/// <c>test fork</c>: splits the network into two halves with endpoint bans (<c>setban "127.0.0.1:PORT" add</c> on each
/// side for every node of the other, plus <c>disconnectnode</c>), links each half internally, mines one block with a
/// fresh transaction on the smaller-work (losing) half and more blocks on the other, heals the split
/// (<c>clearbanned</c>, <c>addnode ... onetry</c> along the planned edges) and checks that every node reorganises to
/// the most-work chain, that the losing side's transaction returns to its mempools, and that it confirms again.
/// </summary>
internal sealed class ForkCheck(DevnetState state, DevnetClients clients, TextWriter log)
{
    /// <summary>Runs the test; the winning half mines <paramref name="winningBlocks"/> blocks against the losing half's one.</summary>
    public async Task<CheckResult> RunAsync(int winningBlocks, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (state.Nodes.Count < 2)
            return new CheckResult("fork", false, ["a fork needs at least two nodes"], new Dictionary<string, double>());
        var parameters = Faucet.ParametersOf(state.Network);
        var key = DevnetKey.Generate(parameters.Network);
        var factory = new TransactionFactory(key);
        var winners = state.Nodes.Take(state.Nodes.Count / 2).ToList();
        var losers = state.Nodes.Skip(state.Nodes.Count / 2).ToList();
        var winnerClients = winners.Select(n => clients[n.Index]).ToList();
        var loserClients = losers.Select(n => clients[n.Index]).ToList();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        // A coin mature before the split, so the losing side can spend it.
        var coin = (await Faucet.MineCoinsAsync(clients[0], parameters, key, 1, cancellationToken))[0];
        string? start = await ChainWatch.WaitForConvergenceAsync(clients.All, timeout, cancellationToken);
        if (start is null)
            return Finish(["the nodes did not agree before the split"]);
        int startHeight = await ChainWatch.HeightAsync(clients[0], cancellationToken);

        try
        {
            await PartitionAsync(winners, losers, cancellationToken);
            await PartitionAsync(losers, winners, cancellationToken);
            await LinkAsync(winners, cancellationToken);
            await LinkAsync(losers, cancellationToken);

            // The losing side confirms a transaction the winning side never sees.
            var (transaction, _) = factory.Spend(coin);
            string txid = transaction.Txid.ToString();
            await loserClients[0].CallAsync("sendrawtransaction", [transaction.ToHex()], cancellationToken);
            string loserTip = (await ChainWatch.GenerateAsync(loserClients[0], 1, key.Address.ToString(), cancellationToken))[^1];
            if (!(await ChainWatch.BlockTransactionsAsync(loserClients[0], loserTip, cancellationToken)).Contains(txid))
                return Finish(["the losing side's block does not hold its transaction"]);
            var loserLag = await ChainWatch.WaitForTipAsync(loserClients, loserTip, timeout, cancellationToken);
            if (loserLag.Count > 0)
                failures.Add($"losing side did not sync internally: {Names(loserLag)}");

            string winnerTip = (await ChainWatch.GenerateAsync(winnerClients[0], winningBlocks, key.Address.ToString(), cancellationToken))[^1];
            var winnerLag = await ChainWatch.WaitForTipAsync(winnerClients, winnerTip, timeout, cancellationToken);
            if (winnerLag.Count > 0)
                failures.Add($"winning side did not sync internally: {Names(winnerLag)}");
            foreach (var node in loserClients)
            {
                if (await ChainWatch.TryBestBlockHashAsync(node, cancellationToken) == winnerTip)
                    failures.Add($"the partition leaked: {node.Node.Name} already has the winning chain");
            }
            if (failures.Count > 0)
                return Finish(failures);
            log.WriteLine($"split at height {startHeight}: {Names(winnerClients)} mined {winningBlocks}, {Names(loserClients)} mined 1 with tx {txid[..16]}");

            // Heal and converge on the most-work chain.
            var healClock = Stopwatch.StartNew();
            await HealAsync(cancellationToken);
            var stragglers = await ChainWatch.WaitForTipAsync(clients.All, winnerTip, timeout, cancellationToken);
            if (stragglers.Count > 0)
                return Finish([$"after healing, not on the most-work tip: {Names(stragglers)}"]);
            double reorgSeconds = healClock.Elapsed.TotalSeconds;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"healed: all {state.Nodes.Count} nodes on the winning tip after {reorgSeconds:0.00} s (1-block reorg on {losers.Count} nodes)"));

            // The orphaned transaction is back in the losing side's mempools, then confirms again.
            var deadline = DateTime.UtcNow + timeout;
            List<NodeRpcClient> without;
            do
            {
                without = [];
                foreach (var node in loserClients)
                {
                    if (!(await ChainWatch.MempoolAsync(node, cancellationToken)).Contains(txid))
                        without.Add(node);
                }
                if (without.Count > 0)
                    await Task.Delay(ChainWatch.PollInterval, cancellationToken);
            }
            while (without.Count > 0 && DateTime.UtcNow < deadline);
            if (without.Count > 0)
                failures.Add($"tx {txid[..16]} did not return to the mempool of {Names(without)}");
            int winnersHolding = 0;
            foreach (var node in winnerClients)
                winnersHolding += (await ChainWatch.MempoolAsync(node, cancellationToken)).Contains(txid) ? 1 : 0;
            string reconfirmed = (await ChainWatch.GenerateAsync(loserClients[0], 1, key.Address.ToString(), cancellationToken))[^1];
            if (!(await ChainWatch.BlockTransactionsAsync(loserClients[0], reconfirmed, cancellationToken)).Contains(txid))
                failures.Add($"tx {txid[..16]} was not confirmed again");
            var finalLag = await ChainWatch.WaitForTipAsync(clients.All, reconfirmed, timeout, cancellationToken);
            if (finalLag.Count > 0)
                failures.Add($"not on the final tip: {Names(finalLag)}");
            var lines = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"fork: {winningBlocks} vs 1 block(s), reorganised in {reorgSeconds:0.00} s; tx back in {losers.Count - without.Count}/{losers.Count} losing mempools ({winnersHolding}/{winners.Count} winning), confirmed again in {reconfirmed[..16]}; total {clock.Elapsed.TotalSeconds:0.0} s"),
            };
            foreach (string line in lines)
                log.WriteLine(line);
            return new CheckResult("fork", failures.Count == 0, [.. failures, .. lines], new Dictionary<string, double>
            {
                ["reorgSeconds"] = reorgSeconds,
                ["reorgDepth"] = 1,
                ["seconds"] = clock.Elapsed.TotalSeconds,
            });
        }
        finally
        {
            // Never leave the network split, whatever failed.
            await HealAsync(CancellationToken.None);
        }

        CheckResult Finish(IReadOnlyList<string> reasons)
        {
            foreach (string reason in reasons)
                log.WriteLine(reason);
            return new CheckResult("fork", false, reasons, new Dictionary<string, double>());
        }
    }

    // Every node of `side` bans and drops every node of `other`, by endpoint.
    private async Task PartitionAsync(IReadOnlyList<NodeRecord> side, IReadOnlyList<NodeRecord> other, CancellationToken cancellationToken)
    {
        foreach (var node in side)
        {
            foreach (var foe in other)
            {
                await clients[node.Index].CallAsync("setban", [foe.Endpoint, "add", 3600], cancellationToken);
                await TryAsync(clients[node.Index], "disconnectnode", [foe.Endpoint], cancellationToken);
            }
        }
    }

    // A half may have no internal bootstrap edge (in the tiered tree 2 and 3 only know node 0): link it to its first node.
    private async Task LinkAsync(IReadOnlyList<NodeRecord> side, CancellationToken cancellationToken)
    {
        foreach (var node in side.Skip(1))
            await TryAsync(clients[node.Index], "addnode", [side[0].Endpoint, "onetry"], cancellationToken);
        if (side.Count > 1)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var counts = await Task.WhenAll(side.Select(async n => (await clients[n.Index].CallAsync("getconnectioncount", cancellationToken: cancellationToken))!.GetValue<int>()));
                if (counts.All(c => c > 0))
                    return;
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task HealAsync(CancellationToken cancellationToken)
    {
        foreach (var node in state.Nodes)
            await TryAsync(clients[node.Index], "clearbanned", [], cancellationToken);
        foreach (var (from, to) in state.PlannedEdges)
            await TryAsync(clients[from], "addnode", [state.Nodes[to].Endpoint, "onetry"], cancellationToken);
    }

    private static async Task TryAsync(NodeRpcClient client, string method, System.Text.Json.Nodes.JsonArray parameters, CancellationToken cancellationToken)
    {
        try
        {
            await client.CallAsync(method, parameters, cancellationToken);
        }
        catch (RpcException)
        {
            // Not connected, already connected, already unbanned: the state wanted holds either way.
        }
    }

    private static string Names(IEnumerable<NodeRpcClient> nodes) => string.Join(", ", nodes.Select(n => n.Node.Name));
}
