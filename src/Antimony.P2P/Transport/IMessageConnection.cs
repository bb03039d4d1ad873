using System.Net;
using Antimony.P2P.Messages;

namespace Antimony.P2P.Transport;

/// <summary>
/// A connection that carries P2P messages, over TCP or in memory. Sending is thread-safe and applies
/// backpressure; receiving is for one reader at a time. The connection closes itself when the peer closes
/// or resets, or sends a frame that breaks a rule.
/// </summary>
public interface IMessageConnection : IAsyncDisposable
{
    /// <summary>The peer's address.</summary>
    EndPoint? RemoteEndPoint { get; }

    /// <summary>This side's address.</summary>
    EndPoint? LocalEndPoint { get; }

    /// <summary>Bytes handed to the network so far.</summary>
    long BytesSent { get; }

    /// <summary>Bytes received from the network so far.</summary>
    long BytesReceived { get; }

    /// <summary>Messages queued for sending so far.</summary>
    long MessagesSent { get; }

    /// <summary>Messages decoded so far.</summary>
    long MessagesReceived { get; }

    /// <summary>Bytes queued by <see cref="SendAsync"/> and not yet handed to the network.</summary>
    long BufferedSendBytes { get; }

    /// <summary>Bytes received from the network and not yet decoded by <see cref="ReceiveAsync"/>.</summary>
    long BufferedReceiveBytes { get; }

    /// <summary>
    /// Bytes this connection holds in memory: received and not yet decoded, plus queued and not yet handed to
    /// the network. Bounded by the two pipes' pause thresholds (plus one segment and one frame).
    /// </summary>
    long BufferedBytes => BufferedSendBytes + BufferedReceiveBytes;

    /// <summary>
    /// Whether the reader is waiting for the rest of a frame it has started to receive: a peer that stops
    /// sending now has truncated a frame (the peer layer times this out as misbehaviour).
    /// </summary>
    bool IsAwaitingFrameRemainder { get; }

    /// <summary>Why the connection ended, or <see cref="ConnectionCloseReason.None"/> while it is open.</summary>
    ConnectionCloseReason CloseReason { get; }

    /// <summary>Completes when both directions have stopped and the transport is released; never faults.</summary>
    Task Completion { get; }

    /// <summary>
    /// Frames and queues a message, then waits while the outbound buffer is above its pause threshold.
    /// Returns false when the connection is closing or closed. If <paramref name="cancellationToken"/> fires
    /// during the wait, the message stays queued.
    /// </summary>
    /// <exception cref="ArgumentException">The message is larger than the frame limit.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    ValueTask<bool> SendAsync(INetworkMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for and decodes the next message; null once the connection has closed and every whole frame
    /// received before has been returned. Not to be called concurrently with itself.
    /// </summary>
    /// <exception cref="Antimony.P2P.Framing.WireProtocolException">The peer broke a rule, or closed its side in the middle of a frame (<see cref="Antimony.P2P.Framing.ProtocolViolation.TruncatedFrame"/>); the connection is aborted.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    ValueTask<INetworkMessage?> ReceiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes gracefully: no new sends, queued bytes are sent, then the sending direction is shut down; the
    /// connection ends when the peer closes its side or after the close timeout. Idempotent.
    /// </summary>
    void Close();

    /// <summary>Aborts at once: queued bytes are dropped and the peer sees a reset. Idempotent.</summary>
    void Abort();
}
