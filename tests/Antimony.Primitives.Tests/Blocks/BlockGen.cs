using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Tests.Transactions;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Blocks;

/// <summary>Generators for blocks: a coinbase and a few arbitrary transactions under a random header.</summary>
internal static class BlockGen
{
    public static Gen<Transaction> Coinbase { get; } =
        from script in Gen.Choose(2, 100).SelectMany(n => ArbMap.Default.GeneratorFor<byte>().ArrayOf(n))
        from value in Gen.Choose(0, int.MaxValue)
        from payTo in TransactionGen.Bytes(34)
        select new TransactionBuilder()
            .AddInput(new TxIn(OutPoint.Null, new Script(script), TxIn.SequenceFinal, Witness.Empty))
            .AddOutput(new Money(value), new Script(payTo))
            .Build();

    public static Gen<BlockBuilder> Builder(bool withWitness) =>
        from coinbase in Coinbase
        from others in Gen.Choose(0, 6).SelectMany(n => TransactionGen.Transaction(withWitness).ArrayOf(n))
        from previous in TransactionGen.Hash
        from time in ArbMap.Default.GeneratorFor<uint>()
        from bits in ArbMap.Default.GeneratorFor<uint>()
        from nonce in ArbMap.Default.GeneratorFor<uint>()
        select new BlockBuilder { Version = 0x2000_0000, PreviousBlock = new BlockHash(previous), Time = time, Bits = new CompactTarget(bits), Nonce = nonce }
            .AddTransaction(coinbase)
            .AddTransactions(others);

    public static Arbitrary<Block> Arbitrary { get; } =
        Arb.From(Gen.OneOf(Builder(false), Builder(true)).Select(builder => builder.Build()), Shrink);

    /// <summary>Shrinks by dropping non-coinbase transactions (rebuilding the merkle root).</summary>
    private static IEnumerable<Block> Shrink(Block block)
    {
        for (int i = 1; i < block.Transactions.Length; i++)
        {
            var builder = new BlockBuilder { Version = block.Header.Version, PreviousBlock = block.Header.PreviousBlock, Time = block.Header.Time, Bits = block.Header.Bits, Nonce = block.Header.Nonce };
            yield return builder.AddTransactions(block.Transactions.RemoveAt(i)).Build();
        }
    }

    public static Hash256 Reserved(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());
}
