namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Activity sources and meters are process-wide: an OpenTelemetry provider sees every gateway in the test process.
/// Tests that capture telemetry therefore run alone, so one test's spans and measurements never land in another's capture.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCaptureSerial
{
    public const string Name = "Telemetry capture";
}
