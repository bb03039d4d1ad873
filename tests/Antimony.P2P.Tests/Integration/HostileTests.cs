using System.Net;
using Antimony.Consensus.Chain;
using Antimony.P2P.Defences;
using Antimony.P2P.Framing;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>
/// Hostile peers over real TCP against a running node with a chain and an honest peer. The attacker connects from
/// 127.0.0.2 and the allow list is empty, so it is discouraged while the honest peer on 127.0.0.1 keeps its
/// connection. Each attack checks: the attacker is disconnected and discouraged for the expected reason, the
/// victim keeps its honest peer and its tip, still accepts new peers, and its buffered bytes stay within the
/// per-peer bound during and after the attack.
/// </summary>
public sealed class HostileTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Random_bytes_instead_of_a_handshake() => Survives(MisbehaviourReason.WrongMagic, handshake: false, attack: async (_, attacker, ct) =>
    {
        var junk = new byte[64 * 1024];
        new Random(5).NextBytes(junk);
        junk[0] = (byte)~attacker.Frame(PingMessageOf(1))[0]; // never this network's magic by chance
        await attacker.SendAsync(junk, ct);
    });

    [Fact]
    public Task A_truncated_frame_then_end_of_stream() => Survives(MisbehaviourReason.TruncatedFrame, attack: async (_, attacker, ct) =>
    {
        var frame = attacker.Frame(new UnknownMessage(MessageCommand.FromName("junk"), new byte[100_000]));
        await attacker.SendAsync(frame.AsMemory(0, 50_000), ct);
        attacker.ShutdownSend();
    });

    [Fact]
    public Task A_truncated_frame_then_silence() => Survives(MisbehaviourReason.TruncatedFrame, configure: o => o.FrameTimeout = TimeSpan.FromSeconds(1), attack: async (_, attacker, ct) =>
    {
        // Claims 3 MB, sends 1 MB, then nothing: the victim holds the megabyte until the frame timeout.
        var frame = attacker.Frame(new UnknownMessage(MessageCommand.FromName("junk"), new byte[3_000_000]));
        await attacker.SendAsync(frame.AsMemory(0, 1_000_000), ct);
    });

    [Fact]
    public Task A_truncated_frame_instead_of_a_handshake() => Survives(MisbehaviourReason.TruncatedFrame, handshake: false,
        configure: o => o.HandshakeTimeout = TimeSpan.FromSeconds(1), attack: async (_, attacker, ct) =>
        {
            var frame = attacker.Frame(new UnknownMessage(MessageCommand.FromName("junk"), new byte[100_000]));
            await attacker.SendAsync(frame.AsMemory(0, 30_000), ct);
        });

    [Fact]
    public Task A_wrong_checksum() => Survives(MisbehaviourReason.BadChecksum, attack: async (_, attacker, ct) =>
    {
        var frame = attacker.Frame(PingMessageOf(7));
        frame[20] ^= 0xff;
        await attacker.SendAsync(frame, ct);
    });

    [Fact]
    public Task Wrong_magic_after_the_handshake() => Survives(MisbehaviourReason.WrongMagic, attack: async (_, attacker, ct) =>
    {
        var frame = attacker.Frame(PingMessageOf(7));
        BitConverter.GetBytes(0xd9b4bef9u).CopyTo(frame, 0); // Bitcoin mainnet's magic
        await attacker.SendAsync(frame, ct);
    });

    [Fact]
    public Task A_4_GB_length_field() => Survives(MisbehaviourReason.OversizedPayload, attack: async (_, attacker, ct) =>
    {
        var frame = attacker.Frame(new UnknownMessage(BlockMessage.CommandName, new byte[8]));
        BitConverter.GetBytes(uint.MaxValue).CopyTo(frame, 16);
        await attacker.SendAsync(frame.AsMemory(0, FrameLimits.HeaderSize), ct);
        await attacker.SendAsync(new byte[1_000_000], ct); // the victim must not buffer towards 4 GB
    });

    [Fact]
    public Task A_never_ending_stream_of_pings() => Survives(MisbehaviourReason.RateLimited,
        // Budgets lowered so the flood trips quickly on a shared machine; the defaults are exercised by every sync test.
        configure: o => { o.MessageRate = 200; o.MessageBurst = 2_000; }, attack: async (_, attacker, ct) =>
        {
            var batch = Enumerable.Range(0, 100).SelectMany(i => attacker.Frame(PingMessageOf((ulong)i + 1))).ToArray();
            while (await attacker.SendAsync(batch, ct))
            {
            }
        });

    [Fact]
    public Task An_inv_of_50001_entries() => Survives(MisbehaviourReason.OversizedPayload, attack: async (_, attacker, ct) =>
        await attacker.SendAsync(attacker.Frame(RawMessage.Inventory(InventoryVector.MaxPerMessage + 1)), ct));

    [Fact]
    public Task An_inv_whose_count_claims_50001_entries() => Survives(MisbehaviourReason.OversizedInventory, attack: async (_, attacker, ct) =>
    {
        // A canonical CompactSize 50,001 (0xfd + uint16) followed by only ten entries: refused on the count alone.
        var payload = new byte[3 + 10 * InventoryVector.Size];
        payload[0] = 0xfd;
        BitConverter.GetBytes((ushort)(InventoryVector.MaxPerMessage + 1)).CopyTo(payload, 1);
        await attacker.SendAsync(attacker.Frame(new RawMessage(InvMessage.CommandName, payload)), ct);
    });

    [Fact]
    public Task A_flood_of_unknown_commands() => Survives(MisbehaviourReason.UnknownCommandFlood, attack: async (_, attacker, ct) =>
    {
        var frames = Enumerable.Range(0, 150).SelectMany(i => attacker.Frame(new UnknownMessage(MessageCommand.FromName($"x{i}"), new byte[] { 1, 2, 3 }))).ToArray();
        await attacker.SendAsync(frames, ct);
    });

    [Fact]
    public Task Headers_that_do_not_connect() => Survives(MisbehaviourReason.UnconnectableHeaders, attack: async (victim, attacker, ct) =>
    {
        var orphan = victim.Maker.Make(victim.Chain.Tip).Header with { PreviousBlock = new BlockHash(new Hash256(Enumerable.Repeat((byte)7, 32).ToArray())) };
        for (int i = 0; i < 11; i++)
            await attacker.SendAsync(attacker.Frame(new HeadersMessage([orphan with { Nonce = (uint)i }])), ct);
    });

    [Fact]
    public Task An_invalid_block() => Survives(MisbehaviourReason.InvalidBlock, attack: async (victim, attacker, ct) =>
    {
        var tip = victim.Chain.Tip;
        var bad = victim.Maker.Make(tip, coinbaseValue: victim.Chain.Parameters.GetBlockSubsidy(tip.Height + 1) + new Money(1));
        await attacker.SendAsync(attacker.Frame(new BlockMessage(bad)), ct);
    });

    private static PingMessage PingMessageOf(ulong nonce) => new(nonce);

    private async Task Survives(MisbehaviourReason expected, Func<TestPeerNode, HostileSocket, CancellationToken, Task> attack, bool handshake = true,
        Action<PeerToPeerOptions>? configure = null)
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            // No outbound slots: otherwise the victim soon dials the friend back, and the peer count is no longer one.
            var victim = await TestPeerNode.StartAsync(o => { o.AllowList = []; o.MaxOutbound = 0; configure?.Invoke(o); });
            nodes.Add(victim);
            await victim.MineAsync(5);
            var victimEnd = victim.EndPoint;
            var friend = await TestPeerNode.StartAsync(o => { o.Bootstrap = [victimEnd]; o.MaxOutbound = 1; });
            nodes.Add(friend);
            await Eventually.AssertAsync(() => friend.Chain.Tip.Hash == victim.Chain.Tip.Hash && victim.Network.Peers.Count == 1, Timeout, "the friend synced");
            var honest = Assert.Single(victim.Network.Peers);
            ChainEntry tip = victim.Chain.Tip;
            long bound = victim.Network.MaxBufferedBytesPerPeer;

            using var deadline = new CancellationTokenSource(Timeout);
            using var stopSampling = new CancellationTokenSource();
            long peak = 0;
            var sampling = Task.Run(async () =>
            {
                while (!stopSampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, victim.Network.BufferedBytes);
                    await Task.Delay(5);
                }
            });

            await using (var attacker = await HostileSocket.ConnectAsync(victimEnd, deadline.Token))
            {
                if (handshake)
                    await attacker.HandshakeAsync(deadline.Token);
                var attacking = attack(victim, attacker, deadline.Token);
                Assert.True(await attacker.WaitClosedAsync(deadline.Token), "the victim closed the attacker's connection");
                await attacking;
            }
            await Eventually.AssertAsync(() => victim.Network.Discouragement.TryGet(HostileSocket.DefaultAddress, out var entry) && entry.Reason == expected,
                Timeout, $"127.0.0.2 discouraged for {expected} (entries: {string.Join(", ", victim.Network.Discouragement.Entries)})");
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 1, Timeout, "only the honest peer is left");
            await stopSampling.CancelAsync();
            await sampling;

            // The victim kept its honest peer (the same connection), its tip, and forgave nobody else.
            Assert.Same(honest, Assert.Single(victim.Network.Peers));
            Assert.Single(friend.Network.Peers);
            Assert.Same(tip, victim.Chain.Tip);
            Assert.False(victim.Network.Discouragement.IsDiscouraged(IPAddress.Loopback));
            // Memory stayed bounded: two peers at most (the friend and the attacker), then one.
            Assert.True(peak <= 2 * bound, $"peak buffered {peak} bytes > 2 x {bound}");
            await Eventually.AssertAsync(() => victim.Network.BufferedBytes <= bound, Timeout, "buffers released");
            // And it is still up: a newcomer from another address completes a handshake.
            await using (var newcomer = await HostileSocket.ConnectAsync(victimEnd, deadline.Token, IPAddress.Parse("127.0.0.3")))
                await newcomer.HandshakeAsync(deadline.Token);
            output.WriteLine($"{expected}: peak buffered {peak} bytes (bound {bound} per peer)");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
