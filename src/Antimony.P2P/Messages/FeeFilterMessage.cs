using Antimony.P2P.Framing;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// BIP133: asks the peer not to announce transactions paying less than this fee per 1,000 virtual bytes
/// (peers from version 70013). Any int64 decodes; Bitcoin Core ignores values outside the money range.
/// </summary>
public sealed class FeeFilterMessage : INetworkMessage<FeeFilterMessage>
{
    /// <summary>Creates the message.</summary>
    public FeeFilterMessage(Money minimumFeePerKilovirtualByte) => MinimumFeePerKilovirtualByte = minimumFeePerKilovirtualByte;

    /// <summary>The command, "feefilter".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("feefilter");

    /// <summary>One int64.</summary>
    public static int MaxPayloadLength => 8;

    /// <summary>The minimum fee, in atoms per 1,000 virtual bytes.</summary>
    public Money MinimumFeePerKilovirtualByte { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => 8;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => writer.WriteInt64(MinimumFeePerKilovirtualByte.Atoms);

    /// <summary>Reads the fee rate.</summary>
    public static FeeFilterMessage Read(ref ConsensusReader reader) => new(new Money(reader.ReadInt64()));

    /// <summary>Command and rate.</summary>
    public override string ToString() => $"feefilter {MinimumFeePerKilovirtualByte.Atoms} atoms/kvB";
}
