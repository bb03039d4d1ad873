using System.Buffers;
using System.IO.Pipelines;
using Antimony.Rpc.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Server;

/// <summary>
/// The HTTP side of <c>POST /</c>: Basic authentication (401 with <c>WWW-Authenticate</c>), the body size limit
/// (413), then the <see cref="RpcDispatcher"/>'s reply with its status.
/// </summary>
internal sealed class RpcEndpoint(RpcDispatcher dispatcher, RpcCredentials credentials, IOptions<RpcOptions> options, ILogger<RpcEndpoint> logger)
{
    private const string JsonContentType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var cancellationToken = context.RequestAborted;
        if (!credentials.IsAuthorized(context.Request.Headers.Authorization))
        {
            Log.Unauthorized(logger, context.Connection.RemoteIpAddress?.ToString());
            if (settings.AuthenticationFailureDelay > TimeSpan.Zero)
                await Task.Delay(settings.AuthenticationFailureDelay, cancellationToken).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"jsonrpc\"";
            return;
        }
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = settings.MaxRequestBytes;
        if (context.Request.ContentLength > settings.MaxRequestBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(context.Request.BodyReader, settings.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            context.Response.StatusCode = ex.StatusCode;
            return;
        }
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        RpcReply reply;
        try
        {
            reply = await dispatcher.DispatchAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug outside any method: still a JSON-RPC reply, never an empty 500.
            reply = dispatcher.InternalError(ex);
        }
        context.Response.StatusCode = reply.StatusCode;
        if (reply.Body.IsEmpty)
            return;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = reply.Body.Length;
        await context.Response.Body.WriteAsync(reply.Body, cancellationToken).ConfigureAwait(false);
    }

    // Reads the whole body, or returns null as soon as it passes the limit (a chunked body has no Content-Length to check first).
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
