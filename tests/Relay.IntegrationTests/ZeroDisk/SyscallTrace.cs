using System.Text.RegularExpressions;

namespace StealthRelay.IntegrationTests.ZeroDisk;

/// <summary>
/// Reads an <c>strace -f -y -s 0</c> log (one syscall a line, fds annotated with what they are: <c>5&lt;pipe:[12]&gt;</c>,
/// <c>7&lt;socket:[34]&gt;</c>, <c>9&lt;/tmp/x&gt;</c>) and lists every syscall that creates, changes or removes a file.
/// Allowed: writes to pipes, sockets, eventfds and other anonymous inodes, character devices under <c>/dev</c>
/// (not <c>/dev/shm</c>, which holds files), procfs (thread names), the runtime's anonymous <c>memfd</c> double-mapping (memory, not a
/// file), and opens for reading. Everything else in <see cref="Traced"/> is a violation.
/// </summary>
internal static partial class SyscallTrace
{
    /// <summary>
    /// The syscalls the trace must record (strace <c>-e trace=</c>). <c>sendto</c>/<c>sendmsg</c> are always
    /// allowed; they are traced so a test can show the traffic window was actually observed.
    /// </summary>
    public const string Traced =
        "open,openat,openat2,creat,write,pwrite64,writev,pwritev,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,"
        + "truncate,ftruncate,sendto,sendmsg";

    private static readonly string[] WriteFlags = ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"];

    /// <summary>Violations among <paramref name="lines"/>, each as the offending trace line.</summary>
    public static List<string> FindFileWrites(IEnumerable<string> lines)
    {
        var violations = new List<string>();
        foreach (var line in lines)
        {
            var call = Call().Match(line);
            if (call.Success && !IsAllowed(call.Groups["name"].Value, call.Groups["args"].Value))
            {
                violations.Add(line);
            }
        }

        return violations;
    }

    /// <summary>Index of the first line reporting <paramref name="signal"/> (e.g. SIGTERM), or the line count.</summary>
    public static int IndexOfSignal(IReadOnlyList<string> lines, string signal)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains("--- " + signal + " ", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return lines.Count;
    }

    private static bool IsAllowed(string name, string args)
    {
        switch (name)
        {
            case "open":
            case "openat":
            case "openat2":
                return !WriteFlags.Any(args.Contains) || IsDevice(PathOf(args));
            case "write":
            case "pwrite64":
            case "writev":
            case "pwritev":
                return FdTarget(args) is { } target && (IsStream(target) || IsDevice(target) || IsMemfd(target));
            case "sendto":
            case "sendmsg":
                return true;
            case "ftruncate":
                return FdTarget(args) is { } memfd && IsMemfd(memfd);
            default:
                return false; // creat, rename*, unlink*, mkdir*, truncate: always a file-system change
        }
    }

    private static string PathOf(string args)
    {
        var path = QuotedPath().Match(args).Groups[1].Value;
        if (path.StartsWith('/'))
        {
            return path;
        }

        // Relative to the dirfd: "AT_FDCWD</work/dir>, \"x\"".
        var dir = FdTarget(args) ?? "";
        return dir + "/" + path;
    }

    private static string? FdTarget(string args)
    {
        var match = FirstFd().Match(args);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsStream(string target) =>
        target.StartsWith("pipe:", StringComparison.Ordinal)
        || target.StartsWith("socket:", StringComparison.Ordinal)
        || target.StartsWith("anon_inode:", StringComparison.Ordinal);

    // procfs holds no files either: the runtime names its threads by writing /proc/self/task/<tid>/comm.
    private static bool IsDevice(string path) =>
        (path.StartsWith("/dev/", StringComparison.Ordinal) && !path.StartsWith("/dev/shm/", StringComparison.Ordinal))
        || path.StartsWith("/proc/", StringComparison.Ordinal);

    private static bool IsMemfd(string target) => target.StartsWith("/memfd:", StringComparison.Ordinal);

    // "1234 openat(AT_FDCWD</x>, ..." or, without -f, "openat(...". Resumed ("<... resumed>"), signal and exit lines do not match.
    [GeneratedRegex(@"^(?:\[?(?:pid\s+)?\d+\]?\s+)?(?<name>[a-z0-9_]+)\((?<args>.*)$")]
    private static partial Regex Call();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"^\s*(?:\d+|AT_FDCWD)<([^>]*)>")]
    private static partial Regex FirstFd();
}
