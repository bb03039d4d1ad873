using System.Buffers;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;

namespace Antimony.Simulation.Wire;

/// <summary>
/// The real P2P v1 frame codec of <c>Antimony.P2P</c> for one network: every simulated message is encoded to its
/// exact wire bytes (which set its size on the link) and decoded again at the receiver, checksum and limits included.
/// </summary>
internal sealed class WireCodec(Antimony.Primitives.Networks.Network network, int maxBlockSize)
{
    private readonly FrameEncoder _encoder = new(FrameOptions.For(network, maxBlockSize));
    private readonly FrameDecoder _decoder = new(FrameOptions.For(network, maxBlockSize));

    /// <summary>The whole frame of <paramref name="message"/>.</summary>
    public byte[] Encode(INetworkMessage message) => _encoder.ToBytes(message);

    /// <summary>Decodes one whole frame.</summary>
    /// <exception cref="InvalidOperationException">The frame is incomplete or has bytes left over (a simulator bug).</exception>
    public INetworkMessage Decode(byte[] frame)
    {
        var buffer = new ReadOnlySequence<byte>(frame);
        if (!_decoder.TryDecode(ref buffer, out var message) || !buffer.IsEmpty)
            throw new InvalidOperationException("A simulated frame did not decode to exactly one message.");
        return message;
    }
}
