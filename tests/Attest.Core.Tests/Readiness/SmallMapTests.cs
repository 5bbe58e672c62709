using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>The map the normal forms and the case-study pool keep their few keys in acts as a dictionary, with few keys and with many.</summary>
public class SmallMapTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    public void It_answers_as_a_dictionary_does(int keys)
    {
        var random = new Random(keys);
        var map = default(SmallMap<int>);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < 4 * keys; n++)
        {
            // New string instances, so that equal keys are not the same reference
            var key = new string(['k', (char)('a' + random.Next(keys % 26 + 1)), (char)('0' + random.Next(keys / 26 + 1))]);
            Assert.Equal(expected.TryAdd(key, n), map.TryAdd(key, n));
            Assert.Equal(expected[key], map[key]);
            var other = key + "?";
            Assert.Equal(expected.TryGetValue(other, out var a), map.TryGetValue(other, out var b));
            Assert.Equal(a, b);
        }

        foreach (var (key, value) in expected)
        {
            Assert.True(map.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }

        Assert.Throws<KeyNotFoundException>(() => map["absent"]);
    }
}
