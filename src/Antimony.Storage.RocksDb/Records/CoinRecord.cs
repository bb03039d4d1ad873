using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// The stored form of a coin, as Bitcoin Core keeps its chainstate: VarInt(height·2 + coinbase flag),
/// VarInt(compressed amount), compressed script. A typical P2WPKH coin takes about 25 bytes.
/// </summary>
internal static class CoinRecord
{
    /// <summary>The smallest stored coin: code, amount and an empty script's tag, one byte each.</summary>
    public const int MinSize = 3;

    /// <summary>The stored size of <paramref name="coin"/>.</summary>
    public static int SizeOf(in Coin coin) =>
        VarInt.SizeOf(Code(coin)) + VarInt.SizeOf(AmountCompression.Compress(Atoms(coin))) + ScriptCompression.SizeOf(coin.Output.ScriptPubKey);

    /// <summary>Writes <paramref name="coin"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative height, or an amount outside [0, max money].</exception>
    public static void Write(ref ConsensusWriter writer, in Coin coin)
    {
        VarInt.Write(ref writer, Code(coin));
        VarInt.Write(ref writer, AmountCompression.Compress(Atoms(coin)));
        ScriptCompression.Write(ref writer, coin.Output.ScriptPubKey);
    }

    /// <summary>Reads a stored coin.</summary>
    /// <exception cref="DecodeException">Truncated, or a height or amount out of range.</exception>
    public static Coin Read(ref ConsensusReader reader)
    {
        int start = reader.Position;
        ulong code = VarInt.Read(ref reader, ((ulong)int.MaxValue << 1) | 1);
        ulong compressed = VarInt.Read(ref reader);
        if (!AmountCompression.TryDecompress(compressed, (ulong)Money.MaxValue.Atoms, out ulong atoms))
            throw new DecodeException(DecodeError.InvalidValue, start, "Coin amount exceeds the maximum amount of money");
        var script = ScriptCompression.Read(ref reader);
        return new Coin(new TxOut(new Money((long)atoms), script), (int)(code >> 1), (code & 1) != 0);
    }

    /// <summary>The stored form of <paramref name="coin"/> as a new array.</summary>
    public static byte[] ToBytes(in Coin coin)
    {
        var bytes = new byte[SizeOf(coin)];
        var writer = new ConsensusWriter(bytes);
        Write(ref writer, coin);
        return bytes;
    }

    /// <summary>Decodes exactly one stored coin spanning <paramref name="bytes"/>.</summary>
    /// <exception cref="DecodeException">Malformed, truncated or followed by extra bytes.</exception>
    public static Coin Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ConsensusReader(bytes);
        var coin = Read(ref reader);
        reader.EnsureAtEnd();
        return coin;
    }

    private static ulong Code(in Coin coin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coin.Height, nameof(coin));
        return ((ulong)coin.Height << 1) | (coin.IsCoinbase ? 1UL : 0UL);
    }

    private static ulong Atoms(in Coin coin)
    {
        if (!coin.Output.Value.IsInConsensusRange)
            throw new ArgumentOutOfRangeException(nameof(coin), coin.Output.Value, "A stored coin's amount must lie in [0, max money].");
        return (ulong)coin.Output.Value.Atoms;
    }
}
