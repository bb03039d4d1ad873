using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Mining.Hosting;
using Antimony.Mining.Templates;
using Antimony.P2P.Messages;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Signing;
using Antimony.Simulation.Network;
using Antimony.Simulation.Nodes;
using Antimony.Simulation.Time;
using Antimony.Simulation.Wire;
using Antimony.Testing.Chains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Simulation.Engine;

/// <summary>
/// One run: builds the nodes, links and miners from the settings' seed, then processes events in virtual-time
/// order on the calling thread until the mining target is reached and the network is quiet.
/// </summary>
internal sealed partial class SimulationRun
{
    private readonly SimulationSettings _settings;
    private readonly EventQueue<SimulationEvent> _queue = new();
    private readonly VirtualClock _clock;
    private readonly Random _random;
    private readonly List<SimulatedNode> _nodes;
    private readonly Dictionary<BlockHash, BlockRecord> _blocks = [];
    private readonly List<BlockRecord> _mined = [];
    private readonly (SimulatedNode Node, double Cumulative)[] _miners;
    private int _targetBlocks;
    private long _messages;
    private long _bytes;
    private long _blockMessages;
    private long _events;

    public SimulationRun(SimulationSettings settings)
    {
        _settings = settings;
        _random = new Random(settings.Seed);
        var parameters = ChainParameters.Regtest;
        var genesisTime = DateTimeOffset.FromUnixTimeSeconds(parameters.Genesis.Time);
        _clock = new VirtualClock(genesisTime.AddMinutes(1));
        Codec = new WireCodec(parameters.Network, 0);
        _nodes = CreateNodes(parameters);
        LinkCount = Connect();
        _miners = ChooseMiners(parameters);
        _targetBlocks = settings.Blocks;
    }

    /// <summary>The virtual time in ticks.</summary>
    public long Now => _clock.GetTimestamp();

    /// <summary>The frame codec every link uses.</summary>
    public WireCodec Codec { get; }

    /// <summary>The number of connections.</summary>
    public int LinkCount { get; }

    /// <summary>Puts <paramref name="frame"/> on <paramref name="from"/>'s uplink towards the other end of <paramref name="link"/>.</summary>
    public void Send(SimulatedNode from, PeerLink link, byte[] frame, bool isBlock)
    {
        _messages++;
        _bytes += frame.Length;
        long modelled = frame.Length;
        if (isBlock)
        {
            _blockMessages++;
            modelled += _settings.ExtraBlockBytes;
        }
        long latency = link.LatencyTicks;
        if (_settings.LatencyJitter > 0)
            latency += (long)(latency * _settings.LatencyJitter * _random.NextDouble());
        long arrival = Math.Max(from.Uplink.Transmit(Now, modelled, latency), link.LastArrival);
        link.LastArrival = arrival;
        _queue.Schedule(arrival, new SimulationEvent(EventKind.Deliver, link.Remote.Id, link.RemoteIndex, frame, null));
    }

    /// <summary>The modelled CPU time to validate <paramref name="block"/>, in ticks.</summary>
    public long ValidationTicks(Block block) =>
        _settings.BlockValidationTime.Ticks + (block.SerializedSize + (long)_settings.ExtraBlockBytes) * TimeSpan.TicksPerSecond / _settings.ValidationBytesPerSecond;

    /// <summary>Schedules the end of a block's validation at <paramref name="node"/>.</summary>
    public void ScheduleValidation(SimulatedNode node, int linkIndex, Block block, long at) =>
        _queue.Schedule(at, new SimulationEvent(EventKind.Validated, node.Id, linkIndex, null, block));

    /// <summary>Records the first time <paramref name="node"/> stored a block.</summary>
    public void BlockStored(SimulatedNode node, BlockHash hash)
    {
        if (_blocks.TryGetValue(hash, out var record) && record.StoredAt[node.Id] < 0)
            record.StoredAt[node.Id] = Now;
    }

