using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Serialization;

/// <summary>
/// Writes Bitcoin's consensus encoding into a span sized beforehand (see
/// <see cref="IConsensusEncodable.SerializedSize"/>). Writing past the end is a bug in the caller's size
/// computation and throws <see cref="InvalidOperationException"/>.
/// </summary>
public ref struct ConsensusWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Writes into <paramref name="buffer"/> from its start.</summary>
    public ConsensusWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>The number of bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => Take(1)[0] = value;

    /// <summary>Writes a little-endian 16-bit unsigned integer.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    /// <summary>Writes a big-endian 16-bit unsigned integer (a P2P port).</summary>
    public void WriteUInt16BigEndian(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Take(2), value);

    /// <summary>Writes a little-endian 32-bit unsigned integer.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    /// <summary>Writes a little-endian 32-bit signed integer.</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    /// <summary>Writes a little-endian 64-bit unsigned integer.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    /// <summary>Writes a little-endian 64-bit signed integer.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    /// <summary>Writes a hash in internal order.</summary>
    public void WriteHash256(in Hash256 value) => value.CopyTo(Take(Hash256.Size));

    /// <summary>Writes a compact size in its shortest form.</summary>
    public void WriteCompactSize(ulong value)
    {
        switch (value)
        {
            case < 0xFD:
                WriteByte((byte)value);
                break;
            case <= 0xFFFF:
                WriteByte(0xFD);
                WriteUInt16((ushort)value);
                break;
            case <= 0xFFFF_FFFF:
                WriteByte(0xFE);
                WriteUInt32((uint)value);
                break;
            default:
                WriteByte(0xFF);
                WriteUInt64(value);
                break;
        }
    }

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>Writes a compact-size length followed by the bytes.</summary>
    public void WriteLengthPrefixed(scoped ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Take(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
            ThrowOverflow(count);
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly void ThrowOverflow(int count) =>
        throw new InvalidOperationException($"Writing {count} bytes at {_position} overruns a {_buffer.Length}-byte buffer: the size computation is wrong.");
}
