using Antimony.Primitives.Amounts;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// Bitcoin Core's amount compression (compressor.cpp): trailing decimal zeros become an exponent, so round
/// amounts such as 50 ATMN take one or two bytes as a VarInt. Defined for amounts in [0, <see cref="Money.MaxValue"/>].
/// </summary>
internal static class AmountCompression
{
    /// <summary>The compressed form of <paramref name="atoms"/>.</summary>
    public static ulong Compress(ulong atoms)
    {
        if (atoms == 0)
            return 0;
        int exponent = 0;
        while (atoms % 10 == 0 && exponent < 9)
        {
            atoms /= 10;
            exponent++;
        }
        if (exponent < 9)
        {
            ulong lastDigit = atoms % 10;
            atoms /= 10;
            return 1 + (((atoms * 9) + lastDigit - 1) * 10) + (ulong)exponent;
        }
        return 1 + ((atoms - 1) * 10) + 9;
    }

    /// <summary>The amount <paramref name="compressed"/> stands for, or <see langword="false"/> if it exceeds <paramref name="max"/>.</summary>
    public static bool TryDecompress(ulong compressed, ulong max, out ulong atoms)
    {
        atoms = 0;
        if (compressed == 0)
            return true;
        // Bounding the input first keeps every step below free of overflow.
        if (compressed > (max * 10) + 10)
            return false;
        compressed--;
        int exponent = (int)(compressed % 10);
        compressed /= 10;
        ulong value;
        if (exponent < 9)
        {
            ulong lastDigit = (compressed % 9) + 1;
            compressed /= 9;
            value = (compressed * 10) + lastDigit;
        }
        else
        {
            value = compressed + 1;
        }
        for (; exponent > 0; exponent--)
        {
            if (value > max / 10)
                return false;
            value *= 10;
        }
        if (value > max)
            return false;
        atoms = value;
        return true;
    }
}
