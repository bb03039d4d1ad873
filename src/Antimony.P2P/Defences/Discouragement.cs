using System.Collections.Concurrent;
using System.Net;

namespace Antimony.P2P.Defences;

/// <summary>
/// Addresses that misbehaved (discouraged until an expiry) or were banned by the operator, and the allow
/// list whose addresses are disconnected on misbehaviour but never discouraged (PROTOCOL.md).
/// </summary>
public sealed class Discouragement
{
    private readonly ConcurrentDictionary<IPAddress, DateTimeOffset> _discouraged = new();
    private readonly ConcurrentDictionary<IPAddress, DateTimeOffset> _banned = new();
    private readonly HashSet<IPAddress> _allowed;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;

    /// <summary>Creates the list with the allow list and the discouragement duration.</summary>
    public Discouragement(IEnumerable<IPAddress> allowList, TimeSpan duration, TimeProvider time)
    {
        _allowed = [.. allowList.Select(Normalize)];
        _duration = duration;
        _time = time;
    }

    /// <summary>Discourages <paramref name="address"/> unless it is allowed; returns whether it was.</summary>
    public bool Discourage(IPAddress address)
    {
        address = Normalize(address);
        if (IsAllowed(address))
            return false;
        _discouraged[address] = _time.GetUtcNow() + _duration;
        return true;
    }

    /// <summary>An operator's explicit ban (RPC <c>setban</c>): applies to any address, allowed or not.</summary>
    public void Ban(IPAddress address, TimeSpan duration) => _banned[Normalize(address)] = _time.GetUtcNow() + duration;

    /// <summary>Whether <paramref name="address"/> is on the allow list (loopback counts when any loopback is).</summary>
    public bool IsAllowed(IPAddress address)
    {
        address = Normalize(address);
        return _allowed.Contains(address) || (IPAddress.IsLoopback(address) && _allowed.Any(IPAddress.IsLoopback));
    }

    /// <summary>Whether <paramref name="address"/> is currently discouraged.</summary>
    public bool IsDiscouraged(IPAddress address) => IsActive(_discouraged, Normalize(address));

    /// <summary>Whether <paramref name="address"/> is currently banned by the operator.</summary>
    public bool IsBanned(IPAddress address) => IsActive(_banned, Normalize(address));

    /// <summary>The number of addresses currently discouraged.</summary>
    public int DiscouragedCount => _discouraged.Count(e => e.Value > _time.GetUtcNow());

    private bool IsActive(ConcurrentDictionary<IPAddress, DateTimeOffset> list, IPAddress address)
    {
        if (!list.TryGetValue(address, out var expiry))
            return false;
        if (expiry > _time.GetUtcNow())
            return true;
        list.TryRemove(address, out _);
        return false;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
