namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>A theory that runs only where the shipped model is present (see <see cref="ShippedModelFactAttribute"/>).</summary>
public sealed class ShippedModelTheoryAttribute : TheoryAttribute
{
    public ShippedModelTheoryAttribute()
    {
        if (ShippedModelFactAttribute.ShippedFolder is null)
        {
            Skip = new ShippedModelFactAttribute().Skip;
        }
    }
}
