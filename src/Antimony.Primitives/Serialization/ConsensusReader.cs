using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Serialization;

/// <summary>
/// Reads Bitcoin's consensus encoding (little-endian integers, compact sizes, hashes) from a span.
/// Every failure is a <see cref="DecodeException"/> with a specific <see cref="DecodeError"/>.
/// </summary>
/// <remarks>
/// When built over <see cref="ReadOnlyMemory{T}"/>, <see cref="ReadMemory"/> slices that memory instead
/// of copying, so a decoder that owns its input buffer (e.g. a private copy of a transaction) can keep
/// scripts and witness items as views into one allocation.
/// </remarks>
public ref struct ConsensusReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly bool _hasMemory;
    private int _position;

    /// <summary>Reads from <paramref name="buffer"/>; byte ranges read with <see cref="ReadMemory"/> are copied.</summary>
    public ConsensusReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _memory = default;
        _hasMemory = false;
        _position = 0;
    }

    /// <summary>Reads from <paramref name="memory"/>; <see cref="ReadMemory"/> returns slices of it without copying.</summary>
    public ConsensusReader(ReadOnlyMemory<byte> memory)
    {
        _buffer = memory.Span;
        _memory = memory;
        _hasMemory = true;
        _position = 0;
    }

    /// <summary>The number of bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>The number of bytes not yet consumed.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>Whether every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position == _buffer.Length;

    /// <summary>The bytes from <paramref name="start"/> up to the current position (e.g. to hash what was just read).</summary>
    public readonly ReadOnlySpan<byte> Consumed(int start) => _buffer[start.._position];

    /// <summary>
    /// The bytes from <paramref name="start"/> up to the current position as a slice of the reader's memory,
    /// or empty when the reader was built over a span (there is no memory to slice without copying).
    /// </summary>
    internal readonly ReadOnlyMemory<byte> ConsumedMemory(int start) => _hasMemory ? _memory[start.._position] : default;

    /// <summary>
    /// The bytes from <paramref name="start"/> up to the current position as memory: a slice of the reader's
    /// memory, or a new copy when the reader was built over a span.
    /// </summary>
    public readonly ReadOnlyMemory<byte> ConsumedMemoryOrCopy(int start) =>
        _hasMemory ? _memory[start.._position] : _buffer[start.._position].ToArray();

    /// <summary>The unread bytes, without consuming them.</summary>
    public readonly ReadOnlySpan<byte> Unread => _buffer[_position..];

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (_position >= _buffer.Length)
            ThrowTruncated(1);
        return _buffer[_position++];
    }

    /// <summary>Reads a little-endian 16-bit unsigned integer.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    /// <summary>Reads a little-endian 32-bit unsigned integer.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads a little-endian 32-bit signed integer.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads a little-endian 64-bit unsigned integer.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a little-endian 64-bit signed integer.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads a big-endian 16-bit unsigned integer (the one big-endian field in Bitcoin's P2P: a port).</summary>
    public ushort ReadUInt16BigEndian() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    /// <summary>Reads a 32-byte hash in internal order.</summary>
    public Hash256 ReadHash256() =>
        BitConverter.IsLittleEndian ? MemoryMarshal.Read<Hash256>(Take(Hash256.Size)) : new(Take(Hash256.Size));

    /// <summary>Reads a compact size, rejecting non-shortest forms and values above <see cref="CompactSize.MaxValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadCompactSize()
    {
        // Almost every count and length is a single byte below 0xFD.
        if (_position < _buffer.Length && _buffer[_position] < 0xFD)
            return _buffer[_position++];
        return ReadCompactSizeSlow();
    }

    private ulong ReadCompactSizeSlow()
    {
        int start = _position;
        byte first = ReadByte();
        ulong value;
        ulong minimum;
        switch (first)
        {
            case < 0xFD:
                return first;
            case 0xFD:
                value = ReadUInt16();
                minimum = 0xFD;
                break;
            case 0xFE:
                value = ReadUInt32();
                minimum = 0x1_0000;
                break;
            default:
                value = ReadUInt64();
                minimum = 0x1_0000_0000;
                break;
        }
        if (value < minimum)
            throw new DecodeException(DecodeError.NonCanonicalCompactSize, start, $"Compact size {value} is not in its shortest form");
        if (value > CompactSize.MaxValue)
            throw new DecodeException(DecodeError.Oversized, start, $"Compact size {value} exceeds {CompactSize.MaxValue}");
        return value;
    }

    /// <summary>
    /// Reads a compact-size count of items and checks it against <paramref name="maxCount"/> and against
    /// the bytes left (each item takes at least <paramref name="minItemSize"/> bytes), so a lying count
    /// is rejected before anything is allocated for it.
    /// </summary>
    /// <remarks>
    /// A count above <paramref name="maxCount"/> is <see cref="DecodeError.Oversized"/>; a count within the
    /// limit that needs more bytes than remain is <see cref="DecodeError.Truncated"/>, so cutting a valid
    /// encoding short always reports truncation (pass a real limit, not <see cref="Remaining"/>, as the maximum).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadCount(int maxCount, int minItemSize = 1)
    {
        int start = _position;
        ulong count = ReadCompactSize();
        if (count > (ulong)maxCount || (minItemSize > 0 && count * (ulong)minItemSize > (ulong)Remaining))
            ThrowBadCount(start, count, maxCount, minItemSize);
        return (int)count;
    }

    [DoesNotReturn]
    private readonly void ThrowBadCount(int start, ulong count, int maxCount, int minItemSize)
    {
        if (count > (ulong)maxCount)
            throw new DecodeException(DecodeError.Oversized, start, $"Count {count} exceeds the limit of {maxCount}");
        throw new DecodeException(DecodeError.Truncated, start, $"Count {count} needs at least {count * (ulong)minItemSize} more bytes; {Remaining} remain");
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes as a span over the input.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes as memory: a slice of the input when the reader was
    /// built over memory, otherwise a new copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlyMemory<byte> ReadMemory(int count)
    {
        int start = _position;
        var span = Take(count);
        return _hasMemory ? _memory.Slice(start, count) : span.ToArray();
    }

    /// <summary>Reads a compact-size length followed by that many bytes (at most <paramref name="maxLength"/>).</summary>
    public ReadOnlyMemory<byte> ReadLengthPrefixedMemory(int maxLength) => ReadMemory(ReadCount(maxLength));

    /// <summary>Reads a compact-size length followed by that many bytes, limited only by <see cref="CompactSize.MaxValue"/>.</summary>
    public ReadOnlyMemory<byte> ReadLengthPrefixedMemory() => ReadMemory(ReadCount(MaxCount));

    /// <summary>Skips a compact-size length and that many bytes (used to measure a section before reading it).</summary>
    internal void SkipLengthPrefixed() => Take(ReadCount(MaxCount));

    /// <summary>The largest count any Bitcoin structure may declare: <see cref="CompactSize.MaxValue"/>.</summary>
    public const int MaxCount = (int)CompactSize.MaxValue;

    /// <summary>Fails with <see cref="DecodeError.TrailingData"/> unless every byte has been consumed.</summary>
    public readonly void EnsureAtEnd()
    {
        if (_position != _buffer.Length)
            throw new DecodeException(DecodeError.TrailingData, _position, $"{Remaining} unexpected bytes after the end of the value");
    }

    /// <summary>Fails at the current position with <paramref name="error"/>.</summary>
    [DoesNotReturn]
    public readonly void Fail(DecodeError error, string message) => throw new DecodeException(error, _position, message);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
            ThrowTruncated(count);
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    [DoesNotReturn]
    private readonly void ThrowTruncated(int wanted) =>
        throw new DecodeException(DecodeError.Truncated, _position, $"Needed {wanted} bytes; {Remaining} remain");
}
