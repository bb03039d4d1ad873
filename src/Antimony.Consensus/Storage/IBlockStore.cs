using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage;

/// <summary>
/// Durable storage of full blocks and of the header index (header, height, status), independent of
/// which chain is active.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IBlockStore
{
    /// <summary>Stores <paramref name="block"/> under its id (idempotent).</summary>
    void PutBlock(Block block);

    /// <summary>The stored block with id <paramref name="hash"/>.</summary>
    bool TryGetBlock(BlockHash hash, [MaybeNullWhen(false)] out Block block);

    /// <summary>Whether a block with id <paramref name="hash"/> is stored.</summary>
    bool ContainsBlock(BlockHash hash);

    /// <summary>Inserts or replaces the index records of the given headers.</summary>
    void PutIndex(IReadOnlyCollection<BlockIndexRecord> records);

    /// <summary>Every stored index record, in any order.</summary>
    IReadOnlyCollection<BlockIndexRecord> ReadIndex();
}
