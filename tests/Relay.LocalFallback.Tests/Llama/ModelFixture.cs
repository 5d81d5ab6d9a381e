using Microsoft.Extensions.Logging.Abstractions;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Llama;

/// <summary>The real stories260K model loaded once through the real llama.cpp library, shared by a test class.</summary>
public sealed class ModelFixture : IDisposable
{
    internal LlamaModel Model { get; } = LlamaModel.Load(TestModel.Path, gpuLayers: 0, LocalBackend.Cpu, NullLogger.Instance);

    public void Dispose() => Model.Dispose();
}
