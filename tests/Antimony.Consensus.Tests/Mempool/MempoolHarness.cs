using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>
/// A regtest node (coinbase maturity 1, so funding takes a few blocks) composed with <c>AddMempool</c>, a
/// funded wallet, builders for signed spends with an exact fee, and a recorder of the pool's notifications.
/// </summary>
internal sealed class MempoolHarness : IDisposable
{
    public static readonly ChainParameters FastRegtest = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    public MempoolHarness(Action<MempoolOptions>? configure = null, int fundingBlocks = 6, ChainParameters? parameters = null)
    {
        Node = new TestNode(parameters ?? FastRegtest, b => b.AddMempool(configure));
        Pool = Node.Services.GetRequiredService<TransactionPool>();
        Node.Events.TransactionAdded += (_, e) => { Added.Add(e); Notifications.Add((true, e.Transaction.Txid)); };
        Node.Events.TransactionRemoved += (_, e) => { Removed.Add(e); Notifications.Add((false, e.Transaction.Txid)); };
        Node.MineEmpty(fundingBlocks + 1);
        Coins = Node.MatureCoins();
    }

    public TestNode Node { get; }

    public TransactionPool Pool { get; }

    /// <summary>Mature wallet coins on the chain at construction (one 50 ATMN coinbase per funding block).</summary>
    public List<(OutPoint OutPoint, Coin Coin)> Coins { get; }

    public List<TransactionAddedEventArgs> Added { get; } = [];

    public List<TransactionRemovedEventArgs> Removed { get; } = [];

    /// <summary>Every added (true) and removed (false) notification in delivery order.</summary>
    public List<(bool Added, Txid Txid)> Notifications { get; } = [];

    public ChainState Chain => Node.Chain;

    /// <summary>A signed spend of <paramref name="inputs"/> into <paramref name="outputs"/> wallet outputs paying exactly <paramref name="fee"/>.</summary>
    public Transaction Spend(IReadOnlyList<(OutPoint OutPoint, Coin Coin)> inputs, long fee, int outputs = 2, int salt = 0)
    {
        long total = inputs.Sum(i => i.Coin.Output.Value.Atoms);
        return Node.Wallet.Spend(inputs, Node.Wallet.Split(new Money(total - fee), outputs, salt));
    }

    /// <summary>A spend of one coin.</summary>
    public Transaction Spend((OutPoint OutPoint, Coin Coin) input, long fee, int outputs = 2, int salt = 0) => Spend([input], fee, outputs, salt);

    /// <summary>A spend whose fee is <paramref name="atomsPerVirtualByte"/> times its own virtual size (signatures have a fixed size).</summary>
    public Transaction SpendAtRate(IReadOnlyList<(OutPoint OutPoint, Coin Coin)> inputs, long atomsPerVirtualByte, int outputs = 2, int salt = 0)
    {
        var draft = Spend(inputs, 0, outputs, salt);
        return Spend(inputs, draft.VirtualSize * atomsPerVirtualByte, outputs, salt);
    }

    /// <summary>The spendable outputs of <paramref name="transaction"/> as coins (for chaining unconfirmed spends).</summary>
    public static List<(OutPoint OutPoint, Coin Coin)> CoinsOf(Transaction transaction) =>
        [.. transaction.Outputs.Select((o, i) => (new OutPoint(transaction.Txid, (uint)i), new Coin(o, 0, false)))];

    /// <summary>Output <paramref name="index"/> of <paramref name="transaction"/> as a coin.</summary>
    public static (OutPoint OutPoint, Coin Coin) CoinOf(Transaction transaction, int index) => CoinsOf(transaction)[index];

    /// <summary>Mines <paramref name="transactions"/> into a block on the tip and connects it.</summary>
    public Block Mine(params Transaction[] transactions) => MineOn(Chain.Tip, transactions);

    /// <summary>Mines a block on <paramref name="parent"/> (fees computed from the chain's coins and earlier block transactions).</summary>
    public Block MineOn(ChainEntry parent, IReadOnlyList<Transaction> transactions)
    {
        var block = Node.Maker.Make(parent, transactions, FeesOf(transactions));
        var result = Node.Submit(block);
        if (result.Acceptance == BlockAcceptance.Rejected)
            throw new InvalidOperationException($"Block rejected: {result.Result}");
        return block;
    }

    public ChainEntry EntryOf(Block block) => Chain.TryGetEntry(block.Hash, out var entry) ? entry : throw new InvalidOperationException("unknown block");

    /// <summary>The pool's entries, to assert that a refusal changed nothing.</summary>
    public IReadOnlyList<MempoolEntryInfo> Snapshot() => Pool.GetEntries();

    /// <summary>The removal reasons recorded for <paramref name="txid"/>.</summary>
    public List<TransactionRemovalReason> RemovalsOf(Txid txid) => [.. Removed.Where(r => r.Transaction.Txid == txid).Select(r => r.Reason)];

    public void Dispose() => Node.Dispose();

    private Money FeesOf(IReadOnlyList<Transaction> transactions)
    {
        var known = new Dictionary<OutPoint, TxOut>();
        long fees = 0;
        foreach (var transaction in transactions)
        {
            long input = 0;
            foreach (var txIn in transaction.Inputs)
            {
                if (known.TryGetValue(txIn.PreviousOutput, out var output) || TryChainOutput(txIn.PreviousOutput, out output))
                    input += output.Value.Atoms;
            }
            fees += input - transaction.Outputs.Sum(o => o.Value.Atoms);
            for (int i = 0; i < transaction.Outputs.Length; i++)
                known[new OutPoint(transaction.Txid, (uint)i)] = transaction.Outputs[i];
        }
        return new Money(fees);
    }

    private bool TryChainOutput(OutPoint outPoint, out TxOut output)
    {
        bool found = Chain.Coins.TryGetCoin(outPoint, out var coin);
        output = coin.Output;
        return found;
    }
}
