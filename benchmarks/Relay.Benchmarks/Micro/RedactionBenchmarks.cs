using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>
/// Redact an OpenAI chat request and restore its answer, plain and streamed, for 1 KB and 16 KB prompts, with and
/// without the NER model. Goal (issue "Gateway foundation"): redaction and restore add at most 2 ms p50 for 1 KB.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const int StreamChunkBytes = 24;

    private ServiceProvider _services = null!;
    private IRequestRedactor _redactor = null!;
    private IResponseRestorer _restorer = null!;
    private byte[] _request = null!;
    private byte[] _response = null!;
    private byte[] _stream = null!;
    private RedactedRequest _redacted = null!;
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);

    [Params(1024, 16384)]
    public int PromptBytes { get; set; }

    [Params(false, true)]
    public bool Ner { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = RedactionServices.Create(Ner);
        _redactor = _services.GetRequiredService<IRequestRedactor>();
        _restorer = _services.GetRequiredService<IResponseRestorer>();
        var prompt = Prompts.OfSize(PromptBytes);
        _request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            model = "gpt-4o-mini",
            messages = new object[]
            {
                new { role = "system", content = "You are a helpful assistant." },
                new { role = "user", content = prompt },
            },
        });
        _redacted = _redactor.RedactAsync(_request, ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
        var sanitized = JsonDocument.Parse(_redacted.Body).RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        _response = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = sanitized }, finish_reason = "stop" } },
        });
        _stream = Encoding.UTF8.GetBytes(ChatStream(sanitized));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _redacted.Dispose();
        _services.Dispose();
    }

    [Benchmark]
    public async Task<int> RedactRequest()
    {
        using var redacted = await _redactor.RedactAsync(_request, ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None);
        return redacted.Body.Length;
    }

    [Benchmark]
    public int RestoreResponse() => _restorer.RestoreJson(_response, ApiShape.OpenAIChatCompletions, _redacted.Vault).Length;

    [Benchmark]
    public int RestoreStream()
    {
        _output.ResetWrittenCount();
        var restorer = _restorer.CreateStreamRestorer(ApiShape.OpenAIChatCompletions, _redacted.Vault);
        for (var offset = 0; offset < _stream.Length; offset += StreamChunkBytes)
        {
            restorer.Write(_stream.AsSpan(offset, Math.Min(StreamChunkBytes, _stream.Length - offset)), _output);
        }

        restorer.Complete(_output);
        return _output.WrittenCount;
    }

    /// <summary>An OpenAI chat stream that sends <paramref name="text"/> in deltas of a few characters, as models do.</summary>
    internal static string ChatStream(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i += 4)
        {
            var piece = JsonSerializer.Serialize(text.Substring(i, Math.Min(4, text.Length - i)));
            builder.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                .Append(piece).Append("},\"finish_reason\":null}]}\n\n");
        }

        builder.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        builder.Append("data: [DONE]\n\n");
        return builder.ToString();
    }
}
