using System.Diagnostics.CodeAnalysis;
using Antimony.Rpc.Methods;

namespace Antimony.Rpc.Server;

/// <summary>
/// The registered <see cref="IRpcMethod"/>s by name. When two share a name the one registered last wins, so a
/// host can replace a built-in method by registering its own after <c>AddRpc</c>.
/// </summary>
internal sealed class RpcMethodTable
{
    private readonly Dictionary<string, IRpcMethod> _methods = new(StringComparer.Ordinal);

    public RpcMethodTable(IEnumerable<IRpcMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        foreach (var method in methods)
            _methods[method.Name] = method;
    }

    /// <summary>The method names, sorted.</summary>
    public IEnumerable<string> Names => _methods.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out IRpcMethod? method) => _methods.TryGetValue(name, out method);
}
