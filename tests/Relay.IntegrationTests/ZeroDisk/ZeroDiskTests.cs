using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.ZeroDisk;

/// <summary>
/// Nothing on disk: the real gateway binary runs as a child process under strace (or, where strace is absent,
/// watched with inotify), and while PII requests flow through it (OpenAI and Anthropic, plain and streamed) it must
/// not create, write, rename, truncate or remove any file. See docs/testing.md for what this does and does not prove.
/// </summary>
public sealed class ZeroDiskTests : IDisposable
{
    // Guards against a hung child only; nothing asserts on time.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("relay-zerodisk-");

    [Fact]
    public async Task Gateway_PiiTrafficAfterStartup_CreatesOrWritesNoFile()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var token = deadline.Token;
        await using var provider = await FakeProvider.StartAsync();
        var useStrace = GatewayProcess.StraceWorks() && Environment.GetEnvironmentVariable("RELAY_ZERODISK_MODE") != "inotify";
        var tmp = _root.CreateSubdirectory("tmp").FullName;
        var home = _root.CreateSubdirectory("home").FullName;
        var traceLog = useStrace ? Path.Combine(_root.FullName, "trace.log") : null;
        var environment = new Dictionary<string, string>
        {
            ["TMPDIR"] = tmp,
            ["HOME"] = home,
            ["Logging__LogLevel__Default"] = "Information",
            ["Relay__Privacy__HmacKey"] = GatewayHost.HmacKey,
            ["Relay__Upstreams__openai__Protocol"] = "OpenAI",
            ["Relay__Upstreams__openai__BaseUrl"] = new Uri(provider.BaseAddress, "/openai").ToString(),
            ["Relay__Upstreams__anthropic__Protocol"] = "Anthropic",
            ["Relay__Upstreams__anthropic__BaseUrl"] = provider.BaseAddress.ToString(),
        };

        await using var gateway = await GatewayProcess.StartAsync(environment, traceLog, token);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        await WaitUntilHealthyAsync(client, token);

        // Start-up is over: everything from here on is the traffic window.
        var startLine = traceLog is null ? 0 : File.ReadAllLines(traceLog).Length;
        using var watch = traceLog is null
            ? new FileWatch([(tmp, true), (home, true), (Path.GetDirectoryName(GatewayProcess.GatewayDll())!, true), ("/dev/shm", false), ("/tmp", false)])
            : null;

        await SendPiiTrafficAsync(client, token);
        watch?.Dispose();
        await gateway.StopAsync(token);

        if (traceLog is not null)
        {
            var lines = File.ReadAllLines(traceLog);
            var window = lines[startLine..SyscallTrace.IndexOfSignal(lines, "SIGTERM")];
            Assert.Contains(window, l => l.Contains("socket:[", StringComparison.Ordinal));
            var violations = SyscallTrace.FindFileWrites(window);
            Assert.True(violations.Count == 0, "File-system changes while traffic flowed:\n" + string.Join('\n', violations.Take(20)));
        }
        else
        {
            Assert.True(watch!.Events.IsEmpty, "File-system changes while traffic flowed:\n" + string.Join('\n', watch.Events.Take(20)));
        }

        var output = gateway.Output;
        foreach (var value in Pii.Values)
        {
            Assert.False(output.Contains(value, StringComparison.Ordinal), $"A {Pii.Describe(value)} appeared in the gateway's stdout/stderr.");
        }

