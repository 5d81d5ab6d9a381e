namespace StealthRelay.LocalFallback.Llama;

/// <summary>How a generation ended: tokens generated (end-of-generation token not counted) and why it stopped.</summary>
internal readonly record struct GenerationResult(int CompletionTokens, GenerationStop Stop, string? StopSequence);
