using Antimony.Simulation.Network;

namespace Antimony.Simulation.Tests.Network;

public sealed class LatencyMatrixTests
{
    [Fact]
    public void The_default_matrix_is_symmetric_with_short_intra_region_trips()
    {
        var matrix = LatencyMatrix.Default;
        foreach (var a in Enum.GetValues<Region>())
        {
            Assert.Equal(TimeSpan.FromMilliseconds(2), matrix.RoundTrip(a, a));
            foreach (var b in Enum.GetValues<Region>())
            {
                Assert.Equal(matrix.RoundTrip(a, b), matrix.RoundTrip(b, a));
                Assert.Equal(matrix.RoundTrip(a, b).Ticks / 2, matrix.OneWay(a, b).Ticks);
                if (a != b)
                    Assert.InRange(matrix.RoundTrip(a, b), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(350));
            }
        }
    }

    [Fact]
    public void Known_routes_have_their_real_round_trips()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(70), LatencyMatrix.Default.RoundTrip(Region.UsEast, Region.EuWest));
        Assert.Equal(TimeSpan.FromMilliseconds(25), LatencyMatrix.Default.RoundTrip(Region.EuWest, Region.EuCentral));
        Assert.Equal(TimeSpan.FromMilliseconds(325), LatencyMatrix.Default.RoundTrip(Region.SaEast, Region.ApSoutheast));
    }

    [Fact]
    public void Asymmetric_or_misshapen_matrices_are_refused()
    {
        var asymmetric = new double[9, 9];
        asymmetric[0, 1] = 10;
        Assert.Throws<ArgumentException>(() => LatencyMatrix.FromMilliseconds(asymmetric));
        Assert.Throws<ArgumentException>(() => LatencyMatrix.FromMilliseconds(new double[3, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyMatrix.Uniform(TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public void A_uniform_matrix_has_one_value()
    {
        var loopback = LatencyMatrix.Uniform(TimeSpan.FromMilliseconds(0.1));
        Assert.Equal(TimeSpan.FromMilliseconds(0.1), loopback.RoundTrip(Region.UsEast, Region.Oceania));
        Assert.Equal(TimeSpan.FromMilliseconds(0.05), loopback.OneWay(Region.ApSouth, Region.ApSouth));
    }
}
