using Antimony.Primitives.Blocks;

namespace Antimony.Simulation.Engine;

/// <summary>A mined block: who found it and when, and when each node had stored it (-1: never).</summary>
internal sealed class BlockRecord
{
    public BlockRecord(Block block, int miner, long discovered, int nodes)
    {
        Block = block;
        Miner = miner;
        Discovered = discovered;
        StoredAt = new long[nodes];
        Array.Fill(StoredAt, -1L);
    }

    /// <summary>The block (the one instance every node stores, so a thousand chains share its memory).</summary>
    public Block Block { get; }

    /// <summary>The mining node.</summary>
    public int Miner { get; }

    /// <summary>Discovery time in ticks.</summary>
    public long Discovered { get; }

    /// <summary>Per node, the tick at which it stored the block, or -1.</summary>
    public long[] StoredAt { get; }
}
