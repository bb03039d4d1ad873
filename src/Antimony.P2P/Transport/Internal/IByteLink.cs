using System.Net;

namespace Antimony.P2P.Transport.Internal;

/// <summary>
/// The byte stream under a <see cref="MessageConnection"/>: a socket, or an in-memory wire. The receive loop
/// alone calls <see cref="ReceiveAsync"/> and <see cref="CompleteReceive"/>, the send loop alone calls
/// <see cref="SendAsync"/> and <see cref="CompleteSend"/>; <see cref="Abort"/> may come from any thread.
/// </summary>
internal interface IByteLink : IDisposable
{
    EndPoint? LocalEndPoint { get; }

    EndPoint? RemoteEndPoint { get; }

    /// <summary>Reads some bytes; 0 when the peer finished sending. A reset surfaces as a <see cref="System.Net.Sockets.SocketException"/>.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Sends all of <paramref name="buffer"/>.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Ends the sending direction: gracefully (FIN) or, when <paramref name="abortive"/>, so the peer sees a reset.</summary>
    void CompleteSend(bool abortive);

    /// <summary>Ends the receiving direction.</summary>
    void CompleteReceive();

    /// <summary>Unblocks both directions at once and resets the peer.</summary>
    void Abort();
}
