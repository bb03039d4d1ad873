namespace Antimony.Rpc.Methods;

/// <summary>One parameter of an <see cref="IRpcMethod"/>: its name (for named-parameter calls) and whether it must be given.</summary>
/// <param name="Name">The name Bitcoin Core uses, e.g. <c>blockhash</c>.</param>
/// <param name="Required">Whether a call without it fails with Core's usage error (-1).</param>
public readonly record struct RpcParameter(string Name, bool Required = false)
{
    /// <summary>A required parameter.</summary>
    public static RpcParameter Req(string name) => new(name, true);

    /// <summary>An optional parameter.</summary>
    public static RpcParameter Opt(string name) => new(name, false);

    /// <summary>The name, in parentheses when optional (the usage line's form).</summary>
    public override string ToString() => Required ? $"\"{Name}\"" : $"( \"{Name}\" )";
}
