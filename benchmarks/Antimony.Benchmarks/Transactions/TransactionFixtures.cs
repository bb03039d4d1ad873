using System.Security.Cryptography;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Benchmarks.Transactions;

/// <summary>Deterministic benchmark inputs: P2WPKH-shaped transactions and a 1 MB block of them.</summary>
internal static class TransactionFixtures
{
    /// <summary>Transactions in <see cref="OneMegabyteBlock"/> besides the coinbase (2,700 × 370 bytes ≈ 1 MB).</summary>
    public const int TransactionsPerBlock = 2_700;

    /// <summary>
    /// A 370-byte segwit transaction: 2 inputs spending P2WPKH outputs (empty scriptSig, witness
    /// [71-byte DER signature with sighash byte, 33-byte compressed key]) and 2 P2WPKH outputs.
    /// </summary>
    public static Transaction P2wpkhTwoInTwoOut(int seed)
    {
        var builder = new TransactionBuilder();
        for (int i = 0; i < 2; i++)
        {
            builder.AddInput(new OutPoint(new Txid(Filler(seed, 10 + i, 32).ToHash()), (uint)i), 0xFFFF_FFFD);
            byte[] signature = Filler(seed, 20 + i, 71);
            signature[0] = 0x30;
            signature[^1] = 0x01;
            byte[] key = Filler(seed, 30 + i, 33);
            key[0] = 0x02;
            builder.SetWitness(i, new Witness(signature, key));
        }
        for (int i = 0; i < 2; i++)
            builder.AddOutput(new Money(10_000 + seed + i), new Script((byte[])[0x00, 0x14, .. Filler(seed, 40 + i, 20)]));
        return builder.Build();
    }

    /// <summary>A block of a coinbase and <see cref="TransactionsPerBlock"/> distinct 370-byte transactions, about 1 MB.</summary>
    public static Block OneMegabyteBlock()
    {
        var coinbase = new TransactionBuilder()
            .AddInput(new TxIn(OutPoint.Null, new Script(Filler(0, 1, 40)), TxIn.SequenceFinal, Witness.Empty))
            .AddOutput(Money.FromCoins(50), new Script((byte[])[0x00, 0x14, .. Filler(0, 2, 20)]))
            .Build();
        var builder = new BlockBuilder { Time = 1_700_000_000, Bits = new CompactTarget(0x1d00ffff) }.AddTransaction(coinbase);
        for (int i = 0; i < TransactionsPerBlock; i++)
            builder.AddTransaction(P2wpkhTwoInTwoOut(i));
        return builder.CommitWitnesses().Build();
    }

    private static byte[] Filler(int seed, int purpose, int length)
    {
        var bytes = new byte[length];
        Span<byte> input = stackalloc byte[8];
        BitConverter.TryWriteBytes(input, seed);
        BitConverter.TryWriteBytes(input[4..], purpose);
        Span<byte> digest = stackalloc byte[32];
        for (int offset = 0; offset < length; offset += 32)
        {
            input[7] ^= (byte)(offset + 1);
            SHA256.HashData(input, digest);
            digest[..Math.Min(32, length - offset)].CopyTo(bytes.AsSpan(offset));
        }
        return bytes;
    }

    private static Hash256 ToHash(this byte[] bytes) => new(bytes);
}
