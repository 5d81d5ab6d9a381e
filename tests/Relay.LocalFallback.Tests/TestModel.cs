namespace StealthRelay.LocalFallback.Tests;

/// <summary>
/// Locates the shared test model: walk up to the folder holding StealthRelay.sln, then ../shared/models/. Also compiled
/// into Relay.IntegrationTests (linked), so both test projects find it the same way.
/// </summary>
internal static class TestModel
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    /// <summary>The folder holding StealthRelay.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "StealthRelay.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.Parent is null
            ? throw new InvalidOperationException("StealthRelay.sln not found above " + AppContext.BaseDirectory)
            : directory.FullName;
    }

    private static string Find()
    {
        var root = RepositoryRoot();
        var path = System.IO.Path.Combine(Directory.GetParent(root)!.FullName, "shared", "models", "stories260K.gguf");
        return File.Exists(path) ? path : throw new FileNotFoundException("The shared test model is missing.", path);
    }
}
