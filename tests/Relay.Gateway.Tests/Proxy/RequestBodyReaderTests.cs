using System.Text;
using Microsoft.AspNetCore.Http;
using StealthRelay.Gateway.Proxy;

namespace StealthRelay.Gateway.Tests.Proxy;

public sealed class RequestBodyReaderTests
{
    private static HttpRequest Request(byte[] body, long? declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declaredLength;
        return context.Request;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(100_000)]
    public async Task ReadAsync_UnderLimitChunked_ReturnsExactBytes(int size)
    {
        var body = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();

        using var read = await RequestBodyReader.ReadAsync(Request(body, null), 100_000, CancellationToken.None);

        Assert.Equal(body, read!.Memory.ToArray());
    }

    [Fact]
    public async Task ReadAsync_ExactlyAtLimitWithLength_Returns()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");

        using var read = await RequestBodyReader.ReadAsync(Request(body, body.Length), body.Length, CancellationToken.None);

        Assert.Equal(body, read!.Memory.ToArray());
    }

    [Fact]
    public async Task ReadAsync_UndeclaredOverLimit_ReturnsNull()
    {
        Assert.Null(await RequestBodyReader.ReadAsync(Request(new byte[1025], null), 1024, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_DeclaredOverLimit_ReturnsNullWithoutReading()
    {
        var stream = new MemoryStream(new byte[10]);
        var context = new DefaultHttpContext();
        context.Request.Body = stream;
        context.Request.ContentLength = 5000;

        Assert.Null(await RequestBodyReader.ReadAsync(context.Request, 1024, CancellationToken.None));
        Assert.Equal(0, stream.Position);
    }
}
