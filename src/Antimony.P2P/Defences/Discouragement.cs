using System.Collections.Concurrent;
using System.Net;

namespace Antimony.P2P.Defences;

/// <summary>
/// Addresses that misbehaved, each discouraged until an expiry with the reason of its last offence, and the
/// allow list whose addresses are disconnected on misbehaviour but never discouraged (PROTOCOL.md). Kept in
/// memory only, as Bitcoin Core keeps its discouragement filter: a restart forgives, while the operator's
/// <see cref="BanList"/> is persisted.
/// </summary>
public sealed class Discouragement
{
    private readonly ConcurrentDictionary<IPAddress, DiscouragementEntry> _discouraged = new();
    private readonly HashSet<IPAddress> _allowed;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;

    /// <summary>Creates the list with the allow list and the discouragement duration.</summary>
    public Discouragement(IEnumerable<IPAddress> allowList, TimeSpan duration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        _allowed = [.. allowList.Select(Normalize)];
        _duration = duration;
        _time = time;
    }

    /// <summary>Discourages <paramref name="address"/> for <paramref name="reason"/> unless it is allowed; returns whether it was.</summary>
    public bool Discourage(IPAddress address, MisbehaviourReason reason)
    {
        address = Normalize(address);
        if (IsAllowed(address))
            return false;
        _discouraged[address] = new DiscouragementEntry(address, reason, _time.GetUtcNow() + _duration);
        return true;
    }

    /// <summary>Whether <paramref name="address"/> is on the allow list (loopback counts when any loopback is).</summary>
    public bool IsAllowed(IPAddress address)
    {
        address = Normalize(address);
        return _allowed.Contains(address) || (IPAddress.IsLoopback(address) && _allowed.Any(IPAddress.IsLoopback));
    }

    /// <summary>Whether <paramref name="address"/> is currently discouraged.</summary>
    public bool IsDiscouraged(IPAddress address) => TryGet(address, out _);

    /// <summary>The current entry of <paramref name="address"/> (its reason and expiry), if it is discouraged.</summary>
    public bool TryGet(IPAddress address, out DiscouragementEntry entry)
    {
        address = Normalize(address);
        if (_discouraged.TryGetValue(address, out entry) && entry.Expiry > _time.GetUtcNow())
            return true;
        _discouraged.TryRemove(address, out _);
        entry = default;
        return false;
    }

    /// <summary>The addresses currently discouraged, soonest expiry first.</summary>
    public IReadOnlyList<DiscouragementEntry> Entries
    {
        get
        {
            var now = _time.GetUtcNow();
            return [.. _discouraged.Values.Where(e => e.Expiry > now).OrderBy(e => e.Expiry)];
        }
    }

    /// <summary>The number of addresses currently discouraged.</summary>
    public int DiscouragedCount => _discouraged.Values.Count(e => e.Expiry > _time.GetUtcNow());

    /// <summary>Forgives <paramref name="address"/>; returns whether it was discouraged.</summary>
    public bool Forgive(IPAddress address) => _discouraged.TryRemove(Normalize(address), out _);

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
