namespace StealthRelay.Cli.Evaluation;

/// <summary>Exact-match counts of one entity type (or of all, for the micro average) and the scores they give.</summary>
internal sealed class TypeScore
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public int Gold => TruePositives + FalseNegatives;

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
    }
}
