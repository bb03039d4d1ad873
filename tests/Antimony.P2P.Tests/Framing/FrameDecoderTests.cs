using System.Buffers;
using System.Buffers.Binary;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Messages;
using Antimony.Primitives.Hashing;

namespace Antimony.P2P.Tests.Framing;

/// <summary>The frame codec: round trips over any segmentation, every limit with its own violation, partial frames wait.</summary>
public class FrameDecoderTests
{
    [Property(MaxTest = 300)]
    public Property Any_message_stream_decodes_identically_however_the_bytes_are_segmented() => Prop.ForAll(
        Arb.From(MessageGen.Any.ArrayOf().Select(a => a.Take(4).ToArray())),
        Arb.From(Gen.Choose(0, 5000).ArrayOf()), (messages, cuts) =>
        {
            var frames = messages.Select(TestFrames.Frame).ToArray();
            var stream = frames.SelectMany(f => f).ToArray();
            var buffer = TestFrames.Split(stream, cuts);
            var decoded = new List<byte[]>();
            while (TestFrames.Decoder.TryDecode(ref buffer, out var message))
                decoded.Add(TestFrames.Frame(message));
            return (buffer.IsEmpty && decoded.Count == frames.Length && decoded.Zip(frames).All(p => p.First.SequenceEqual(p.Second)))
                .Label($"{messages.Length} messages, {cuts.Length} cuts");
        });

