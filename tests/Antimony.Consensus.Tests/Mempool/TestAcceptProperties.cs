using System.Text;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>
/// <see cref="TransactionPool.TestAccept(Transaction)"/> is <see cref="TransactionPool.Accept"/> without the
/// change: over the random scenarios of <see cref="PoolProperties"/> (conflicts, replacements, orphans, chain
/// limits, a full pool, reorganizations, expiry), every submission is first dry-run, the pool must be exactly as
/// before (entries with their totals, mining order, orphans, fee floor, notifications), and the real
/// acceptance that follows must give the same verdict.
/// </summary>
public sealed class TestAcceptProperties
{
    [Property(MaxTest = 25)]
    public Property TestAccept_gives_Accepts_verdict_and_leaves_the_pool_unchanged() =>
        Prop.ForAll(Arb.From(PoolProperties.Scenario), steps =>
        {
            using var h = new MempoolHarness(o =>
            {
                o.MaxTransactionWeight = 1_200;
                o.MaxSizeBytes = 1_200;
                o.MaxOrphanCount = 3;
                o.Expiry = TimeSpan.FromDays(2);
                o.MaxAncestorCount = 6;
                o.MaxDescendantCount = 6;
                o.MaxReplacementEvictions = 5;
            }, fundingBlocks: 8);
            string? broken = null;
            int offers = 0;
            var world = new PoolProperties.World(h, tx =>
            {
                string before = Fingerprint(h);
                var dry = h.Pool.TestAccept(tx);
                string after = Fingerprint(h);
                var real = h.Pool.Accept(tx);
                offers++;
                if (broken is null && before != after)
                    broken = $"TestAccept({tx.Txid}) changed the pool:\n{before}\n---\n{after}";
                if (broken is null && Verdict(dry) != Verdict(real))
                    broken = $"TestAccept said {Verdict(dry)}, Accept said {Verdict(real)}";
                return real;
            });
            foreach (var step in steps)
            {
                world.Apply(step);
                if (broken is not null)
                    return false.Label($"{step}: {broken}");
            }
            return true.Label($"{offers} offers");
        });

    [Fact]
    public void A_package_is_judged_in_order_and_leaves_nothing_behind()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 2_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 2_000);
        string before = Fingerprint(h);

        var results = h.Pool.TestAccept([parent, child]);
        var alone = h.Pool.TestAccept(child);

        Assert.Equal(before, Fingerprint(h));
        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        Assert.Equal(child.Wtxid, results[1].Wtxid);
        Assert.Equal(child.VirtualSize, results[1].VirtualSize);
        Assert.Equal(2_000, results[1].Fee.Atoms);
        Assert.Equal(MempoolAcceptStatus.Orphaned, alone.Status);
        Assert.Equal(0, h.Pool.OrphanCount);
        Assert.Empty(h.Notifications);
    }

    [Fact]
    public void A_replacement_dry_run_names_what_it_would_evict_and_evicts_nothing()
    {
        using var h = new MempoolHarness();
        var original = h.Spend(h.Coins[0], 1_000);
        Assert.True(h.Pool.Accept(original).IsAccepted);
        var replacement = h.Spend(h.Coins[0], 50_000, salt: 1);

        var dry = h.Pool.TestAccept(replacement);

        Assert.True(dry.IsAccepted, dry.ToString());
        Assert.Equal([original.Txid], dry.Replaced.ToArray());
        Assert.True(h.Pool.Contains(original.Txid));
        Assert.False(h.Pool.Contains(replacement.Txid));
    }

    private static string Verdict(MempoolAcceptResult r) =>
        $"{r.Status} {r.Code} consensus={r.IsConsensusViolation} fee={r.Fee} replaced=[{string.Join(",", r.Replaced)}] {r.Wtxid} {r.VirtualSize}";

    private static string Fingerprint(MempoolHarness h)
    {
        var text = new StringBuilder();
        foreach (var e in h.Pool.GetEntries())
            text.AppendLine($"{e.Txid} {e.Fee} {e.VirtualSize} {e.Time:O} {e.Height} a{e.AncestorCount}/{e.AncestorSize}/{e.AncestorFees} d{e.DescendantCount}/{e.DescendantSize}/{e.DescendantFees}");
        text.AppendLine(string.Join(",", h.Pool.SelectPackages(long.MaxValue).Transactions.Select(t => t.Txid)));
        text.Append($"count {h.Pool.Count} bytes {h.Pool.Bytes} orphans {h.Pool.OrphanCount} floor {h.Pool.MinimumFeeRate} notifications {h.Notifications.Count}");
        return text.ToString();
    }
}
