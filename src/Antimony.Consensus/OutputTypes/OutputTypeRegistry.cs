using System.Diagnostics.CodeAnalysis;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// The registered <see cref="IOutputTypeVerifier"/>s, looked up by script or by type name. Built once
/// from the container's verifiers; two verifiers with the same type name are a composition error.
/// </summary>
public sealed class OutputTypeRegistry
{
    private readonly IOutputTypeVerifier[] _verifiers;
    private readonly Dictionary<OutputTypeId, IOutputTypeVerifier> _byType;

    /// <summary>Registers <paramref name="verifiers"/>; the first that matches a script classifies it.</summary>
    /// <exception cref="InvalidOperationException">Two verifiers share a type name.</exception>
    public OutputTypeRegistry(IEnumerable<IOutputTypeVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        _verifiers = [.. verifiers];
        _byType = [];
        foreach (var verifier in _verifiers)
        {
            if (!_byType.TryAdd(verifier.Type, verifier))
                throw new InvalidOperationException($"Two output type verifiers are registered for '{verifier.Type}'; remove one.");
        }
    }

    /// <summary>The registered types.</summary>
    public IReadOnlyCollection<OutputTypeId> Types => _byType.Keys;

    /// <summary>The verifier whose type <paramref name="scriptPubKey"/> is.</summary>
    public bool TryClassify(ReadOnlySpan<byte> scriptPubKey, [NotNullWhen(true)] out IOutputTypeVerifier? verifier)
    {
        foreach (var candidate in _verifiers)
        {
            if (candidate.Matches(scriptPubKey))
            {
                verifier = candidate;
                return true;
            }
        }
        verifier = null;
        return false;
    }

    /// <summary>The verifier registered for <paramref name="type"/>.</summary>
    public bool TryGet(OutputTypeId type, [NotNullWhen(true)] out IOutputTypeVerifier? verifier) => _byType.TryGetValue(type, out verifier);
}
