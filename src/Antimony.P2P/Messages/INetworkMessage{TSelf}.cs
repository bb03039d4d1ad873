using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// A message type the registry can decode: its command, the largest payload it can ever have (btcd's
/// <c>MaxPayloadLength</c>, the per-message DoS guard checked before the payload is buffered) and its decoder.
/// </summary>
/// <typeparam name="TSelf">The message type itself.</typeparam>
public interface INetworkMessage<TSelf> : INetworkMessage, IConsensusDecodable<TSelf>
    where TSelf : INetworkMessage<TSelf>
{
    /// <summary>The command of every message of this type.</summary>
    static abstract MessageCommand CommandName { get; }

    /// <summary>The largest valid payload of this type in bytes; <see cref="int.MaxValue"/> when only the frame limit applies.</summary>
    static abstract int MaxPayloadLength { get; }
}
