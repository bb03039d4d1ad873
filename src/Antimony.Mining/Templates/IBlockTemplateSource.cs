namespace Antimony.Mining.Templates;

/// <summary>
/// Hands out block templates for the active tip: the miner service uses it, and so can an RPC
/// <c>getblocktemplate</c>. Implementations cache a template and rebuild it when the tip moves or when
/// enough new fees have arrived.
/// </summary>
public interface IBlockTemplateSource
{
    /// <summary>A template on the current tip: the cached one while it is not outdated, else a new one.</summary>
    BlockTemplate GetTemplate();

    /// <summary>
    /// Whether <paramref name="template"/> should be replaced: the tip moved past it, or new transactions worth
    /// mining have arrived since it was built.
    /// </summary>
    bool IsOutdated(BlockTemplate template);
}
