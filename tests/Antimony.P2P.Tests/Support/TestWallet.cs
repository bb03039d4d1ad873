using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Tests.Support;

/// <summary>Deterministic keys that own P2TR and P2WPKH outputs and sign spends of them.</summary>
internal sealed class TestWallet
{
    private readonly Dictionary<Script, (PrivateKey Key, bool Taproot)> _owners = [];

    public TestWallet(int keys = 3)
    {
        for (int i = 0; i < keys; i++)
        {
            var secret = new byte[32];
            secret[31] = (byte)(i + 1);
            secret[0] = 0x42;
            var key = PrivateKey.Create(secret);
            var taproot = ScriptPubKey.P2tr(key.XOnlyPublicKey.Tweak(null).Key.Bytes).Script;
            var witnessV0 = ScriptPubKey.P2wpkh(key.PublicKey.ToHash160()).Script;
            _owners[taproot] = (key, true);
            _owners[witnessV0] = (key, false);
            TaprootScripts.Add(taproot);
            WitnessV0Scripts.Add(witnessV0);
        }
    }

    public List<Script> TaprootScripts { get; } = [];

    public List<Script> WitnessV0Scripts { get; } = [];

    public Script Default => TaprootScripts[0];

    public bool Owns(Script script) => _owners.ContainsKey(script);

    /// <summary>A signed transaction spending <paramref name="inputs"/> into <paramref name="outputs"/>.</summary>
    public Transaction Spend(IReadOnlyList<(OutPoint OutPoint, Coin Coin)> inputs, IReadOnlyList<TxOut> outputs)
    {
        var builder = new TransactionBuilder();
        foreach (var (outPoint, _) in inputs)
            builder.AddInput(outPoint);
        foreach (var output in outputs)
            builder.AddOutput(output);
        return Sign(builder.Build(), inputs.Select(i => i.Coin.Output).ToArray());
    }

    /// <summary>Signs every input of <paramref name="unsigned"/> whose spent output this wallet owns.</summary>
    public Transaction Sign(Transaction unsigned, TxOut[] spentOutputs)
    {
        var cache = new SigHashCache(unsigned, spentOutputs);
        var builder = unsigned.ToBuilder();
        for (int i = 0; i < spentOutputs.Length; i++)
        {
            if (!_owners.TryGetValue(spentOutputs[i].ScriptPubKey, out var owner))
                continue;
            bool ok = owner.Taproot
                ? TaprootKeySpend.TrySign(cache, i, owner.Key, out var witness, out var error)
                : P2wpkhSpend.TrySign(cache, i, owner.Key, out witness, out error);
            if (!ok)
                throw new InvalidOperationException($"Cannot sign input {i}: {error}");
            builder.SetWitness(i, witness);
        }
        return builder.Build();
    }

    /// <summary>Outputs splitting <paramref name="total"/> into <paramref name="count"/> parts over this wallet's scripts.</summary>
    public ImmutableArray<TxOut> Split(Money total, int count, int salt = 0)
    {
        var outputs = ImmutableArray.CreateBuilder<TxOut>(count);
        var scripts = TaprootScripts.Concat(WitnessV0Scripts).ToArray();
        long part = total.Atoms / count;
        for (int i = 0; i < count; i++)
        {
            long value = i == count - 1 ? total.Atoms - part * (count - 1) : part;
            outputs.Add(new TxOut(new Money(value), scripts[(i + salt) % scripts.Length]));
        }
        return outputs.MoveToImmutable();
    }
}
