namespace Antimony.Rpc.Monitoring;

/// <summary>A block this node connected, with when it first saw it.</summary>
/// <param name="Height">The block's height.</param>
/// <param name="Hash">The block hash (display hex).</param>
/// <param name="HeaderTime">The header's timestamp (Unix seconds).</param>
/// <param name="ReceivedUnixMs">When the node connected it (Unix milliseconds).</param>
public readonly record struct BlockArrival(int Height, string Hash, uint HeaderTime, long ReceivedUnixMs)
{
    /// <summary>How long after its header time the block arrived (propagation plus mining clock skew).</summary>
    public double DelayMs => ReceivedUnixMs - HeaderTime * 1000.0;
}
