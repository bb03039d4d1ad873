using System.Diagnostics.Metrics;
using Antimony.Rpc.Monitoring.Metrics;

namespace Antimony.Tests.Monitoring;

public sealed class PrometheusExporterTests
{
    // Each test has its own meter, so tests running in parallel never share a family.
    private static Meter NewMeter() => new("Antimony.Test." + Guid.NewGuid().ToString("N"));

    private static string Unique(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Counters_become_total_families_with_their_labels_summed_per_label_set()
    {
        using var exporter = new PrometheusExporter();
        using var meter = NewMeter();
        string stem = Unique("messages");
        var counter = meter.CreateCounter<long>("antimony.p2p." + stem, "{message}", "Messages by command.");
        counter.Add(2, new KeyValuePair<string, object?>("command", "inv"), new KeyValuePair<string, object?>("direction", "sent"));
        counter.Add(3, new KeyValuePair<string, object?>("direction", "sent"), new KeyValuePair<string, object?>("command", "inv"));
        counter.Add(7, new KeyValuePair<string, object?>("command", "tx"));

        var families = PrometheusTextParser.Parse(exporter.Scrape());

        var family = families[$"antimony_p2p_{stem}_total"];
        Assert.Equal("counter", family.Type);
        Assert.Equal("Messages by command.", family.Help);
        Assert.Equal(5, family.Samples.Single(s => s.Labels.GetValueOrDefault("command") == "inv" && s.Labels["direction"] == "sent").Value);
        Assert.Equal(7, family.Samples.Single(s => s.Labels.GetValueOrDefault("command") == "tx").Value);
    }

    [Fact]
    public void Units_become_suffixes_once_and_up_down_counters_and_gauges_are_gauges()
    {
        using var exporter = new PrometheusExporter();
        using var meter = NewMeter();
        string bytes = Unique("frames"), peers = Unique("peers"), rate = Unique("rate"), depth = Unique("depth");
        meter.CreateCounter<long>("antimony.p2p." + bytes, "By").Add(100);
        var up = meter.CreateUpDownCounter<int>("antimony.p2p." + peers, "{peer}");
        up.Add(3);
        up.Add(-1);
        meter.CreateObservableGauge("antimony.miner." + rate, () => 12.5, "{hash}/s");
        meter.CreateGauge<int>("antimony.consensus." + depth).Record(4);

        var families = PrometheusTextParser.Parse(exporter.Scrape());

        Assert.Equal(100, families[$"antimony_p2p_{bytes}_bytes_total"].Samples.Single().Value);
        Assert.Equal("gauge", families[$"antimony_p2p_{peers}"].Type);
        Assert.Equal(2, families[$"antimony_p2p_{peers}"].Samples.Single().Value);
        Assert.Equal(12.5, families[$"antimony_miner_{rate}"].Samples.Single().Value);
        Assert.Equal(4, families[$"antimony_consensus_{depth}"].Samples.Single().Value);
    }

    [Theory]
    [InlineData("antimony.p2p.messages", "{message}", true, "antimony_p2p_messages_total")]
    [InlineData("antimony.p2p.bytes", "By", true, "antimony_p2p_bytes_total")]
    [InlineData("antimony.mempool.bytes", "By", false, "antimony_mempool_bytes")]
    [InlineData("antimony.storage.flush.duration", "s", false, "antimony_storage_flush_duration_seconds")]
    [InlineData("antimony.consensus.block_processing_duration", "ms", false, "antimony_consensus_block_processing_duration_milliseconds")]
    [InlineData("antimony.miner.hash_rate", "{hash}/s", false, "antimony_miner_hash_rate")]
    [InlineData("9lives-x", null, false, "_9lives_x")]
    public void Instrument_names_map_to_prometheus_conventions(string instrument, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNames.Metric(instrument, unit, counter));

    [Fact]
    public void A_histogram_has_cumulative_buckets_ending_in_inf_a_sum_and_a_count()
    {
        using var exporter = new PrometheusExporter();
        using var meter = NewMeter();
        string stem = Unique("latency");
        var histogram = meter.CreateHistogram<double>("antimony.consensus." + stem, "ms", "Validation latency.");
        double[] values = [0.5, 3, 5, 12, 99999];
        foreach (double value in values)
            histogram.Record(value);

        var family = PrometheusTextParser.Parse(exporter.Scrape())[$"antimony_consensus_{stem}_milliseconds"];

        Assert.Equal("histogram", family.Type);
        var buckets = family.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal("+Inf", buckets[^1].Labels["le"]);
        Assert.Equal(values.Length, buckets[^1].Value);
        Assert.Equal(3, buckets.Single(b => b.Labels["le"] == "5").Value); // le is inclusive: 0.5, 3 and 5
        Assert.Equal(values.Sum(), family.Samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Advised_bucket_boundaries_are_used()
    {
        using var exporter = new PrometheusExporter();
        using var meter = NewMeter();
        string stem = Unique("reorg_depth");
        meter.CreateHistogram("antimony.consensus." + stem, "{block}", null, null, new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3] }).Record(2);

        var family = PrometheusTextParser.Parse(exporter.Scrape())["antimony_consensus_" + stem];

        Assert.Equal(["1", "2", "3", "+Inf"], family.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"]));
    }

    [Fact]
    public void Meters_outside_the_Antimony_prefix_are_not_exported()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter("Other." + Guid.NewGuid().ToString("N"));
        string stem = Unique("foreign");
        meter.CreateCounter<long>(stem).Add(1);

        Assert.DoesNotContain(stem, exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Process_footprint_is_exported_under_the_standard_names()
    {
        using var exporter = new PrometheusExporter();
        var families = PrometheusTextParser.Parse(exporter.Scrape());
        Assert.True(families["process_resident_memory_bytes"].Samples.Single().Value > 1_000_000);
        Assert.Equal("counter", families["process_cpu_seconds_total"].Type);
    }

    [Property(MaxTest = 200)]
    public Property Any_label_value_and_instrument_name_round_trip_through_the_text_format() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), ArbMap.Default.ArbFor<NonEmptyString>(), (value, name) =>
        {
            using var exporter = new PrometheusExporter();
            using var meter = NewMeter();
            string id = Guid.NewGuid().ToString("N");
            string instrument = "antimony." + name.Get + "." + id;
            meter.CreateCounter<long>(instrument, null, "help with \\ and \n inside").Add(1, new KeyValuePair<string, object?>("v", value.Get));
            var families = PrometheusTextParser.Parse(exporter.Scrape());
            var family = families.Values.Single(f => f.Name.EndsWith(id + "_total", StringComparison.Ordinal));
            return (family.Samples.Single().Labels["v"] == value.Get && family.Help == "help with \\ and \n inside").Label(family.Name);
        });
}
