using System.Collections.Immutable;
using System.Net;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Framing;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Networks;

namespace Antimony.P2P.Tests.Messages;

/// <summary>Every message survives framing, decoding and re-encoding byte for byte, with its fields intact.</summary>
public class MessageRoundTripTests
{
    private const int Cases = 300;

    [Property(MaxTest = Cases)]
    public Property Version_round_trips() => Prop.ForAll(Arb.From(MessageGen.Version), m =>
    {
        var back = RoundTrip(m, out bool same);
        return (same && back.Version == m.Version && back.Services == m.Services && back.Timestamp == m.Timestamp
                && back.Receiver == m.Receiver && back.Sender == m.Sender && back.Nonce == m.Nonce
                && back.UserAgent == m.UserAgent && back.StartHeight == m.StartHeight && back.Relay == m.Relay).Label(m.ToString());
    });

    [Property(MaxTest = Cases)]
    public Property Ping_and_pong_round_trip() => Prop.ForAll(Arb.From(MessageGen.UInt64), nonce =>
        RoundTrip(new PingMessage(nonce), out bool a).Nonce == nonce && a
        && RoundTrip(new PongMessage(nonce), out bool b).Nonce == nonce && b);

    [Property(MaxTest = Cases)]
    public Property Feefilter_round_trips() => Prop.ForAll(Arb.From(MessageGen.Int64), atoms =>
        RoundTrip(new FeeFilterMessage(new Money(atoms)), out bool same).MinimumFeePerKilovirtualByte.Atoms == atoms && same);

    [Fact]
    public void Empty_messages_round_trip_as_24_byte_frames()
    {
        INetworkMessage[] messages = [VerackMessage.Instance, WtxidRelayMessage.Instance, SendHeadersMessage.Instance, GetAddrMessage.Instance];
        foreach (var message in messages)
        {
            var frame = TestFrames.Frame(message);
            Assert.Equal(FrameLimits.HeaderSize, frame.Length);
            Assert.Same(message, TestFrames.DecodeSingle(frame));
        }
    }

    [Property(MaxTest = Cases)]
    public Property Addr_round_trips() => Prop.ForAll(Arb.From(MessageGen.ArrayOf(MessageGen.TimedAddress, AddrMessage.MaxAddresses)), addresses =>
    {
        var back = RoundTrip(new AddrMessage(addresses), out bool same);
        return (same && back.Addresses.SequenceEqual(addresses)).Label($"{addresses.Length} addresses");
    });

    [Property(MaxTest = Cases)]
    public Property Inventory_messages_round_trip() => Prop.ForAll(Arb.From(MessageGen.ArrayOf(MessageGen.Inventory, 500)), entries =>
        RoundTrip(new InvMessage(entries), out bool a).Entries.SequenceEqual(entries) && a
        && RoundTrip(new GetDataMessage(entries), out bool b).Entries.SequenceEqual(entries) && b
        && RoundTrip(new NotFoundMessage(entries), out bool c).Entries.SequenceEqual(entries) && c);

    [Property(MaxTest = Cases)]
    public Property Getheaders_round_trips() => Prop.ForAll(
        Arb.From(MessageGen.ArrayOf(MessageGen.Hash.Select(h => new BlockHash(h)), GetHeadersMessage.MaxLocatorHashes)),
        Arb.From(MessageGen.Hash), Arb.From(MessageGen.UInt32), (locator, stop, version) =>
        {
            var back = RoundTrip(new GetHeadersMessage(version, locator, new BlockHash(stop)), out bool same);
            return same && back.Version == version && back.Locator.SequenceEqual(locator) && back.StopHash.Value == stop;
        });

    [Property(MaxTest = Cases)]
    public Property Headers_round_trip() => Prop.ForAll(Arb.From(MessageGen.ArrayOf(MessageGen.Header, 200)), headers =>
        RoundTrip(new HeadersMessage(headers), out bool same).Headers.SequenceEqual(headers) && same);

    [Property(MaxTest = Cases)]
    public Property Tx_round_trips() => Prop.ForAll(Arb.From(MessageGen.Transaction), tx =>
    {
        var back = RoundTrip(new TxMessage(tx), out bool same);
        return (same && back.Transaction.Wtxid == tx.Wtxid && back.Transaction.Txid == tx.Txid).Label(tx.ToString());
    });

    [Property(MaxTest = Cases)]
    public Property Block_round_trips() => Prop.ForAll(Arb.From(MessageGen.Block), block =>
    {
        var back = RoundTrip(new BlockMessage(block), out bool same);
        return (same && back.Block.Hash == block.Hash && back.Block.Transactions.Length == block.Transactions.Length).Label(block.ToString());
    });

