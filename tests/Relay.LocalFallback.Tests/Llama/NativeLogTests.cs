using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Native;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Llama;

/// <summary>The native log is process-wide, so this runs alone (no other test may swap the logger meanwhile).</summary>
[CollectionDefinition(nameof(NativeLogTests), DisableParallelization = true)]
public sealed class NativeLogSerial
{
}

[Collection(nameof(NativeLogTests))]
public sealed class NativeLogTests
{
    [Fact]
    public unsafe void NativeLog_TextDuringLoad_OnlyLengthWhileServing()
    {
        var logger = new FakeLogger();
        using var model = LlamaModel.Load(TestModel.Path, 0, LocalBackend.Cpu, logger);
        using var context = model.CreateContext(64, 16, 1);
        var loading = logger.Collector.GetSnapshot();
        Assert.Contains(loading, r => r.Id.Id == 3000 && r.Level == LogLevel.Debug && r.Message.Contains("llama", StringComparison.Ordinal));

        logger.Collector.Clear();
        var invalid = stackalloc int[] { 987_654 };
        Assert.NotEqual(0, NativeMethods.llama_decode(context.Handle, NativeMethods.llama_batch_get_one(invalid, 1)));
        var serving = logger.Collector.GetSnapshot();
        Assert.NotEmpty(serving);
        Assert.All(serving, r =>
        {
            Assert.Equal(3001, r.Id.Id);
            Assert.DoesNotContain("987654", r.Message, StringComparison.Ordinal);
        });
    }
}
