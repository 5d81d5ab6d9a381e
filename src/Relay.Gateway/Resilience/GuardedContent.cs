using System.Net;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Wraps an upstream answer's content so its body is read through a <see cref="GuardedStream"/>.</summary>
internal sealed class GuardedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly UpstreamExchange? _exchange;
    private readonly bool _isEventStream;
    private readonly ResilienceSettings _settings;
    private readonly TimeProvider _time;
    private readonly long _started;

    private readonly IDisposable? _lifetime;

    public GuardedContent(
        HttpContent inner, UpstreamExchange? exchange, bool isEventStream, ResilienceSettings settings, TimeProvider time, long started, IDisposable? lifetime)
    {
        _lifetime = lifetime;
        _inner = inner;
        _exchange = exchange;
        _isEventStream = isEventStream;
        _settings = settings;
        _time = time;
        _started = started;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var stream = await _inner.ReadAsStreamAsync(cancellationToken);
        var mediaType = Headers.ContentType?.MediaType;
        IBodyIntegrityMonitor? monitor = _isEventStream ? new SseIntegrityMonitor()
            : mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)) && Headers.ContentEncoding.Count == 0
                ? new JsonIntegrityMonitor()
                : null;
        return new GuardedStream(stream, _exchange, monitor, _isEventStream, _settings, _time, _started);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _lifetime?.Dispose();
        }

        base.Dispose(disposing);
    }
}
