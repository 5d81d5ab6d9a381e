namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>An HTTP handler for the SDK clients that records the <c>X-Relay-Route</c> header of every answer.</summary>
internal sealed class RouteCapture : DelegatingHandler
{
    public RouteCapture()
        : base(new SocketsHttpHandler())
    {
    }

    public List<string?> Routes { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        lock (Routes)
        {
            Routes.Add(response.Headers.TryGetValues("X-Relay-Route", out var values) ? string.Join(",", values) : null);
        }

        return response;
    }
}
