using Antimony.Consensus.Coins;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Mining.Tests.Support;

/// <summary>A deterministic key owning one P2TR output script (key path, no script tree), that signs spends of it.</summary>
internal sealed class TestKey
{
    public TestKey(byte seed = 1)
    {
        var secret = new byte[32];
        secret[0] = 0x5a;
        secret[31] = seed;
        Key = PrivateKey.Create(secret);
        Script = ScriptPubKey.P2tr(Key.XOnlyPublicKey.Tweak(null).Key.Bytes).Script;
    }

    public PrivateKey Key { get; }

    public Script Script { get; }

    public string AddressFor(Network network) => SegwitAddress.FromScript(Script, network).ToString();

    /// <summary>A signed transaction spending <paramref name="inputs"/> (all owned by this key) into <paramref name="outputs"/> equal parts of <paramref name="total"/>.</summary>
    public Transaction Spend(IReadOnlyList<(OutPoint OutPoint, TxOut Output)> inputs, Money total, int outputs)
    {
        var builder = new TransactionBuilder();
        foreach (var (outPoint, _) in inputs)
            builder.AddInput(outPoint);
        long part = total.Atoms / outputs;
        for (int i = 0; i < outputs; i++)
            builder.AddOutput(new Money(i == outputs - 1 ? total.Atoms - part * (outputs - 1) : part), Script);
        var unsigned = builder.Build();
        var spent = inputs.Select(i => i.Output).ToArray();
        var cache = new SigHashCache(unsigned, spent);
        for (int i = 0; i < spent.Length; i++)
        {
            if (!TaprootKeySpend.TrySign(cache, i, Key, out var witness, out var error))
                throw new InvalidOperationException($"Cannot sign input {i}: {error}");
            builder.SetWitness(i, witness);
        }
        return builder.Build();
    }

    public static (OutPoint, TxOut) Output(Transaction transaction, int index) => (new OutPoint(transaction.Txid, (uint)index), transaction.Outputs[index]);

    public static (OutPoint, TxOut) Output(OutPoint outPoint, Coin coin) => (outPoint, coin.Output);
}
