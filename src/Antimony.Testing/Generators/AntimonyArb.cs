using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Chains;
using FsCheck;
using FsCheck.Fluent;

namespace Antimony.Testing.Generators;

/// <summary>
/// <see cref="AntimonyGen"/>'s generators as FsCheck arbitraries, for <c>Prop.ForAll(AntimonyArb.Transaction, ...)</c>
/// or as a class for <c>[Property(Arbitrary = [typeof(AntimonyArb)])]</c>, which registers every type at once. No
/// shrinking: shrinking a hash or a signed chain rarely yields a smaller meaningful counterexample.
/// </summary>
public static class AntimonyArb
{
    /// <summary>Any 32-byte hash.</summary>
    public static Arbitrary<Hash256> Hash256() => AntimonyGen.Hash256.ToArbitrary();

    /// <summary>Any amount in the consensus range.</summary>
    public static Arbitrary<Money> Money() => AntimonyGen.Money.ToArbitrary();

    /// <summary>Any non-null outpoint.</summary>
    public static Arbitrary<OutPoint> OutPoint() => AntimonyGen.OutPoint.ToArbitrary();

    /// <summary>An output script of a consensus type.</summary>
    public static Arbitrary<Script> Script() => AntimonyGen.Script.ToArbitrary();

    /// <summary>An output.</summary>
    public static Arbitrary<TxOut> TxOut() => AntimonyGen.TxOut.ToArbitrary();

    /// <summary>A transaction of valid shape.</summary>
    public static Arbitrary<Transaction> Transaction() => AntimonyGen.Transaction.ToArbitrary();

    /// <summary>Any header.</summary>
    public static Arbitrary<BlockHeader> BlockHeader() => AntimonyGen.BlockHeader.ToArbitrary();

    /// <summary>A block of valid shape with a matching merkle root.</summary>
    public static Arbitrary<Block> Block() => AntimonyGen.Block.ToArbitrary();

    /// <summary>A valid regtest history with forks (no spends; use <see cref="AntimonyGen.ChainScenarios"/> for those).</summary>
    public static Arbitrary<ChainScenario> ChainScenario() => AntimonyGen.ChainScenarios().ToArbitrary();
}
