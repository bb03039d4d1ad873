using System.Buffers;
using System.Buffers.Binary;
using Antimony.P2P.Framing;
using Antimony.P2P.Tests.Messages;

namespace Antimony.P2P.Tests.Framing;

/// <summary>
/// Fuzzing the frame and message decoders with mutations of valid encodings of every message (bit flips,
/// truncation, length and count corruption, splicing, inserted garbage) and with random bytes: only
/// <see cref="WireProtocolException"/> may come out, and decoding allocates in proportion to the input.
/// </summary>
public class FrameFuzzTests
{
    private static readonly FrameDecoder Strict = new(TestFrames.Options with { RejectUnknownCommands = true });

    private enum Kind { FlipBit, Truncate, SetLength, CorruptCount, Splice, Insert, Duplicate }

    private readonly record struct Mutation(Kind Kind, int Position, int Extra, uint Value, byte[] Bytes);

    private static readonly Gen<Mutation> AnyMutation =
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from position in Gen.Choose(0, 1 << 20)
        from extra in Gen.Choose(0, 1 << 20)
        from value in Gen.OneOf(MessageGen.UInt32, Gen.Choose(0, 300).Select(v => (uint)v))
        from bytes in MessageGen.Bytes(12)
        select new Mutation(kind, position, extra, value, bytes);

    private static readonly Gen<byte[]> Mutated =
        from frame in MessageGen.Any.Select(TestFrames.Frame)
        from other in MessageGen.Any.Select(TestFrames.Frame)
        from mutations in Gen.Choose(1, 4).SelectMany(n => AnyMutation.ArrayOf(n))
        from fixLength in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from fixChecksum in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select Apply(frame, other, mutations, fixLength, fixChecksum);

    private static readonly Gen<byte[]> Garbage = Gen.OneOf(
        MessageGen.Bytes(200),
        MessageGen.Bytes(200).Select(b => Magic().Concat(b).ToArray()));

    private static readonly Gen<(byte[] Bytes, int[] Cuts, bool Strict)> Input =
        from bytes in Gen.Frequency((9, Mutated), (1, Garbage))
        from cuts in Gen.Choose(0, 4000).ArrayOf().Select(c => c.Take(6).ToArray())
        from strict in ArbMap.Default.GeneratorFor<bool>()
        select (bytes, cuts, strict);

    [Property(MaxTest = 3000)]
    public Property Mutated_frames_raise_only_protocol_violations_with_bounded_memory() => Prop.ForAll(Arb.From(Input), Survives);

    [Property(MaxTest = 200_000)]
    [Trait("Category", "Soak")]
    public Property Soak_mutated_frames_raise_only_protocol_violations_with_bounded_memory() => Prop.ForAll(Arb.From(Input), Survives);

    [Fact]
    public void The_mutator_reaches_the_message_decoders()
    {
        // Guards the fuzzer itself: enough inputs must pass the checksum and fail (or succeed) in payload decoding.
        var outcomes = Input.Sample(2000).Select(i => Outcome(i.Bytes)).ToList();
        Assert.True(outcomes.Count(o => o == ProtocolViolation.MalformedPayload) > 100, "too few inputs reach the payload decoders");
        Assert.Contains(ProtocolViolation.TooManyItems, outcomes);
        Assert.Contains(ProtocolViolation.BadChecksum, outcomes);
        Assert.Contains(ProtocolViolation.None, outcomes);
    }

    private static Property Survives((byte[] Bytes, int[] Cuts, bool Strict) input)
    {
        var decoder = input.Strict ? Strict : TestFrames.Decoder;
        var buffer = TestFrames.Split(input.Bytes, input.Cuts);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int decoded = 0;
        try
        {
            while (decoder.TryDecode(ref buffer, out _))
                decoded++;
        }
        catch (WireProtocolException)
        {
            // The only exception bad bytes may produce.
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long bound = 64L * input.Bytes.Length + (1 << 20);
        return (allocated <= bound).Label($"{input.Bytes.Length} bytes, {decoded} decoded, {allocated} allocated > {bound}");
    }

    private static ProtocolViolation Outcome(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        return TestFrames.Decoder.TryDecode(ref buffer, out _, out var violation) == FrameDecodeStatus.Violation ? violation : ProtocolViolation.None;
    }

    private static byte[] Magic()
    {
        var magic = new byte[4];
        TestFrames.Magic.CopyTo(magic);
        return magic;
    }

    private static byte[] Apply(byte[] frame, byte[] other, Mutation[] mutations, bool fixLength, bool fixChecksum)
    {
        var bytes = new List<byte>(frame);
        bool lengthSet = false;
        foreach (var m in mutations)
        {
            // Payload mutations dominate: the header is 24 of the bytes, and header damage is covered by flips.
            int payloadLength = Math.Max(0, bytes.Count - FrameLimits.HeaderSize);
            int at = FrameLimits.HeaderSize + (payloadLength == 0 ? 0 : m.Position % payloadLength);
            switch (m.Kind)
            {
                case Kind.FlipBit when bytes.Count > 0:
                    int bit = m.Position % (bytes.Count * 8);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                    break;
                case Kind.Truncate when bytes.Count > 0:
                    bytes.RemoveRange(m.Position % bytes.Count, bytes.Count - m.Position % bytes.Count);
                    break;
                case Kind.SetLength when bytes.Count >= FrameLimits.HeaderSize:
                    uint length = m.Extra % 2 == 0 ? m.Value : (uint)(payloadLength + (int)(m.Value % 9) - 4);
                    BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[16..], length);
                    lengthSet = true;
                    break;
                case Kind.CorruptCount when at <= bytes.Count:
                    // A compact size of every width, likely landing on a count or length field.
                    byte[] prefix = (m.Extra % 4) switch { 0 => [(byte)m.Value], 1 => [0xFD], 2 => [0xFE], _ => [0xFF] };
                    var value = new byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(value, m.Value | ((ulong)m.Extra << 32));
                    int width = prefix[0] switch { 0xFD => 2, 0xFE => 4, 0xFF => 8, _ => 0 };
                    int replace = Math.Min(1 + width, bytes.Count - at);
                    bytes.RemoveRange(at, replace);
                    bytes.InsertRange(at, prefix.Concat(value.Take(width)));
                    break;
                case Kind.Splice when at <= bytes.Count:
                    int from = Math.Min(other.Length, FrameLimits.HeaderSize + m.Extra % Math.Max(1, other.Length - FrameLimits.HeaderSize));
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(other.Skip(from));
                    break;
                case Kind.Insert when at <= bytes.Count:
                    bytes.InsertRange(at, m.Bytes);
                    break;
                case Kind.Duplicate when bytes.Count > FrameLimits.HeaderSize:
                    bytes.AddRange(bytes.Skip(at).Take(m.Extra % 200).ToArray());
                    break;
            }
        }
        var result = bytes.ToArray();
        if (result.Length >= FrameLimits.HeaderSize)
        {
            if (fixLength && !lengthSet)
                BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(16), (uint)(result.Length - FrameLimits.HeaderSize));
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(16));
            int available = (int)Math.Min(declared, (uint)(result.Length - FrameLimits.HeaderSize));
            if (fixChecksum)
                BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(20), FrameHeader.ComputeChecksum(result.AsSpan(FrameLimits.HeaderSize, available)));
        }
        return result;
    }
}