    /// <summary>Runs to the end and summarises.</summary>
    public SimulationReport Run(CancellationToken cancellationToken)
    {
        ScheduleDiscovery();
        int extra = 0;
        while (true)
        {
            while (_queue.TryDequeue(out long time, out var next))
            {
                if ((++_events & 0xFFF) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                _clock.AdvanceTo(TimeSpan.FromTicks(time));
                Dispatch(next);
            }
            // A run that ends on a tie (two tips of equal work) mines on until one branch wins, as the real network would.
            if (Converged() || extra >= _settings.MaxExtraBlocks)
                break;
            extra++;
            _targetBlocks++;
            ScheduleDiscovery();
        }
        return Summarise();
    }

    private void Dispatch(in SimulationEvent next)
    {
        var node = _nodes[next.Node];
        switch (next.Kind)
        {
            case EventKind.Discover:
                Mine();
                break;
            case EventKind.Deliver:
                var message = Codec.Decode(next.Frame!);
                // The decoded block is byte-identical to the mined one (same hash); every node stores that one instance.
                if (message is BlockMessage block && _blocks.TryGetValue(block.Block.Hash, out var record))
                    message = new BlockMessage(record.Block);
                node.Receive(next.Link, message);
                break;
            case EventKind.Validated:
                node.OnBlockValidated(next.Link, next.Block!);
                break;
        }
    }

    private void Mine()
    {
        double pick = _random.NextDouble();
        var miner = _miners[^1].Node;
        foreach (var (node, cumulative) in _miners)
        {
            if (pick < cumulative)
            {
                miner = node;
                break;
            }
        }
        // The real block assembler on the miner's own tip at virtual time; regtest's target takes about two hashes.
        var template = miner.Assembler!.Create(miner.Chain.Tip);
        var coinbase = template.CreateCoinbase((ulong)_mined.Count);
        var header = ChainBuilder.Mine(template.CreateHeader(coinbase, template.Time, 0));
        var block = template.CreateBlock(header, coinbase);
        var record = new BlockRecord(block, miner.Id, Now, _nodes.Count);
        _blocks.Add(block.Hash, record);
        _mined.Add(record);
        miner.AcceptOwnBlock(block);
        if (_mined.Count < _targetBlocks)
            ScheduleDiscovery();
    }

    // Exponential inter-arrival times: the whole network's blocks form a Poisson process.
    private void ScheduleDiscovery()
    {
        double delay = -Math.Log(1 - _random.NextDouble()) * _settings.BlockInterval.Ticks;
        _queue.Schedule(Now + (long)delay, new SimulationEvent(EventKind.Discover, 0, 0, null, null));
    }

    private bool Converged()
    {
        var tip = _nodes[0].Chain.Tip.Hash;
        return _nodes.TrueForAll(n => n.Chain.Tip.Hash == tip);
    }

    private List<SimulatedNode> CreateNodes(ChainParameters parameters)
    {
        // One rule set for all nodes (rules are stateless); each node has its own stores and header tree.
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ISignatureVerifier>(BouncyCastleSignatureVerifier.Instance);
        services.AddAntimony(parameters);
        using var provider = services.BuildServiceProvider();
        var rules = provider.GetRequiredService<ConsensusRuleSet>();
        var nodes = new List<SimulatedNode>(_settings.Nodes);
        for (int i = 0; i < _settings.Nodes; i++)
        {
            var chain = new ChainState(parameters, rules, new InMemoryBlockStore(), new InMemoryChainStateStore(), new ChainEvents(), _clock);
            nodes.Add(new SimulatedNode(i, (Region)(i % LatencyMatrix.RegionCount), chain, new Uplink(_settings.UploadBitsPerSecond), this));
        }
        return nodes;
    }

    private int Connect()
    {
        var links = Topology.Build(_settings.Topology, _settings.Nodes, _settings.OutboundPeers, _random);
        foreach (var (from, to) in links)
        {
            var a = _nodes[from];
            var b = _nodes[to];
            long latency = _settings.Latency.OneWay(a.Region, b.Region).Ticks;
            var ab = new PeerLink(b, latency) { RemoteIndex = b.Peers.Count };
            var ba = new PeerLink(a, latency) { RemoteIndex = a.Peers.Count };
            a.Peers.Add(ab);
            b.Peers.Add(ba);
        }
        return links.Count;
    }

    private (SimulatedNode, double)[] ChooseMiners(ChainParameters parameters)
    {
        // A seeded shuffle picks the mining nodes; exponential weights give a few large and many small shares.
        var order = Enumerable.Range(0, _settings.Nodes).ToArray();
        _random.Shuffle(order);
        var weights = new double[_settings.Miners];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = -Math.Log(1 - _random.NextDouble());
        double total = weights.Sum();
        var miners = new (SimulatedNode, double)[weights.Length];
        double cumulative = 0;
        var difficulty = AntimonyServiceCollectionExtensions.CreateDifficulty(parameters);
        for (int i = 0; i < miners.Length; i++)
        {
            var node = _nodes[order[i]];
            var address = SegwitAddress.P2wpkh(Hash160.Compute(BitConverter.GetBytes(node.Id)), parameters.Network);
            var options = Options.Create(new MiningOptions { Address = address.ToString(), CoinbaseTag = "/sim/" });
            node.Assembler = new BlockAssembler(parameters, difficulty, EmptyTransactionSelector.Instance, options, _clock);
            cumulative += weights[i] / total;
            miners[i] = (node, i == miners.Length - 1 ? 1.0 : cumulative);
        }
        return miners;
    }
}
