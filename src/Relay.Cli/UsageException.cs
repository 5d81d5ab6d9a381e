namespace StealthRelay.Cli;

/// <summary>The command line is wrong; the message says how to fix it.</summary>
internal sealed class UsageException(string message) : Exception(message);
