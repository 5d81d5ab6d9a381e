using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// Reads a request body fully into a pooled in-memory buffer, never to disk (no EnableBuffering, no file spill).
/// Returns null when the body is larger than the limit.
/// </summary>
internal static class RequestBodyReader
{
    private const int InitialSize = 16 * 1024;

    public static async Task<PooledBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var limit = (int)Math.Min(maxBytes, Array.MaxLength);
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        // Our limit governs (we stop reading at limit + 1 bytes); lift Kestrel's own (30 MB) so it cannot disagree
        // with the configured value or answer an empty 413 of its own.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var size = request.ContentLength is { } length ? (int)Math.Max(length, 1) : InitialSize;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(size, limit + 1));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (filled > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                if (filled > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    return null;
                }
            }

            return new PooledBody(buffer, filled);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }
}
