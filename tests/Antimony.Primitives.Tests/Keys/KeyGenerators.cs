using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>FsCheck generators for keys, messages and signing cases.</summary>
internal static class KeyGenerators
{
    public static Gen<byte[]> Bytes(int length) => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(length);

    /// <summary>Uniform 32-byte strings that are valid secret keys (almost all are).</summary>
    public static Gen<PrivateKey> PrivateKeys { get; } =
        Bytes(32).Where(b => PrivateKey.TryCreate(b, out _)).Select(b => PrivateKey.Create(b));

    public static Gen<Hash256> Messages { get; } = Bytes(32).Select(b => new Hash256(b));

    /// <summary>A key, a message, 32 bytes of aux randomness and a bit position to flip later (0..511).</summary>
    public static Arbitrary<SigningCase> Cases { get; } =
        (from key in PrivateKeys
         from message in Messages
         from aux in Bytes(32)
         from bit in Gen.Choose(0, 1023)
         select new SigningCase(key, message, aux, bit)).ToArbitrary();

    public static byte[] FlipBit(ReadOnlySpan<byte> bytes, int bit)
    {
        byte[] copy = bytes.ToArray();
        int index = bit % (copy.Length * 8);
        copy[index / 8] ^= (byte)(1 << (index % 8));
        return copy;
    }
}

/// <summary>One generated signing scenario (ToString shows no secret, only the public key).</summary>
internal sealed record SigningCase(PrivateKey Key, Hash256 Message, byte[] Aux, int Bit)
{
    public override string ToString() => $"key {Key.PublicKey}, message {Message}, aux {Convert.ToHexStringLower(Aux)}, bit {Bit}";
}
