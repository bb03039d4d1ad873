using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>An entry of an addr message: when the address was last seen (Unix seconds, u32) and the address.</summary>
/// <param name="Time">Last-seen time in Unix seconds, as Bitcoin's u32 field.</param>
/// <param name="Address">The address with its services.</param>
public readonly record struct TimestampedAddress(uint Time, NetworkAddress Address)
{
    /// <summary>Encoded size: time (4) + address (26).</summary>
    public const int Size = 4 + NetworkAddress.Size;

    /// <summary>Writes the entry.</summary>
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteUInt32(Time);
        Address.Write(ref writer);
    }

    /// <summary>Reads an entry.</summary>
    public static TimestampedAddress Read(ref ConsensusReader reader) => new(reader.ReadUInt32(), NetworkAddress.Read(ref reader));
}
