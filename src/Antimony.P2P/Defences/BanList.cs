using System.Net;

namespace Antimony.P2P.Defences;

/// <summary>
/// The operator's bans (RPC <c>setban</c>, <c>listbanned</c>, <c>clearbanned</c>): whole addresses or single
/// listen endpoints, each with an expiry, applying even to allow-listed addresses. With a <see cref="Path"/>
/// every change is written to disk at once (temporary file + rename) and <see cref="Load"/> restores the
/// list at start, dropping expired entries. Thread-safe.
/// </summary>
public sealed class BanList
{
    private readonly Dictionary<(IPAddress Address, int Port), BanEntry> _entries = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty list, saved to <paramref name="path"/> on every change when one is given.</summary>
    public BanList(TimeProvider time, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Path = path;
    }

    /// <summary>Raised after a ban is added or extended, so the node can disconnect the peers it covers.</summary>
    public event EventHandler<BanEntry>? Banned;

    /// <summary>The file the list is persisted to, or <see langword="null"/> to keep it in memory.</summary>
    public string? Path { get; }

    /// <summary>The bans in force, soonest expiry first.</summary>
    public IReadOnlyList<BanEntry> Entries
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_lock)
                return [.. _entries.Values.Where(e => e.Expiry > now).OrderBy(e => e.Expiry)];
        }
    }

    /// <summary>Bans every port of <paramref name="address"/> for <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public BanEntry Ban(IPAddress address, TimeSpan duration) => Add(Normalize(address), 0, duration);

    /// <summary>Bans the node listening on <paramref name="endPoint"/> (port 0 bans the whole address) for <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public BanEntry Ban(IPEndPoint endPoint, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return Add(Normalize(endPoint.Address), endPoint.Port, duration);
    }

    /// <summary>Lifts the whole-address ban of <paramref name="address"/>; returns whether there was one.</summary>
    public bool Unban(IPAddress address) => Remove(Normalize(address), 0);

    /// <summary>Lifts the ban of <paramref name="endPoint"/> (port 0: the whole-address ban); returns whether there was one.</summary>
    public bool Unban(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return Remove(Normalize(endPoint.Address), endPoint.Port);
    }

    /// <summary>Lifts every ban; returns how many were in force.</summary>
    public int Clear()
    {
        int count;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            count = _entries.Values.Count(e => e.Expiry > now);
            _entries.Clear();
            Persist();
        }
        return count;
    }

    /// <summary>Whether <paramref name="address"/> as a whole is banned (an endpoint ban on it does not count).</summary>
    public bool IsBanned(IPAddress address) => Find(Normalize(address), 0) is not null;

    /// <summary>Whether a node at <paramref name="endPoint"/> (address and listen port) is banned, by address or by endpoint.</summary>
    public bool IsBanned(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return Find(Normalize(endPoint.Address), endPoint.Port) is not null;
    }

    /// <summary>The ban that covers a peer at <paramref name="address"/> listening on <paramref name="listenPort"/> (0 if unknown), if any.</summary>
    public BanEntry? Find(IPAddress address, int listenPort)
    {
        address = Normalize(address);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue((address, 0), out var whole) && whole.Expiry > now)
                return whole;
            if (listenPort != 0 && _entries.TryGetValue((address, listenPort), out var one) && one.Expiry > now)
                return one;
        }
        return null;
    }

    /// <summary>
    /// Replaces the list with the one saved at <see cref="Path"/>, dropping expired entries. A missing file is an
    /// empty list; a damaged one leaves the list empty and returns false with the cause, so the node still starts.
    /// </summary>
    public bool Load(out string? error)
    {
        error = null;
        if (Path is null || !File.Exists(Path))
            return true;
        if (!BanListFile.TryRead(Path, out var entries, out error))
            return false;
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _entries.Clear();
            foreach (var entry in entries.Where(e => e.Expiry > now))
                _entries[(entry.Address, entry.Port)] = entry;
        }
        return true;
    }

    /// <summary>Writes the bans in force to <see cref="Path"/> (no-op without one).</summary>
    public void Save()
    {
        lock (_lock)
            Persist();
    }

    private BanEntry Add(IPAddress address, int port, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var now = _time.GetUtcNow();
        var entry = new BanEntry(address, port, now, now + duration);
        lock (_lock)
        {
            _entries[(address, port)] = entry;
            Persist();
        }
        Banned?.Invoke(this, entry);
        return entry;
    }

    private bool Remove(IPAddress address, int port)
    {
        lock (_lock)
        {
            if (!_entries.Remove((address, port), out var entry))
                return false;
            Persist();
            return entry.Expiry > _time.GetUtcNow();
        }
    }

    // Called under the lock; expired entries are not written, so the file never grows with old bans.
    private void Persist()
    {
        if (Path is null)
            return;
        var now = _time.GetUtcNow();
        BanListFile.Write(Path, _entries.Values.Where(e => e.Expiry > now));
    }

    private static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
