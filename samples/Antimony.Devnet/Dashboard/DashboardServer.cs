using System.Net;
using Antimony.Devnet.Observation;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Antimony.Devnet.Dashboard;

/// <summary>
/// <c>dashboard</c>: a small Kestrel server on 127.0.0.1 serving the embedded page at <c>/</c> and the aggregated
/// network document at <c>/api/network</c> (each request asks every node for /status).
/// </summary>
internal static class DashboardServer
{
    /// <summary>The page, read once from the assembly's resources.</summary>
    public static string Page { get; } = ReadPage();

    /// <summary>Serves until <paramref name="cancellationToken"/> fires; <paramref name="onListening"/> gets the bound address.</summary>
    public static async Task RunAsync(DevnetState state, int port, Action<string> onListening, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        using var clients = new DevnetClients(state, TimeSpan.FromSeconds(5));
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.MapGet("/api/network", async (CancellationToken ct) =>
            Results.Json(DashboardData.From(await NetworkSnapshot.TakeAsync(state, clients, TimeSpan.FromSeconds(3), ct))));
        await app.StartAsync(cancellationToken);
        onListening(app.Urls.FirstOrDefault() ?? $"http://127.0.0.1:{port}");
        // Ctrl+C reaches both the command line's token and the host's own console lifetime; either one ends the page.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => stopped.TrySetResult()))
        using (app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult()))
            await stopped.Task;
        await app.StopAsync(CancellationToken.None);
    }

    private static string ReadPage()
    {
        using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream("Antimony.Devnet.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
