using Antimony.Primitives.Keys;
using Antimony.Tests;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>Every row of BIP340's official test-vectors.csv: signing byte for byte, verification everywhere.</summary>
public class Bip340VectorTests
{
    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        foreach (var row in ReadRows())
            data.Add(row.Index);
        return data;
    }

    [Fact]
    public void The_vector_file_has_all_nineteen_rows() => Assert.Equal(19, ReadRows().Count);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_signs_and_verifies_as_specified(int index)
    {
        var row = ReadRows().Single(r => r.Index == index);
        if (row.SecretKey.Length > 0)
        {
            var key = PrivateKey.Create(row.SecretKey);
            Assert.Equal(Convert.ToHexString(row.PublicKey), Convert.ToHexString(key.XOnlyPublicKey.Bytes));
            var signature = key.SignSchnorr(row.Message, row.AuxRand);
            Assert.Equal(Convert.ToHexString(row.Signature), Convert.ToHexString(signature.Bytes));
        }

        bool verified = XOnlyPublicKey.TryParse(row.PublicKey, out var publicKey)
            && SchnorrSignature.TryParse(row.Signature, out var parsed)
            && publicKey.Verify(row.Message, parsed);
        Assert.Equal(row.Expected, verified);
    }

    internal sealed record Row(int Index, byte[] SecretKey, byte[] PublicKey, byte[] AuxRand, byte[] Message, byte[] Signature, bool Expected);

    internal static List<Row> ReadRows() =>
        File.ReadAllLines(SharedVectors.PathOf("bip-0340_test-vectors.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new Row(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
                Convert.FromHexString(f[1]), Convert.FromHexString(f[2]), Convert.FromHexString(f[3]),
                Convert.FromHexString(f[4]), Convert.FromHexString(f[5]), f[6] == "TRUE"))
            .ToList();
}
