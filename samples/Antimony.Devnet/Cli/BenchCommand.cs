using System.CommandLine;
using System.Diagnostics;
using Antimony.Devnet.Bench;
using Antimony.Devnet.Checks;
using Antimony.Devnet.Observation;

namespace Antimony.Devnet.Cli;

/// <summary><c>bench</c>: every test in turn, then a JSON and a Markdown report with the 0-100 score.</summary>
internal static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        Option<string?> output = new("--out", "-o") { Description = "Directory for bench.json and bench.md (default: <datadir>/bench)" };
        Option<int> blocks = new("--blocks", "-b") { Description = "Blocks for the propagation test", DefaultValueFactory = _ => 5 };
        Option<int> miners = new("--miners", "-m") { Description = "Concurrent miners", DefaultValueFactory = _ => 5 };
        Option<int> minerBlocks = new("--miner-blocks") { Description = "Blocks for the miners test", DefaultValueFactory = _ => 10 };
        Option<int> transactions = new("--tx", "-n") { Description = "Transactions for the throughput test", DefaultValueFactory = _ => 5000 };
        Option<int> forkRuns = new("--fork-runs") { Description = "Fork test repetitions", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Run every test and write a JSON and Markdown report with a 0-100 score")
        {
            output, blocks, miners, minerBlocks, transactions, forkRuns,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            var (state, clients, log) = (session.State, session.Clients, Console.Out);
            var timeout = TimeSpan.FromSeconds(parse.GetValue(DevnetOptions.TimeoutSeconds));
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var results = new List<CheckResult>();

            async Task<CheckResult> Run(string name, Func<Task<CheckResult>> test)
            {
                Console.WriteLine($"== test {name}");
                CheckResult result;
                try
                {
                    result = await test();
                }
                catch (Exception e) when (e is Rpc.RpcException or InvalidOperationException)
                {
                    result = new CheckResult(name, false, [e.Message], new Dictionary<string, double>());
                }
                Console.WriteLine(result.Verdict);
                results.Add(result);
                return result;
            }

            var connectivity = await Run("connectivity", () => new ConnectivityCheck(state, clients, log).RunAsync(TimeSpan.FromSeconds(10), cancellationToken));
            var propagation = await Run("propagation", () => new PropagationCheck(state, clients, log).RunAsync(parse.GetValue(blocks), 0, timeout, cancellationToken));
            var mining = await Run("miners", () => new MinersCheck(state, clients, log).RunAsync(parse.GetValue(miners), parse.GetValue(minerBlocks), timeout, cancellationToken));
            var throughput = await Run("throughput", () => new ThroughputCheck(state, clients, log).RunAsync(parse.GetValue(transactions), 250, timeout, cancellationToken));
            int runs = Math.Max(1, parse.GetValue(forkRuns)), forksPassed = 0;
            for (int run = 0; run < runs; run++)
                forksPassed += (await Run("fork", () => new ForkCheck(state, clients, log).RunAsync(2, timeout, cancellationToken))).Passed ? 1 : 0;
            var health = (await NetworkSnapshot.TakeAsync(state, clients, TimeSpan.FromSeconds(5), cancellationToken)).Health;

            double Metric(CheckResult r, string name) => r.Metrics.TryGetValue(name, out double v) ? v : double.NaN;
            var points = new List<(string, double, double)>
            {
                ("connectivity", BenchScore.Connectivity(connectivity.Passed, Metric(connectivity, "plannedEdgesUp"), Metric(connectivity, "plannedEdges")), 15),
                ("propagation", BenchScore.Propagation(propagation.Passed, Metric(propagation, "p95Ms")), 20),
                ("miners", BenchScore.Miners(mining.Passed, Metric(mining, "staleRate")), 15),
                ("throughput", BenchScore.Throughput(throughput.Passed, Metric(throughput, "acceptedPerSecond")), 20),
                ("fork", BenchScore.Fork(runs, forksPassed), 15),
                ("health", BenchScore.Health(health.Total), 15),
            };
            var report = new BenchReport(started, clock.Elapsed.TotalSeconds, state, results, points);
            string directory = parse.GetValue(output) ?? Path.Combine(session.Directory, "bench");
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "bench.json"), report.ToJson(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "bench.md"), report.ToMarkdown(), cancellationToken);
            Console.WriteLine();
            foreach (var (part, earned, max) in points)
                Console.WriteLine($"  {part,-13}{earned,5:0.0} / {max}");
            bool allPassed = results.All(r => r.Passed);
            Console.WriteLine($"{(allPassed ? "PASS" : "FAIL")} bench: score {report.Score}/100; reports in {Path.GetFullPath(directory)} (bench.json, bench.md)");
            return allPassed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
