using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Validation;
using Antimony.Mining.Templates;
using Antimony.P2P.Messages;
using Antimony.Primitives.Blocks;
using Antimony.Simulation.Engine;
using Antimony.Simulation.Network;

namespace Antimony.Simulation.Nodes;

/// <summary>
/// A full node in the simulation: its own <see cref="ChainState"/> on the in-memory stores, and the sync and relay
/// behaviour of <c>Antimony.P2P</c>'s <c>ChainSync</c> and <c>BlockDownload</c> replayed message for message
/// (headers announcements to BIP130 peers, getheaders on an unconnecting or unknown announcement, getdata for the
/// missing blocks of a peer's best chain, each block from one peer at a time), driven by the engine's events
/// instead of socket loops.
/// </summary>
internal sealed partial class SimulatedNode(int id, Region region, ChainState chain, Uplink uplink, SimulationRun run)
{
    // Bitcoin Core's MAX_BLOCKS_TO_ANNOUNCE and MAX_NUM_UNCONNECTING_HEADERS_MSGS, as in ChainSync.
    private const int MaxBlocksToAnnounce = 8;
    private const int MaxUnconnectingHeaders = 10;
    private long _cpuBusyUntil;

    /// <summary>The node's index.</summary>
    public int Id { get; } = id;

    /// <summary>Where the node sits.</summary>
    public Region Region { get; } = region;

    /// <summary>The node's chain.</summary>
    public ChainState Chain { get; } = chain;

    /// <summary>The node's upload link.</summary>
    public Uplink Uplink { get; } = uplink;

    /// <summary>The node's connections.</summary>
    public List<PeerLink> Peers { get; } = [];

    /// <summary>The block assembler of a mining node; <see langword="null"/> for the others.</summary>
    public BlockAssembler? Assembler { get; set; }

    /// <summary>Handles a message that arrived over <paramref name="linkIndex"/>.</summary>
    public void Receive(int linkIndex, INetworkMessage message)
    {
        var link = Peers[linkIndex];
        switch (message)
        {
            case HeadersMessage headers:
                OnHeaders(link, headers.Headers);
                break;
            case GetHeadersMessage getHeaders:
                OnGetHeaders(link, getHeaders);
                break;
            case GetDataMessage getData:
                OnGetData(link, getData);
                break;
            case BlockMessage block:
                OnBlockArrived(linkIndex, block.Block);
                break;
            case InvMessage inv:
                OnInventory(link, inv);
                break;
            case NotFoundMessage:
                Release(link);
                break;
        }
    }

    /// <summary>A block this node mined: it is stored and announced at once.</summary>
    public void AcceptOwnBlock(Block block) => Connect(null, block);

    /// <summary>The CPU finished validating <paramref name="block"/> from <paramref name="linkIndex"/>.</summary>
    public void OnBlockValidated(int linkIndex, Block block)
    {
        var link = Peers[linkIndex];
        Received(block.Hash, link);
        Connect(link, block);
    }

    private void OnHeaders(PeerLink link, ImmutableArray<BlockHeader> headers)
    {
        if (headers.IsEmpty)
            return;
        if (!Chain.TryGetEntry(headers[0].PreviousBlock, out _))
        {
            if (++link.UnconnectingHeaders <= MaxUnconnectingHeaders)
                Send(link, Locator());
            return;
        }
        var result = Chain.ProcessHeadersAsync(headers).GetAwaiter().GetResult();
        if (!result.IsValid && result.Reason!.Value.Category is RejectCategory.Invalid)
            throw new InvalidOperationException($"Node {Id} got an invalid header from a simulated peer: {result}.");
        foreach (var header in headers)
            link.Known.Add(header.Hash);
        if (Chain.TryGetEntry(headers[^1].Hash, out var last) && !last.IsInvalid)
        {
            link.UnconnectingHeaders = 0;
            if (link.BestKnown is null || last.ChainWork > link.BestKnown.ChainWork)
                link.BestKnown = last;
        }
        if (headers.Length == HeadersMessage.MaxHeaders)
            Send(link, new GetHeadersMessage(P2P.Messages.ProtocolVersion.Current, [headers[^1].Hash], default));
        Request(link);
    }

