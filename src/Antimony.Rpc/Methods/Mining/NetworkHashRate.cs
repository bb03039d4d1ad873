using Antimony.Consensus.Chain;

namespace Antimony.Rpc.Methods.Mining;

/// <summary>Core's <c>GetNetworkHashPS</c>: the work done over the last blocks divided by the time they took.</summary>
internal static class NetworkHashRate
{
    public static double Estimate(ChainEntry tip, int lookup = 120)
    {
        if (tip.Height == 0)
            return 0;
        lookup = Math.Clamp(lookup, 1, tip.Height);
        var first = tip.GetAncestor(tip.Height - lookup)!;
        long minTime = first.Header.Time;
        long maxTime = minTime;
        for (var walk = tip; walk is not null && walk.Height > first.Height; walk = walk.Previous)
        {
            minTime = Math.Min(minTime, walk.Header.Time);
            maxTime = Math.Max(maxTime, walk.Header.Time);
        }
        if (minTime == maxTime)
            return 0;
        double work = (double)(System.Numerics.BigInteger)tip.ChainWork - (double)(System.Numerics.BigInteger)first.ChainWork;
        return work / (maxTime - minTime);
    }
}
