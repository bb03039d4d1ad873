using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using Antimony.P2P.Messages;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Connections;

/// <summary>Addresses heard through <c>addr</c> gossip and from peers we reached, for outbound slots and <c>getaddr</c> replies.</summary>
public sealed class AddressBook
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<IPEndPoint, TimestampedAddress> _addresses = new();

    /// <summary>The number of addresses known.</summary>
    public int Count => _addresses.Count;

    /// <summary>
    /// Adds or refreshes an address (ignoring unroutable ones: port 0, unspecified address); true if it was new,
    /// which is what decides whether gossip is forwarded.
    /// </summary>
    public bool Add(TimestampedAddress address)
    {
        var endPoint = address.Address.ToEndPoint();
        if (endPoint.Port == 0 || endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any))
            return false;
        if (endPoint.Address.IsIPv4MappedToIPv6)
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port);
        if (_addresses.Count >= Capacity && !_addresses.ContainsKey(endPoint))
            return false;
        bool added = true;
        _addresses.AddOrUpdate(endPoint, address, (_, old) =>
        {
            added = false;
            return old.Time >= address.Time ? old : address;
        });
        return added;
    }

    /// <summary>Whether <paramref name="endPoint"/> is known.</summary>
    public bool Contains(IPEndPoint endPoint) => _addresses.ContainsKey(endPoint);

    /// <summary>Up to <paramref name="count"/> addresses, most recently seen first.</summary>
    public ImmutableArray<TimestampedAddress> Sample(int count) =>
        [.. _addresses.Values.OrderByDescending(a => a.Time).Take(count)];

    /// <summary>A random known endpoint not in <paramref name="exclude"/>, or null.</summary>
    public IPEndPoint? Pick(Func<IPEndPoint, bool> exclude)
    {
        var candidates = _addresses.Keys.Where(e => !exclude(e)).ToArray();
        return candidates.Length == 0 ? null : candidates[Random.Shared.Next(candidates.Length)];
    }

    /// <summary>
    /// Writes the book to <paramref name="path"/> (a temporary file renamed over the old one, so a crash leaves
    /// either version whole) as a CompactSize count of <c>addr</c> entries.
    /// </summary>
    public void Save(string path)
    {
        var entries = _addresses.Values.ToArray();
        var bytes = new byte[CompactSize.SizeOf((ulong)entries.Length) + entries.Length * TimestampedAddress.Size];
        var writer = new ConsensusWriter(bytes);
        writer.WriteCompactSize((ulong)entries.Length);
        foreach (var entry in entries)
            entry.Write(ref writer);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Adds the entries saved at <paramref name="path"/>; a missing file is an empty book, a damaged one is ignored.</summary>
    public void Load(string path)
    {
        if (!File.Exists(path))
            return;
        var bytes = File.ReadAllBytes(path);
        try
        {
            foreach (var entry in Decode(bytes))
                Add(entry);
        }
        catch (DecodeException)
        {
            // A damaged book only costs us gossip we will hear again; never a reason not to start.
        }
    }

    private static List<TimestampedAddress> Decode(byte[] bytes)
    {
        var reader = new ConsensusReader(bytes.AsSpan());
        int count = reader.ReadCount(Capacity, TimestampedAddress.Size);
        var entries = new List<TimestampedAddress>(count);
        for (int i = 0; i < count; i++)
            entries.Add(TimestampedAddress.Read(ref reader));
        reader.EnsureAtEnd();
        return entries;
    }
}
