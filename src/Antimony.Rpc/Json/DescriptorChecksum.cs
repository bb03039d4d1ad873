namespace Antimony.Rpc.Json;

/// <summary>The output descriptor checksum of BIP380 (the 8 characters after <c>#</c>), for the <c>desc</c> fields Core writes.</summary>
internal static class DescriptorChecksum
{
    private const string InputCharset = "0123456789()[],'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";
    private const string ChecksumCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly ulong[] Generator = [0xf5dee51989, 0xa9fdca3312, 0x1bab10e32d, 0x3706b1677a, 0x644d626ffd];

    /// <summary><paramref name="descriptor"/> followed by <c>#</c> and its checksum.</summary>
    /// <exception cref="ArgumentException">A character outside the descriptor character set.</exception>
    public static string Append(string descriptor)
    {
        ulong check = 1;
        int groupCount = 0;
        int group = 0;
        foreach (char c in descriptor)
        {
            int value = InputCharset.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"'{c}' is not a descriptor character.", nameof(descriptor));
            check = PolyMod(check, value & 31);
            group = group * 3 + (value >> 5);
            if (++groupCount == 3)
            {
                check = PolyMod(check, group);
                group = 0;
                groupCount = 0;
            }
        }
        if (groupCount > 0)
            check = PolyMod(check, group);
        for (int i = 0; i < 8; i++)
            check = PolyMod(check, 0);
        check ^= 1;
        var result = new char[8];
        for (int i = 0; i < 8; i++)
            result[i] = ChecksumCharset[(int)((check >> (5 * (7 - i))) & 31)];
        return descriptor + "#" + new string(result);
    }

    private static ulong PolyMod(ulong check, int value)
    {
        ulong top = check >> 35;
        check = ((check & 0x7ffffffff) << 5) ^ (ulong)value;
        for (int i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
                check ^= Generator[i];
        }
        return check;
    }
}
