using Antimony.Primitives.Numerics;

namespace Antimony.Rpc.Json;

/// <summary>Bitcoin Core's <c>GetDifficulty</c>: how many times harder than the target of bits 0x1d00ffff, as a double.</summary>
internal static class Difficulty
{
    public static double Of(CompactTarget bits)
    {
        int shift = (int)((bits.Value >> 24) & 0xff);
        uint mantissa = bits.Value & 0x00ffffff;
        if (mantissa == 0)
            return 0;
        double difficulty = 0x0000ffff / (double)mantissa;
        for (; shift < 29; shift++)
            difficulty *= 256.0;
        for (; shift > 29; shift--)
            difficulty /= 256.0;
        return difficulty;
    }
}
