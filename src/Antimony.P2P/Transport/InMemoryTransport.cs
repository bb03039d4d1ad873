using System.Net;
using Antimony.P2P.Transport.Internal;

namespace Antimony.P2P.Transport;

/// <summary>
/// Connected pairs of message connections without sockets, for tests and simulations. They run the same
/// pipes, loops, backpressure and close paths as TCP connections; between them a small in-memory wire
/// stands in for the kernel's socket buffers.
/// </summary>
public static class InMemoryTransport
{
    /// <summary>Each wire direction's buffer, like a socket buffer: 64 KiB.</summary>
    public const int DefaultWireBufferSize = 64 * 1024;

    private static int s_nextPort;

    /// <summary>
    /// Two connected connections. Without endpoints each side gets 127.0.0.1 with a distinct made-up port,
    /// so logs can tell the sides apart.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static (IMessageConnection First, IMessageConnection Second) CreatePair(
        ConnectionOptions options, EndPoint? firstEndPoint = null, EndPoint? secondEndPoint = null, int wireBufferSize = DefaultWireBufferSize) =>
        CreatePair(options, options, firstEndPoint, secondEndPoint, wireBufferSize);

    /// <summary>
    /// Two connected connections with their own options, e.g. different networks' magic to simulate a peer
    /// that breaks the protocol.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static (IMessageConnection First, IMessageConnection Second) CreatePair(ConnectionOptions firstOptions, ConnectionOptions secondOptions,
        EndPoint? firstEndPoint = null, EndPoint? secondEndPoint = null, int wireBufferSize = DefaultWireBufferSize)
    {
        ArgumentNullException.ThrowIfNull(firstOptions);
        ArgumentNullException.ThrowIfNull(secondOptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(wireBufferSize, 2);
        firstOptions.Validate();
        secondOptions.Validate();
        firstEndPoint ??= NextEndPoint();
        secondEndPoint ??= NextEndPoint();
        var (first, second) = InMemoryLink.CreatePair(wireBufferSize, firstEndPoint, secondEndPoint);
        return (MessageConnection.Start(first, firstOptions), MessageConnection.Start(second, secondOptions));
    }

    private static IPEndPoint NextEndPoint() =>
        new(IPAddress.Loopback, 1 + (int)((uint)Interlocked.Increment(ref s_nextPort) % IPEndPoint.MaxPort));
}
