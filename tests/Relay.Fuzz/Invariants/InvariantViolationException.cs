namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// A fuzz invariant does not hold. AFL counts the unhandled exception as a crash; the CI fuzzer reports the input.
/// The message names the invariant, the shape and exception types, never input content.
/// </summary>
public sealed class InvariantViolationException : Exception
{
    public InvariantViolationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message)
        : base(message)
    {
    }
}
