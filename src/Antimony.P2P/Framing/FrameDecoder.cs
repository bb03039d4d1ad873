using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Antimony.P2P.Messages;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Framing;

/// <summary>
/// Takes whole frames off the front of a <see cref="ReadOnlySequence{T}"/> (a pipe's buffer) and decodes them.
/// The header is checked as soon as its 24 bytes are there: magic, command, the global length limit and the
/// command's own limit, so an oversized or foreign frame is rejected before any payload is buffered. Then
/// the checksum, then the payload: decoded in place when it sits in one segment, otherwise copied once into
/// a pooled buffer. Stateless apart from its options, so one instance serves many connections.
/// </summary>
public sealed class FrameDecoder
{
    private readonly uint _magic;
    private readonly int _maxPayloadLength;
    private readonly MessageRegistry _registry;
    private readonly bool _rejectUnknown;

    /// <summary>Creates a decoder for one network.</summary>
    public FrameDecoder(FrameOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxPayloadLength);
        if (!Antimony.Primitives.Networks.NetworkMagic.IsValid(options.Magic.Value))
            throw new ArgumentException("The options need a network magic.", nameof(options));
        _magic = options.Magic.Value;
        _maxPayloadLength = options.MaxPayloadLength;
        _registry = options.Registry ?? throw new ArgumentException("A registry is required.", nameof(options));
        _rejectUnknown = options.RejectUnknownCommands;
    }

    /// <summary>
    /// Decodes the first frame of <paramref name="buffer"/> and slices it off. Returns false, leaving the buffer
    /// alone, when the bytes so far are a valid but incomplete frame: the caller waits for more.
    /// </summary>
    /// <exception cref="WireProtocolException">The bytes break a rule; <see cref="WireProtocolException.Violation"/> says which.</exception>
    public bool TryDecode(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out INetworkMessage? message)
    {
        message = null;
        if (!TryReadHeader(buffer, out var header, out var descriptor))
            return false;
        if (buffer.Length - FrameLimits.HeaderSize < header.PayloadLength)
            return false;
        var payload = buffer.Slice(FrameLimits.HeaderSize, header.PayloadLength);
        message = DecodePayload(header, descriptor, payload);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>The non-throwing form of <see cref="TryDecode(ref ReadOnlySequence{byte}, out INetworkMessage?)"/>.</summary>
    public FrameDecodeStatus TryDecode(ref ReadOnlySequence<byte> buffer, out INetworkMessage? message, out ProtocolViolation violation)
    {
        violation = ProtocolViolation.None;
        try
        {
            return TryDecode(ref buffer, out message) ? FrameDecodeStatus.Decoded : FrameDecodeStatus.NeedMoreData;
        }
        catch (WireProtocolException e)
        {
            message = null;
            violation = e.Violation;
            return FrameDecodeStatus.Violation;
        }
    }

    /// <summary>
    /// Reads and checks the header at the start of <paramref name="buffer"/> without consuming anything. The
    /// magic is checked as soon as four bytes are there, so a stream from another network fails at once.
    /// </summary>
    /// <returns>False when fewer than 24 bytes are buffered and nothing seen so far is wrong.</returns>
    /// <exception cref="WireProtocolException">Wrong magic, malformed command, or a length above a limit.</exception>
    public bool TryReadHeader(in ReadOnlySequence<byte> buffer, out FrameHeader header) => TryReadHeader(buffer, out header, out _);

    private bool TryReadHeader(in ReadOnlySequence<byte> buffer, out FrameHeader header, out MessageDescriptor? descriptor)
    {
        header = default;
        descriptor = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadBigEndian(out int magic))
            return false;
        if ((uint)magic != _magic)
            throw new WireProtocolException(ProtocolViolation.BadMagic, $"Frame magic 0x{(uint)magic:x8}; this network's is 0x{_magic:x8}");
        reader.Rewind(4);
        Span<byte> bytes = stackalloc byte[FrameLimits.HeaderSize];
        if (!reader.TryCopyTo(bytes))
            return false;
        if (!FrameHeader.TryRead(bytes, out header))
            throw new WireProtocolException(ProtocolViolation.InvalidCommand, "The command field is not NUL-padded printable ASCII");
        if (header.PayloadLength > (uint)_maxPayloadLength)
            throw new WireProtocolException(ProtocolViolation.OversizedPayload, $"A {header.Command} frame claims {header.PayloadLength} payload bytes; the limit is {_maxPayloadLength}");
        if (_registry.TryGet(header.Command, out descriptor))
        {
            if (header.PayloadLength > (uint)descriptor.MaxPayloadLength)
                throw new WireProtocolException(ProtocolViolation.PayloadTooLargeForCommand, $"A {header.Command} payload has at most {descriptor.MaxPayloadLength} bytes; the frame claims {header.PayloadLength}");
        }
        else if (_rejectUnknown)
        {
            throw new WireProtocolException(ProtocolViolation.UnknownCommand, $"Unknown command '{header.Command}'");
        }
        return true;
    }

    private static INetworkMessage DecodePayload(in FrameHeader header, MessageDescriptor? descriptor, in ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
            return DecodePayload(header, descriptor, payload.FirstSpan);

        // The payload straddles pipe segments: one copy into a pooled buffer, so hashing and decoding see a span.
        int length = (int)payload.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            return DecodePayload(header, descriptor, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static INetworkMessage DecodePayload(in FrameHeader header, MessageDescriptor? descriptor, ReadOnlySpan<byte> payload)
    {
        uint checksum = FrameHeader.ComputeChecksum(payload);
        if (checksum != header.Checksum)
            throw new WireProtocolException(ProtocolViolation.BadChecksum, $"The {header.Command} frame's checksum is 0x{header.Checksum:x8}; its payload hashes to 0x{checksum:x8}");
        if (descriptor is null)
            return new UnknownMessage(header.Command, payload.ToArray());
        try
        {
            return descriptor.Decode(payload);
        }
        catch (DecodeException e)
        {
            // Oversized is what ReadCount reports for a count above the message's limit (inv, addr, headers,
            // locator, user agent) or above the encoding's own maximum.
            var violation = e.Error == DecodeError.Oversized ? ProtocolViolation.TooManyItems : ProtocolViolation.MalformedPayload;
            throw new WireProtocolException(violation, $"The {header.Command} payload does not decode: {e.Message}", e);
        }
    }
}
