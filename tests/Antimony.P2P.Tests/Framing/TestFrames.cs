using System.Buffers;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.Primitives.Networks;

namespace Antimony.P2P.Tests.Framing;

/// <summary>A test network's frame codec and helpers to frame, split and decode bytes.</summary>
internal static class TestFrames
{
    /// <summary>Regtest's magic.</summary>
    public static NetworkMagic Magic { get; } = Network.Regtest.Magic;

    public static FrameOptions Options { get; } = new() { Magic = Magic };

    public static FrameEncoder Encoder { get; } = new(Options);

    public static FrameDecoder Decoder { get; } = new(Options);

    public static byte[] Frame(INetworkMessage message) => Encoder.ToBytes(message);

    /// <summary>A frame around arbitrary payload bytes with a correct checksum.</summary>
    public static byte[] Frame(MessageCommand command, byte[] payload) => Encoder.ToBytes(new UnknownMessage(command, payload));

    /// <summary>Decodes exactly one frame that must fill <paramref name="bytes"/>.</summary>
    public static INetworkMessage DecodeSingle(byte[] bytes, FrameDecoder? decoder = null)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        if (!(decoder ?? Decoder).TryDecode(ref buffer, out var message))
            throw new InvalidOperationException("The frame is incomplete.");
        if (!buffer.IsEmpty)
            throw new InvalidOperationException($"{buffer.Length} bytes left after the frame.");
        return message;
    }

    /// <summary>The violation decoding <paramref name="bytes"/> reports, or None when it decodes or waits.</summary>
    public static ProtocolViolation ViolationOf(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Decoder.TryDecode(ref buffer, out _, out var violation);
        return violation;
    }

    /// <summary>The bytes as a sequence of segments cut at the given offsets, to exercise the multi-segment path.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, IEnumerable<int> cuts)
    {
        var offsets = cuts.Select(c => Math.Clamp(c, 0, bytes.Length)).Append(0).Append(bytes.Length).Distinct().Order().ToArray();
        Segment? first = null, last = null;
        for (int i = 0; i + 1 < offsets.Length; i++)
        {
            var piece = bytes.AsMemory(offsets[i], offsets[i + 1] - offsets[i]);
            if (first is null)
                first = last = new Segment(piece, 0);
            else
                last = last!.Append(piece);
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
