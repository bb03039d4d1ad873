using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.P2P.Framing;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// Block headers answering getheaders (at most 2,000, Bitcoin Core's MAX_HEADERS_RESULTS). Each header is
/// followed by a transaction count that must be zero: the block encoding with no transactions.
/// </summary>
public sealed class HeadersMessage : INetworkMessage<HeadersMessage>
{
    /// <summary>Bitcoin Core's MAX_HEADERS_RESULTS.</summary>
    public const int MaxHeaders = 2_000;

    private const int EntrySize = BlockHeader.Size + 1;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 2,000 headers.</exception>
    public HeadersMessage(ImmutableArray<BlockHeader> headers)
    {
        if (headers.IsDefault)
            throw new ArgumentException("The headers must be initialised.", nameof(headers));
        if (headers.Length > MaxHeaders)
            throw new ArgumentOutOfRangeException(nameof(headers), headers.Length, $"At most {MaxHeaders} headers.");
        Headers = headers;
    }

    /// <summary>The command, "headers".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("headers");

    /// <summary>A count and at most 2,000 entries of 81 bytes.</summary>
    public static int MaxPayloadLength => 3 + MaxHeaders * EntrySize;

    /// <summary>The headers, in chain order.</summary>
    public ImmutableArray<BlockHeader> Headers { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => CompactSize.SizeOf((ulong)Headers.Length) + Headers.Length * EntrySize;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)Headers.Length);
        foreach (var header in Headers)
        {
            header.Write(ref writer);
            writer.WriteByte(0);
        }
    }

    /// <summary>
    /// Reads the headers; a count above 2,000 is rejected before any header is read, and a non-zero transaction
    /// count is malformed (btcd's rule; Bitcoin Core ignores the value but always sends zero).
    /// </summary>
    public static HeadersMessage Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(MaxHeaders, EntrySize);
        var headers = new BlockHeader[count];
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = BlockHeader.Read(ref reader);
            if (reader.ReadCompactSize() != 0)
                reader.Fail(DecodeError.InvalidValue, "A header in a headers message must have a transaction count of zero");
        }
        return new HeadersMessage(ImmutableCollectionsMarshal.AsImmutableArray(headers));
    }

    /// <summary>Command and count.</summary>
    public override string ToString() => $"headers ({Headers.Length})";
}
