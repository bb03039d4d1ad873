using Antimony.Consensus.Coins;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>
/// Stateful property: random sequences of submissions (new spends, conflicting spends, replacements, children
/// before parents), mined blocks (the pool's own selection, or a rival spend), reorganizations and clock jumps
/// keep every pool entry valid on the tip and conflict-free, the totals exact, and the pool and orphan pool
/// within their bounds (<see cref="MempoolInvariants"/> after every step). The model is the pool as its
/// notifications describe it: replaying every added/removed notification in order must give exactly the
/// pooled set, so no transaction enters or leaves silently, twice, or out of order.
/// </summary>
public sealed class PoolProperties
{
    private const int MaxOrphans = 3;

    /// <summary>One step; the numbers pick coins, fees and variants.</summary>
    public sealed record Step(int Kind, int A, int B, int C)
    {
        public override string ToString() => Kind switch
        {
            < 11 => $"Submit({A},{B},{C})",
            < 13 => $"Mine({A},{B})",
            13 => $"Reorg({A},{B})",
            _ => $"Advance({A % 72}h)",
        };
    }

    /// <summary>Random scenarios of 5 to 40 steps (reused by the dry-run properties).</summary>
    internal static Gen<Step[]> Scenario =>
        from length in Gen.Choose(5, 40)
        from steps in Gen.ArrayOf(
            from kind in Gen.Choose(0, 14)
            from a in Gen.Choose(0, 10_000)
            from b in Gen.Choose(0, 10_000)
            from c in Gen.Choose(0, 10_000)
            select new Step(kind, a, b, c), length)
        select steps;

    [Property(MaxTest = 25)]
    public Property Random_submit_mine_reorg_sequences_keep_the_pool_valid_conflict_free_and_bounded() =>
        Prop.ForAll(Arb.From(Scenario), steps =>
        {
            using var h = new MempoolHarness(o =>
            {
                o.MaxTransactionWeight = 1_200;
                o.MaxSizeBytes = 1_200;
                o.MaxOrphanCount = MaxOrphans;
                o.Expiry = TimeSpan.FromDays(2);
                o.MaxAncestorCount = 6;
                o.MaxDescendantCount = 6;
                o.MaxReplacementEvictions = 5;
            }, fundingBlocks: 8);
            var world = new World(h);
            var model = new HashSet<Txid>();
            int replayed = 0;
            for (int i = 0; i < steps.Length; i++)
            {
                world.Apply(steps[i]);
                string? broken = null;
                for (; replayed < h.Notifications.Count && broken is null; replayed++)
                {
                    var (added, txid) = h.Notifications[replayed];
                    if (added ? !model.Add(txid) : !model.Remove(txid))
                        broken = $"notification {(added ? "added" : "removed")} {txid} contradicts the earlier ones";
                }
                if (broken is null && !model.SetEquals(h.Pool.GetEntries().Select(e => e.Txid)))
                    broken = $"notifications describe {model.Count} transactions, the pool holds {h.Pool.Count}";
                broken ??= MempoolInvariants.Check(h);
                if (broken is null && h.Pool.OrphanCount > MaxOrphans)
                    broken = $"{h.Pool.OrphanCount} orphans";
                if (broken is not null)
                    return false.Label($"step {i} {steps[i]}: {broken}; steps {string.Join(", ", steps.Take(i + 1))}");
            }
            return true.Label("all steps");
        });

    /// <summary>The scenario's world; <paramref name="offer"/> replaces <c>Pool.Accept</c> for submissions (to observe each one).</summary>
    internal sealed class World(MempoolHarness h, Func<Transaction, Consensus.Mempool.MempoolAcceptResult>? offer = null)
    {
        private static readonly long[] Rates = [0, 1, 2, 3, 5, 10, 40, 200];
        private readonly List<Transaction> _known = [];
        private readonly List<Transaction> _withheld = [];
        private readonly int _fundedHeight = h.Chain.Tip.Height;

        public void Apply(Step step)
        {
            switch (step.Kind)
            {
                case < 11: Submit(step); break;
                case < 13: Mine(step); break;
                case 13: Reorganize(step); break;
                default: h.Node.Clock.Advance(TimeSpan.FromHours(step.A % 72)); h.Pool.RemoveExpired(); break;
            }
        }

        private void Submit(Step step)
        {
            if (step.B % 4 == 1 && _withheld.Count > 0)
            {
                var parent = _withheld[0];
                _withheld.RemoveAt(0);
                Offer(parent);
                return;
            }
            // Any wallet coin on the chain, or any output of any transaction made so far (pooled, replaced,
            // confirmed, withheld): conflicts, replacements, orphans and missing inputs all come up.
            var candidates = h.Node.MatureCoins().Concat(_known.SelectMany(MempoolHarness.CoinsOf)).ToList();
            var inputs = new List<(OutPoint OutPoint, Coin Coin)> { candidates[step.A % candidates.Count] };
            if (step.B % 2 == 1)
            {
                var second = candidates[(step.A * 7 + 3) % candidates.Count];
                if (second.OutPoint != inputs[0].OutPoint)
                    inputs.Add(second);
            }
            var tx = h.SpendAtRate(inputs, Rates[step.C % Rates.Length], outputs: step.C / 8 % 2 + 1, salt: step.A % 5);
            _known.Add(tx);
            if (step.B % 4 == 0)
                _withheld.Add(tx); // its children will be orphans until it is submitted
            else
                Offer(tx);
        }

        private void Offer(Transaction tx)
        {
            if (offer is null)
                h.Pool.Accept(tx);
            else
                offer(tx);
        }

        private void Mine(Step step)
        {
            if (step.B % 3 == 0 && RivalSpend() is { } rival)
            {
                h.MineOn(h.Chain.Tip, [rival]);
                return;
            }
            long[] limits = [4_000_000, 1_000, 2_000];
            var selection = h.Pool.SelectPackages(limits[step.A % limits.Length]);
            h.MineOn(h.Chain.Tip, [.. selection.Transactions]);
        }

        private void Reorganize(Step step)
        {
            int depth = 1 + step.A % 2;
            var tip = h.Chain.Tip;
            if (tip.Height - depth < _fundedHeight)
                return;
            var fork = tip.GetAncestor(tip.Height - depth)!;
            var rival = step.B % 2 == 0 ? RivalSpend() : null;
            var block = h.MineOn(fork, rival is null ? [] : [rival]);
            for (int i = 0; i < depth; i++)
                block = h.MineOn(h.EntryOf(block), []);
        }

        // A spend of a funding coin that some pooled transaction also spends: a block with it conflicts.
        private Transaction? RivalSpend()
        {
            foreach (var coin in h.Coins)
            {
                if (h.Chain.Coins.TryGetCoin(coin.OutPoint, out _) && h.Pool.TryGetSpender(coin.OutPoint, out _))
                {
                    var rival = h.Spend(coin, 1_000, outputs: 1, salt: 4);
                    _known.Add(rival);
                    return rival;
                }
            }
            return null;
        }
    }
}
