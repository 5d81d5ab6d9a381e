using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>A fact that runs only where the shipped model (models/stealthrelay-ner/model.onnx) is present.</summary>
public sealed class ShippedModelFactAttribute : FactAttribute
{
    public ShippedModelFactAttribute()
    {
        if (ShippedFolder is null)
        {
            Skip = $"The shipped NER model is absent: no {NerOptions.DefaultModelFolder}/model.onnx next to the test "
                + "binaries or in the repository (the trainer commits it; merge branch ner-train).";
        }
    }

    /// <summary>The shipped model folder, or null when it (or its model.onnx) is absent.</summary>
    public static string? ShippedFolder
    {
        get
        {
            var folder = NerModelFolder.Resolve(null);
            return folder is not null && File.Exists(Path.Combine(folder, NerModelFolder.ModelFile)) ? folder : null;
        }
    }
}
