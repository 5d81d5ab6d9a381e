using StealthRelay.Gateway.Errors;

namespace StealthRelay.Gateway.Local;

/// <summary>The errors the local route answers itself, in each SDK's shape (see <see cref="ApiErrorWriter"/>).</summary>
internal static class LocalRouteErrors
{
    public static readonly ApiErrorKind NotAvailableLocally = new(400, "invalid_request_error", "not_available_on_local_route", "invalid_request_error");
    public static readonly ApiErrorKind NoLocalModel = new(503, "server_error", "no_local_model", "api_error");
    public static readonly ApiErrorKind LocalEndpointFailed = new(502, "server_error", "local_endpoint_error", "api_error");

    public const string NoLocalModelMessage =
        "This request must be served locally but no local model is configured (set Relay:Local:ModelPath or Relay:Local:Endpoint); nothing was forwarded.";

    public const string OpenAIOnlyEndpointMessage =
        "This request must be served locally, and the configured local endpoint (Relay:Local:Endpoint) speaks only the OpenAI API: send it to POST /v1/chat/completions (or, if that server also serves POST /v1/messages, set Relay:Local:EndpointServesAnthropic=true). Nothing was forwarded.";

    public static string NotAvailable(string path) =>
        $"{path} is not available on the local route (only POST /v1/chat/completions and POST /v1/messages are served locally); nothing was forwarded.";
}
