using System.Buffers.Binary;
using Antimony.Primitives.Hashing;

namespace Antimony.P2P.Framing;

/// <summary>
/// The 24-byte header in front of every payload: magic, command, payload length and checksum (the first four
/// bytes of SHA-256d(payload), read little-endian as Bitcoin Core compares them).
/// </summary>
/// <param name="Magic">The four magic bytes in wire order read big-endian, as <see cref="Antimony.Primitives.Networks.NetworkMagic.Value"/>; raw, since a peer may send anything.</param>
/// <param name="Command">The message's command.</param>
/// <param name="PayloadLength">The payload's length in bytes, as claimed by the sender.</param>
/// <param name="Checksum">The first four bytes of SHA-256d(payload), read little-endian.</param>
public readonly record struct FrameHeader(uint Magic, MessageCommand Command, uint PayloadLength, uint Checksum)
{
    /// <summary>Writes the header's 24 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < FrameLimits.HeaderSize)
            throw new ArgumentException($"The destination needs {FrameLimits.HeaderSize} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt32BigEndian(destination, Magic);
        Command.CopyTo(destination[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], PayloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], Checksum);
    }

    /// <summary>
    /// Reads a header, checking only what the header alone can tell: the command field's form. Magic and
    /// length limits depend on the connection and are checked by <see cref="FrameDecoder"/>.
    /// </summary>
    /// <returns>False when the command field is malformed.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out FrameHeader header)
    {
        header = default;
        if (source.Length < FrameLimits.HeaderSize)
            return false;
        if (!MessageCommand.TryRead(source.Slice(4, MessageCommand.Size), out var command))
            return false;
        header = new FrameHeader(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            command,
            BinaryPrimitives.ReadUInt32LittleEndian(source[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[20..]));
        return true;
    }

    /// <summary>The checksum field for a payload: the first four bytes of SHA-256d(payload), read little-endian.</summary>
    public static uint ComputeChecksum(ReadOnlySpan<byte> payload)
    {
        var hash = Sha256d.Hash(payload);
        return BinaryPrimitives.ReadUInt32LittleEndian(Hash256.AsBytes(in hash));
    }
}
