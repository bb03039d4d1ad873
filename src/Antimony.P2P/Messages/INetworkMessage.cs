using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// A P2P message: a command and a payload in Bitcoin's encoding. The frame codec writes any instance; the
/// registry decodes the commands it knows (see <see cref="INetworkMessage{TSelf}"/>).
/// </summary>
public interface INetworkMessage : IConsensusEncodable
{
    /// <summary>The command that names this message in its frame.</summary>
    MessageCommand Command { get; }
}
