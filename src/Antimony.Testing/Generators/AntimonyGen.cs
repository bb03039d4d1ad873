using System.Collections.Immutable;
using Antimony.Consensus.Coinbase;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using FsCheck;
using FsCheck.Fluent;

namespace Antimony.Testing.Generators;

/// <summary>
/// FsCheck 3 generators for Antimony's primitives. Every value is well formed (it serializes and parses back to
/// itself) but not necessarily valid on a chain: transactions have a valid shape, not signatures or funded inputs.
/// For valid chains use <see cref="ChainScenarios"/>.
/// </summary>
public static partial class AntimonyGen
{
    /// <summary>Arbitrary bytes of exactly <paramref name="length"/>.</summary>
    public static Gen<byte[]> Bytes(int length) => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(length);

    /// <summary>Arbitrary bytes of a length in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Gen<byte[]> Bytes(int min, int max) => Gen.Choose(min, max).SelectMany(Bytes);

    /// <summary>Any 32-byte hash, with the zero hash as an edge case.</summary>
    public static Gen<Hash256> Hash256 { get; } =
        Gen.Frequency((1, Gen.Constant(Primitives.Hashing.Hash256.Zero)), (15, Bytes(32).Select(b => new Hash256(b))));

    /// <summary>Any amount in the consensus range [0, <see cref="Money.MaxValue"/>], with 0, 1 atom and the maximum as edge cases.</summary>
    public static Gen<Money> Money { get; } = Gen.Frequency(
        (1, Gen.Elements(Primitives.Amounts.Money.Zero, Primitives.Amounts.Money.Atom, Primitives.Amounts.Money.MaxValue)),
        (9, from coins in Gen.Choose(0, (int)(Primitives.Amounts.Money.MaxValue.Atoms / Primitives.Amounts.Money.AtomsPerCoin) - 1)
            from atoms in Gen.Choose(0, (int)Primitives.Amounts.Money.AtomsPerCoin - 1)
            select new Money(coins * Primitives.Amounts.Money.AtomsPerCoin + atoms)));

    /// <summary>Amounts in [0, <paramref name="maxAtoms"/>] (for outputs whose sum must stay in range).</summary>
    public static Gen<Money> MoneyUpTo(long maxAtoms) =>
        Gen.Choose(0, int.MaxValue).SelectMany(hi => Gen.Choose(0, int.MaxValue).Select(lo => new Money((long)(((ulong)hi << 31 | (uint)lo) % (ulong)(maxAtoms + 1)))));

    /// <summary>A previous-output reference that is never the coinbase's null outpoint.</summary>
    public static Gen<OutPoint> OutPoint { get; } =
        from hash in Bytes(32) from index in Gen.Frequency((4, Gen.Choose(0, 3)), (1, Gen.Choose(0, 100_000)))
        select new OutPoint(new Txid(new Hash256(hash)), (uint)index);

    /// <summary>An output script of <paramref name="type"/>: a random key or key hash, or 0 to 80 bytes of data pushes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not P2tr, P2wpkh or Data.</exception>
    public static Gen<Script> ScriptOf(OutputType type) => type switch
    {
        OutputType.P2tr => Bytes(32).Select(k => ScriptPubKey.P2tr(k).Script),
        OutputType.P2wpkh => Bytes(20).Select(h => ScriptPubKey.P2wpkh(h).Script),
        OutputType.Data => Bytes(0, ScriptPubKey.MaxDataBytes).Select(d => ScriptPubKey.Data(d).Script),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only the consensus output types have generators."),
    };

    /// <summary>An output script of any consensus type.</summary>
    public static Gen<Script> Script { get; } =
        Gen.Elements(OutputType.P2tr, OutputType.P2wpkh, OutputType.Data).SelectMany(ScriptOf);

    /// <summary>An output: zero value for data, otherwise up to 21 million coins so that a few of them still sum within range.</summary>
    public static Gen<TxOut> TxOut { get; } =
        from script in Script
        from value in ScriptPubKey.Classify(script.Span) == OutputType.Data
            ? Gen.Constant(Primitives.Amounts.Money.Zero)
            : MoneyUpTo(21_000_000 * Primitives.Amounts.Money.AtomsPerCoin)
        select new TxOut(value, script);

    /// <summary>An input with an empty script and either no witness or a 64-byte key-path signature-shaped witness.</summary>
    public static Gen<TxIn> TxIn { get; } =
        from outPoint in OutPoint
        from sequence in Gen.Elements(Primitives.Transactions.TxIn.SequenceFinal, 0xfffffffdu, 0u)
        from witness in Gen.Frequency((1, Gen.Constant(Witness.Empty)), (3, Bytes(64).Select(s => new Witness(s))))
        select new TxIn(outPoint, Primitives.Scripts.Script.Empty, sequence, witness);

    /// <summary>A non-coinbase transaction of valid shape: 1 to 4 inputs, 1 to 4 outputs, version 1 or 2.</summary>
    public static Gen<Transaction> Transaction { get; } =
        from version in Gen.Elements(1, 2)
        from inputs in Gen.Choose(1, 4).SelectMany(n => TxIn.ArrayOf(n))
        from outputs in Gen.Choose(1, 4).SelectMany(n => TxOut.ArrayOf(n))
        from lockTime in Gen.Frequency((3, Gen.Constant(0u)), (1, ArbMap.Default.GeneratorFor<uint>()))
        select new Transaction(version, [.. inputs], [.. outputs], lockTime);

    /// <summary>Any header (random fields; bits from a range of valid compact targets).</summary>
    public static Gen<BlockHeader> BlockHeader { get; } =
        from version in ArbMap.Default.GeneratorFor<int>()
        from previous in Hash256
        from root in Hash256
        from time in ArbMap.Default.GeneratorFor<uint>()
        from exponent in Gen.Choose(3, 0x20)
        from mantissa in Gen.Choose(0x008000, 0x7fffff)
        from nonce in ArbMap.Default.GeneratorFor<uint>()
        select new BlockHeader(version, new BlockHash(previous), root, time, new CompactTarget((uint)exponent << 24 | (uint)mantissa), nonce);

    /// <summary>
    /// A block of valid shape: a BIP34 coinbase then up to 4 transactions, with the header's merkle root matching
    /// them (other header fields random; the proof of work is not met).
    /// </summary>
    public static Gen<Block> Block { get; } =
        from header in BlockHeader
        from height in Gen.Choose(0, 10_000_000)
        from extra in Bytes(0, 8)
        from reward in TxOut
        from transactions in Gen.Choose(0, 4).SelectMany(n => Transaction.ArrayOf(n))
        select Assemble(header, height, extra, reward, transactions);

    private static Block Assemble(BlockHeader header, int height, byte[] extra, TxOut reward, Transaction[] transactions)
    {
        var coinbase = new TransactionBuilder()
            .AddInput(new TxIn(Primitives.Transactions.OutPoint.Null, new Script((byte[])[.. CoinbaseHeight.Encode(height), .. extra]), Primitives.Transactions.TxIn.SequenceFinal, Witness.Empty))
            .AddOutput(reward).Build();
        ImmutableArray<Transaction> all = [coinbase, .. transactions];
        var root = new Block(header, all).ComputeMerkleRoot(out _);
        return new Block(header with { MerkleRoot = root }, all);
    }
}