    private void OnGetHeaders(PeerLink link, GetHeadersMessage request)
    {
        var entries = Chain.GetEntriesAfter(request.Locator, request.StopHash, HeadersMessage.MaxHeaders);
        foreach (var entry in entries)
            link.Known.Add(entry.Hash);
        Send(link, new HeadersMessage([.. entries.Select(e => e.Header)]));
    }

    private void OnGetData(PeerLink link, GetDataMessage request)
    {
        List<InventoryVector>? missing = null;
        foreach (var item in request.Entries)
        {
            if (item.Type is not (InventoryType.Block or InventoryType.WitnessBlock))
                continue;
            if (Chain.TryGetBlock(new BlockHash(item.Hash), out var block))
                Send(link, new BlockMessage(block));
            else
                (missing ??= []).Add(item);
        }
        if (missing is not null)
            Send(link, new NotFoundMessage([.. missing]));
    }

    private void OnBlockArrived(int linkIndex, Block block)
    {
        Peers[linkIndex].Known.Add(block.Hash);
        // One CPU per node: validations queue behind each other.
        long start = Math.Max(run.Now, _cpuBusyUntil);
        _cpuBusyUntil = start + run.ValidationTicks(block);
        run.ScheduleValidation(this, linkIndex, block, _cpuBusyUntil);
    }

    private void OnInventory(PeerLink link, InvMessage inv)
    {
        bool unknown = false;
        foreach (var item in inv.Entries)
        {
            if (item.Type is not (InventoryType.Block or InventoryType.WitnessBlock))
                continue;
            var hash = new BlockHash(item.Hash);
            link.Known.Add(hash);
            unknown |= !Chain.TryGetEntry(hash, out _);
        }
        if (unknown)
            Send(link, Locator());
    }

    private void Connect(PeerLink? from, Block block)
    {
        var oldTip = Chain.Tip;
        var result = Chain.ProcessBlockAsync(block).GetAwaiter().GetResult();
        if (result.Acceptance == BlockAcceptance.Rejected)
        {
            if (result.Result.Reason!.Value.Category == RejectCategory.MissingContext && from is not null)
                Send(from, Locator());
            else if (result.Result.Reason.Value.Category is RejectCategory.Invalid or RejectCategory.Mutated)
                throw new InvalidOperationException($"Node {Id} rejected simulated block {block.Hash}: {result}.");
            return;
        }
        if (result.Acceptance != BlockAcceptance.AlreadyKnown)
            run.BlockStored(this, block.Hash);
        if (from is not null && result.Entry is { } entry && (from.BestKnown is null || entry.ChainWork > from.BestKnown.ChainWork))
            from.BestKnown = entry;
        var newTip = Chain.Tip;
        if (!ReferenceEquals(newTip, oldTip))
            Announce(oldTip, newTip);
        foreach (var link in Peers)
            Request(link);
    }

    // ChainSync.OnTipChanged: the newly connected headers (at most 8) to every peer that does not know the tip.
    private void Announce(ChainEntry oldTip, ChainEntry newTip)
    {
        var connected = new List<BlockHeader>();
        for (var walk = newTip; walk is not null && !ReferenceEquals(oldTip.GetAncestor(walk.Height), walk) && connected.Count <= MaxBlocksToAnnounce; walk = walk.Previous)
            connected.Add(walk.Header);
        connected.Reverse();
        INetworkMessage announcement = connected.Count <= MaxBlocksToAnnounce
            ? new HeadersMessage([.. connected])
            : new InvMessage([new InventoryVector(InventoryType.Block, newTip.Hash.Value)]);
        byte[]? frame = null;
        foreach (var link in Peers)
        {
            if (!link.Known.Add(newTip.Hash))
                continue;
            frame ??= run.Codec.Encode(announcement);
            run.Send(this, link, frame, isBlock: false);
        }
    }

    private GetHeadersMessage Locator() => new(P2P.Messages.ProtocolVersion.Current, [.. Chain.GetLocator()], default);

    private void Send(PeerLink link, INetworkMessage message) => run.Send(this, link, run.Codec.Encode(message), message is BlockMessage);
}
