using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Events;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Chain;

/// <summary>
/// Model-based test: random sequences of "mine on branch k" (with spends), "mine an invalid block" and
/// "overtake the active chain from branch k" against a naive model. After every step: the tip is the
/// most-work valid block (first seen among equals); the UTXO set equals both the model's and a rebuild
/// from scratch of the active chain; the supply equals the subsidy schedule; no coin is spent twice on
/// the active chain; a rejected block left the chain state byte for byte as it was.
/// </summary>
public sealed class ChainModelProperties
{
    private static readonly ChainParameters Params = ChainParameters.Regtest with { CoinbaseMaturity = 2, SubsidyHalvingInterval = 8 };
    private static readonly Money Fee = new(1_000);

    private static Gen<ChainCommand> Command =>
        Gen.Frequency(
            (6, from pick in Gen.Choose(0, 4) from spends in Gen.Choose(0, 3) select (ChainCommand)new MineCommand(pick, spends)),
            (2, from pick in Gen.Choose(0, 4) from kind in Gen.Choose(0, 3) select (ChainCommand)new MineInvalidCommand(pick, kind)),
            (2, from pick in Gen.Choose(0, 4) select (ChainCommand)new OvertakeCommand(pick)),
            (1, Gen.Constant((ChainCommand)new RestartCommand())));

    private static Arbitrary<ChainCommand[]> Commands => Arb.From(
        from length in Gen.Choose(1, 25)
        from commands in Command.ArrayOf(length)
        select commands);

    [Property(MaxTest = 40)]
    public Property Random_mining_spending_and_reorgs_keep_the_chain_state_consistent() =>
        Prop.ForAll(Commands, commands => new Run().Execute(commands).Label(string.Join(", ", commands.Select(c => c.ToString()))));

    private sealed class Run
    {
        private readonly TestNode _node = new(Params);
        private readonly Dictionary<BlockHash, ModelBlock> _blocks = [];
        private int _order;

        public bool Execute(ChainCommand[] commands)
        {
            using var _ = _node;
            var genesis = new ModelBlock(Params.CreateGenesisBlock(), null, 0, true, _order++, ImmutableDictionary<OutPoint, Coin>.Empty);
            _blocks[genesis.Hash] = genesis;
            foreach (var command in commands)
            {
                var tip = PickTip(command switch { MineCommand m => m.Pick, MineInvalidCommand i => i.Pick, OvertakeCommand o => o.Pick, _ => 0 });
                switch (command)
                {
                    case MineCommand mine:
                        SubmitValid(tip, mine.Spends);
                        break;
                    case MineInvalidCommand invalid:
                        SubmitInvalid(tip, invalid.Kind);
                        break;
                    case OvertakeCommand:
                        while (_node.Chain.Tip.Hash != tip.Hash)
                            tip = SubmitValid(tip, 1);
                        break;
                    case RestartCommand:
                        using (var reopened = new ChainState(Params, _node.Rules, _node.Blocks, _node.State, new ChainEvents(), _node.Clock))
                        {
                            Assert.Equal(_node.Chain.Tip.Hash, reopened.Tip.Hash);
                            Assert.Equal(_node.Chain.HeaderCount, reopened.HeaderCount);
                        }
                        break;
                }
                CheckInvariants();
            }
            return true;
        }

        private ModelBlock PickTip(int pick)
        {
            var withValidChild = _blocks.Values.Where(b => b.Valid && b.Parent is not null).Select(b => b.Parent!).ToHashSet();
            var tips = _blocks.Values.Where(b => b.Valid && !withValidChild.Contains(b)).OrderBy(b => b.Order).ToList();
            return tips[pick % tips.Count];
        }

        private ChainEntry Entry(ModelBlock block) =>
            _node.Chain.TryGetEntry(block.Hash, out var entry) ? entry : throw new InvalidOperationException("Model block missing from the tree.");

        private List<(OutPoint OutPoint, Coin Coin)> Mature(ModelBlock parent) =>
            [.. parent.Utxo.Where(c => c.Value.Output.Value.Atoms > 4 * Fee.Atoms)
                .Where(c => !c.Value.IsCoinbase || parent.Height + 1 - c.Value.Height >= Params.CoinbaseMaturity)
                .OrderBy(c => c.Value.Height).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)
                .Select(c => (c.Key, c.Value))];

        private ModelBlock SubmitValid(ModelBlock parent, int spends)
        {
            var transactions = new List<Transaction>();
            foreach (var coin in Mature(parent).Take(spends))
                transactions.Add(_node.Wallet.Spend([coin], _node.Wallet.Split(coin.Coin.Output.Value - Fee, 2, salt: _order)));
            var block = _node.Maker.Make(Entry(parent), transactions, new Money(Fee.Atoms * transactions.Count));
            var result = _node.Submit(block);
            Assert.True(result.Acceptance is BlockAcceptance.Active or BlockAcceptance.SideChain, $"valid block refused: {result}");
            var model = new ModelBlock(block, parent, parent.Height + 1, true, _order++, ModelBlock.Apply(parent.Utxo, block, parent.Height + 1));
            _blocks[model.Hash] = model;
            return model;
        }

