using System.Text;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using StealthRelay.Redaction.Tests.Fuzzing;

namespace StealthRelay.Redaction.Tests.Rehydration;

/// <summary>
/// The stream path's flat parser must accept exactly what <see cref="JsonSyntaxTree"/> accepts and see the same
/// values, or events would be restored (or passed through) differently than before.
/// </summary>
public class SseJsonDocumentTests
{
    public static TheoryData<string> Inputs() =>
    [
        """{"a":1,"b":[true,false,null,-1.5e3,"x\"y"],"c":{"d":{}},"e":[]}""",
        """{"a":1,"a":2}""",
        """{"a":1,"\u0061":2}""",
        """{"\u0061":1,"a":2}""",
        """{"a\"":1,"a\u0022":2}""",
        """{"a":{"a":1},"b":{"a":1}}""",
        """{"x":{"a":1,"a":1}}""",
        """[{"a":1},{"a":1,"b":2,"a":3}]""",
        """{"k\ud83d\ude00":1,"k😀":2}""",
        """{"\ud800":1}""",
        """{"a":"\udc00"}""",
        """{"a":"\ud83d\ude00 ok"}""",
        """{"a":"\u00e9","b":"é"}""",
        """{"a":1} x""",
        """{"a":1}{"b":2}""",
        """{"a":1,}""",
        "{\"a\":1 // c\n}",
        """{'a':1}""",
        """{"a":01}""",
        """ { "a" : "b" } """,
        "",
        "   ",
        "\"just a string\"",
        "42",
        "[]",
        Many(16, duplicateAt: -1),
        Many(17, duplicateAt: -1),
        Many(40, duplicateAt: 3),
        Many(40, duplicateAt: 30),
        Many(40, duplicateAt: 30, escaped: true),
        Many(16, duplicateAt: 2, escaped: true),
        Nested(128),
        Nested(129),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TryParse_Input_MatchesJsonSyntaxTree(string json) => AssertSameAsTree(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'n', 0xC0, 0x80, (byte)'"', (byte)'}' })]
    public void TryParse_InvalidUtf8_IsRejectedLikeJsonSyntaxTree(byte[] utf8)
    {
        Assert.False(new SseJsonDocument().TryParse(utf8));
        AssertSameAsTree(utf8);
    }

    [Fact]
    public void TryParse_MutatedCorpus_MatchesJsonSyntaxTree()
    {
        var (executed, failure) = FuzzRun.Run(
            [.. FuzzRun.Corpus("requests"), .. FuzzRun.Corpus("streams").SelectMany(DataOf)], seed: 7, iterations: 3000, AssertSameAsTree);
        Assert.True(failure is null, failure);
        Assert.True(executed > 1000);
    }

    [Fact]
    public void TryParse_AfterALargerEvent_ForgetsItsValues()
    {
        var document = new SseJsonDocument();
        Assert.True(document.TryParse("""{"a":{"b":[1,2,3]},"c":"d","e":{"f":1}}"""u8));
        Assert.True(document.TryParse("""{"x":[]}"""u8));
        Assert.Equal(-1, document.Property(SseJsonDocument.Root, "a"u8));
        Assert.Equal(-1, document.FirstChild(document.Property(SseJsonDocument.Root, "x"u8)));
        Assert.False(document.TryParse("""{"x":1,"x":2}"""u8));
        Assert.False(document.Is(SseJsonDocument.Root, JsonKind.Object));
    }

    [Fact]
    public void Property_EscapedName_MatchesAfterUnescaping()
    {
        var source = """{"\u0063ontent":"hi","t\u00e9":"\u0041B","plain":"x"}"""u8;
        var document = new SseJsonDocument();
        Assert.True(document.TryParse(source));
        var content = document.Property(SseJsonDocument.Root, "content"u8);
        Assert.Equal("hi", document.GetString(content, source));
        Assert.Equal("content", document.GetName(content));
        var accented = document.Property(SseJsonDocument.Root, "té"u8);
        Assert.True(document.ValueEquals(accented, "AB"u8, source));
        Assert.False(document.ValueEquals(accented, "\\u0041B"u8, source));
        Assert.Equal(-1, document.Property(SseJsonDocument.Root, "\\u0063ontent"u8));
        Assert.Equal(-1, document.Property(content, "content"u8));
    }

    private static IEnumerable<byte[]> DataOf(byte[] sse) =>
        Encoding.UTF8.GetString(sse).Split('\n')
            .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
            .Select(line => Encoding.UTF8.GetBytes(line[6..].TrimEnd('\r')));

    private static string Many(int count, int duplicateAt, bool escaped = false)
    {
        var members = Enumerable.Range(0, count).Select(i => $"\"k{i}\":{i}").ToList();
        if (duplicateAt >= 0)
        {
            members.Add(escaped ? $"\"\\u006b{duplicateAt}\":0" : $"\"k{duplicateAt}\":0");
        }

        return "{" + string.Join(',', members) + "}";
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static void AssertSameAsTree(byte[] utf8)
    {
        var tree = JsonSyntaxTree.TryParse(utf8);
        var document = new SseJsonDocument();
        var parsed = document.TryParse(utf8);
        Assert.Equal(tree is not null, parsed);
        if (tree is not null)
        {
            AssertSameValue(tree, document, SseJsonDocument.Root, utf8);
        }
    }

    private static void AssertSameValue(JsonSyntaxNode node, SseJsonDocument document, int value, byte[] source)
    {
        Assert.True(document.Is(value, node.Kind));
        Assert.Equal(node.Start, document.Start(value));
        Assert.Equal(node.End, document.End(value));
        switch (node.Kind)
        {
            case JsonKind.String:
                Assert.Equal(node.GetString(source), document.GetString(value, source));
                Assert.Equal(Encoding.UTF8.GetBytes(node.GetString(source)), document.GetUtf8(value, source).ToArray());
                break;
            case JsonKind.Object:
                var member = document.FirstChild(value);
                foreach (var (name, child) in node.Properties!)
                {
                    Assert.True(member >= 0);
                    Assert.Equal(name, document.GetName(member));
                    Assert.Equal(member, document.Property(value, Encoding.UTF8.GetBytes(name)));
                    AssertSameValue(child, document, member, source);
                    member = document.Next(member);
                }

                Assert.Equal(-1, member);
                break;
            case JsonKind.Array:
                var item = document.FirstChild(value);
                foreach (var child in node.Items!)
                {
                    Assert.True(item >= 0);
                    AssertSameValue(child, document, item, source);
                    item = document.Next(item);
                }

                Assert.Equal(-1, item);
                break;
        }
    }
}
