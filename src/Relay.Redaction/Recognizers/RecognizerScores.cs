namespace StealthRelay.Redaction.Recognizers;

/// <summary>
/// The score convention every rule recognizer follows, so that one threshold (the policy's default 0.5) means the
/// same thing for every entity type:
/// <list type="bullet">
/// <item><description><see cref="Checksum"/> (1.0): the value passed a checksum or check character (Luhn, mod-97,
/// mod-11, ISO 7064, mod-23, ...) on top of its shape, or its shape is unambiguous on its own (a well-formed e-mail
/// address, a PEM private key block).</description></item>
/// <item><description><see cref="DistinctivePrefix"/> (0.95): a vendor's registered token prefix with the exact length
/// and alphabet that vendor issues (AWS, GitHub, Stripe, ...), or a JWT whose header decodes to JSON.</description></item>
/// <item><description><see cref="WeakChecksum"/> (0.9): a checksum passed, but one that random strings of the same
/// generic shape pass about one time in ten (e.g. a bare 10-character code with one check digit).</description></item>
/// <item><description><see cref="Structural"/> (0.85): no checksum exists, but the value was validated by a parser or
/// by strict structural rules (IPAddress.TryParse, libphonenumber metadata for an international number, issued
/// ranges, a distinctive vendor prefix of the right length).</description></item>
/// <item><description><see cref="Formatted"/> (0.6): the shape is right and the number is formatted as people write
/// this entity, but nothing stronger was checked.</description></item>
/// <item><description><see cref="ShapeOnly"/> (0.4): a plausible shape only (e.g. a bare 9-digit SSN). Below the
/// default threshold on purpose: a context word nearby (see <see cref="IRecognizer.Context"/>) lifts it.</description></item>
/// <item><description><see cref="Informational"/> (0.3): reported for auditing or for policies that ask for it, not
/// PII by default (e.g. a plain URL without credentials).</description></item>
/// </list>
/// Values that fail validation are never reported, whatever their shape.
/// </summary>
internal static class RecognizerScores
{
    public const double Checksum = 1.0;
    public const double DistinctivePrefix = 0.95;
    public const double WeakChecksum = 0.9;
    public const double Structural = 0.85;
    public const double Formatted = 0.6;
    public const double ShapeOnly = 0.4;
    public const double Informational = 0.3;

    /// <summary>
    /// Match timeout of every recognizer regex, a safety net only: the patterns are linear (no nested quantifiers), and
    /// the request as a whole is bounded by <c>Relay:Redaction:DetectionTimeout</c> (5 s). A timeout throws and the
    /// analyzer fails closed, so the net is wide: it is measured in wall-clock time, and a tight one (250 ms, before)
    /// turned CPU contention — a cold start or a saturated host preempting a matcher — into refused requests.
    /// </summary>
    public const int RegexTimeoutMilliseconds = 2000;
}
