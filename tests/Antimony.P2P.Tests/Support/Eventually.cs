namespace Antimony.P2P.Tests.Support;

/// <summary>Polls a condition until it holds or a timeout passes (every network wait in these tests has one).</summary>
internal static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                return condition();
            await Task.Delay(20);
        }
        return true;
    }

    public static async Task AssertAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        if (!await HoldsAsync(condition, timeout))
            throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {what}");
    }
}
