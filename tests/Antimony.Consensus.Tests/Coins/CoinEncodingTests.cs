using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Coins;

public sealed class CoinEncodingTests
{
    private static Gen<Coin> Coins =>
        from value in Gen.Choose(0, int.MaxValue)
        from height in Gen.Choose(0, int.MaxValue / 2)
        from coinbase in ArbMap.Default.GeneratorFor<bool>()
        from script in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(34)
        select new Coin(new TxOut(new Money(value), new Script(script)), height, coinbase);

    [Property(MaxTest = 200)]
    public Property A_coin_round_trips_through_its_storage_form() => Prop.ForAll(Arb.From(Coins), coin =>
    {
        var bytes = ConsensusEncoding.ToBytes(coin);
        return (bytes.Length == coin.SerializedSize && ConsensusEncoding.Decode<Coin>(bytes) == coin).Label(Convert.ToHexString(bytes));
    });

    [Property(MaxTest = 100)]
    public Property Undo_data_round_trips() => Prop.ForAll(Arb.From(Coins.ListOf()), coins =>
    {
        var undo = new BlockUndo([.. coins]);
        var decoded = ConsensusEncoding.Decode<BlockUndo>(ConsensusEncoding.ToBytes(undo));
        return decoded.Equals(undo);
    });

    [Fact]
    public void Truncated_undo_data_is_a_decode_error()
    {
        var undo = new BlockUndo([new Coin(new TxOut(Money.Coin, Script.FromHex("6a")), 5, true)]);
        var bytes = ConsensusEncoding.ToBytes(undo);
        Assert.False(ConsensusEncoding.TryDecode<BlockUndo>(bytes.AsSpan(0, bytes.Length - 1), out _, out var error));
        Assert.NotEqual(DecodeError.None, error);
    }
}
