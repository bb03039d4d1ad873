using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>The shared payload of inv, getdata and notfound: a count (at most 50,000) and the entries.</summary>
internal static class InventoryList
{
    public const int MaxPayloadLength = 3 + InventoryVector.MaxPerMessage * InventoryVector.Size;

    public static ImmutableArray<InventoryVector> Validate(ImmutableArray<InventoryVector> entries, string parameterName)
    {
        if (entries.IsDefault)
            throw new ArgumentException("The entries must be initialised.", parameterName);
        if (entries.Length > InventoryVector.MaxPerMessage)
            throw new ArgumentOutOfRangeException(parameterName, entries.Length, $"At most {InventoryVector.MaxPerMessage} entries.");
        return entries;
    }

    public static int SizeOf(ImmutableArray<InventoryVector> entries) =>
        CompactSize.SizeOf((ulong)entries.Length) + entries.Length * InventoryVector.Size;

    public static void Write(ref ConsensusWriter writer, ImmutableArray<InventoryVector> entries)
    {
        writer.WriteCompactSize((ulong)entries.Length);
        foreach (var entry in entries)
            entry.Write(ref writer);
    }

    public static ImmutableArray<InventoryVector> Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(InventoryVector.MaxPerMessage, InventoryVector.Size);
        var entries = new InventoryVector[count];
        for (int i = 0; i < entries.Length; i++)
            entries[i] = InventoryVector.Read(ref reader);
        return ImmutableCollectionsMarshal.AsImmutableArray(entries);
    }
}
