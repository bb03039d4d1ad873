using Antimony.Rpc.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Server;

/// <summary>
/// Writes <c>&lt;dir&gt;/.cookie</c> (<c>__cookie__:&lt;64 hex&gt;</c>, mode 0600) when the server starts with cookie
/// authentication, and deletes it when the host stops, so a local client (or atmn-cli) authenticates by reading it.
/// </summary>
internal sealed class RpcCookieFile(IOptions<RpcOptions> options, RpcCredentials credentials, ILogger<RpcCookieFile> logger) : IHostedService, IDisposable
{
    private string? _path;

    /// <summary>The path written, while it exists.</summary>
    public string? Path => _path;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        string? directory = options.Value.EffectiveCookieDirectory;
        if (directory is null)
            return Task.CompletedTask;
        Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, RpcOptions.CookieFileName);
        string temporary = path + ".tmp";
        // Written to a temporary file created 0600 and renamed, so no reader ever sees a partial or world-readable cookie.
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, fileOptions))
            writer.Write(credentials.CookieContent);
        File.Move(temporary, path, overwrite: true);
        _path = path;
        Log.CookieWritten(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Delete();
        return Task.CompletedTask;
    }

    public void Dispose() => Delete();

    private void Delete()
    {
        var path = Interlocked.Exchange(ref _path, null);
        if (path is null)
            return;
        try
        {
            // Another node may have replaced it since; only our own cookie is removed.
            if (File.Exists(path) && File.ReadAllText(path) == credentials.CookieContent)
                File.Delete(path);
        }
        catch (IOException ex)
        {
            Log.CookieDeleteFailed(logger, path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.CookieDeleteFailed(logger, path, ex);
        }
    }
}
