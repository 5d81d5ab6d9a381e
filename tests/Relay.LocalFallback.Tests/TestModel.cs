namespace StealthRelay.LocalFallback.Tests;

/// <summary>
/// Locates the shared test model: walk up to the folder holding StealthRelay.sln, then ../shared/models/. Also compiled
/// into Relay.IntegrationTests (linked), so both test projects find it the same way.
/// </summary>
internal static class TestModel
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "StealthRelay.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("StealthRelay.sln not found above " + AppContext.BaseDirectory);
        }

        var path = System.IO.Path.Combine(directory.Parent.FullName, "shared", "models", "stories260K.gguf");
        return File.Exists(path) ? path : throw new FileNotFoundException("The shared test model is missing.", path);
    }
}