    [Fact]
    public void The_default_registry_decodes_every_message_of_the_protocol()
    {
        string[] commands = ["version", "verack", "wtxidrelay", "sendheaders", "ping", "pong", "getaddr", "addr",
                             "inv", "getdata", "notfound", "getheaders", "headers", "block", "tx", "feefilter"];
        Assert.Equal(commands.Order(), MessageRegistry.Default.Descriptors.Select(d => d.Command.Name).Order());
    }

    [Fact]
    public void Ipv4_is_sent_ipv4_mapped_with_a_big_endian_port()
    {
        var address = new NetworkAddress(ServiceFlags.NodeNetwork | ServiceFlags.NodeWitness, IPAddress.Parse("1.2.3.4"), 0x4E20);
        var frame = TestFrames.Frame(new AddrMessage([new TimestampedAddress(0x01020304, address)]));
        var payload = frame.AsSpan(FrameLimits.HeaderSize);
        Assert.Equal("01" + "04030201" + "0900000000000000" + "00000000000000000000ffff01020304" + "4e20", Convert.ToHexStringLower(payload));
        var back = (AddrMessage)TestFrames.DecodeSingle(frame);
        Assert.Equal(IPAddress.Parse("1.2.3.4"), back.Addresses[0].Address.Address);
    }

    [Fact]
    public void Bitcoin_wiki_version_message_without_relay_byte_decodes_with_relay_true()
    {
        // The protocol wiki's sample version frame (protocol 60002, before BIP37, so no relay byte), re-framed
        // with the test magic after checking its checksum.
        var bitcoinFrame = Convert.FromHexString(
            "F9BEB4D976657273696F6E0000000000640000003B648D5A" +
            "62EA0000010000000000000011B2D05000000000010000000000000000000000000000000000FFFF000000000000" +
            "010000000000000000000000000000000000FFFF0000000000003B2EB35D8CE617650F2F5361746F7368693A302E372E322FC03E0300");
        var payload = bitcoinFrame[FrameLimits.HeaderSize..];
        Assert.Equal(100, payload.Length);
        Assert.Equal(BitConverter.ToUInt32(bitcoinFrame, 20), FrameHeader.ComputeChecksum(payload));
        var version = (VersionMessage)TestFrames.DecodeSingle(TestFrames.Frame(VersionMessage.CommandName, payload));
        Assert.Equal(60002, version.Version);
        Assert.Equal(ServiceFlags.NodeNetwork, version.Services);
        Assert.Equal(1355854353, version.Timestamp);
        Assert.Equal("/Satoshi:0.7.2/", version.UserAgent);
        Assert.Equal(212672, version.StartHeight);
        Assert.Equal(0x6517E68C5DB32E3BUL, version.Nonce);
        Assert.True(version.Relay);
    }

    [Fact]
    public void Verack_frame_matches_bitcoin_byte_for_byte_under_bitcoin_magic()
    {
        var encoder = new FrameEncoder(new FrameOptions { Magic = new NetworkMagic(0xF9BEB4D9) });
        Assert.Equal("f9beb4d976657261636b000000000000000000005df6e0e2", Convert.ToHexStringLower(encoder.ToBytes(VerackMessage.Instance)));
    }

    [Fact]
    public void Constructors_refuse_messages_above_the_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InvMessage(ImmutableArray.Create(new InventoryVector[InventoryVector.MaxPerMessage + 1])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AddrMessage(ImmutableArray.Create(new TimestampedAddress[AddrMessage.MaxAddresses + 1])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeadersMessage(ImmutableArray.Create(new BlockHeader[HeadersMessage.MaxHeaders + 1])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GetHeadersMessage(70016, ImmutableArray.Create(new BlockHash[GetHeadersMessage.MaxLocatorHashes + 1]), default));
        Assert.Throws<ArgumentException>(() => new VersionMessage(70016, 0, 0, default, default, 0, new string('a', 257), 0, true));
    }

    /// <summary>Frames, decodes and re-frames; <paramref name="sameBytes"/> says whether both frames are identical.</summary>
    private static T RoundTrip<T>(T message, out bool sameBytes) where T : INetworkMessage
    {
        var frame = TestFrames.Frame(message);
        var decoded = TestFrames.DecodeSingle(frame);
        sameBytes = decoded is T && TestFrames.Frame(decoded).AsSpan().SequenceEqual(frame);
        return (T)decoded;
    }
}
