using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>One evaluated instance body of a resource: its key (<c>[0]</c>, <c>["a"]</c>) when instances are evaluated one by one.</summary>
internal sealed record ResourceInstance(string? Key, VMap Body);

/// <summary>
/// A Terraform resource or data source block, evaluated: every value its attributes and nested blocks may take,
/// with where each is written and which resources each refers to.
/// </summary>
/// <remarks>
/// One object stands for the whole block whatever its <c>count</c> or <c>for_each</c>; <see cref="Multiplicity"/> says how many
/// instances it has. When instances differ, <see cref="ValuesAt"/> returns the values of each, marked with the instance key.
/// A data source has the address <c>data.type.name</c> and the type <c>data.type</c>, so that a rule on <c>aws_s3_bucket</c>
/// never mistakes a bucket lookup for a bucket.
/// </remarks>
public sealed class TerraformResource : IIacResource, IReferencingResource
{
    private const int MaxWalked = 4096;

    private readonly Prov _base;

    internal TerraformResource(
        string address,
        string type,
        string name,
        FileLocation location,
        string? multiplicity,
        bool neverCreated,
        bool isDataSource,
        string module,
        IReadOnlyList<ResourceInstance> instances,
        ValueSource baseSource = ValueSource.Literal)
    {
        _base = new Prov(baseSource, null);
        Address = address;
        Type = type;
        Name = name;
        Location = location;
        Multiplicity = multiplicity;
        NeverCreated = neverCreated;
        IsDataSource = isDataSource;
        Module = module;
        Instances = instances;
    }

    /// <inheritdoc />
    public string Framework => TerraformReader.Framework;

    /// <inheritdoc />
    public string Address { get; }

    /// <inheritdoc />
    public string Type { get; }

    /// <summary>The resource name, the second label of the block (<c>logs</c> in <c>aws_s3_bucket.logs</c>).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public FileLocation Location { get; }

    /// <inheritdoc />
    public string? Multiplicity { get; }

    /// <summary>True when <c>count</c> or <c>for_each</c> (of the block or of an enclosing module) is known to create no instance.</summary>
    public bool NeverCreated { get; }

    /// <summary>True for a <c>data</c> block.</summary>
    public bool IsDataSource { get; }

    /// <summary>The address of the module the block is in (<c>module.storage</c>), empty for the root module.</summary>
    public string Module { get; }

    internal IReadOnlyList<ResourceInstance> Instances { get; }

    /// <inheritdoc />
    public ValueSet ValuesAt(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var perInstance = Instances.Select(i => Walk(i.Body, _base, path)).ToList();
        if (perInstance.Count == 1 || perInstance.TrueForAll(set => Values.DeepEquals(set, perInstance[0])))
        {
            return ToPublic(perInstance[0]);
        }

        var builder = new VSetBuilder();
        for (var i = 0; i < perInstance.Count; i++)
        {
            builder.AddAll(perInstance[i], new Prov(ValueSource.Literal, "instance " + Instances[i].Key));
        }

        return ToPublic(builder.Build());
    }

