namespace StealthRelay.Gateway.Local;

/// <summary>Why a request went where it went: the <c>reason</c> tag of <c>stealthrelay.route.decisions</c> (a closed set).</summary>
internal static class RouteReason
{
    public const string Default = "default";
    public const string LocalMode = "local_mode";
    public const string Header = "header";
    public const string ClassificationMarking = "classification_marking";
    public const string LocalOnlyEntity = "local_only_entity";
    public const string UpstreamFailure = "upstream_failure";
}
