namespace StealthRelay.Redaction.Protocols;

/// <summary>A JSON string that holds human text: plain, or a JSON document inside a string (tool-call arguments).</summary>
internal readonly record struct TextSlot(JsonSyntaxNode Node, bool IsJsonDocument);
