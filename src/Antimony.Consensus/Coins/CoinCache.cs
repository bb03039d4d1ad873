using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Coins;

/// <summary>
/// A writable layer over an <see cref="ICoinView"/>: coins added and spent here hide or extend the base
/// without touching it, so a block (or a mempool package) can be applied tentatively and either
/// collected into a batch or thrown away. Not thread-safe.
/// </summary>
public sealed class CoinCache : ICoinView
{
    private readonly ICoinView _base;
    // A null coin marks a base coin spent here; Fresh marks a coin the base does not have.
    private readonly Dictionary<OutPoint, (Coin? Coin, bool Fresh)> _entries = [];

    /// <summary>A cache over <paramref name="baseView"/>.</summary>
    public CoinCache(ICoinView baseView)
    {
        ArgumentNullException.ThrowIfNull(baseView);
        _base = baseView;
    }

    /// <inheritdoc />
    public bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        if (_entries.TryGetValue(outPoint, out var entry))
        {
            coin = entry.Coin.GetValueOrDefault();
            return entry.Coin.HasValue;
        }
        return _base.TryGetCoin(outPoint, out coin);
    }

    /// <summary>Adds an unspent coin.</summary>
    /// <exception cref="InvalidOperationException">An unspent coin is already at <paramref name="outPoint"/>.</exception>
    public void Add(in OutPoint outPoint, in Coin coin)
    {
        if (_entries.TryGetValue(outPoint, out var entry))
        {
            if (entry.Coin.HasValue)
                throw new InvalidOperationException($"Coin {outPoint} is already unspent.");
            _entries[outPoint] = (coin, false); // re-creating a base coin spent here
            return;
        }
        if (_base.TryGetCoin(outPoint, out _))
            throw new InvalidOperationException($"Coin {outPoint} is already unspent.");
        _entries[outPoint] = (coin, true);
    }

    /// <summary>Spends (removes) the coin at <paramref name="outPoint"/>; false when there is none.</summary>
    public bool Spend(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        if (_entries.TryGetValue(outPoint, out var entry))
        {
            if (!entry.Coin.HasValue)
            {
                coin = default;
                return false;
            }
            coin = entry.Coin.Value;
            if (entry.Fresh)
                _entries.Remove(outPoint);
            else
                _entries[outPoint] = (null, false);
            return true;
        }
        if (!_base.TryGetCoin(outPoint, out coin))
            return false;
        _entries[outPoint] = (null, false);
        return true;
    }

    /// <summary>The coins this layer adds to the base.</summary>
    public Dictionary<OutPoint, Coin> GetAdded()
    {
        var added = new Dictionary<OutPoint, Coin>();
        foreach (var (outPoint, entry) in _entries)
        {
            if (entry.Coin is { } coin)
                added[outPoint] = coin;
        }
        return added;
    }

    /// <summary>The base coins this layer spends.</summary>
    public List<OutPoint> GetRemoved()
    {
        var removed = new List<OutPoint>();
        foreach (var (outPoint, entry) in _entries)
        {
            if (!entry.Coin.HasValue)
                removed.Add(outPoint);
        }
        return removed;
    }
}
