using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb.Records;
using Antimony.Storage.RocksDb.Tests.Contract;

namespace Antimony.Storage.RocksDb.Tests.Records;

public sealed class CoinRecordTests
{
    private static readonly Arbitrary<Coin> Coins =
        (from seed in ArbMap.Default.GeneratorFor<int>()
         from height in Gen.Choose(0, int.MaxValue)
         select TestCoins.Coin(new Random(seed), height)).ToArbitrary();

    [Fact]
    public void A_coinbase_p2wpkh_coin_takes_23_bytes()
    {
        var script = new Script((byte[])[0x00, 0x14, .. Enumerable.Range(1, 20).Select(i => (byte)i)]);
        var coin = new Coin(new TxOut(Money.FromCoins(50), script), Height: 1, IsCoinbase: true);
        var bytes = CoinRecord.ToBytes(coin);
        // code 1*2+1, amount 50 ATMN compressed to 0x32, script tag 0 and the 20-byte hash.
        Assert.Equal("033200" + Convert.ToHexStringLower(script.Span[2..]), Convert.ToHexStringLower(bytes));
        Assert.Equal(coin, CoinRecord.Decode(bytes));
    }

    [Property]
    public Property Coins_round_trip() =>
        Prop.ForAll(Coins, coin => CoinRecord.Decode(CoinRecord.ToBytes(coin)) == coin);

    [Property(MaxTest = 50)]
    public Property Every_truncation_of_a_coin_fails_with_a_decode_exception() =>
        Prop.ForAll(Coins, coin =>
        {
            var bytes = CoinRecord.ToBytes(coin);
            return Enumerable.Range(0, bytes.Length).All(length => DecodeFails(() => CoinRecord.Decode(bytes.AsSpan(0, length))))
                && DecodeFails(() => CoinRecord.Decode([.. bytes, 0]));
        });

    [Property(MaxTest = 50)]
    public Property Undo_data_round_trips_and_truncations_fail() =>
        Prop.ForAll(Gen.ListOf(Coins.Generator).Select(list => new BlockUndo([.. list.Take(20)])).ToArbitrary(), undo =>
        {
            var bytes = UndoRecord.ToBytes(undo);
            return UndoRecord.Decode(bytes).Equals(undo)
                && Enumerable.Range(0, bytes.Length).All(length => DecodeFails(() => UndoRecord.Decode(bytes.AsSpan(0, length))));
        });

    [Fact]
    public void An_undo_count_larger_than_the_bytes_can_hold_is_rejected_before_allocating()
    {
        // VarInt 0x7fffffff followed by nothing.
        var exception = Assert.Throws<DecodeException>(() => UndoRecord.Decode(Convert.FromHexString("86fefefe7f")));
        Assert.Equal(DecodeError.Oversized, exception.Error);
    }

    [Fact]
    public void Amounts_above_the_maximum_are_invalid()
    {
        // code 0, compressed amount for 21e14+... well above max money, empty script.
        byte[] bytes = [0x00, .. VarIntBytes(AmountCompression.Compress((ulong)Money.MaxValue.Atoms + 1)), 0x02];
        var exception = Assert.Throws<DecodeException>(() => CoinRecord.Decode(bytes));
        Assert.Equal(DecodeError.InvalidValue, exception.Error);
    }

    [Fact]
    public void Coins_outside_the_money_range_cannot_be_stored()
    {
        var coin = new Coin(new TxOut(new Money(-1), Script.Empty), 1, false);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoinRecord.ToBytes(coin));
    }

    private static byte[] VarIntBytes(ulong value)
    {
        var bytes = new byte[VarInt.SizeOf(value)];
        var writer = new ConsensusWriter(bytes);
        VarInt.Write(ref writer, value);
        return bytes;
    }

    private static bool DecodeFails(Action decode)
    {
        try
        {
            decode();
            return false;
        }
        catch (DecodeException)
        {
            return true;
        }
    }
}
