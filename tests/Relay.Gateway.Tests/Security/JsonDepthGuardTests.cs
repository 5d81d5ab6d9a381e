using System.Text;
using StealthRelay.Gateway.Security;

namespace StealthRelay.Gateway.Tests.Security;

public sealed class JsonDepthGuardTests
{
    private static byte[] Nested(int depth) => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 1, true)]
    [InlineData(64, 64, false)]
    [InlineData(65, 64, true)]
    [InlineData(200, 64, true)]
    public void IsTooDeep_NestedArrays_MatchesSystemTextJsonDepth(int depth, int limit, bool expected) =>
        Assert.Equal(expected, JsonDepthGuard.IsTooDeep(Nested(depth), limit));

    [Fact]
    public void IsTooDeep_MixedObjectsAndArrays_CountsBoth()
    {
        var json = Encoding.UTF8.GetBytes("{\"a\":[{\"b\":[1]}]}"); // 4 levels

        Assert.False(JsonDepthGuard.IsTooDeep(json, 4));
        Assert.True(JsonDepthGuard.IsTooDeep(json, 3));
    }

    [Fact]
    public void IsTooDeep_MalformedJson_LeftToTheEngine() =>
        Assert.False(JsonDepthGuard.IsTooDeep(Encoding.UTF8.GetBytes("{\"a\":"), 64));
}
