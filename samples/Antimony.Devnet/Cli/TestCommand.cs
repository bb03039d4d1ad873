using System.CommandLine;
using Antimony.Devnet.Checks;

namespace Antimony.Devnet.Cli;

/// <summary><c>test connectivity|propagation|miners|throughput|fork</c>: each prints PASS or FAIL and exits non-zero on failure.</summary>
internal static class TestCommand
{
    /// <summary>Builds <c>test</c> and its sub-commands.</summary>
    public static Command Create()
    {
        var test = new Command("test", "Run one test against the running devnet");

        Option<int> settle = new("--settle") { Description = "Seconds to let connections come up before judging", DefaultValueFactory = _ => 10 };
        test.Subcommands.Add(Define(new Command("connectivity", "Handshakes per node, bootstrap load distribution, planned edges present, graph connected") { settle },
            (parse, session, ct) => new ConnectivityCheck(session.State, session.Clients, Console.Out).RunAsync(TimeSpan.FromSeconds(parse.GetValue(settle)), ct)));

        Option<int> blocks = new("--blocks", "-b") { Description = "Blocks to mine", DefaultValueFactory = _ => 5 };
        Option<int> from = new("--from") { Description = "Index of the node that mines", DefaultValueFactory = _ => 0 };
        Option<int> warmup = new("--warmup") { Description = "Blocks mined first and not measured (JIT, cold caches)", DefaultValueFactory = _ => 1 };
        test.Subcommands.Add(Define(new Command("propagation", "Mine blocks on one node and measure per node the delay until it has each block (p50/p95/max)") { blocks, from, warmup },
            (parse, session, ct) => new PropagationCheck(session.State, session.Clients, Console.Out)
                .RunAsync(parse.GetValue(blocks), Math.Clamp(parse.GetValue(from), 0, session.State.Nodes.Count - 1), Timeout(parse), ct, Math.Max(0, parse.GetValue(warmup)))));

        Option<int> miners = new("--miners", "-m") { Description = "Concurrent miners (on nodes spread over the network)", DefaultValueFactory = _ => 5 };
        Option<int> minerBlocks = new("--blocks", "-b") { Description = "Blocks to mine in total", DefaultValueFactory = _ => 10 };
        test.Subcommands.Add(Define(new Command("miners", "Concurrent miners with distinct addresses: blocks and hash rate per miner, stale count, one tip at the end") { miners, minerBlocks },
            (parse, session, ct) => new MinersCheck(session.State, session.Clients, Console.Out).RunAsync(parse.GetValue(miners), parse.GetValue(minerBlocks), Timeout(parse), ct)));

        Option<int> transactions = new("--tx", "-n") { Description = "Signed transactions to submit", DefaultValueFactory = _ => 5000 };
        Option<int> batch = new("--batch") { Description = "sendrawtransaction calls per JSON-RPC batch", DefaultValueFactory = _ => 250 };
        test.Subcommands.Add(Define(new Command("throughput", "Fund a key, submit signed transactions from several nodes at once; accepted tx/s, mempool agreement, first confirmation") { transactions, batch },
            (parse, session, ct) => new ThroughputCheck(session.State, session.Clients, Console.Out).RunAsync(parse.GetValue(transactions), parse.GetValue(batch), Timeout(parse), ct)));

        Option<int> winning = new("--blocks", "-b") { Description = "Blocks the winning half mines (the losing half mines one)", DefaultValueFactory = _ => 2 };
        Option<int> runs = new("--runs") { Description = "Repeat the whole fork test this many times", DefaultValueFactory = _ => 1 };
        test.Subcommands.Add(Define(new Command("fork", "Partition into halves, mine on both, heal; all nodes reorganise and the losing side's transaction confirms again") { winning, runs },
            async (parse, session, ct) =>
            {
                int total = Math.Max(1, parse.GetValue(runs));
                var results = new List<CheckResult>();
                for (int run = 1; run <= total; run++)
                {
                    if (total > 1)
                        Console.WriteLine($"-- fork run {run}/{total}");
                    results.Add(await new ForkCheck(session.State, session.Clients, Console.Out).RunAsync(Math.Max(2, parse.GetValue(winning)), Timeout(parse), ct));
                }
                int passed = results.Count(r => r.Passed);
                Console.WriteLine($"{passed}/{total} fork run(s) passed");
                return new CheckResult("fork", passed == total,
                    [$"{passed}/{total} fork run(s) passed", .. results.Where(r => !r.Passed).SelectMany(r => r.Summary)],
                    new Dictionary<string, double> { ["runs"] = total, ["passedRuns"] = passed });
            }));
        return test;
    }

    private static TimeSpan Timeout(ParseResult parse) => TimeSpan.FromSeconds(parse.GetValue(DevnetOptions.TimeoutSeconds));

    private static Command Define(Command command, Func<ParseResult, DevnetSession, CancellationToken, Task<CheckResult>> run)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = DevnetSession.Open(parse.GetValue(DevnetOptions.DataDirectory)!);
            if (session is null)
                return ExitCodes.Usage;
            CheckResult result;
            try
            {
                result = await run(parse, session, cancellationToken);
            }
            catch (Exception e) when (e is Rpc.RpcException or InvalidOperationException)
            {
                result = new CheckResult(command.Name, false, [e.Message], new Dictionary<string, double>());
            }
            if (!result.Passed)
            {
                foreach (string line in result.Summary)
                    Console.WriteLine("  " + line);
            }
            Console.WriteLine(result.Verdict);
            return result.Passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
