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

    public const string LocalEndpointFailedMessage =
        "The local endpoint (Relay:Local:Endpoint) could not be reached or failed; nothing was sent to a provider. Retry later.";

    public const string LocalEndpointBusyMessage =
        "The local endpoint (Relay:Local:Endpoint) is busy (it answered 429); nothing was sent to a provider. Retry later.";

    public const string LocalEndpointBrokeOffMessage =
        "The local endpoint (Relay:Local:Endpoint) broke off its answer or sent one that is not a chat completion; nothing was sent to a provider. Retry the request.";

    public static string NotAvailable(string path) =>
        $"{path} is not available on the local route (only POST /v1/chat/completions and POST /v1/messages are served locally); nothing was forwarded.";

    /// <summary>The local endpoint refused a translated Anthropic request; its own error text may quote the prompt, so only its status is named.</summary>
    public static string LocalEndpointRefusedMessage(int status) =>
        $"The local endpoint (Relay:Local:Endpoint) refused this request, translated to an OpenAI chat completion, with status {status}: check that 'model' names a model it serves and that the prompt and max_tokens fit its context. Nothing was sent to a provider.";
}
