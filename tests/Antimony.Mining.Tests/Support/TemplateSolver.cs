using Antimony.Mining.Templates;
using Antimony.Primitives.Blocks;

namespace Antimony.Mining.Tests.Support;

/// <summary>Mines a template the obvious way (for easy targets): full header hashes, nonce by nonce.</summary>
internal static class TemplateSolver
{
    public static Block Solve(BlockTemplate template, ulong extraNonce = 0)
    {
        var coinbase = template.CreateCoinbase(extraNonce);
        var header = template.CreateHeader(coinbase, template.Time, 0);
        while (!header.Bits.IsMetBy(header.Hash))
            header = header with { Nonce = checked(header.Nonce + 1) };
        return template.CreateBlock(header, coinbase);
    }
}
