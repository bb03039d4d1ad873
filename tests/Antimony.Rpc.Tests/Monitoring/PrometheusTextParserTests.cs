namespace Antimony.Tests.Monitoring;

// The parser must refuse what Prometheus refuses, or the exporter tests would prove nothing.
public sealed class PrometheusTextParserTests
{
    [Theory]
    [InlineData("1bad_name 1\n")]
    [InlineData("ok{1label=\"x\"} 1\n")]
    [InlineData("ok{__reserved=\"x\"} 1\n")]
    [InlineData("ok{l=x} 1\n")]
    [InlineData("ok{l=\"\\t\"} 1\n")]
    [InlineData("ok{l=\"x\" 1\n")]
    [InlineData("ok one\n")]
    [InlineData("ok 1")]
    [InlineData("# TYPE ok counter\n# TYPE ok gauge\nok 1\n")]
    [InlineData("# TYPE ok kind\nok 1\n")]
    [InlineData("ok 1\nother 2\nok 3\n")]
    [InlineData("# TYPE c counter\nc -1\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 2\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n")]
    public void Malformed_expositions_are_refused(string text) =>
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));

    [Fact]
    public void A_well_formed_exposition_parses_with_escapes_and_timestamps()
    {
        const string text = "# HELP h Latency \\\\ in\\nms.\n# TYPE h histogram\nh_bucket{a=\"q\\\"\\\\\\n\",le=\"1\"} 1\nh_bucket{a=\"q\\\"\\\\\\n\",le=\"+Inf\"} 2\n"
            + "h_sum{a=\"q\\\"\\\\\\n\"} 3.5\nh_count{a=\"q\\\"\\\\\\n\"} 2\n# a comment\nup 1 1700000000000\nnan NaN\n";
        var families = PrometheusTextParser.Parse(text);
        Assert.Equal("Latency \\ in\nms.", families["h"].Help);
        Assert.Equal("q\"\\\n", families["h"].Samples[0].Labels["a"]);
        Assert.Equal(1, families["up"].Samples.Single().Value);
        Assert.True(double.IsNaN(families["nan"].Samples.Single().Value));
    }
}