        private void SubmitInvalid(ModelBlock parent, int kind)
        {
            var entry = Entry(parent);
            var mature = Mature(parent);
            var immature = parent.Utxo.Where(c => c.Value.IsCoinbase && parent.Height + 1 - c.Value.Height < Params.CoinbaseMaturity).ToList();
            var invalidParent = _blocks.Values.FirstOrDefault(b => !b.Valid);
            Block block;
            string expected;
            if (kind == 1 && mature.Count > 0)
            {
                var coin = mature[0];
                block = _node.Maker.Make(entry, [
                    _node.Wallet.Spend([coin], _node.Wallet.Split(coin.Coin.Output.Value, 1)),
                    _node.Wallet.Spend([coin], _node.Wallet.Split(coin.Coin.Output.Value, 2))]);
                expected = "bad-txns-inputs-missingorspent";
            }
            else if (kind == 2 && immature.Count > 0)
            {
                var coin = (immature[0].Key, immature[0].Value);
                block = _node.Maker.Make(entry, [_node.Wallet.Spend([coin], _node.Wallet.Split(coin.Value.Output.Value, 1))]);
                expected = "bad-txns-premature-spend-of-coinbase";
            }
            else if (kind == 3 && invalidParent is not null && _node.Chain.TryGetEntry(invalidParent.Hash, out var badEntry))
            {
                block = _node.Maker.Make(badEntry);
                expected = "bad-prevblk";
                parent = invalidParent;
            }
            else
            {
                block = _node.Maker.Make(entry, coinbaseValue: Params.GetBlockSubsidy(parent.Height + 1) + Money.Atom);
                expected = "bad-cb-amount";
            }

            var before = _node.State.Snapshot();
            var tipBefore = _node.Chain.Tip;
            var result = _node.Submit(block);
            // A block invalid only against its coins is stored unchecked while its branch has less work.
            if (result.Acceptance != BlockAcceptance.SideChain)
            {
                Assert.Equal(BlockAcceptance.Rejected, result.Acceptance);
                Assert.Equal(expected, result.Code);
                Assert.Same(tipBefore, _node.Chain.Tip);
                Assert.Equal(before, _node.State.Snapshot());
            }
            _blocks[block.Hash] = new ModelBlock(block, parent, parent.Height + 1, false, _order++, parent.Utxo);
        }

        private void CheckInvariants()
        {
            var chain = _node.Chain;
            // The tip is the most-work valid block (all blocks weigh the same on regtest), the first seen among equals.
            int best = _blocks.Values.Where(b => b.Valid).Max(b => b.Height);
            var expected = _blocks.Values.Where(b => b.Valid && b.Height == best).MinBy(b => b.Order)!;
            Assert.Equal(expected.Hash, chain.Tip.Hash);

            var utxo = _node.State.CopyCoins();
            Assert.Equal(expected.Utxo.Count, utxo.Count);
            Assert.All(expected.Utxo, kv => Assert.Equal(kv.Value, utxo[kv.Key]));

            // Rebuild from scratch out of the stored active chain, checking no outpoint is spent twice.
            var active = new List<Block>();
            for (var walk = chain.Tip; walk.Previous is not null; walk = walk.Previous)
                active.Add(chain.TryGetBlock(walk.Hash, out var stored) ? stored : throw new InvalidOperationException("missing block"));
            active.Reverse();
            var spent = new HashSet<OutPoint>();
            var rebuilt = ImmutableDictionary<OutPoint, Coin>.Empty;
            for (int i = 0; i < active.Count; i++)
            {
                foreach (var input in active[i].Transactions.Where(t => !t.IsCoinbase).SelectMany(t => t.Inputs))
                    Assert.True(spent.Add(input.PreviousOutput), $"{input.PreviousOutput} spent twice on the active chain");
                rebuilt = ModelBlock.Apply(rebuilt, active[i], i + 1);
            }
            Assert.Equal(rebuilt.Count, utxo.Count);
            Assert.All(rebuilt, kv => Assert.Equal(kv.Value, utxo[kv.Key]));

            long supply = utxo.Values.Sum(c => c.Output.Value.Atoms);
            long schedule = Enumerable.Range(1, chain.Tip.Height).Sum(h => Params.GetBlockSubsidy(h).Atoms);
            Assert.Equal(schedule, supply);
        }
    }
}
