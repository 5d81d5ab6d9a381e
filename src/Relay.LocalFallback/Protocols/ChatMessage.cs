namespace StealthRelay.LocalFallback.Protocols;

/// <summary>One text message of a conversation, role as the client sent it (system, user, assistant, ...).</summary>
internal readonly record struct ChatMessage(string Role, string Content);
