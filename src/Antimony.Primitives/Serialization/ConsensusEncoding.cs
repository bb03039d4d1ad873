using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Antimony.Primitives.Serialization;

/// <summary>Whole-value encode and decode on top of <see cref="IConsensusEncodable"/> and <see cref="IConsensusDecodable{TSelf}"/>.</summary>
public static class ConsensusEncoding
{
    /// <summary>The encoding of <paramref name="value"/> as a new array.</summary>
    public static byte[] ToBytes<T>(T value) where T : IConsensusEncodable
    {
        var bytes = new byte[value.SerializedSize];
        var writer = new ConsensusWriter(bytes);
        value.Write(ref writer);
        return bytes;
    }

    /// <summary>Appends the encoding of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void WriteTo<T>(T value, IBufferWriter<byte> output) where T : IConsensusEncodable
    {
        ArgumentNullException.ThrowIfNull(output);
        int size = value.SerializedSize;
        var writer = new ConsensusWriter(output.GetSpan(size)[..size]);
        value.Write(ref writer);
        output.Advance(size);
    }

    /// <summary>Decodes exactly one value that spans all of <paramref name="bytes"/>.</summary>
    /// <exception cref="DecodeException">Truncated, malformed or followed by trailing bytes.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> bytes) where T : IConsensusDecodable<T>
    {
        var reader = new ConsensusReader(bytes);
        var value = T.Read(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    /// <summary>
    /// Decodes exactly one value from a private copy of <paramref name="bytes"/>: one allocation, which the value may
    /// keep views into (a transaction's scripts and witnesses, a block's transactions) without aliasing the caller's buffer.
    /// </summary>
    /// <exception cref="DecodeException">Truncated, malformed, or followed by trailing bytes.</exception>
    public static T DecodeCopy<T>(ReadOnlySpan<byte> bytes) where T : IConsensusDecodable<T>
    {
        var copy = GC.AllocateUninitializedArray<byte>(bytes.Length);
        bytes.CopyTo(copy);
        return DecodeOwned<T>(copy);
    }

    /// <summary>
    /// Decodes exactly one value from <paramref name="owned"/>, which the caller hands over: the value may keep views
    /// into it, so it must not change afterwards.
    /// </summary>
    /// <exception cref="DecodeException">Truncated, malformed, or followed by trailing bytes.</exception>
    public static T DecodeOwned<T>(ReadOnlyMemory<byte> owned) where T : IConsensusDecodable<T>
    {
        var reader = new ConsensusReader(owned);
        var value = T.Read(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    /// <summary>Decodes exactly one value spanning all of <paramref name="bytes"/>; never throws for bad input.</summary>
    public static bool TryDecode<T>(ReadOnlySpan<byte> bytes, [MaybeNullWhen(false)] out T value, out DecodeError error)
        where T : IConsensusDecodable<T> => TryDecode(bytes, Decode<T>, out value, out error);

    /// <summary>Runs <paramref name="decode"/> on <paramref name="bytes"/>, turning a <see cref="DecodeException"/> into <see langword="false"/> and its error.</summary>
    public static bool TryDecode<T>(ReadOnlySpan<byte> bytes, Func<ReadOnlySpan<byte>, T> decode, [MaybeNullWhen(false)] out T value, out DecodeError error)
    {
        ArgumentNullException.ThrowIfNull(decode);
        try
        {
            value = decode(bytes);
            error = DecodeError.None;
            return true;
        }
        catch (DecodeException e)
        {
            value = default;
            error = e.Error;
            return false;
        }
    }
}
