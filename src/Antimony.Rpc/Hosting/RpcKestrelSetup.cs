using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Hosting;

/// <summary>Points Kestrel at the RPC endpoint (loopback by default) with the request size limit.</summary>
internal sealed class RpcKestrelSetup(IOptions<RpcOptions> rpc) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var value = rpc.Value;
        if (!value.ConfigureKestrel)
            return;
        // Invalid settings are reported by the validator at start; do not throw a less helpful error here.
        if (!IPAddress.TryParse(value.Bind, out var address) || value.Port is < 0 or > 65535)
            return;
        options.AddServerHeader = false;
        options.Limits.MaxRequestBodySize = value.MaxRequestBytes;
        options.Listen(address, value.Port);
    }
}
