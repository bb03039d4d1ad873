using System.Text.Json;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Methods;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Tests.Server;

/// <summary>Binding positional and named params onto a method, and Core's typed accessors.</summary>
public sealed class ParameterTests
{
    private sealed class Probe : IRpcMethod
    {
        public string Name => "probe";

        public IReadOnlyList<RpcParameter> Parameters { get; } = [RpcParameter.Req("first"), RpcParameter.Opt("second"), RpcParameter.Opt("third")];

        public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private static RpcParameters Bind(string json) => RpcParameterBinder.Bind(new Probe(), JsonDocument.Parse(json).RootElement.Clone());

    private static int Code(Action action) => Assert.Throws<RpcException>(action).Code;

    [Fact]
    public void Named_and_positional_params_land_in_the_same_slots()
    {
        var positional = Bind("""["a", null, 3]""");
        var named = Bind("""{"third":3,"first":"a"}""");
        foreach (var p in new[] { positional, named })
        {
            Assert.Equal("a", p.GetString(0));
            Assert.False(p.Has(1));
            Assert.Equal(3, p.GetOptionalInt32(2));
        }
    }

    [Fact]
    public void Binding_errors_use_cores_codes()
    {
        Assert.Equal(-1, Code(() => Bind("""[]""")));
        Assert.Equal(-1, Code(() => Bind("""[null]""")));
        Assert.Equal(-1, Code(() => Bind("""[1,2,3,4]""")));
        Assert.Equal(-8, Code(() => Bind("""{"first":1,"fourth":2}""")));
        Assert.Equal(-1, Code(() => Bind("""{"second":1}""")));
    }

    [Theory]
    [InlineData("1", 100_000_000L)]
    [InlineData("\"0.00000001\"", 1L)]
    [InlineData("0.1", 10_000_000L)]
    [InlineData("1e-8", 1L)]
    [InlineData("\"21\"", 2_100_000_000L)]
    public void Amounts_are_read_as_core_reads_them(string json, long atoms) =>
        Assert.Equal(new Money(atoms), Bind($"[{json}]").GetAmount(0));

    [Theory]
    [InlineData("0.000000001")]
    [InlineData("-1")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("1e30")]
    [InlineData("[1]")]
    public void Bad_amounts_are_type_errors(string json) => Assert.Equal(-3, Code(() => Bind($"[{json}]").GetAmount(0)));

    [Fact]
    public void Wrong_json_types_are_minus_3_and_bad_hashes_minus_8()
    {
        Assert.Equal(-3, Code(() => Bind("[1]").GetString(0)));
        Assert.Equal(-3, Code(() => Bind("[\"1\"]").GetInt32(0)));
        Assert.Equal(-3, Code(() => Bind("[1.5]").GetInt32(0)));
        Assert.Equal(-3, Code(() => Bind("[4294967296]").GetInt32(0)));
        Assert.Equal(-3, Code(() => Bind("[\"x\",\"true\"]").GetOptionalBoolean(1)));
        Assert.Equal(-8, Code(() => Bind("[\"abc\"]").GetHash(0)));
        Assert.Equal(-8, Code(() => Bind($"[\"{new string('x', 64)}\"]").GetHash(0)));
        Assert.Equal(-8, Code(() => Bind("[\"abc\"]").GetHex(0)));
        Assert.Equal(1, Bind("[\"x\",true]").GetOptionalVerbosity(1));
        Assert.Equal(2, Bind("[\"x\",2]").GetOptionalVerbosity(1));
    }
}
