using Microsoft.Extensions.Logging;

namespace Antimony.Rpc.Monitoring;

/// <summary>A warning or error the node logged, kept for <c>/status</c> and the error-free health check.</summary>
/// <param name="UnixMs">When it was logged (Unix milliseconds).</param>
/// <param name="Level">Its level (warning or above).</param>
/// <param name="Category">The logger category (usually the class that logged).</param>
/// <param name="Message">The formatted message, with the exception's message appended when there is one.</param>
public sealed record RecentLogEvent(long UnixMs, LogLevel Level, string Category, string Message);
