using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage.InMemory;

/// <summary>An <see cref="IBlockStore"/> in process memory, for tests, regtest and tools.</summary>
public sealed class InMemoryBlockStore : IBlockStore
{
    private readonly ConcurrentDictionary<BlockHash, Block> _blocks = new();
    private readonly ConcurrentDictionary<BlockHash, BlockIndexRecord> _index = new();

    /// <inheritdoc />
    public void PutBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.TryAdd(block.Hash, block);
    }

    /// <inheritdoc />
    public bool TryGetBlock(BlockHash hash, [MaybeNullWhen(false)] out Block block) => _blocks.TryGetValue(hash, out block);

    /// <inheritdoc />
    public bool ContainsBlock(BlockHash hash) => _blocks.ContainsKey(hash);

    /// <inheritdoc />
    public void PutIndex(IReadOnlyCollection<BlockIndexRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
            _index[record.Header.Hash] = record;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<BlockIndexRecord> ReadIndex() => [.. _index.Values];
}
