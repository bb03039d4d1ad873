using System.Buffers;
using System.Text.Json;
using Antimony.Rpc.Hosting;
using Antimony.Rpc.Methods;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Server;

/// <summary>
/// Turns a request body into a reply the way Bitcoin Core's <c>HTTPReq_JSONRPC</c> does: one object or a batch
/// (array), legacy and 2.0 envelopes, the id echoed, Core's error codes and HTTP statuses.
/// </summary>
internal sealed class RpcDispatcher(RpcMethodTable methods, IOptions<RpcOptions> options, ILogger<RpcDispatcher> logger, IHostApplicationLifetime? lifetime = null)
{
    private const int StatusOk = 200;
    private const int StatusNoContent = 204;
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 512 };
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    private long _unexpectedFailures;

    /// <summary>Method failures other than <see cref="RpcException"/> (bugs, reported to callers as -1); tests assert none happen.</summary>
    public long UnexpectedFailures => Interlocked.Read(ref _unexpectedFailures);

    public async Task<RpcReply> DispatchAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        // The reader checks UTF-8 only where it decodes; a string echoed as the id must be valid too (UniValue rejects it all).
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
            return ErrorReply(default, new RpcException(RpcErrorCode.ParseError, "Parse error"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException)
        {
            return ErrorReply(default, new RpcException(RpcErrorCode.ParseError, "Parse error"));
        }
        catch (ArgumentException)
        {
            // Invalid UTF-8 surfaces as ArgumentException from some reader paths.
            return ErrorReply(default, new RpcException(RpcErrorCode.ParseError, "Parse error"));
        }
        using (document)
        {
            var root = document.RootElement;
            // A \u escape can spell a lone surrogate, which no string can hold: reject it up front as a parse error
            // (UniValue does too) rather than failing wherever a string is read. Only escaped text needs the walk.
            if (body.Span.IndexOf("\\u"u8) >= 0 && !HasOnlyValidStrings(root))
                return ErrorReply(default, new RpcException(RpcErrorCode.ParseError, "Parse error"));
            return root.ValueKind switch
            {
                JsonValueKind.Object => await SingleAsync(root, cancellationToken).ConfigureAwait(false),
                JsonValueKind.Array => await BatchAsync(root, cancellationToken).ConfigureAwait(false),
                _ => ErrorReply(default, new RpcException(RpcErrorCode.ParseError, "Top-level object parse error")),
            };
        }
    }

    private async Task<RpcReply> SingleAsync(JsonElement element, CancellationToken cancellationToken)
    {
        if (!RpcRequestParser.TryParse(element, out var call, out var parseError))
            return ErrorReply(call, parseError!);
        var (result, error) = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        // Legacy: a failed call is an HTTP error too. 2.0: HTTP 200 with the error in the body.
        if (error is not null && call.Version == RpcVersion.Legacy)
            return ErrorReply(call, error);
        if (call.IsNotification)
            return new RpcReply(StatusNoContent, ReadOnlyMemory<byte>.Empty);
        return new RpcReply(StatusOk, Render(w => WriteReply(w, call, result, error)));
    }

    private async Task<RpcReply> BatchAsync(JsonElement batch, CancellationToken cancellationToken)
    {
        int count = batch.GetArrayLength();
        if (count > options.Value.MaxBatch)
            return ErrorReply(default, new RpcException(RpcErrorCode.InvalidRequest, $"Batch of {count} requests is larger than the limit of {options.Value.MaxBatch}"));
        // Batches never produce HTTP errors: every reply goes in the array, notifications get none.
        var replies = new List<(RpcCall Call, ReadOnlyMemory<byte> Result, RpcException? Error)>(count);
        foreach (var element in batch.EnumerateArray())
        {
            if (!RpcRequestParser.TryParse(element, out var call, out var parseError))
            {
                replies.Add((call, default, parseError));
                continue;
            }
            var (result, error) = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
            if (!call.IsNotification)
                replies.Add((call, result, error));
        }
        // All notifications: no content. An empty batch gets [] (Core keeps that for old clients).
        if (replies.Count == 0 && count > 0)
            return new RpcReply(StatusNoContent, ReadOnlyMemory<byte>.Empty);
        return new RpcReply(StatusOk, Render(w =>
        {
            w.WriteStartArray();
            foreach (var (call, result, error) in replies)
                WriteReply(w, call, result, error);
            w.WriteEndArray();
        }));
    }

    private async Task<(ReadOnlyMemory<byte> Result, RpcException? Error)> ExecuteAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (!methods.TryGet(call.Method, out var method))
            return (default, new RpcException(RpcErrorCode.MethodNotFound, "Method not found"));
        if (lifetime is not null && !lifetime.ApplicationStarted.IsCancellationRequested && !AllowedDuringWarmup(call.Method))
            return (default, new RpcException(RpcErrorCode.InWarmup, "Loading block index..."));
        Log.Call(logger, method.Name);
        try
        {
            var parameters = RpcParameterBinder.Bind(method, call.Params);
            var buffer = new ArrayBufferWriter<byte>(256);
            await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                await method.InvokeAsync(parameters, writer, cancellationToken).ConfigureAwait(false);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (writer.CurrentDepth != 0)
                    throw new InvalidOperationException($"{method.Name} wrote an unfinished JSON value.");
                if (writer.BytesCommitted == 0)
                    writer.WriteNullValue();
            }
            return (buffer.WrittenMemory, null);
        }
        catch (RpcException ex)
        {
            return (default, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug or an unexpected failure in a method: Core reports std::exception as RPC_MISC_ERROR with its text.
            Interlocked.Increment(ref _unexpectedFailures);
            Log.MethodFailed(logger, method.Name, ex);
            return (default, new RpcException(RpcErrorCode.MiscError, ex.Message));
        }
    }

    /// <summary>The reply to a failure of the server itself (-32603, HTTP 500), counted with the unexpected failures.</summary>
    public RpcReply InternalError(Exception exception)
    {
        Interlocked.Increment(ref _unexpectedFailures);
        Log.ServerFailed(logger, exception);
        return ErrorReply(default, new RpcException(RpcErrorCode.InternalError, "Internal error"));
    }

    private static bool HasOnlyValidStrings(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!HasOnlyValidStrings(item))
                            return false;
                    }
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is null || !HasOnlyValidStrings(property.Value))
                            return false;
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool AllowedDuringWarmup(string method) => method is "stop" or "uptime";

    // Core's JSONErrorReply: -32600 is HTTP 400, -32601 is 404, everything else 500.
    private static RpcReply ErrorReply(RpcCall call, RpcException error)
    {
        int status = error.Code switch
        {
            RpcErrorCode.InvalidRequest => 400,
            RpcErrorCode.MethodNotFound => 404,
            _ => 500,
        };
        return new RpcReply(status, Render(w => WriteReply(w, call, default, error)));
    }

    private static void WriteReply(Utf8JsonWriter writer, RpcCall call, ReadOnlyMemory<byte> result, RpcException? error)
    {
        writer.WriteStartObject();
        if (call.Version == RpcVersion.V2)
        {
            writer.WriteString("jsonrpc", "2.0");
            if (error is null)
            {
                writer.WritePropertyName("result");
                writer.WriteRawValue(result.Span, skipInputValidation: true);
            }
            else
            {
                WriteError(writer, error);
            }
        }
        else
        {
            writer.WritePropertyName("result");
            if (error is null)
                writer.WriteRawValue(result.Span, skipInputValidation: true);
            else
                writer.WriteNullValue();
            if (error is null)
                writer.WriteNull("error");
            else
                WriteError(writer, error);
        }
        writer.WritePropertyName("id");
        if (call.Id is { } id)
            id.WriteTo(writer);
        else
            writer.WriteNullValue();
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, RpcException error)
    {
        writer.WriteStartObject("error");
        writer.WriteNumber("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

    private static ReadOnlyMemory<byte> Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        // Core ends every reply with a newline.
        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }
}
