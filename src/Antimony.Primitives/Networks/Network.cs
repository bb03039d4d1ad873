using System.Diagnostics.CodeAnalysis;

namespace Antimony.Primitives.Networks;

/// <summary>
/// What tells one Antimony network from another at the data and wire level: its name, P2P magic,
/// default ports and bech32 address prefix. Consensus parameters live in the consensus layer, which
/// holds a <see cref="Network"/> (or derives its own description from one with <c>with</c>).
/// </summary>
/// <remarks>
/// <para>A custom network is first-class: <c>new Network("mynet", new NetworkMagic(0x8f8f8f8f), 30000, 30001, "mynet")</c>
/// works everywhere a built-in does. Every property is validated on construction and in <c>with</c>
/// expressions, so an instance is always usable. Equality compares all properties.</para>
/// <para>Built-in constants: the magics keep every byte in 0x80-0xBF. Those are UTF-8 continuation bytes,
/// which no text can start with, and none of Bitcoin's or Litecoin's magics (<c>f9beb4d9</c>, <c>0b110907</c>,
/// <c>fabfb5da</c>, <c>1c163f28</c>, <c>fbc0b6db</c>) starts with one, so an Antimony node never mistakes their
/// peers for its own. The first byte differs per network (b5, b6, b7, b8), so a peer from another
/// Antimony network is rejected on the first byte. Ports derive from 51, antimony's atomic number:
/// mainnet 5151/5152, testnet 15151/15152, regtest 25151/25152, chosen so the three never collide and
/// stay clear of the devnet's range; the devnet starts at 20000 for P2P (node i uses 20000 + i, the
/// launcher's range) and 21000 for the HTTP API (node i uses 21000 + i).</para>
/// </remarks>
public sealed record Network
{
    /// <summary>The longest HRP a network may use: a 40-byte witness program (72 characters after the HRP) still fits in BIP173's 90.</summary>
    public const int MaxHrpLength = 18;

    private readonly string _name = "";
    private readonly NetworkMagic _magic;
    private readonly int _defaultPort;
    private readonly int _defaultRpcPort;
    private readonly string _bech32Hrp = "";

    /// <summary>Describes a network; every argument is validated.</summary>
    /// <exception cref="ArgumentException">A name that is empty or has whitespace, a default magic, a port
    /// outside 1-65535, or an HRP that is not 1-18 lowercase letters and digits.</exception>
    public Network(string name, NetworkMagic magic, int defaultPort, int defaultRpcPort, string bech32Hrp)
    {
        Name = name;
        Magic = magic;
        DefaultPort = defaultPort;
        DefaultRpcPort = defaultRpcPort;
        Bech32Hrp = bech32Hrp;
    }

    /// <summary>The main network: HRP <c>atmn</c>, magic <c>b59a8cb3</c>, ports 5151 (P2P) and 5152 (RPC).</summary>
    public static Network Mainnet { get; } = new("mainnet", new NetworkMagic(0xB59A_8CB3), 5151, 5152, "atmn");

    /// <summary>The public test network: HRP <c>tatmn</c>, magic <c>b69a8cb3</c>, ports 15151 and 15152.</summary>
    public static Network Testnet { get; } = new("testnet", new NetworkMagic(0xB69A_8CB3), 15151, 15152, "tatmn");

    /// <summary>The local regression-test network: HRP <c>ratmn</c>, magic <c>b79a8cb3</c>, ports 25151 and 25152.</summary>
    public static Network Regtest { get; } = new("regtest", new NetworkMagic(0xB79A_8CB3), 25151, 25152, "ratmn");

    /// <summary>
    /// The multi-node development network the launcher starts: HRP <c>ratmn</c> (shared with regtest, per
    /// PROTOCOL.md), magic <c>b89a8cb3</c>, P2P port 20000 and RPC port 21000 for node 0 (node i adds i).
    /// </summary>
    public static Network Devnet { get; } = new("devnet", new NetworkMagic(0xB89A_8CB3), 20000, 21000, "ratmn");

    /// <summary>The four built-in networks.</summary>
    public static IReadOnlyList<Network> BuiltIn { get; } = [Mainnet, Testnet, Regtest, Devnet];

    /// <summary>Finds a built-in network by name (case-insensitive).</summary>
    public static bool TryGetBuiltIn(string? name, [NotNullWhen(true)] out Network? network)
    {
        network = BuiltIn.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
        return network is not null;
    }

    /// <summary>The network's name, for configuration and logs (non-empty, no whitespace).</summary>
    public string Name
    {
        get => _name;
        init => _name = !string.IsNullOrEmpty(value) && !value.Any(char.IsWhiteSpace)
            ? value
            : throw new ArgumentException("A network name is non-empty and has no whitespace.", nameof(Name));
    }

    /// <summary>The four bytes that start each P2P frame.</summary>
    public NetworkMagic Magic
    {
        get => _magic;
        init => _magic = NetworkMagic.IsValid(value.Value)
            ? value
            : throw new ArgumentException("The network magic is the invalid default value.", nameof(Magic));
    }

    /// <summary>The TCP port a node listens on for peers unless configured otherwise.</summary>
    public int DefaultPort
    {
        get => _defaultPort;
        init => _defaultPort = ValidPort(value, nameof(DefaultPort));
    }

    /// <summary>The TCP port of the node's HTTP API unless configured otherwise.</summary>
    public int DefaultRpcPort
    {
        get => _defaultRpcPort;
        init => _defaultRpcPort = ValidPort(value, nameof(DefaultRpcPort));
    }

    /// <summary>
    /// The human-readable part of the network's segwit addresses: 1 to <see cref="MaxHrpLength"/> lowercase
    /// ASCII letters and digits (a stricter subset of BIP173's rule, so an address reads the same in any case
    /// and every witness program fits in 90 characters).
    /// </summary>
    public string Bech32Hrp
    {
        get => _bech32Hrp;
        init => _bech32Hrp = IsValidHrp(value)
            ? value
            : throw new ArgumentException($"A network HRP is 1 to {MaxHrpLength} lowercase letters and digits.", nameof(Bech32Hrp));
    }

    /// <summary>Whether <paramref name="hrp"/> is acceptable as a network's bech32 prefix.</summary>
    public static bool IsValidHrp([NotNullWhen(true)] string? hrp) =>
        hrp is { Length: > 0 and <= MaxHrpLength } && hrp.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>The network's name.</summary>
    public override string ToString() => Name;

    private static int ValidPort(int port, string name) =>
        port is >= 1 and <= 65535 ? port : throw new ArgumentOutOfRangeException(name, port, "A port is 1 to 65535.");
}
