namespace StealthRelay.Gateway.Routing;

/// <summary>Which SDK family a path belongs to; decides the upstream and the error shape.</summary>
internal enum ApiFamily
{
    OpenAI,
    Anthropic,
}
