using Antimony.Consensus.Parameters;
using Antimony.Testing.Chains;
using FsCheck;
using FsCheck.Fluent;

namespace Antimony.Testing.Generators;

public static partial class AntimonyGen
{
    /// <summary>
    /// Valid regtest histories with forks: 1 to <paramref name="maxSegments"/> segments, each 1 to 5 blocks built on
    /// the previous segment's tip or on one of its last 3 ancestors (a fork, which the next blocks may or may not
    /// outgrow). With <paramref name="withSpends"/>, a prefix of 101 blocks matures coinbases and each later block
    /// carries up to 3 signed spends valid on its own branch, so reorganizations also move coins.
    /// </summary>
    public static Gen<ChainScenario> ChainScenarios(int maxSegments = 4, bool withSpends = false, ChainParameters? parameters = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        var segment = from back in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
                      from length in Gen.Choose(1, 5)
                      from spends in Gen.Choose(0, 3)
                      select (Back: back, Length: length, Spends: spends);
        return from seed in Gen.Choose(0, int.MaxValue)
               from segments in Gen.Choose(1, maxSegments).SelectMany(n => segment.ArrayOf(n))
               select Build(parameters ?? ChainParameters.Regtest, seed, segments, withSpends);
    }

    /// <summary>The scenario a seed and a list of segments describe (what <see cref="ChainScenarios"/> generates).</summary>
    public static ChainScenario Build(ChainParameters parameters, int seed, IReadOnlyList<(int Back, int Length, int Spends)> segments, bool withSpends)
    {
        ArgumentNullException.ThrowIfNull(segments);
        using var builder = new ChainBuilder(parameters, seed);
        var blocks = new List<BuiltBlock>();
        var current = builder.Genesis;
        if (withSpends)
        {
            // Four coinbase outputs per block so spends do not run out; 101 blocks mature the first coinbase.
            for (int i = 0; i <= parameters.CoinbaseMaturity; i++)
            {
                current = builder.AddBlock(current, null, coinbaseOutputs: 4);
                blocks.Add(current);
            }
        }
        int floor = current.Height;
        var best = current;
        int forks = 0;
        foreach (var (back, length, spends) in segments)
        {
            var parent = current.GetAncestor(Math.Max(floor, current.Height - back));
            if (parent != current)
                forks++;
            for (int i = 0; i < length; i++)
            {
                var transactions = withSpends ? builder.Spends(parent, Math.Min(spends, builder.SpendableCoins(parent).Count)) : [];
                parent = builder.AddBlock(parent, transactions, coinbaseOutputs: withSpends ? 4 : 1);
                blocks.Add(parent);
                // Equal work on regtest: only a strictly higher block displaces the first-seen tip.
                if (parent.Height > best.Height)
                    best = parent;
            }
            current = parent;
        }
        return new ChainScenario(parameters, blocks, best, forks, seed);
    }
}
