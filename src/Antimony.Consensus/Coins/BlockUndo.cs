using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.Primitives.Serialization;

namespace Antimony.Consensus.Coins;

/// <summary>
/// What disconnecting a block needs: the coins its transactions spent, in the order of the block's
/// non-coinbase inputs. The created coins need no undo record: they are the block's own outputs.
/// </summary>
/// <param name="SpentCoins">The spent coins in input order.</param>
public sealed record BlockUndo(ImmutableArray<Coin> SpentCoins) : IConsensusEncodable, IConsensusDecodable<BlockUndo>
{
    /// <summary>Undo data of a block that spent nothing.</summary>
    public static BlockUndo Empty { get; } = new(ImmutableArray<Coin>.Empty);

    /// <summary>Encoded size: a compact-size count, then each coin.</summary>
    public int SerializedSize
    {
        get
        {
            int size = CompactSize.SizeOf((ulong)SpentCoins.Length);
            foreach (var coin in SpentCoins)
                size += coin.SerializedSize;
            return size;
        }
    }

    /// <summary>Writes the storage form.</summary>
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)SpentCoins.Length);
        foreach (var coin in SpentCoins)
            coin.Write(ref writer);
    }

    /// <summary>Reads the storage form.</summary>
    public static BlockUndo Read(ref ConsensusReader reader)
    {
        // A coin takes at least 13 bytes (code, value, empty script length).
        int count = reader.ReadCount(reader.Remaining, minItemSize: 13);
        var coins = new Coin[count];
        for (int i = 0; i < coins.Length; i++)
            coins[i] = Coin.Read(ref reader);
        return new BlockUndo(ImmutableCollectionsMarshal.AsImmutableArray(coins));
    }

    /// <inheritdoc />
    public bool Equals(BlockUndo? other) => other is not null && SpentCoins.AsSpan().SequenceEqual(other.SpentCoins.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => SpentCoins.Length;
}
