using Antimony.P2P.Defences;
using Antimony.P2P.Framing;

namespace Antimony.P2P.Peers;

/// <summary>A peer broke the protocol: it is disconnected at once and, unless allowed, discouraged.</summary>
public sealed class PeerMisbehaviourException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/> with a human-readable <paramref name="detail"/>.</summary>
    public PeerMisbehaviourException(MisbehaviourReason reason, string detail, Exception? innerException = null)
        : base(detail, innerException)
    {
        Reason = reason;
    }

    /// <summary>What the peer did, as a code.</summary>
    public MisbehaviourReason Reason { get; }

    /// <summary>What the peer did, in words (the exception's message).</summary>
    public string Detail => Message;

    /// <summary>The misbehaviour a wire violation amounts to; the wire exception is kept as the inner exception.</summary>
    public static PeerMisbehaviourException From(WireProtocolException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new PeerMisbehaviourException(ReasonOf(exception.Violation), exception.Message, exception);
    }

    /// <summary>Maps a framing rule to the misbehaviour it is.</summary>
    public static MisbehaviourReason ReasonOf(ProtocolViolation violation) => violation switch
    {
        ProtocolViolation.BadMagic => MisbehaviourReason.WrongMagic,
        ProtocolViolation.InvalidCommand => MisbehaviourReason.InvalidCommand,
        ProtocolViolation.OversizedPayload or ProtocolViolation.PayloadTooLargeForCommand => MisbehaviourReason.OversizedPayload,
        ProtocolViolation.BadChecksum => MisbehaviourReason.BadChecksum,
        ProtocolViolation.UnknownCommand => MisbehaviourReason.UnknownCommand,
        ProtocolViolation.TooManyItems => MisbehaviourReason.OversizedInventory,
        ProtocolViolation.TruncatedFrame => MisbehaviourReason.TruncatedFrame,
        _ => MisbehaviourReason.Malformed,
    };
}
