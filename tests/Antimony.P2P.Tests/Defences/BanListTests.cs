using System.Net;
using Antimony.P2P.Defences;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Antimony.P2P.Tests.Defences;

public sealed class BanListTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly string _directory = Directory.CreateTempSubdirectory("antimony-bans-").FullName;

    private string FilePath => Path.Combine(_directory, "banlist.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly Gen<BanEntry> AnyEntry =
        from v6 in Gen.Elements(false, true)
        from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(v6 ? 16 : 4)
        from port in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 65535))
        from created in Gen.Choose(0, 1_000_000)
        from duration in Gen.Choose(1, 1_000_000_000)
        let start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000L + created)
        select new BanEntry(new IPAddress(bytes), port, start, start.AddMilliseconds(duration));

    [Property(MaxTest = 100)]
    public Property The_file_round_trips_every_entry() => Prop.ForAll(Arb.From(AnyEntry.ArrayOf()), entries =>
    {
        var unique = entries.Where(e => !e.Address.IsIPv4MappedToIPv6).DistinctBy(e => (e.Address, e.Port)).ToList();
        BanListFile.Write(FilePath, unique);
        bool read = BanListFile.TryRead(FilePath, out var back, out var error);
        return (read && back.SequenceEqual(unique)).Label($"{unique.Count} entries, error {error}");
    });

    [Fact]
    public void Bans_by_address_cover_every_port_and_bans_by_endpoint_only_theirs()
    {
        var bans = new BanList(_clock);
        var host = IPAddress.Parse("127.0.0.1");
        bans.Ban(new IPEndPoint(host, 20005), TimeSpan.FromHours(1));
        Assert.True(bans.IsBanned(new IPEndPoint(host, 20005)));
        Assert.False(bans.IsBanned(new IPEndPoint(host, 20006)));
        Assert.False(bans.IsBanned(host));
        bans.Ban(IPAddress.Parse("203.0.113.7"), TimeSpan.FromHours(1));
        Assert.True(bans.IsBanned(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 1234)));
        Assert.True(bans.IsBanned(IPAddress.Parse("203.0.113.7").MapToIPv6()));
        Assert.Equal(["127.0.0.1:20005", "203.0.113.7"], bans.Entries.Select(e => e.ToString()).Order());
        Assert.True(bans.Unban(new IPEndPoint(host, 20005)));
        Assert.False(bans.Unban(new IPEndPoint(host, 20005)));
        Assert.Equal(1, bans.Clear());
        Assert.Empty(bans.Entries);
    }

    [Fact]
    public void Bans_expire()
    {
        var bans = new BanList(_clock);
        bans.Ban(IPAddress.Parse("198.51.100.1"), TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(bans.IsBanned(IPAddress.Parse("198.51.100.1")));
        Assert.Empty(bans.Entries);
    }

    [Fact]
    public void Every_change_is_saved_and_reloaded_without_expired_entries()
    {
        var bans = new BanList(_clock, FilePath);
        var raised = new List<BanEntry>();
        bans.Banned += (_, e) => raised.Add(e);
        bans.Ban(IPAddress.Parse("198.51.100.1"), TimeSpan.FromMinutes(5));
        bans.Ban(new IPEndPoint(IPAddress.Loopback, 20003), TimeSpan.FromDays(1));
        Assert.Equal(2, raised.Count);
        Assert.True(File.Exists(FilePath));
        Assert.False(File.Exists(FilePath + ".tmp"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var restarted = new BanList(_clock, FilePath);
        Assert.True(restarted.Load(out var error), error);
        var entry = Assert.Single(restarted.Entries);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 20003).ToString(), entry.ToString());
        Assert.Equal(bans.Entries.Single(), entry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\":1,\"bans\":[{\"address\":\"127.0.0.1\",\"po")]
    [InlineData("{\"version\":1,\"bans\":[{\"address\":\"not an ip\",\"port\":0,\"createdUnixMs\":0,\"expiresUnixMs\":1}]}")]
    [InlineData("{\"version\":1,\"bans\":[{\"address\":\"127.0.0.1\",\"port\":70000,\"createdUnixMs\":0,\"expiresUnixMs\":1}]}")]
    [InlineData("{\"version\":9,\"bans\":[]}")]
    [InlineData("[1,2,3]")]
    public void A_damaged_file_leaves_an_empty_list_and_says_why(string content)
    {
        File.WriteAllText(FilePath, content);
        var bans = new BanList(_clock, FilePath);
        Assert.False(bans.Load(out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Empty(bans.Entries);
        bans.Ban(IPAddress.Loopback, TimeSpan.FromHours(1)); // and it still works, overwriting the damaged file
        var again = new BanList(_clock, FilePath);
        Assert.True(again.Load(out _));
        Assert.Single(again.Entries);
    }

    [Fact]
    public void A_truncated_file_is_damaged()
    {
        var bans = new BanList(_clock, FilePath);
        for (int i = 1; i <= 20; i++)
            bans.Ban(IPAddress.Parse($"198.51.100.{i}"), TimeSpan.FromHours(i));
        var bytes = File.ReadAllBytes(FilePath);
        for (int cut = 0; cut < bytes.Length - 1; cut += 37)
        {
            File.WriteAllBytes(FilePath, bytes[..cut]);
            Assert.False(new BanList(_clock, FilePath).Load(out _), $"cut at {cut}");
        }
    }
}
