namespace Attest.Core.Readiness;

/// <summary>
/// A map from strings (compared ordinally) for the few keys one evaluation sees (an application's customer names, web
/// sites, addresses): a scan of two arrays while there are few, a dictionary once there are many, so that it stays linear.
/// A mutable struct: keep it in a field or a local that is not read-only, and do not copy it.
/// </summary>
internal struct SmallMap<TValue>
{
    private const int Scanned = 16;

    private string[]? keys;
    private TValue[]? values;
    private int count;
    private Dictionary<string, TValue>? map;

    /// <summary>The value of <paramref name="key"/>, when there is one.</summary>
    public readonly bool TryGetValue(string key, out TValue value)
    {
        if (map is not null)
        {
            return map.TryGetValue(key, out value!);
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(keys![i], key, StringComparison.Ordinal))
            {
                value = values![i];
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Gives <paramref name="key"/> the value <paramref name="value"/>, or leaves it its value when it has one; false then.</summary>
    public bool TryAdd(string key, TValue value)
    {
        if (TryGetValue(key, out _))
        {
            return false;
        }

        if (map is not null)
        {
            map.Add(key, value);
            return true;
        }

        if (count == Scanned)
        {
            map = new Dictionary<string, TValue>(2 * Scanned, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                map.Add(keys![i], values![i]);
            }

            map.Add(key, value);
            (keys, values, count) = (null, null, 0);
            return true;
        }

        if (keys is null || count == keys.Length)
        {
            var size = keys is null ? 4 : 2 * keys.Length;
            Array.Resize(ref keys, size);
            Array.Resize(ref values, size);
        }

        keys[count] = key;
        values![count] = value;
        count++;
        return true;
    }

    /// <summary>The value of <paramref name="key"/>, which must have one.</summary>
    public readonly TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
}
