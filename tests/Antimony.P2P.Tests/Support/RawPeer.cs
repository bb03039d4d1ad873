using System.Net;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Transport;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Tests.Support;

/// <summary>A hand-driven peer for adversarial tests: it does the handshake itself and then sends whatever it likes.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private RawPeer(IMessageConnection connection) => Connection = connection;

    public IMessageConnection Connection { get; }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint target, int version = ProtocolVersion.Current, CancellationToken cancellationToken = default, IPAddress? from = null)
    {
        var options = new ConnectionOptions { Frame = FrameOptions.For(ChainParameters.Regtest.Network, ChainParameters.Regtest.MaxBlockWeight) };
        var local = from is null ? null : new IPEndPoint(from, 0);
        var connection = await SocketConnector.ConnectAsync(target, local, options, cancellationToken);
        var peer = new RawPeer(connection);
        var me = new NetworkAddress(ServiceFlags.NodeNetwork, IPAddress.Loopback, 0);
        await connection.SendAsync(new VersionMessage(version, ServiceFlags.NodeNetwork, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), me, me,
            0x1234_5678_9abc_def0, "/raw:0.0/", 0, true), cancellationToken);
        return peer;
    }

    /// <summary>Reads until the victim's verack (answering with ours), or returns false if the connection ends.</summary>
    public async Task<bool> CompleteHandshakeAsync(CancellationToken cancellationToken)
    {
        while (await Connection.ReceiveAsync(cancellationToken) is { } message)
        {
            if (message is VerackMessage)
            {
                await Connection.SendAsync(VerackMessage.Instance, cancellationToken);
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads and drops messages until the victim closes the connection.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await Connection.ReceiveAsync(cancellationToken) is not null)
        {
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>A message with any command and payload, including payloads the real message types refuse to build.</summary>
internal sealed class RawMessage(MessageCommand command, byte[] payload) : INetworkMessage
{
    public MessageCommand Command => command;

    public int SerializedSize => payload.Length;

    public void Write(ref ConsensusWriter writer) => writer.WriteBytes(payload);

    /// <summary>An inv payload with <paramref name="count"/> block entries (over 50,000 is a protocol violation).</summary>
    public static RawMessage Inventory(int count)
    {
        var payload = new byte[CompactSize.SizeOf((ulong)count) + count * InventoryVector.Size];
        var writer = new ConsensusWriter(payload);
        writer.WriteCompactSize((ulong)count);
        for (int i = 0; i < count; i++)
        {
            writer.WriteUInt32((uint)InventoryType.Block);
            writer.WriteUInt32((uint)i);
            writer.WriteBytes(new byte[28]);
        }
        return new RawMessage(InvMessage.CommandName, payload);
    }
}