    /// <inheritdoc />
    public FileLocation LocationOf(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = Location;
        V current = Instances[0].Body;
        var i = 0;
        while (i < path.Length)
        {
            var segment = path[i];
            if (current is VMap map)
            {
                if (map.Locations is not null && map.Locations.TryGetValue(segment, out var range))
                {
                    found = Session.Location(range);
                }

                if (!map.Entries.TryGetValue(segment, out var entry))
                {
                    break;
                }

                current = Preferred(entry);
                i++;
            }
            else if (current is VList list && list.Items.Count > 0)
            {
                var isIndex = int.TryParse(segment, out var index);
                current = Preferred(list.Items[isIndex && index >= 0 && index < list.Items.Count ? index : 0]);
                if (current is VMap { Self: { } self })
                {
                    found = Session.Location(self);
                }

                // A name applied to a list of blocks stands for every element, as "*" would.
                if (segment == "*" || isIndex)
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// The addresses of the resources, data sources and unfollowed modules the value at <paramref name="path"/> refers to
    /// (<c>aws_s3_bucket.logs</c> for <c>bucket = aws_s3_bucket.logs.id</c>), through locals, outputs of followed modules and
    /// <c>aws_iam_policy_document</c> data sources; every reference of the resource for an empty path.
    /// </summary>
    public IReadOnlyList<string> ReferencedResources(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in Instances)
        {
            Collect(instance.Body, path, 0, result, 0);
        }

        return [.. result.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public override string ToString() => Address;

    private static V Preferred(VSet set) =>
        set.Alts.Select(a => a.Value).FirstOrDefault(v => v is VMap || v is VList { Items.Count: > 0 }) ?? set.Alts[0].Value;

    private static bool Collect(V value, string[] path, int i, HashSet<string> result, int depth)
    {
        if (depth > Limits.MaxValueDepth)
        {
            return false;
        }

        switch (value)
        {
            case VList list when i < path.Length:
                var next = path[i] == "*" || int.TryParse(path[i], out _) ? i + 1 : i;
                var reached = false;
                foreach (var item in list.Items)
                {
                    foreach (var alt in item.Alts)
                    {
                        reached |= Collect(alt.Value, path, next, result, depth + 1);
                    }
                }

                return reached;
            case VMap { References: { } references } map:
                if (i == path.Length)
                {
                    foreach (var found in references.Values)
                    {
                        result.UnionWith(found);
                    }

                    return true;
                }

                if (!references.TryGetValue(path[i], out var own))
                {
                    return true;
                }

                var deeper = new HashSet<string>(StringComparer.Ordinal);
                var deeperReached = false;
                if (i + 1 < path.Length && map.Entries.TryGetValue(path[i], out var entry))
                {
                    foreach (var alt in entry.Alts)
                    {
                        deeperReached |= Collect(alt.Value, path, i + 1, deeper, depth + 1);
                    }
                }

                result.UnionWith(deeperReached ? deeper : own);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Every value at the path, each with the provenance of the way to it.</summary>
    private static VSet Walk(VMap body, Prov start, string[] path)
    {
        var found = new List<(V Value, Prov Prov)>();
        Walk(body, start, path, 0, found, 0);
        var builder = new VSetBuilder();
        foreach (var (value, prov) in found)
        {
            builder.Add(value, prov);
        }

        if (found.Count >= MaxWalked)
        {
            builder.MarkOverflow();
        }

        return builder.Build();
    }

    private static void Walk(V value, Prov prov, string[] path, int i, List<(V, Prov)> found, int depth)
    {
        if (found.Count >= MaxWalked)
        {
            return;
        }

        if (i == path.Length || value is VUnknown or VError)
        {
            found.Add((value, prov));
            return;
        }

        if (depth > Limits.MaxValueDepth)
        {
            found.Add((new VUnknown("value nested too deeply"), prov));
            return;
        }

        var segment = path[i];
        switch (value)
        {
            case VMap map when segment == "*":
                if (map.Keys.Count == 0)
                {
                    found.Add((VNull.Instance, prov));
                }

                foreach (var key in map.Keys)
                {
                    WalkSet(map.Entries[key], prov, path, i + 1, found, depth);
                }

                break;
            case VMap map:
                if (map.Entries.TryGetValue(segment, out var entry))
                {
                    WalkSet(entry, prov, path, i + 1, found, depth);
                }
                else
                {
                    found.Add((VNull.Instance, prov));
                }

                break;
            case VList list:
                if (list.Items.Count == 0)
                {
                    found.Add((VNull.Instance, prov));
                }
                else if (segment == "*")
                {
                    foreach (var item in list.Items)
                    {
                        WalkSet(item, prov, path, i + 1, found, depth);
                    }
                }
                else if (int.TryParse(segment, out var index))
                {
                    if (index >= 0 && index < list.Items.Count)
                    {
                        WalkSet(list.Items[index], prov, path, i + 1, found, depth);
                    }
                    else
                    {
                        found.Add((VNull.Instance, prov));
                    }
                }
                else
                {
                    // A name applied to a list of blocks stands for every element, as "*" would.
                    foreach (var item in list.Items)
                    {
                        WalkSet(item, prov, path, i, found, depth);
                    }
                }

                break;
            default:
                found.Add((VNull.Instance, prov));
                break;
        }
    }

    private static void WalkSet(VSet set, Prov prov, string[] path, int i, List<(V, Prov)> found, int depth)
    {
        foreach (var alt in set.Alts)
        {
            Walk(alt.Value, prov.With(alt.Prov), path, i, found, depth + 1);
        }
    }

    private static ValueSet ToPublic(VSet set)
    {
        var expanded = Values.Expand(set);
        var values = new List<PossibleValue>(expanded.Alts.Count);
        foreach (var alt in expanded.Alts)
        {
            values.Add(new PossibleValue(Values.ToPublic(alt.Value), alt.Prov.Source, alt.Prov.How));
        }

        return new ValueSet(values);
    }
}
