using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;

namespace Antimony.P2P.Tests.Support;

/// <summary>
/// An attacker on a bare socket, from its own loopback address (127.0.0.2 by default), so the victim can
/// discourage it without touching honest peers on 127.0.0.1. It can complete the handshake with real frames and
/// then write any bytes at all: cut frames, wrong checksums, foreign magic, absurd lengths.
/// </summary>
internal sealed class HostileSocket : IAsyncDisposable
{
    public static readonly IPAddress DefaultAddress = IPAddress.Parse("127.0.0.2");
    private static readonly FrameOptions Frames = FrameOptions.For(ChainParameters.Regtest.Network, ChainParameters.Regtest.MaxBlockWeight);
    private readonly Socket _socket;
    private readonly FrameEncoder _encoder = new(Frames);
    private readonly FrameDecoder _decoder = new(Frames);
    private readonly List<byte> _received = [];

    private HostileSocket(Socket socket) => _socket = socket;

    public static async Task<HostileSocket> ConnectAsync(IPEndPoint target, CancellationToken cancellationToken, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(from ?? DefaultAddress, 0));
        await socket.ConnectAsync(target, cancellationToken);
        return new HostileSocket(socket);
    }

    public byte[] Frame(INetworkMessage message) => _encoder.ToBytes(message);

    /// <summary>Sends our version, reads the victim's frames until its verack, answers with ours.</summary>
    public async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var me = new NetworkAddress(ServiceFlags.NodeNetwork, DefaultAddress, 0);
        await SendAsync(Frame(new VersionMessage(ProtocolVersion.Current, ServiceFlags.NodeNetwork, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), me, me,
            0x0bad_0bad_0bad_0badUL, "/hostile:0.0/", 0, true)), cancellationToken);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
                throw new IOException("the victim closed the connection during the handshake");
            _received.AddRange(buffer.AsSpan(0, read));
            var sequence = new ReadOnlySequence<byte>(_received.ToArray());
            while (_decoder.TryDecode(ref sequence, out var message))
            {
                if (message is VerackMessage)
                {
                    await SendAsync(Frame(VerackMessage.Instance), cancellationToken);
                    return;
                }
            }
        }
    }

    /// <summary>Writes raw bytes; false once the victim has reset the connection.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                int sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
                bytes = bytes[sent..];
            }
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Ends our sending direction (TCP FIN), as a peer that stops in the middle of a frame would.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads and drops bytes until the victim closes or resets the connection; true when it did.</summary>
    public async Task<bool> WaitClosedAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
