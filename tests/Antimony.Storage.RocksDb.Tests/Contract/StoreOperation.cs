namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>One step of a generated store history; printed so a shrunk counterexample reads well.</summary>
public abstract record StoreOperation
{
    /// <summary>Connects a block that spends <paramref name="Spent"/> existing coins and adds <paramref name="Added"/> new ones.</summary>
    public sealed record Connect(int Seed, int Added, int Spent) : StoreOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"Connect(+{Added}/-{Spent}, seed {Seed})";
    }

    /// <summary>Disconnects the tip block with its undo data (a no-op on an empty chain).</summary>
    public sealed record Disconnect : StoreOperation
    {
        /// <inheritdoc />
        public override string ToString() => "Disconnect";
    }

    /// <summary>Closes and reopens the store (a flush for the RocksDB store, nothing for the in-memory one).</summary>
    public sealed record Reopen : StoreOperation
    {
        /// <inheritdoc />
        public override string ToString() => "Reopen";
    }

    /// <summary>Histories of up to 30 steps, mostly connects; shrinking drops steps.</summary>
    public static Arbitrary<StoreOperation[]> Histories()
    {
        var connect = from seed in Gen.Choose(0, int.MaxValue)
                      from added in Gen.Choose(0, 12)
                      from spent in Gen.Choose(0, 6)
                      select (StoreOperation)new Connect(seed, added, spent);
        var step = Gen.Frequency(
            (6, connect),
            (3, Gen.Constant<StoreOperation>(new Disconnect())),
            (1, Gen.Constant<StoreOperation>(new Reopen())));
        var history = Gen.Sized(size => Gen.Choose(0, Math.Min(size, 30)).SelectMany(count => Gen.ArrayOf(step, count)));
        return Arb.From(history, Shrink);
    }

    private static IEnumerable<StoreOperation[]> Shrink(StoreOperation[] history)
    {
        for (int i = 0; i < history.Length; i++)
            yield return [.. history[..i], .. history[(i + 1)..]];
    }
}
