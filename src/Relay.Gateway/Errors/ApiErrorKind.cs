namespace StealthRelay.Gateway.Errors;

/// <summary>An error the gateway answers itself, with its status and the type names each SDK expects.</summary>
internal sealed record ApiErrorKind(int StatusCode, string OpenAIType, string OpenAICode, string AnthropicType)
{
    public static readonly ApiErrorKind InvalidRequest = new(400, "invalid_request_error", "invalid_request", "invalid_request_error");
    public static readonly ApiErrorKind Unauthorized = new(401, "invalid_request_error", "invalid_api_key", "authentication_error");
    public static readonly ApiErrorKind Forbidden = new(403, "invalid_request_error", "permission_denied", "permission_error");
    public static readonly ApiErrorKind NotFound = new(404, "invalid_request_error", "not_found", "not_found_error");
    public static readonly ApiErrorKind RequestTooLarge = new(413, "invalid_request_error", "request_too_large", "request_too_large");
    public static readonly ApiErrorKind UnsupportedMediaType = new(415, "invalid_request_error", "unsupported_media_type", "invalid_request_error");
    public static readonly ApiErrorKind TooManyRequests = new(429, "requests", "rate_limit_exceeded", "rate_limit_error");
    public static readonly ApiErrorKind Internal = new(500, "server_error", "redaction_failed", "api_error");
    public static readonly ApiErrorKind BadGateway = new(502, "server_error", "upstream_error", "api_error");
    public static readonly ApiErrorKind Overloaded = new(503, "server_error", "redaction_timeout", "overloaded_error");
    public static readonly ApiErrorKind UpstreamUnavailable = new(503, "server_error", "upstream_unavailable", "overloaded_error");
    public static readonly ApiErrorKind GatewayTimeout = new(504, "server_error", "upstream_timeout", "api_error");
}
