namespace StealthRelay.Cli.Evaluation;

/// <summary>
/// Exact-match counts of one entity type (or of all, for the micro average) and the scores they give, plus what
/// redaction would have done to its gold spans: every non-blank character inside some predicted span of any type
/// (covered), some of them (partly covered) or none (missed). A wrong type or boundary is an exact-match error, but
/// the value is still replaced where a span covers it; coverage measures that. Its opposite, over-redaction, is
/// <see cref="Spurious"/>: predictions that touch no gold span at all.
/// </summary>
internal sealed class TypeScore
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public int Covered { get; set; }

    public int PartlyCovered { get; set; }

    public int Missed { get; set; }

    /// <summary>Predicted spans of this type that overlap no gold span of any type: redacted text that was no entity.</summary>
    public int Spurious { get; set; }

    public int Gold => TruePositives + FalseNegatives;

    /// <summary>Share of gold spans with every non-blank character inside a predicted span of any type; 0 without gold.</summary>
    public double Coverage => Covered + PartlyCovered + Missed == 0 ? 0 : (double)Covered / (Covered + PartlyCovered + Missed);

    /// <summary>Share of gold spans with no character inside any predicted span; 0 without gold.</summary>
    public double MissRate => Covered + PartlyCovered + Missed == 0 ? 0 : (double)Missed / (Covered + PartlyCovered + Missed);

    public int Predicted => TruePositives + FalsePositives;

    /// <summary>0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    /// <summary>0 when there is no gold span.</summary>
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(TypeScore other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
        Covered += other.Covered;
        PartlyCovered += other.PartlyCovered;
        Missed += other.Missed;
        Spurious += other.Spurious;
    }
}
