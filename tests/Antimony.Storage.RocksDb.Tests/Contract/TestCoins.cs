using System.Buffers.Binary;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>Deterministic coins, ids and scripts for tests, drawn from a seeded <see cref="Random"/>.</summary>
internal static class TestCoins
{
    /// <summary>A coin with a random amount (often a round one), script form and coinbase flag.</summary>
    public static Coin Coin(Random random, int height)
    {
        long atoms = random.Next(4) switch
        {
            0 => 0,
            1 => random.Next(1, 100) * (long)Math.Pow(10, random.Next(0, 11)),
            2 => random.NextInt64(0, Money.MaxValue.Atoms + 1),
            _ => Money.MaxValue.Atoms - random.Next(0, 3),
        };
        return new Coin(new TxOut(new Money(atoms), Script(random)), height, random.Next(2) == 0);
    }

    /// <summary>A P2WPKH, P2TR, near-template or arbitrary script.</summary>
    public static Script Script(Random random)
    {
        byte[] bytes = random.Next(5) switch
        {
            0 => [0x00, 0x14, .. RandomBytes(random, 20)],
            1 => [0x51, 0x20, .. RandomBytes(random, 32)],
            2 => [0x00, 0x14, .. RandomBytes(random, 21)],
            3 => [0x51, 0x21, .. RandomBytes(random, 32)],
            _ => RandomBytes(random, random.Next(0, 300)),
        };
        return new Script(bytes);
    }

    /// <summary>A unique-looking id derived from <paramref name="tag"/> and <paramref name="counter"/>.</summary>
    public static Hash256 Id(string tag, long counter)
    {
        Span<byte> bytes = stackalloc byte[72];
        int length = System.Text.Encoding.ASCII.GetBytes(tag, bytes);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[length..], counter);
        return Sha256d.Hash(bytes[..(length + 8)]);
    }

    /// <summary>A txid derived from <paramref name="counter"/>.</summary>
    public static Txid Txid(long counter) => new(Id("tx", counter));

    /// <summary>A block id derived from <paramref name="counter"/>.</summary>
    public static BlockHash Block(long counter) => new(Id("block", counter));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
