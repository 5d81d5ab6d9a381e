using Microsoft.Extensions.Logging;

namespace StealthRelay.Redaction.Ner;

/// <summary>Source-generated log messages of the NER runtime (EventIds 2400-2419). Never text, only shapes and timings.</summary>
internal static partial class NerLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information,
        Message = "NER model loaded from {Folder}: {LabelCount} labels, {EntityLabelCount} mapped to entities, max length {MaxLength}, device {Device}, {ElapsedMs} ms")]
    public static partial void ModelLoaded(
        ILogger logger, string folder, int labelCount, int entityLabelCount, int maxLength, NerDevice device, long elapsedMs);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning,
        Message = "NER model label {Label} is not in Relay:Ner:LabelMap and is ignored")]
    public static partial void UnmappedLabel(ILogger logger, string label);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Debug,
        Message = "NER predicted {TextCount} texts, {WindowCount} windows in {BatchCount} batches on {PartCount} threads")]
    public static partial void Predicted(ILogger logger, int textCount, int windowCount, int batchCount, int partCount);
}
