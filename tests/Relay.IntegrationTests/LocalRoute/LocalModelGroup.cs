namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Tests that share one loaded local model; they run one after another (the model serves one request at a time).</summary>
[CollectionDefinition(Name)]
public sealed class LocalModelGroup : ICollectionFixture<LocalModelFixture>
{
    public const string Name = "Local model";
}
