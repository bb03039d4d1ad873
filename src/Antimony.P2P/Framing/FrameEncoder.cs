using System.Buffers;
using Antimony.P2P.Messages;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Framing;

/// <summary>
/// Writes messages as P2P v1 frames straight into an <see cref="IBufferWriter{T}"/> (a pipe, in a
/// connection): the payload is serialized in place behind room for the header, hashed there, and the header
/// written last, so a frame costs no intermediate copy.
/// </summary>
public sealed class FrameEncoder
{
    private readonly uint _magic;
    private readonly int _maxPayloadLength;

    /// <summary>Creates an encoder for one network.</summary>
    public FrameEncoder(FrameOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxPayloadLength);
        if (!Antimony.Primitives.Networks.NetworkMagic.IsValid(options.Magic.Value))
            throw new ArgumentException("The options need a network magic.", nameof(options));
        _magic = options.Magic.Value;
        _maxPayloadLength = options.MaxPayloadLength;
    }

    /// <summary>Writes one frame and returns its length.</summary>
    /// <exception cref="ArgumentException">The payload exceeds the payload limit: the peer would drop the connection.</exception>
    public int Write(INetworkMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        int size = message.SerializedSize;
        if ((uint)size > (uint)_maxPayloadLength)
            throw new ArgumentException($"The {message.Command} payload has {size} bytes; the limit is {_maxPayloadLength}.", nameof(message));
        int total = FrameLimits.HeaderSize + size;
        var frame = output.GetSpan(total)[..total];
        var payload = frame[FrameLimits.HeaderSize..];
        var writer = new ConsensusWriter(payload);
        message.Write(ref writer);
        if (writer.Position != size)
            throw new InvalidOperationException($"{message.Command} wrote {writer.Position} bytes but declared {size}.");
        new FrameHeader(_magic, message.Command, (uint)size, FrameHeader.ComputeChecksum(payload)).CopyTo(frame);
        output.Advance(total);
        return total;
    }

    /// <summary>The frame as a new array, for tests and one-off sends.</summary>
    public byte[] ToBytes(INetworkMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
