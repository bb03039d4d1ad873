using System.Net;

namespace Antimony.P2P.Hosting;

/// <summary>Settings of the peer-to-peer node: where it listens, whom it dials, its limits and timeouts.</summary>
public sealed class PeerToPeerOptions
{
    /// <summary>The endpoint to accept peers on (port 0 picks a free port); <see langword="null"/> accepts none.</summary>
    public IPEndPoint? Listen { get; set; }

    /// <summary>Peers dialled at start and redialled with backoff whenever their connection ends.</summary>
    public IList<IPEndPoint> Bootstrap { get; set; } = [];

    /// <summary>The number of outbound connections the node keeps (bootstrap peers first, then the address book).</summary>
    public int MaxOutbound { get; set; } = 8;

    /// <summary>The number of inbound connections accepted at once.</summary>
    public int MaxInbound { get; set; } = 117;

    /// <summary>The time a peer has to complete version/verack.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between pings (Bitcoin Core: 2 minutes).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A peer silent for this long is disconnected (Bitcoin Core: 20 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The first delay before redialling a bootstrap peer; doubled after each failure.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest delay between redials.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a misbehaving address stays discouraged.</summary>
    public TimeSpan DiscouragementDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Addresses that are disconnected on misbehaviour but never discouraged. <see langword="null"/> means the
    /// network's default: loopback on regtest and devnet (every node there shares 127.0.0.1), none elsewhere.
    /// </summary>
    public IList<IPAddress>? AllowList { get; set; }

    /// <summary>Blocks requested from one peer at a time during sync.</summary>
    public int BlockDownloadWindow { get; set; } = 128;

    /// <summary>A file the address book is loaded from at start and saved to at stop; <see langword="null"/> keeps it in memory.</summary>
    public string? AddressBookPath { get; set; }

    /// <summary>A peer that has not delivered a requested block after this long is disconnected (not discouraged) and its blocks re-requested elsewhere.</summary>
    public TimeSpan BlockDownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The file the operator's bans are saved to on every change and loaded from at start (the node uses <c>&lt;datadir&gt;/banlist.json</c>); <see langword="null"/> keeps them in memory.</summary>
    public string? BanListPath { get; set; }

    /// <summary>
    /// Messages per second a peer may send, sustained (token bucket refill). Blocks this node requested from the
    /// peer are not counted. Default 10,000/s: a peer syncing from us sends one getdata per block it receives, so
    /// the budget must exceed the blocks per second a node can validate.
    /// </summary>
    public double MessageRate { get; set; } = 10_000;

    /// <summary>Messages a peer may send in a burst above <see cref="MessageRate"/> (token bucket capacity). Default 100,000.</summary>
    public double MessageBurst { get; set; } = 100_000;

    /// <summary>Frame bytes per second a peer may send, sustained; requested blocks are not counted. Default 16 MiB/s.</summary>
    public double ByteRate { get; set; } = 16 * 1024 * 1024;

    /// <summary>Frame bytes a peer may send in a burst (never less than one largest frame). Default 64 MiB.</summary>
    public double ByteBurst { get; set; } = 64 * 1024 * 1024;

    /// <summary>Unknown commands a peer may send in a burst before it is disconnected (unknown-command flood). Default 100.</summary>
    public double UnknownMessageBurst { get; set; } = 100;

    /// <summary>Unknown commands per second a peer may send, sustained. Default 1/s.</summary>
    public double UnknownMessageRate { get; set; } = 1;

    /// <summary>
    /// A peer that has sent part of a frame and then nothing for this long has truncated it: misbehaviour
    /// (<c>TruncatedFrame</c>). Default 1 minute.
    /// </summary>
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Bytes of messages queued for one peer above which the node stops reading that peer's requests until the
    /// queue drains (Bitcoin Core's send-buffer pause); a queue above twice this plus one frame drops the peer.
    /// Default 8 MiB.
    /// </summary>
    public long SendQueueLimit { get; set; } = 8 * 1024 * 1024;

    /// <summary>The user agent sent in <c>version</c> (BIP14 form).</summary>
    public string UserAgent { get; set; } = "/Antimony:0.1.0/";

    /// <summary>Values of the configuration section that could not be read; the validator reports them at start.</summary>
    internal List<string> ConfigurationErrors { get; } = [];
}
