using System.Net;
using System.Net.Sockets;

namespace Antimony.P2P.Transport.Internal;

/// <summary>A connected TCP socket as a byte link.</summary>
internal sealed class SocketLink(Socket socket) : IByteLink
{
    public EndPoint? LocalEndPoint { get; } = socket.LocalEndPoint;

    public EndPoint? RemoteEndPoint { get; } = socket.RemoteEndPoint;

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            int sent = await socket.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            buffer = buffer[sent..];
        }
    }

    public void CompleteSend(bool abortive)
    {
        try
        {
            if (abortive)
                socket.LingerState = new LingerOption(true, 0);
            else
                socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset or disposed: nothing left to tell the peer.
        }
    }

    public void CompleteReceive()
    {
    }

    public void Abort()
    {
        try
        {
            // A zero linger makes the close send RST, so the peer learns at once that the connection was dropped.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }

    public void Dispose() => socket.Dispose();
}
