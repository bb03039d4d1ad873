namespace Antimony.Primitives.Serialization;

/// <summary>A value with a consensus (wire) encoding whose exact size is known before writing.</summary>
public interface IConsensusEncodable
{
    /// <summary>The exact number of bytes <see cref="Write"/> produces.</summary>
    int SerializedSize { get; }

    /// <summary>Writes the encoding.</summary>
    void Write(ref ConsensusWriter writer);
}
