using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Antimony.Devnet.Funding;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Transactions;

namespace Antimony.Devnet.Checks;

/// <summary>
/// <c>test throughput</c>: funds a key by mining to its P2TR address, fans the coinbases out into one coin per
/// transaction (confirmed, so no mempool chain limits apply), signs 1-in-1-out spends ahead of time, then submits them
/// with sendrawtransaction in JSON-RPC batches from several workers spread over all nodes. Reports accepted tx/s,
/// the time until every mempool holds every accepted transaction, the time to first confirmation and that every chain
/// agrees once they are all mined.
/// </summary>
internal sealed class ThroughputCheck(DevnetState state, DevnetClients clients, TextWriter log)
{
    /// <summary>At most this many outputs per fan-out transaction (about 86 kvB, under the 100 kvB standard limit).</summary>
    public const int MaxFanOut = 2000;

    /// <summary>Runs the test with <paramref name="transactions"/> transactions sent in batches of <paramref name="batch"/>.</summary>
    public async Task<CheckResult> RunAsync(int transactions, int batch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var parameters = Faucet.ParametersOf(state.Network);
        var key = DevnetKey.Generate(parameters.Network);
        var factory = new TransactionFactory(key);
        var origin = clients[0];
        var failures = new List<string>();

        // 1. Funding: coinbases, then one confirmed coin per transaction.
        int fanOuts = (transactions + MaxFanOut - 1) / MaxFanOut;
        var clock = Stopwatch.StartNew();
        var coinbases = await Faucet.MineCoinsAsync(origin, parameters, key, fanOuts, cancellationToken);
        var coins = new List<Coin>(transactions);
        var funding = new List<Transaction>();
        for (int f = 0; f < fanOuts; f++)
        {
            int outputs = Math.Min(MaxFanOut, transactions - f * MaxFanOut);
            var (fanOut, made) = factory.FanOut(coinbases[f], outputs);
            funding.Add(fanOut);
            coins.AddRange(made);
        }
        foreach (var fanOut in funding)
            await origin.CallAsync("sendrawtransaction", [fanOut.ToHex()], cancellationToken);
        string fundedTip = (await ChainWatch.GenerateAsync(origin, 1, key.Address.ToString(), cancellationToken))[0];
        var confirmedFunding = (await ChainWatch.BlockTransactionsAsync(origin, fundedTip, cancellationToken)).ToHashSet();
        if (!funding.All(t => confirmedFunding.Contains(t.Txid.ToString())))
            return Fail("the fan-out transactions were not mined in the next block");
        var lagging = await ChainWatch.WaitForTipAsync(clients.All, fundedTip, timeout, cancellationToken);
        if (lagging.Count > 0)
            return Fail($"{string.Join(", ", lagging.Select(c => c.Node.Name))} did not reach the funded tip");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"funded {coins.Count} coins in {clock.Elapsed.TotalSeconds:0.0} s ({fanOuts} coinbase(s) fanned out)"));

        // 2. Sign everything first: submission measures the network, not this tool's signer.
        clock.Restart();
        var signed = coins.AsParallel().AsOrdered().Select(c => factory.Spend(c).Transaction).ToList();
        double signingRate = signed.Count / clock.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signed {signed.Count} transactions in {clock.Elapsed.TotalSeconds:0.00} s ({signingRate:0} tx/s)"));

        // 3. Submit in batches, round-robin over nodes, several batches in flight.
        var batches = signed.Chunk(Math.Max(1, batch)).ToList();
        int next = -1, accepted = 0;
        var acceptedIds = new System.Collections.Concurrent.ConcurrentBag<string>();
        var rejections = new System.Collections.Concurrent.ConcurrentBag<string>();
        int workers = Math.Min(batches.Count, Math.Max(2, state.Nodes.Count * 2));
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            for (int b; (b = Interlocked.Increment(ref next)) < batches.Count;)
            {
                var node = clients[b % state.Nodes.Count];
                var answers = await node.BatchAsync("sendrawtransaction", [.. batches[b].Select(t => new JsonArray(t.ToHex()))], cancellationToken);
                for (int i = 0; i < answers.Count; i++)
                {
                    if (answers[i].Error is { } error)
                    {
                        rejections.Add(error.Message);
                        continue;
                    }
                    Interlocked.Increment(ref accepted);
                    acceptedIds.Add(batches[b][i].Txid.ToString());
                }
            }
        }));
        double submitSeconds = clock.Elapsed.TotalSeconds;
        double rate = accepted / submitSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submitted {signed.Count} in {submitSeconds:0.00} s to {state.Nodes.Count} nodes ({workers} workers, batches of {batch}): accepted {accepted} = {rate:0} tx/s, rejected {rejections.Count}"));
        foreach (string reason in rejections.GroupBy(r => r).Select(g => $"{g.Count()} x {g.Key}").Take(3))
            failures.Add("rejected: " + reason);

        // 4. Every mempool holds every accepted transaction.
        var ids = acceptedIds.ToHashSet();
        clock.Restart();
        var mempoolDeadline = DateTime.UtcNow + timeout;
        var missing = new Dictionary<string, int>();
        do
        {
            missing.Clear();
            foreach (var node in clients.All)
            {
                var pool = await ChainWatch.MempoolAsync(node, cancellationToken);
                int absent = ids.Count(id => !pool.Contains(id));
                if (absent > 0)
                    missing[node.Node.Name] = absent;
            }
            if (missing.Count > 0)
                await Task.Delay(250, cancellationToken);
        }
        while (missing.Count > 0 && DateTime.UtcNow < mempoolDeadline);
        double mempoolSeconds = clock.Elapsed.TotalSeconds;
        if (missing.Count > 0)
            failures.Add("mempools disagree: " + string.Join(", ", missing.Select(m => $"{m.Key} lacks {m.Value}")));
        else
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every mempool holds all {ids.Count} transactions {mempoolSeconds:0.00} s after submission ended"));

        // 5. Confirmation: natural blocks when the devnet has miners, else mined on demand.
        bool natural = state.Nodes.Any(n => n.Miner);
        double firstConfirmation = double.NaN;
        int firstBlockCount = 0;
        clock.Restart();
        var unconfirmed = new HashSet<string>(ids);
        var confirmDeadline = DateTime.UtcNow + timeout + TimeSpan.FromSeconds(natural ? 60 : 0);
        string? lastTip = fundedTip;
        while (unconfirmed.Count > 0 && DateTime.UtcNow < confirmDeadline)
        {
            IReadOnlyList<string> newBlocks;
            if (natural)
            {
                await Task.Delay(200, cancellationToken);
                string tip = await ChainWatch.BestBlockHashAsync(origin, cancellationToken);
                newBlocks = tip == lastTip ? [] : [tip];
                lastTip = tip;
            }
            else
            {
                newBlocks = await ChainWatch.GenerateAsync(origin, 1, key.Address.ToString(), cancellationToken);
            }
            foreach (string block in newBlocks)
            {
                int before = unconfirmed.Count;
                unconfirmed.ExceptWith(await ChainWatch.BlockTransactionsAsync(origin, block, cancellationToken));
                if (unconfirmed.Count < before && double.IsNaN(firstConfirmation))
                {
                    firstConfirmation = clock.Elapsed.TotalSeconds;
                    firstBlockCount = before - unconfirmed.Count;
                }
            }
        }
        if (unconfirmed.Count > 0)
            failures.Add($"{unconfirmed.Count} accepted transactions never confirmed");
        string? agreed = await ChainWatch.WaitForConvergenceAsync(clients.All, timeout, cancellationToken);
        if (agreed is null)
            failures.Add("the nodes' chains disagree after confirmation");
        var leftovers = new List<string>();
        foreach (var node in clients.All)
        {
            int left = (await ChainWatch.MempoolAsync(node, cancellationToken)).Count(ids.Contains);
            if (left > 0)
                leftovers.Add($"{node.Node.Name} still holds {left}");
        }
        if (leftovers.Count > 0)
            failures.Add("mined transactions left in mempools: " + string.Join(", ", leftovers));
        if (accepted != signed.Count)
            failures.Add($"accepted {accepted} of {signed.Count}");
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"throughput: {rate:0} accepted tx/s ({accepted}/{signed.Count}); all mempools agree after {mempoolSeconds:0.00} s; first confirmation {firstConfirmation:0.00} s after the mempools agreed ({firstBlockCount} tx in that block, {(natural ? "background miners" : "mined on demand with generatetoaddress")}); every chain {(agreed is null ? "DISAGREES" : "agrees")}"),
        };
        foreach (string line in lines)
            log.WriteLine(line);
        return new CheckResult("throughput", failures.Count == 0, [.. failures, .. lines], new Dictionary<string, double>
        {
            ["transactions"] = signed.Count,
            ["accepted"] = accepted,
            ["acceptedPerSecond"] = rate,
            ["signedPerSecond"] = signingRate,
            ["mempoolAgreementSeconds"] = mempoolSeconds,
            ["firstConfirmationSeconds"] = firstConfirmation,
        });

        CheckResult Fail(string reason)
        {
            log.WriteLine(reason);
            return new CheckResult("throughput", false, [reason], new Dictionary<string, double>());
        }
    }
}
