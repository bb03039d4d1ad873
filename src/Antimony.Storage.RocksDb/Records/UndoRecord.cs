using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>The stored form of a block's undo data: VarInt(count), then each spent coin as a <see cref="CoinRecord"/>.</summary>
internal static class UndoRecord
{
    /// <summary>The stored form of <paramref name="undo"/> as a new array.</summary>
    public static byte[] ToBytes(BlockUndo undo)
    {
        var coins = undo.SpentCoins;
        int size = VarInt.SizeOf((ulong)coins.Length);
        foreach (var coin in coins)
            size += CoinRecord.SizeOf(coin);
        var bytes = new byte[size];
        var writer = new ConsensusWriter(bytes);
        VarInt.Write(ref writer, (ulong)coins.Length);
        foreach (var coin in coins)
            CoinRecord.Write(ref writer, coin);
        return bytes;
    }

    /// <summary>Decodes exactly one stored undo record spanning <paramref name="bytes"/>.</summary>
    /// <exception cref="DecodeException">Malformed, truncated, a count the bytes cannot hold, or extra bytes.</exception>
    public static BlockUndo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ConsensusReader(bytes);
        // A lying count is rejected before anything is allocated for it.
        ulong count = VarInt.Read(ref reader, (ulong)(reader.Remaining / CoinRecord.MinSize));
        var coins = new Coin[count];
        for (int i = 0; i < coins.Length; i++)
            coins[i] = CoinRecord.Read(ref reader);
        reader.EnsureAtEnd();
        return new BlockUndo(ImmutableCollectionsMarshal.AsImmutableArray(coins));
    }
}
