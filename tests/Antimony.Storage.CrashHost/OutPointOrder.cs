using Antimony.Primitives.Hashing;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.CrashHost;

/// <summary>Orders outpoints as the coins column family does (txid bytes, then index), so picks are deterministic.</summary>
public sealed class OutPointOrder : IComparer<OutPoint>
{
    /// <summary>The one instance.</summary>
    public static OutPointOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(OutPoint x, OutPoint y)
    {
        var left = x.Txid.Value;
        var right = y.Txid.Value;
        int byTxid = Hash256.AsBytes(in left).SequenceCompareTo(Hash256.AsBytes(in right));
        return byTxid != 0 ? byTxid : x.Index.CompareTo(y.Index);
    }
}
