using Antimony.Primitives.Numerics;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Transport;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.P2P;

/// <summary>
/// Messages through TCP loopback, sent and fully decoded on the other side: the pipelines transport against
/// a baseline that reads a NetworkStream the naive way (read the 24-byte header, allocate the payload, read
/// it, check, decode). Each invocation streams a batch; times are per message, so messages/s = 1 s / Mean
/// and MB/s = frame bytes / Mean.
/// </summary>
public abstract class TransportBenchmarks
{
    private static readonly FrameOptions Frame = FrameOptions.For(Network.Devnet);

    private INetworkMessage _message = null!;
    private int _batch;
    private SocketListener _listener = null!;
    private IMessageConnection _sender = null!;
    private IMessageConnection _receiver = null!;
    private Socket _baselineSend = null!;
    private Socket _baselineReceive = null!;
    private NetworkStream _sendStream = null!;
    private NetworkStream _receiveStream = null!;
    private readonly FrameEncoder _encoder = new(Frame);

    /// <summary>Which message is streamed.</summary>
    public abstract string Message { get; set; }

    /// <summary>Messages per invocation.</summary>
    protected abstract int BatchSize { get; }

    [GlobalSetup]
    public void Setup()
    {
        _batch = BatchSize;
        _message = Message switch
        {
            "ping" => new PingMessage(42),
            "inv-1" => Inventory(1),
            "inv-1000" => Inventory(1000),
            _ => new BlockMessage(MegabyteBlock()),
        };
        var options = new ConnectionOptions { Frame = Frame };
        _listener = SocketListener.Start(new IPEndPoint(IPAddress.Loopback, 0), options);
        var accepting = _listener.AcceptAsync().AsTask();
        _sender = SocketConnector.ConnectAsync(_listener.LocalEndPoint, options).AsTask().GetAwaiter().GetResult();
        _receiver = accepting.GetAwaiter().GetResult();

        using var rawListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        rawListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        rawListener.Listen();
        _baselineSend = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _baselineSend.Connect(rawListener.LocalEndPoint!);
        _baselineReceive = rawListener.Accept();
        _baselineReceive.NoDelay = true;
        _sendStream = new NetworkStream(_baselineSend, ownsSocket: true);
        _receiveStream = new NetworkStream(_baselineReceive, ownsSocket: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sendStream.Dispose();
        _receiveStream.Dispose();
    }

    protected async Task<int> RunNetworkStreamNaive()
    {
        var sending = Task.Run(() =>
        {
            for (int i = 0; i < _batch; i++)
                _sendStream.Write(_encoder.ToBytes(_message));
        });
        var header = new byte[FrameLimits.HeaderSize];
        int total = 0;
        for (int i = 0; i < _batch; i++)
        {
            _receiveStream.ReadExactly(header);
            FrameHeader.TryRead(header, out var parsed);
            var payload = new byte[parsed.PayloadLength];
            _receiveStream.ReadExactly(payload);
            if (FrameHeader.ComputeChecksum(payload) != parsed.Checksum || !MessageRegistry.Default.TryGet(parsed.Command, out var descriptor))
                throw new InvalidOperationException("Corrupt frame");
            total += descriptor.Decode(payload).SerializedSize;
        }
        await sending;
        return total;
    }

    protected async Task<int> RunPipelines()
    {
        var sending = Task.Run(async () =>
        {
            for (int i = 0; i < _batch; i++)
                await _sender.SendAsync(_message);
        });
        int total = 0;
        for (int i = 0; i < _batch; i++)
            total += (await _receiver.ReceiveAsync())!.SerializedSize;
        await sending;
        return total;
    }

    private static InvMessage Inventory(int count) => new(Enumerable.Range(0, count)
        .Select(i => new InventoryVector(InventoryType.WitnessTx, Sha256d.Hash(BitConverter.GetBytes(i)))).ToImmutableArray());

    private static Block MegabyteBlock()
    {
        // 10 transactions of 100 kB each, so decoding does real work (ten transactions, not one blob).
        var transactions = Enumerable.Range(0, 10).Select(i => new Transaction(2,
            [new TxIn(new OutPoint(new Txid(Sha256d.Hash(BitConverter.GetBytes(i))), 0))],
            [.. Enumerable.Range(0, 100).Select(j => new TxOut(new Money(j), new Script(new byte[1000])))], 0)).ToArray();
        return new Block(new BlockHeader(1, default, Hash256.Zero, 1_700_000_000, new CompactTarget(0x207fffff), 0), [.. transactions]);
    }
}
