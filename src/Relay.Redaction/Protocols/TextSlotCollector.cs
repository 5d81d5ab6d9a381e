namespace StealthRelay.Redaction.Protocols;

/// <summary>Collects the string fields of a request that hold human text; shape walkers call it.</summary>
internal sealed class TextSlotCollector
{
    public List<TextSlot> Slots { get; } = [];

    public void AddText(JsonSyntaxNode node) => Slots.Add(new TextSlot(node, IsJsonDocument: false));

    public void AddJsonText(JsonSyntaxNode node) => Slots.Add(new TextSlot(node, IsJsonDocument: true));

    /// <summary>Adds every string value under <paramref name="node"/>, recursively; never keys.</summary>
    public void AddStringValues(JsonSyntaxNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.String:
                AddText(node);
                break;
            case JsonKind.Object:
                foreach (var p in node.Properties!)
                {
                    AddStringValues(p.Value);
                }

                break;
            case JsonKind.Array:
                foreach (var item in node.Items!)
                {
                    AddStringValues(item);
                }

                break;
        }
    }
}
