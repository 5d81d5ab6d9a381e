using System.Net;
using System.Net.Http.Headers;

namespace StealthRelay.Gateway.Echo;

/// <summary>
/// DEMO ONLY: an in-process <see cref="HttpMessageHandler"/> that plays an OpenAI/Anthropic provider and answers with
/// the sanitized text it received (see <see cref="EchoProtocol"/>). Used for upstreams with <c>Protocol = Echo</c>.
/// Nothing leaves the process.
/// </summary>
internal sealed class EchoProviderHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var answer = EchoProtocol.Build(request.Method.Method, request.RequestUri?.AbsolutePath ?? "/", body);
        var content = new ByteArrayContent(answer.ToBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue(answer.ContentType) { CharSet = answer.ContentType == "application/json" ? "utf-8" : null };
        return new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { Content = content, RequestMessage = request };
    }
}
