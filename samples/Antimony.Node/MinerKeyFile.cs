using Antimony.Primitives.Addresses;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Networks;

namespace Antimony.Node;

/// <summary>
/// The key a node mines to when no <c>--miner-address</c> is given: created once in the data directory
/// (owner-only permissions) so the rewards of every run go to the same key.
/// </summary>
internal static class MinerKeyFile
{
    private const string FileName = "miner.key";

    public static SegwitAddress LoadOrCreate(string dataDirectory, Network network)
    {
        string path = Path.Combine(dataDirectory, FileName);
        PrivateKey key;
        if (File.Exists(path))
        {
            key = PrivateKey.Create(Convert.FromHexString(File.ReadAllText(path).Trim()));
        }
        else
        {
            key = PrivateKey.Generate();
            Span<byte> secret = stackalloc byte[PrivateKey.Size];
            key.WriteSecret(secret);
            File.WriteAllText(path, Convert.ToHexStringLower(secret));
            secret.Clear();
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return SegwitAddress.P2tr(key.XOnlyPublicKey.Tweak(merkleRoot: null).Key.Bytes, network);
    }
}
