namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Locates the shared test model as tests/Relay.LocalFallback.Tests does: the folder above StealthRelay.sln, then shared/models/.</summary>
internal static class SharedModel
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
