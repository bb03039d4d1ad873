namespace Antimony.P2P.Framing;

/// <summary>
/// The one exception that bad bytes from a peer produce: the frame or message broke a protocol rule, named by
/// <see cref="Violation"/>. When a payload failed to decode, the inner exception is the primitives'
/// <see cref="Antimony.Primitives.Serialization.DecodeException"/> with the position and detail.
/// </summary>
public sealed class WireProtocolException : Exception
{
    /// <summary>Creates the exception for one violation.</summary>
    public WireProtocolException(ProtocolViolation violation, string message, Exception? innerException = null)
        : base($"{message} ({violation})", innerException)
    {
        Violation = violation;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WireProtocolException()
        : this(ProtocolViolation.MalformedPayload, "Protocol violation")
    {
    }

    /// <summary>Creates the exception with a message and the generic <see cref="ProtocolViolation.MalformedPayload"/> code.</summary>
    public WireProtocolException(string message)
        : this(ProtocolViolation.MalformedPayload, message)
    {
    }

    /// <summary>Creates the exception with a message, a cause and the generic <see cref="ProtocolViolation.MalformedPayload"/> code.</summary>
    public WireProtocolException(string message, Exception innerException)
        : this(ProtocolViolation.MalformedPayload, message, innerException)
    {
    }

    /// <summary>The rule that was broken.</summary>
    public ProtocolViolation Violation { get; }
}
