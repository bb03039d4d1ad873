namespace Antimony.Primitives.Serialization;

/// <summary>A value that can be read from its consensus (wire) encoding.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IConsensusDecodable<TSelf> where TSelf : IConsensusDecodable<TSelf>
{
    /// <summary>Reads one value, leaving the reader after it; throws <see cref="DecodeException"/> on bad input.</summary>
    static abstract TSelf Read(ref ConsensusReader reader);
}
