using System.Net;
using Antimony.P2P.Connections;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Support;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

public sealed class AddressBookTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"antimony-addr-{Guid.NewGuid():N}.dat");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Saved_addresses_load_back_and_unroutable_ones_are_ignored()
    {
        var book = new AddressBook();
        book.Add(Entry("203.0.113.5", 20001, 100));
        book.Add(Entry("203.0.113.5", 20001, 50)); // older: does not replace
        book.Add(Entry("198.51.100.9", 20002, 200));
        book.Add(Entry("0.0.0.0", 20003, 300));
        book.Add(Entry("198.51.100.10", 0, 300));
        Assert.Equal(2, book.Count);
        book.Save(_path);
        var loaded = new AddressBook();
        loaded.Load(_path);
        Assert.Equal(book.Sample(10).Select(e => (e.Time, e.Address.ToEndPoint())), loaded.Sample(10).Select(e => (e.Time, e.Address.ToEndPoint())));
        Assert.Equal(200u, loaded.Sample(1)[0].Time);
    }

    [Fact]
    public void A_damaged_file_is_an_empty_book()
    {
        File.WriteAllBytes(_path, [0xfd, 0xff, 0xff, 1, 2, 3]);
        var book = new AddressBook();
        book.Load(_path);
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public async Task A_node_remembers_the_peers_it_reached_across_a_restart()
    {
        var seed = await TestPeerNode.StartAsync();
        try
        {
            var first = await TestPeerNode.StartAsync(o => { o.Bootstrap = [seed.EndPoint]; o.AddressBookPath = _path; });
            try
            {
                await Eventually.AssertAsync(() => first.Network.Addresses.Contains(seed.EndPoint), TimeSpan.FromSeconds(30), "the seed is in the book");
            }
            finally
            {
                await first.DisposeAsync();
            }
            var restarted = await TestPeerNode.StartAsync(o => o.AddressBookPath = _path);
            try
            {
                Assert.True(restarted.Network.Addresses.Contains(seed.EndPoint));
                // With no bootstrap list, the restarted node fills its outbound slot from the saved book.
                await Eventually.AssertAsync(() => restarted.Network.Peers.Any(p => !p.IsInbound), TimeSpan.FromSeconds(30), "an outbound peer from the book");
            }
            finally
            {
                await restarted.DisposeAsync();
            }
        }
        finally
        {
            await seed.DisposeAsync();
        }
    }

    private static TimestampedAddress Entry(string ip, ushort port, uint time) =>
        new(time, new NetworkAddress(ServiceFlags.NodeNetwork, IPAddress.Parse(ip), port));
}
