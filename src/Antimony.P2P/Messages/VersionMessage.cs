using System.Text;
using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// The first message each side sends: protocol version, services, clock, both addresses, a nonce that
/// detects connections to self, the user agent (BIP14), the best height and the BIP37 relay flag.
/// </summary>
public sealed class VersionMessage : INetworkMessage<VersionMessage>
{
    /// <summary>Bitcoin Core's MAX_SUBVERSION_LENGTH: the user agent's limit in bytes.</summary>
    public const int MaxUserAgentLength = 256;

    private const int FixedSize = 4 + 8 + 8 + NetworkAddress.Size + NetworkAddress.Size + 8 + 4 + 1;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentException">The user agent is longer than 256 bytes in UTF-8.</exception>
    public VersionMessage(int version, ServiceFlags services, long timestamp, NetworkAddress receiver, NetworkAddress sender,
        ulong nonce, string userAgent, int startHeight, bool relay)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        int length = Encoding.UTF8.GetByteCount(userAgent);
        if (length > MaxUserAgentLength)
            throw new ArgumentException($"The user agent has {length} bytes; at most {MaxUserAgentLength}.", nameof(userAgent));
        Version = version;
        Services = services;
        Timestamp = timestamp;
        Receiver = receiver;
        Sender = sender;
        Nonce = nonce;
        UserAgent = userAgent;
        StartHeight = startHeight;
        Relay = relay;
    }

    /// <summary>The command, "version".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("version");

    /// <summary>The fixed fields, the relay byte and a 256-byte user agent with its 3-byte length.</summary>
    public static int MaxPayloadLength => FixedSize + 3 + MaxUserAgentLength;

    /// <summary>The sender's protocol version (<see cref="ProtocolVersion"/>).</summary>
    public int Version { get; }

    /// <summary>The services the sender offers.</summary>
    public ServiceFlags Services { get; }

    /// <summary>The sender's clock in Unix seconds (feeds network-adjusted time).</summary>
    public long Timestamp { get; }

    /// <summary>The receiver's address as the sender sees it ("addr_recv").</summary>
    public NetworkAddress Receiver { get; }

    /// <summary>The sender's own address ("addr_from"); Bitcoin Core fills it with zeros.</summary>
    public NetworkAddress Sender { get; }

    /// <summary>A random value; receiving one's own nonce means a connection to self.</summary>
    public ulong Nonce { get; }

    /// <summary>The BIP14 user agent, e.g. <c>/Antimony:0.1.0/</c>.</summary>
    public string UserAgent { get; }

    /// <summary>The sender's best block height.</summary>
    public int StartHeight { get; }

    /// <summary>BIP37: whether the sender wants transaction announcements before it sends a filter.</summary>
    public bool Relay { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize
    {
        get
        {
            int length = Encoding.UTF8.GetByteCount(UserAgent);
            return FixedSize + CompactSize.SizeOf((ulong)length) + length;
        }
    }

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteInt32(Version);
        writer.WriteUInt64((ulong)Services);
        writer.WriteInt64(Timestamp);
        Receiver.Write(ref writer);
        Sender.Write(ref writer);
        writer.WriteUInt64(Nonce);
        Span<byte> agent = stackalloc byte[MaxUserAgentLength];
        int length = Encoding.UTF8.GetBytes(UserAgent, agent);
        writer.WriteLengthPrefixed(agent[..length]);
        writer.WriteInt32(StartHeight);
        writer.WriteByte(Relay ? (byte)1 : (byte)0);
    }

    /// <summary>
    /// Reads the message. As in Bitcoin Core, the relay byte may be missing (peers before BIP37 omit it; the
    /// flag then defaults to true), any non-zero relay byte means true, and bytes after it are ignored so a
    /// later protocol version can append fields.
    /// </summary>
    public static VersionMessage Read(ref ConsensusReader reader)
    {
        int version = reader.ReadInt32();
        var services = (ServiceFlags)reader.ReadUInt64();
        long timestamp = reader.ReadInt64();
        var receiver = NetworkAddress.Read(ref reader);
        var sender = NetworkAddress.Read(ref reader);
        ulong nonce = reader.ReadUInt64();
        var agent = reader.ReadBytes(reader.ReadCount(MaxUserAgentLength));
        int startHeight = reader.ReadInt32();
        bool relay = reader.IsAtEnd || reader.ReadByte() != 0;
        reader.ReadBytes(reader.Remaining);
        return new VersionMessage(version, services, timestamp, receiver, sender, nonce, DecodeUserAgent(agent), startHeight, relay);
    }

    /// <summary>Version, agent and height, for logs.</summary>
    public override string ToString() => $"version {Version} {UserAgent} height {StartHeight}";

    private static string DecodeUserAgent(ReadOnlySpan<byte> bytes)
    {
        // Invalid UTF-8 becomes U+FFFD, which takes three bytes: keep the decoded text within the limit so the
        // constructor's check cannot fire on peer input.
        string text = Encoding.UTF8.GetString(bytes);
        while (Encoding.UTF8.GetByteCount(text) > MaxUserAgentLength)
            text = text[..^1];
        return text;
    }
}
