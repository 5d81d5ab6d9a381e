using System.Collections.Concurrent;

namespace StealthRelay.IntegrationTests.ZeroDisk;

/// <summary>
/// The fallback when strace is absent: inotify (through <see cref="FileSystemWatcher"/>) over the folders a .NET
/// process writes to. It cannot tell which process wrote, so the child gets its own TMPDIR and HOME to watch.
/// </summary>
internal sealed class FileWatch : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public FileWatch(IEnumerable<(string Path, bool Recursive)> folders)
    {
        foreach (var (path, recursive) in folders.Where(f => Directory.Exists(f.Path)))
        {
            var watcher = new FileSystemWatcher(path)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, e) => Events.Enqueue($"created {e.FullPath}");
            watcher.Changed += (_, e) => Events.Enqueue($"changed {e.FullPath}");
            watcher.Deleted += (_, e) => Events.Enqueue($"deleted {e.FullPath}");
            watcher.Renamed += (_, e) => Events.Enqueue($"renamed {e.OldFullPath} -> {e.FullPath}");
            watcher.Error += (_, e) => Events.Enqueue($"watcher error {e.GetException().GetType().Name}");
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            Watched.Add(path);
        }
    }

    public ConcurrentQueue<string> Events { get; } = new();

    public List<string> Watched { get; } = [];

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
