namespace Antimony.P2P.Transport;

/// <summary>Why a connection ended; the first cause wins. The peer layer decides from it whether to discourage.</summary>
public enum ConnectionCloseReason
{
    /// <summary>The connection is open.</summary>
    None = 0,

    /// <summary>This side closed it gracefully (<see cref="IMessageConnection.Close"/>): queued messages were sent first.</summary>
    LocalClose,

    /// <summary>This side aborted it (<see cref="IMessageConnection.Abort"/>): queued messages were dropped and the peer was reset.</summary>
    LocalAbort,

    /// <summary>The peer finished sending (TCP FIN); messages it sent before are still delivered.</summary>
    RemoteClosed,

    /// <summary>The peer reset the connection (TCP RST, or the in-memory equivalent).</summary>
    RemoteReset,

    /// <summary>The peer broke a framing or message rule; see the exception <see cref="IMessageConnection.ReceiveAsync"/> threw.</summary>
    ProtocolViolation,

    /// <summary>The transport failed in some other way (a socket error other than reset).</summary>
    TransportError,
}
