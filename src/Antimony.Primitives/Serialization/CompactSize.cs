namespace Antimony.Primitives.Serialization;

/// <summary>
/// Bitcoin's variable-length integer ("CompactSize"): one byte below 0xFD, else a marker byte
/// (0xFD, 0xFE, 0xFF) and a 2-, 4- or 8-byte little-endian value. Only the shortest form is valid.
/// </summary>
public static class CompactSize
{
    /// <summary>
    /// The largest count or length a decoder accepts: Bitcoin Core's <c>MAX_SIZE</c> (32 MiB), above
    /// which a length cannot describe anything that fits in a message.
    /// </summary>
    public const ulong MaxValue = 0x0200_0000;

    /// <summary>The number of bytes <paramref name="value"/> takes when encoded.</summary>
    public static int SizeOf(ulong value) => value switch
    {
        < 0xFD => 1,
        <= 0xFFFF => 3,
        <= 0xFFFF_FFFF => 5,
        _ => 9,
    };
}
