namespace Antimony.Node.Tests.Support;

/// <summary>The tests sharing one <see cref="DevnetPair"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DevnetPairCollection : ICollectionFixture<DevnetPair>
{
    public const string Name = "devnet pair";
}
