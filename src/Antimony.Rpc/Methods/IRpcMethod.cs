using System.Text.Json;

namespace Antimony.Rpc.Methods;

/// <summary>
/// One JSON-RPC method. Implementations are registered in the container (<c>AddRpcMethod&lt;T&gt;()</c>, or
/// <c>TryAddEnumerable</c> of <see cref="IRpcMethod"/>); the server finds them by <see cref="Name"/>, maps
/// positional or named parameters onto <see cref="Parameters"/> and writes the one JSON value the method
/// writes as the reply's <c>result</c>.
/// </summary>
public interface IRpcMethod
{
    /// <summary>The method name, case-sensitive as in Bitcoin Core (e.g. <c>getblockcount</c>).</summary>
    string Name { get; }

    /// <summary>The parameters in positional order; named calls are mapped onto these names.</summary>
    IReadOnlyList<RpcParameter> Parameters { get; }

    /// <summary>
    /// Runs the method and writes exactly one JSON value (the result) to <paramref name="result"/>. Errors the
    /// caller should see are thrown as <see cref="Server.RpcException"/>; the accessors of
    /// <paramref name="parameters"/> throw Core's type errors themselves.
    /// </summary>
    ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken);
}
