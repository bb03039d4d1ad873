namespace Antimony.Rpc.Server;

/// <summary>The envelope a request asked for (Bitcoin Core 28's rules).</summary>
internal enum RpcVersion
{
    /// <summary>No <c>jsonrpc</c> member, or <c>"1.0"</c>: replies carry both <c>result</c> and <c>error</c>; errors use HTTP error statuses.</summary>
    Legacy,

    /// <summary><c>"jsonrpc": "2.0"</c>: replies carry <c>result</c> or <c>error</c>, HTTP 200; no reply to a notification (no <c>id</c>).</summary>
    V2,
}
