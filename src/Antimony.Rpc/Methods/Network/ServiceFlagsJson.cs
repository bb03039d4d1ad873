using System.Globalization;
using System.Text.Json;
using Antimony.P2P.Messages;

namespace Antimony.Rpc.Methods.Network;

/// <summary>Service bits as Core writes them: 16 hex digits, and the names of the known bits.</summary>
internal static class ServiceFlagsJson
{
    private static readonly (ServiceFlags Flag, string Name)[] Names =
    [
        (ServiceFlags.NodeNetwork, "NETWORK"), (ServiceFlags.NodeGetUtxo, "GETUTXO"), (ServiceFlags.NodeBloom, "BLOOM"),
        (ServiceFlags.NodeWitness, "WITNESS"), (ServiceFlags.NodeCompactFilters, "COMPACT_FILTERS"),
        (ServiceFlags.NodeNetworkLimited, "NETWORK_LIMITED"), (ServiceFlags.NodeP2PV2, "P2P_V2"),
    ];

    public static void WriteServices(this Utf8JsonWriter writer, string hexName, string namesName, ServiceFlags services)
    {
        writer.WriteString(hexName, ((ulong)services).ToString("x16", CultureInfo.InvariantCulture));
        writer.WriteStartArray(namesName);
        foreach (var (flag, name) in Names)
        {
            if ((services & flag) != 0)
                writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
    }
}
