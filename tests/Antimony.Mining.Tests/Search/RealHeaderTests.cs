using Antimony.Mining.Search;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Tests.Search;

/// <summary>
/// Real Bitcoin mainnet headers (Antimony's header format is Bitcoin's): every available path must
/// recompute the published block hash, and a search of ±50,000 nonces around the real nonce under
/// the block's real target must find exactly that nonce.
/// </summary>
[Trait("Category", "Simd")]
public class RealHeaderTests
{
    public static TheoryData<string, uint, string> Blocks => new()
    {
        // Genesis: version 1, prev 0, merkle 4a5e1e4b..., time 1231006505, bits 0x1d00ffff, nonce 2083236893.
        {
            "01000000" + new string('0', 64)
            + "3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a" + "29ab5f49" + "ffff001d" + "1dac2b7c",
            0x1d00ffff, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
        },
        // Block 1: prev = genesis, merkle 0e3e2357..., time 1231469665, nonce 2573394689.
        {
            "01000000" + "6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000"
            + "982051fd1e4ba744bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e" + "61bc6649" + "ffff001d" + "01e36299",
            0x1d00ffff, "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048"
        },
        // Block 59,500 (header hex as quoted on bitcoin.stackexchange.com/questions/76004).
        {
            "01000000" + "a1c77a081de8e03801563ffb02833fd10c2dbd7fd2228ae7b0ba3b0200000000"
            + "38805219c8ac7e9a96416d706dc1d8f638b12f46b94dfd1362b5d16cf62e68ff" + "27b80a4c" + "5c670f1c" + "8bedfd00",
            0x1c0f675c, "00000000096af43105123c499521e1d131d172e7e1bf2ed0843290a921f1f6a7"
        },
        // Block 125,552, the Bitcoin wiki's "Block hashing algorithm" example.
        {
            "01000000" + "81cd02ab7e569e8bcd9317e2fe99f2de44d49ab2b8851ba4a308000000000000"
            + "e320b6c2fffc8d750423db8b1eb942ae710e951ed797f7affc8892b0f1fc122b" + "c7f5d74d" + "f2b9441a" + "42a14695",
            0x1a44b9f2, "00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d"
        },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_available_path_recomputes_the_block_hash(string headerHex, uint bits, string blockHash)
    {
        byte[] header = Convert.FromHexString(headerHex);
        uint nonce = BitConverter.ToUInt32(header, 76);
        var template = new HeaderTemplate(header, ReferenceMiner.TargetFromBits(bits));
        Assert.Equal(blockHash, new Hash256(ReferenceMiner.BlockHash(header)).ToString());
        var paths = Enum.GetValues<Sha256Path>().Where(NonceSearch.IsAvailable).ToList();
        Assert.Contains(NonceSearch.BestPath, paths);
        foreach (var path in paths)
        {
            // 21 hashes starting 3 before the real nonce: vector groups land the real nonce in a middle lane.
            var hashes = new Hash256[21];
            NonceSearch.HashNonces(path, template, nonce - 3, hashes);
            Assert.Equal(blockHash, hashes[3].ToString());
            Assert.True(template.IsMetBy(Hash256.AsBytes(in hashes[3])), $"{path}: the real hash meets the real target");
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Searching_around_the_real_nonce_finds_exactly_it(string headerHex, uint bits, string blockHash)
    {
        byte[] header = Convert.FromHexString(headerHex);
        uint nonce = BitConverter.ToUInt32(header, 76);
        var template = new HeaderTemplate(header.AsSpan(0, 76), ReferenceMiner.TargetFromBits(bits));
        foreach (var path in Enum.GetValues<Sha256Path>().Where(NonceSearch.IsAvailable))
        {
            var result = NonceSearch.Search(path, template, nonce - 50_000, (ulong)nonce + 50_001);
            Assert.Equal([nonce], result.Nonces);
            Assert.Equal(100_001UL, result.HashesComputed);
            Assert.False(result.Cancelled);
        }
        Assert.NotEmpty(blockHash);
    }
}
