namespace Antimony.Consensus.Coinbase;

/// <summary>
/// BIP34: a coinbase's script starts with the block height, serialized as Bitcoin Core's
/// <c>CScript() &lt;&lt; height</c> does (<c>OP_0</c> for 0, <c>OP_1</c>..<c>OP_16</c> for 1..16, otherwise a
/// minimal little-endian script-number push).
/// </summary>
public static class CoinbaseHeight
{
    /// <summary>The script prefix that encodes <paramref name="height"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is negative.</exception>
    public static byte[] Encode(int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (height == 0)
            return [0x00];
        if (height <= 16)
            return [(byte)(0x50 + height)];
        Span<byte> number = stackalloc byte[5];
        int length = 0;
        for (long value = height; value != 0; value >>= 8)
            number[length++] = (byte)value;
        // A script number is sign-magnitude: a set top bit would read as negative, so add a zero byte.
        if ((number[length - 1] & 0x80) != 0)
            number[length++] = 0x00;
        var push = new byte[length + 1];
        push[0] = (byte)length;
        number[..length].CopyTo(push.AsSpan(1));
        return push;
    }

    /// <summary>Whether <paramref name="scriptSig"/> starts with the encoding of <paramref name="height"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> scriptSig, int height) => scriptSig.StartsWith(Encode(height));
}