        Pii.AssertNoneReached(provider);
    }

    [Fact]
    public async Task Strace_ChildWritingAFile_IsFlagged()
    {
        if (!GatewayProcess.StraceWorks())
        {
            // The inotify fallback is proven by FileWatch_FileWrittenInWatchedFolder_IsReported instead.
            return;
        }

        var target = Path.Combine(_root.FullName, "written.txt");
        var log = Path.Combine(_root.FullName, "sh.trace");
        using var process = System.Diagnostics.Process.Start(
            GatewayProcess.StracePath, ["-f", "-qq", "-y", "-s", "0", "-e", "trace=" + SyscallTrace.Traced, "-o", log, "/bin/sh", "-c", $"echo x > '{target}'; mv '{target}' '{target}.2'"]);
        await process.WaitForExitAsync();

        var violations = SyscallTrace.FindFileWrites(File.ReadAllLines(log));

        Assert.Contains(violations, v => v.Contains("openat(", StringComparison.Ordinal) && v.Contains(target, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("write(", StringComparison.Ordinal) && v.Contains(target, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("rename", StringComparison.Ordinal));
    }

    [Fact]
    public void FileWatch_FileWrittenInWatchedFolder_IsReported()
    {
        var folder = _root.CreateSubdirectory("watched").FullName;
        using var watch = new FileWatch([(folder, true)]);

        File.WriteAllText(Path.Combine(folder, "leak.txt"), "x");
        var seen = SpinWait.SpinUntil(() => !watch.Events.IsEmpty, TimeSpan.FromSeconds(30));

        Assert.True(seen, "inotify reported nothing for a file written in a watched folder");
    }

    [Theory]
    [InlineData("101 openat(AT_FDCWD</app>, \"/tmp/body.json\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 42</tmp/body.json>")]
    [InlineData("101 openat(AT_FDCWD</app>, \"cache/x\", O_RDWR|O_CLOEXEC) = 42</app/cache/x>")]
    [InlineData("101 openat(AT_FDCWD</app>, \"/dev/shm/sem.x\", O_RDWR|O_CREAT, 0600) = 5</dev/shm/sem.x>")]
    [InlineData("101 openat2(AT_FDCWD</app>, \"/var/log/relay.log\", {flags=O_WRONLY|O_APPEND, mode=0}, 24) = 5</var/log/relay.log>")]
    [InlineData("101 write(42</tmp/body.json>, \"\"..., 1024) = 1024")]
    [InlineData("101 pwrite64(9</app/data.db>, \"\"..., 4096, 0) = 4096")]
    [InlineData("101 write(9, \"\"..., 3) = -1 EBADF (Bad file descriptor)")]
    [InlineData("101 creat(\"/tmp/x\", 0644) = 5</tmp/x>")]
    [InlineData("101 rename(\"/tmp/a\", \"/tmp/b\") = 0")]
    [InlineData("101 renameat2(AT_FDCWD</app>, \"a\", AT_FDCWD</app>, \"b\", RENAME_NOREPLACE) = 0")]
    [InlineData("101 unlinkat(AT_FDCWD</app>, \"x\", 0) = 0")]
    [InlineData("101 mkdir(\"/tmp/d\", 0755) = 0")]
    [InlineData("101 truncate(\"/tmp/x\", 0) = 0")]
    [InlineData("101 ftruncate(7</tmp/x>, 0) = 0")]
    [InlineData("[pid   101] openat(AT_FDCWD</app>, \"/tmp/y\", O_WRONLY|O_CREAT <unfinished ...>")]
    public void FindFileWrites_FileChange_IsFlagged(string line)
    {
        Assert.Equal([line], SyscallTrace.FindFileWrites([line]));
    }

    [Theory]
    [InlineData("101 openat(AT_FDCWD</app>, \"/app/models/model.onnx\", O_RDONLY|O_CLOEXEC) = 42</app/models/model.onnx>")]
    [InlineData("101 write(5<pipe:[123]>, \"\"..., 1) = 1")]
    [InlineData("101 write(1<socket:[99]>, \"\"..., 80) = 80")]
    [InlineData("101 write(12<anon_inode:[eventfd]>, \"\"..., 8) = 8")]
    [InlineData("101 write(2</dev/null>, \"\"..., 8) = 8")]
    [InlineData("101 openat(AT_FDCWD</app>, \"/dev/null\", O_WRONLY) = 3</dev/null>")]
    [InlineData("101 ftruncate(8</memfd:doublemapper (deleted)>, 65536) = 0")]
    [InlineData("101 openat(AT_FDCWD</app>, \"/proc/self/task/23125/comm\", O_RDWR) = 214</proc/22935/task/23125/comm>")]
    [InlineData("101 write(214</proc/22935/task/23125/comm>, \"\"..., 14) = 14")]
    [InlineData("101 sendmsg(30<socket:[77]>, {msg_name=NULL}, 0) = 120")]
    [InlineData("101 <... openat resumed>) = 3</etc/hosts>")]
    [InlineData("101 --- SIGTERM {si_signo=SIGTERM} ---")]
    public void FindFileWrites_ReadOrStreamWrite_IsAllowed(string line)
    {
        Assert.Empty(SyscallTrace.FindFileWrites([line]));
    }

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>The text deltas of an OpenAI chat, OpenAI Responses or Anthropic event stream.</summary>
    private static string StreamText(string stream)
    {
        var text = new StringBuilder();
        foreach (var line in stream.Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line["data: ".Length..]);
            var json = document.RootElement;
            if (json.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0
                && choices[0].GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
            {
                text.Append(content.GetString());
            }
            else if (json.TryGetProperty("delta", out var delta))
            {
                if (delta.ValueKind == JsonValueKind.String)
                {
                    text.Append(delta.GetString());
                }
                else if (delta.ValueKind == JsonValueKind.Object && delta.TryGetProperty("text", out var deltaText))
                {
                    text.Append(deltaText.GetString());
                }
            }
        }

        return text.ToString();
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, CancellationToken token)
    {
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not accepting yet
            }

            await Task.Delay(100, token);
        }
    }

    private static async Task SendPiiTrafficAsync(HttpClient client, CancellationToken token)
    {
        var messages = new[] { new { role = "user", content = Pii.Prompt } };
        (string Path, object Body, bool Restores)[] calls =
        [
            ("/v1/chat/completions", new { model = "m", messages }, true),
            ("/v1/chat/completions", new { model = "m", stream = true, messages }, true),
            ("/v1/responses", new { model = "m", input = Pii.Prompt }, true),
            ("/v1/responses", new { model = "m", stream = true, input = Pii.Prompt }, true),
            ("/v1/embeddings", new { model = "m", input = Pii.Prompt }, false),
            ("/v1/messages", new { model = "m", max_tokens = 64, messages }, true),
            ("/v1/messages", new { model = "m", max_tokens = 64, stream = true, messages }, true),
        ];
        foreach (var (path, body, restores) in calls)
        {
            using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
            request.Headers.Add("Authorization", "Bearer sk-test");
            request.Headers.Add("anthropic-version", "2023-06-01");
            using var response = await client.SendAsync(request, token);
            var answer = await response.Content.ReadAsStringAsync(token);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            if (restores)
            {
                // The echo came back with the original values: PII really flowed through the gateway both ways.
                var text = answer.StartsWith('{') ? answer : StreamText(answer);
                Assert.Contains(Pii.Email, text, StringComparison.Ordinal);
            }
        }
    }
}
