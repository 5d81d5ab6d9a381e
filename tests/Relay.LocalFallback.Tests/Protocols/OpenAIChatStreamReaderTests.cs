using System.Text;
using StealthRelay.LocalFallback.Protocols;

namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>An OpenAI chat event stream read chunk by chunk, however its bytes arrive.</summary>
public sealed class OpenAIChatStreamReaderTests
{
    private const string Stream =
        "data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
        + ": keep-alive comment\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"Grüße, \"},\"finish_reason\":null}]}\n\n"
        + "event: ignored\nid: 7\ndata: {\"choices\":[{\"delta\":{\"content\":\"日本 🎉\"},\"finish_reason\":null}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":5}}\n\n"
        + "data: [DONE]\n\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_AnySplit_SameChunksThenDone(int bytesPerRead)
    {
        var (chunks, reader) = await ReadAllAsync(Stream, bytesPerRead);

        Assert.True(reader.Done);
        Assert.Equal("Grüße, 日本 🎉", string.Concat(chunks.Select(c => c.Text)));
        Assert.Equal(["m", null, null, null, null], chunks.Select(c => c.Model));
        Assert.Equal("length", Assert.Single(chunks, c => c.FinishReason is not null).FinishReason);
        var usage = Assert.Single(chunks, c => c.PromptTokens is not null);
        Assert.Equal((11, 5), (usage.PromptTokens!.Value, usage.CompletionTokens!.Value));
    }

    [Fact]
    public async Task ReadAsync_CrLfAndDataSplitOverTwoLines_OneChunk()
    {
        var (chunks, reader) = await ReadAllAsync("data: {\"choices\":[{\"delta\":\r\ndata: {\"content\":\"a\"}}]}\r\n\r\ndata: [DONE]\r\n\r\n", 1);

        Assert.True(reader.Done);
        Assert.Equal("a", Assert.Single(chunks).Text);
    }

    [Fact]
    public async Task ReadAsync_EndsWithoutDone_ChunksThenNullNotDone()
    {
        var (chunks, reader) = await ReadAllAsync("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}", 3);

        Assert.False(reader.Done);
        Assert.Equal("ab", string.Concat(chunks.Select(c => c.Text)));
    }

    [Fact]
    public async Task ReadAsync_NotAnEventStream_NothingAndNotDone()
    {
        var (chunks, reader) = await ReadAllAsync("{\"choices\":[{\"message\":{\"content\":\"a\"}}]}", 5);

        Assert.Empty(chunks);
        Assert.False(reader.Done);
    }

    [Fact]
    public async Task ReadAsync_TruncatedJson_InvalidData()
    {
        using var reader = new OpenAIChatStreamReader(new TrickleStream(Encoding.UTF8.GetBytes("data: {\"choices\":[{\"delta\":{\"content\":\"a"), 4), 1024);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("data: {\"choices\":[{\"delta\":{\"content\":\"" + "0123456789012345678901234567890123456789" + "\"}}]}\n\n")]
    [InlineData("data: {\"choices\":[{\"delta\":{\"content\":\"" + "0123456789012345678901234567890123456789")]
    [InlineData("data: {\"choices\":\ndata: [{\"delta\":\ndata: {\"content\":\ndata: \"0123456789\"}}]}\n\n")]
    public async Task ReadAsync_EventLargerThanLimit_InvalidData(string stream)
    {
        using var reader = new OpenAIChatStreamReader(new TrickleStream(Encoding.UTF8.GetBytes(stream), 8), 48);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var reader = new OpenAIChatStreamReader(new TrickleStream(Encoding.UTF8.GetBytes(Stream), 1), 1024);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(new CancellationToken(canceled: true)));
    }

    private static async Task<(List<OpenAIChatAnswer> Chunks, OpenAIChatStreamReader Reader)> ReadAllAsync(string stream, int bytesPerRead)
    {
        var reader = new OpenAIChatStreamReader(new TrickleStream(Encoding.UTF8.GetBytes(stream), bytesPerRead), 1024);
        var chunks = new List<OpenAIChatAnswer>();
        while (await reader.ReadAsync(CancellationToken.None) is { } chunk)
        {
            chunks.Add(chunk);
        }

        return (chunks, reader);
    }
}
