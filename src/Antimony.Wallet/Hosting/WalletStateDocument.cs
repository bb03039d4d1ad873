using System.Text.Json.Serialization;

namespace Antimony.Wallet.Hosting;

/// <summary>The persisted state (<c>wallet.state.json</c>): everything but the seed, which lives in the key file.</summary>
internal sealed class WalletStateDocument
{
    public int Version { get; set; } = 1;

    public string Network { get; set; } = "";

    public int Account { get; set; }

    public uint ReceiveIndex { get; set; }

    public uint ChangeIndex { get; set; }

    /// <summary>The last block the wallet processed (display hex), or null before the first.</summary>
    public string? TipHash { get; set; }

    public int TipHeight { get; set; } = -1;

    public long NextSequence { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public List<TrackedTransactionDocument> Transactions { get; set; } = [];
}

/// <summary>One tracked transaction in <see cref="WalletStateDocument"/>.</summary>
internal sealed class TrackedTransactionDocument
{
    public string Hex { get; set; } = "";

    public long Sequence { get; set; }

    public long FirstSeenUnixMs { get; set; }

    public int? Height { get; set; }

    public string? BlockHash { get; set; }

    public long? BlockTimeUnix { get; set; }

    public bool Abandoned { get; set; }
}

/// <summary>Source-generated JSON for the state file (no reflection, so the package stays AOT-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WalletStateDocument))]
internal sealed partial class WalletStateJsonContext : JsonSerializerContext;
