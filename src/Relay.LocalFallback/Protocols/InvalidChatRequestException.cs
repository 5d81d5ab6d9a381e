namespace StealthRelay.LocalFallback.Protocols;

/// <summary>A request the local model refuses with 400. The message names fields and limits, never content.</summary>
internal sealed class InvalidChatRequestException : Exception
{
    public InvalidChatRequestException()
    {
    }

    public InvalidChatRequestException(string message)
        : base(message)
    {
    }

    public InvalidChatRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidChatRequestException(string message, string? param)
        : base(message) => Param = param;

    /// <summary>The offending field (OpenAI's <c>param</c>).</summary>
    public string? Param { get; }
}