    [Property(MaxTest = 200)]
    public Property Every_strict_prefix_of_a_frame_waits_for_more_data() => Prop.ForAll(Arb.From(MessageGen.Any), message =>
    {
        var frame = TestFrames.Frame(message);
        for (int length = 0; length < frame.Length; length += Math.Max(1, frame.Length / 64))
        {
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);
            if (TestFrames.Decoder.TryDecode(ref buffer, out _, out var violation) != FrameDecodeStatus.NeedMoreData || buffer.Length != length)
                return false.Label($"prefix {length} of {frame.Length}: {violation}");
        }
        return true.ToProperty();
    });

    [Fact]
    public void A_wrong_magic_is_rejected_from_the_first_four_bytes()
    {
        var frame = TestFrames.Frame(new PingMessage(7));
        frame[0] ^= 0x01;
        Assert.Equal(ProtocolViolation.BadMagic, TestFrames.ViolationOf(frame[..4]));
        Assert.Equal(ProtocolViolation.BadMagic, TestFrames.ViolationOf(frame));
    }

    [Fact]
    public void A_wrong_checksum_is_rejected()
    {
        var frame = TestFrames.Frame(new PingMessage(7));
        frame[20] ^= 0x80;
        Assert.Equal(ProtocolViolation.BadChecksum, TestFrames.ViolationOf(frame));
    }

    [Fact]
    public void A_payload_bit_flip_fails_the_checksum()
    {
        var frame = TestFrames.Frame(new PingMessage(7));
        frame[^1] ^= 0x01;
        Assert.Equal(ProtocolViolation.BadChecksum, TestFrames.ViolationOf(frame));
    }

    [Fact]
    public void A_4_GB_length_field_is_rejected_from_the_header_alone()
    {
        var header = new byte[FrameLimits.HeaderSize];
        new FrameHeader(TestFrames.Magic.Value, BlockMessage.CommandName, uint.MaxValue, 0).CopyTo(header);
        var buffer = new ReadOnlySequence<byte>(header);
        var ex = Assert.Throws<WireProtocolException>(() => TestFrames.Decoder.TryDecode(ref buffer, out _));
        Assert.Equal(ProtocolViolation.OversizedPayload, ex.Violation);
    }

    [Fact]
    public void The_global_limit_is_a_parameter_and_applies_one_byte_above_it()
    {
        var decoder = new FrameDecoder(TestFrames.Options with { MaxPayloadLength = FrameLimits.ForMaxBlockSize(32_000_000) });
        Assert.Equal(33_000_000, FrameLimits.ForMaxBlockSize(32_000_000));
        Assert.Equal(FrameLimits.DefaultMaxPayloadLength, FrameLimits.ForMaxBlockSize(2_000_000));
        var header = new byte[FrameLimits.HeaderSize];
        new FrameHeader(TestFrames.Magic.Value, BlockMessage.CommandName, 33_000_000, 0).CopyTo(header);
        Assert.True(decoder.TryReadHeader(new ReadOnlySequence<byte>(header), out var read));
        Assert.Equal(33_000_000u, read.PayloadLength);
        new FrameHeader(TestFrames.Magic.Value, BlockMessage.CommandName, 33_000_001, 0).CopyTo(header);
        Assert.Equal(ProtocolViolation.OversizedPayload,
            Assert.Throws<WireProtocolException>(() => decoder.TryReadHeader(new ReadOnlySequence<byte>(header), out _)).Violation);
        Assert.Equal(ProtocolViolation.OversizedPayload, TestFrames.ViolationOf(header));
    }

    [Fact]
    public void Options_for_a_network_take_its_magic_and_its_block_size()
    {
        var devnet = FrameOptions.For(Antimony.Primitives.Networks.Network.Devnet, maxBlockSize: 32_000_000);
        Assert.Equal(Antimony.Primitives.Networks.Network.Devnet.Magic, devnet.Magic);
        Assert.Equal(33_000_000, devnet.MaxPayloadLength);
        Assert.Equal(FrameLimits.DefaultMaxPayloadLength, FrameOptions.For(Antimony.Primitives.Networks.Network.Mainnet).MaxPayloadLength);
        var frame = new FrameEncoder(devnet).ToBytes(new PingMessage(5));
        Assert.Equal(Antimony.Primitives.Networks.Network.Devnet.Magic.ToString(), Convert.ToHexStringLower(frame.AsSpan(0, 4)));
        Assert.Equal(ProtocolViolation.BadMagic, TestFrames.ViolationOf(frame));
    }

    [Theory]
    [InlineData("ping", 9)]
    [InlineData("verack", 1)]
    [InlineData("version", 345)]
    [InlineData("inv", 3 + 50_001 * 36)]
    [InlineData("getdata", 3 + 50_001 * 36)]
    [InlineData("notfound", 3 + 50_001 * 36)]
    [InlineData("addr", 3 + 1_001 * 30)]
    [InlineData("headers", 3 + 2_001 * 81)]
    [InlineData("getheaders", 4 + 1 + 102 * 32 + 32)]
    public void A_length_above_the_commands_maximum_is_rejected_from_the_header_alone(string command, int length)
    {
        // 50,001 inventory entries, 1,001 addresses, 2,001 headers or a 102-hash locator can never fit their
        // command's maximum, so they fail before a byte of payload is buffered.
        var header = new byte[FrameLimits.HeaderSize];
        new FrameHeader(TestFrames.Magic.Value, MessageCommand.FromName(command), (uint)length, 0).CopyTo(header);
        Assert.Equal(ProtocolViolation.PayloadTooLargeForCommand, TestFrames.ViolationOf(header));
    }

    [Theory]
    [InlineData("inv", InventoryVector.MaxPerMessage, InventoryVector.Size)]
    [InlineData("getdata", InventoryVector.MaxPerMessage, InventoryVector.Size)]
    [InlineData("notfound", InventoryVector.MaxPerMessage, InventoryVector.Size)]
    [InlineData("addr", AddrMessage.MaxAddresses, TimestampedAddress.Size)]
    [InlineData("headers", HeadersMessage.MaxHeaders, 81)]
    public void A_count_one_above_the_limit_is_rejected_even_when_the_length_fits(string command, int limit, int entrySize)
    {
        // A count of limit + 1 followed by only `limit` entries: the frame fits the command's maximum, and the
        // count alone must be refused (before any entry is read).
        var payload = new byte[3 + limit * entrySize];
        payload[0] = 0xFD;
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(1), (ushort)(limit + 1));
        Assert.Equal(ProtocolViolation.TooManyItems, TestFrames.ViolationOf(TestFrames.Frame(MessageCommand.FromName(command), payload)));

        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(1), (ushort)limit);
        if (command != "headers")
            Assert.Equal(ProtocolViolation.None, TestFrames.ViolationOf(TestFrames.Frame(MessageCommand.FromName(command), payload)));
    }

    [Fact]
    public void A_102_hash_locator_count_is_rejected()
    {
        var payload = new byte[4 + 1 + 100 * Hash256.Size + Hash256.Size];
        payload[4] = 102;
        Assert.Equal(ProtocolViolation.TooManyItems, TestFrames.ViolationOf(TestFrames.Frame(GetHeadersMessage.CommandName, payload)));
        payload = new byte[4 + 1 + 101 * Hash256.Size + Hash256.Size];
        payload[4] = 101;
        Assert.Equal(ProtocolViolation.None, TestFrames.ViolationOf(TestFrames.Frame(GetHeadersMessage.CommandName, payload)));
    }

    [Fact]
    public void A_header_with_a_nonzero_transaction_count_is_malformed()
    {
        var payload = new byte[1 + 81];
        payload[0] = 1;
        payload[^1] = 1;
        Assert.Equal(ProtocolViolation.MalformedPayload, TestFrames.ViolationOf(TestFrames.Frame(HeadersMessage.CommandName, payload)));
    }

    [Fact]
    public void A_user_agent_over_256_bytes_is_too_many_items()
    {
        var version = TestFrames.Frame(new VersionMessage(70016, 0, 0, default, default, 0, "", 0, true))[FrameLimits.HeaderSize..];
        // Splice a user agent claiming 257 bytes (fd 01 01) in place of the empty one at offset 80; 200 bytes
        // follow so the frame stays within version's maximum and the length alone must be refused.
        var payload = version[..80].Concat(new byte[] { 0xFD, 0x01, 0x01 }).Concat(new byte[200]).Concat(version[81..]).ToArray();
        Assert.Equal(ProtocolViolation.TooManyItems, TestFrames.ViolationOf(TestFrames.Frame(VersionMessage.CommandName, payload)));
    }

    [Theory]
    [InlineData("ping\0\0\0\0\0\0\0\u0001")]
    [InlineData("pi\0ng\0\0\0\0\0\0\0")]
    [InlineData("ping\u007f\0\0\0\0\0\0\0")]
    [InlineData("p\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000x")]
    public void Malformed_command_fields_are_rejected(string field)
    {
        var frame = TestFrames.Frame(new PingMessage(1));
        for (int i = 0; i < MessageCommand.Size; i++)
            frame[4 + i] = (byte)field[i];
        Assert.Equal(ProtocolViolation.InvalidCommand, TestFrames.ViolationOf(frame));
    }

    [Fact]
    public void Unknown_commands_are_skipped_by_default_and_rejected_when_asked()
    {
        var frame = TestFrames.Frame(MessageCommand.FromName("sendcmpct"), [0, 1, 0, 0, 0, 0, 0, 0, 0]);
        var unknown = Assert.IsType<UnknownMessage>(TestFrames.DecodeSingle(frame));
        Assert.Equal("sendcmpct", unknown.Command.Name);
        Assert.Equal(9, unknown.Payload.Length);

        var strict = new FrameDecoder(TestFrames.Options with { RejectUnknownCommands = true });
        var header = new ReadOnlySequence<byte>(frame, 0, FrameLimits.HeaderSize);
        Assert.Equal(FrameDecodeStatus.Violation, strict.TryDecode(ref header, out _, out var violation));
        Assert.Equal(ProtocolViolation.UnknownCommand, violation);
    }

    [Fact]
    public void Trailing_bytes_after_a_fixed_payload_are_malformed()
    {
        Assert.Equal(ProtocolViolation.PayloadTooLargeForCommand, TestFrames.ViolationOf(TestFrames.Frame(PingMessage.CommandName, new byte[9])));
        Assert.Equal(ProtocolViolation.MalformedPayload, TestFrames.ViolationOf(TestFrames.Frame(PingMessage.CommandName, new byte[7])));
        Assert.Equal(ProtocolViolation.MalformedPayload, TestFrames.ViolationOf(TestFrames.Frame(InvMessage.CommandName, new byte[] { 0, 0 })));
    }

    [Fact]
    public void A_registry_extension_decodes_its_command()
    {
        var registry = MessageRegistry.Default.With<PingMessage>();
        Assert.Equal(MessageRegistry.Default.Descriptors.Count(), registry.Descriptors.Count());
        Assert.True(registry.TryGet(PingMessage.CommandName, out var descriptor));
        Assert.Equal(8, descriptor.MaxPayloadLength);
    }
}
