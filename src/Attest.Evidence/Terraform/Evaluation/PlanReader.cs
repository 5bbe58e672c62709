using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Reads <c>terraform show -json</c> plan output: planned values are exact, <c>after_unknown</c> parts are unknown.</summary>
internal static partial class PlanReader
{
    private const int MaxResources = 100_000;

    [GeneratedRegex("\"address\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex AddressPattern();

    private sealed record Context(
        string File,
        Dictionary<string, JsonElement> AfterUnknown,
        Dictionary<string, Dictionary<string, IReadOnlyList<string>>> References,
        Dictionary<string, FileLocation> Locations,
        List<TerraformResource> Resources,
        List<IacProblem> Problems);

    public static IacDocument Read(string planJson, string file)
    {
        var problems = new List<IacProblem>();
        var resources = new List<TerraformResource>();
        try
        {
            using var document = JsonDocument.Parse(planJson, new JsonDocumentOptions { MaxDepth = 256 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("planned_values", out var planned)
                || planned.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new IacProblem(new FileLocation(file, 1, 1), "not a Terraform plan: planned_values is missing"));
                return new IacDocument(TerraformReader.Framework, file, resources, problems);
            }

            var context = new Context(file, AfterUnknown(root), References(root), Locations(planJson, file), resources, problems);
            if (planned.TryGetProperty("root_module", out var module))
            {
                ReadModule(module, context, 0);
            }
        }
        catch (JsonException e)
        {
            problems.Add(new IacProblem(new FileLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), "invalid JSON: " + e.Message));
        }
        catch (Exception e) when (TerraformReader.IsRecoverable(e))
        {
            problems.Add(new IacProblem(new FileLocation(file, 1, 1), $"internal error while reading the plan: {e.GetType().Name}: {e.Message}"));
        }

        return new IacDocument(TerraformReader.Framework, file, resources, problems);
    }

    private static void ReadModule(JsonElement module, Context context, int depth)
    {
        if (module.ValueKind != JsonValueKind.Object || depth > 64)
        {
            return;
        }

        if (module.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in list.EnumerateArray())
            {
                if (context.Resources.Count >= MaxResources)
                {
                    return;
                }

                if (ReadResource(resource, context) is { } read)
                {
                    context.Resources.Add(read);
                }
            }
        }

        if (module.TryGetProperty("child_modules", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                ReadModule(child, context, depth + 1);
            }
        }
    }

    private static TerraformResource? ReadResource(JsonElement resource, Context context)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || Text(resource, "address") is not { } address
            || Text(resource, "type") is not { } type)
        {
            context.Problems.Add(new IacProblem(new FileLocation(context.File, 1, 1), "a planned resource has no address or type"));
            return null;
        }

        var isData = Text(resource, "mode") == "data";
        var name = Text(resource, "name") ?? "";
        var values = resource.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object
            ? (VMap)JsonValues.FromJson(v)
            : VMap.Empty;
        if (context.AfterUnknown.TryGetValue(address, out var unknown))
        {
            values = Overlay(values, unknown, 0) as VMap ?? values;
        }

        var configAddress = WithoutKeys(address);
        context.References.TryGetValue(configAddress, out var references);
        var plan = new Prov(ValueSource.Plan, null);
        var entries = values.Keys.ToDictionary(k => k, k => values.Entries[k].Inherit(plan), StringComparer.Ordinal);
        var body = new VMap(entries) { References = references ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) };
        var module = configAddress.LastIndexOf(isData ? "data." : type + ".", StringComparison.Ordinal) is var at and > 0
            ? configAddress[..(at - 1)]
            : "";
        return new TerraformResource(
            address,
            (isData ? "data." : "") + type,
            name,
            context.Locations.TryGetValue(address, out var location) ? location : new FileLocation(context.File, 1, 1),
            null,
            false,
            isData,
            module,
            [new ResourceInstance(null, body)],
            ValueSource.Plan);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Marks as unknown every part that <c>after_unknown</c> flags (those parts are absent from planned values).</summary>
    private static V Overlay(V value, JsonElement unknown, int depth)
    {
        if (depth > Limits.MaxValueDepth)
        {
            return value;
        }

        switch (unknown.ValueKind)
        {
            case JsonValueKind.True:
                return new VUnknown("known after apply (plan)");
            case JsonValueKind.Object when value is VMap map:
                {
                    var entries = new Dictionary<string, VSet>(map.Entries, StringComparer.Ordinal);
                    foreach (var property in unknown.EnumerateObject())
                    {
                        var current = entries.TryGetValue(property.Name, out var set) ? set.Alts[0].Value : null;
                        if (current is null && property.Value.ValueKind != JsonValueKind.True)
                        {
                            continue;
                        }

                        entries[property.Name] = VSet.Of(Overlay(current ?? VNull.Instance, property.Value, depth + 1));
                    }

                    return new VMap(entries);
                }

            case JsonValueKind.Array when value is VList list:
                {
                    var items = list.Items.ToArray();
                    var i = 0;
                    foreach (var element in unknown.EnumerateArray())
                    {
                        if (i < items.Length)
                        {
                            items[i] = VSet.Of(Overlay(items[i].Alts[0].Value, element, depth + 1));
                        }

                        i++;
                    }

                    return new VList(items, list.IsSet);
                }

            default:
                return value;
        }
    }

    private static Dictionary<string, JsonElement> AfterUnknown(JsonElement root)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!root.TryGetProperty("resource_changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var change in changes.EnumerateArray())
        {
            if (change.ValueKind == JsonValueKind.Object
                && Text(change, "address") is { } address
                && change.TryGetProperty("change", out var body) && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("after_unknown", out var unknown) && unknown.ValueKind == JsonValueKind.Object)
            {
                result[address] = unknown.Clone();
            }
        }

        return result;
    }

    /// <summary>The references each configured attribute makes, from the plan's <c>configuration</c>, by resource address without instance keys.</summary>
    private static Dictionary<string, Dictionary<string, IReadOnlyList<string>>> References(JsonElement root)
    {
        var result = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (root.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
            && configuration.TryGetProperty("root_module", out var module))
        {
            ConfigurationModule(module, "", result, 0);
        }

        return result;
    }

    private static void ConfigurationModule(JsonElement module, string prefix, Dictionary<string, Dictionary<string, IReadOnlyList<string>>> result, int depth)
    {
        if (module.ValueKind != JsonValueKind.Object || depth > 64)
        {
            return;
        }

        if (module.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.ValueKind != JsonValueKind.Object || Text(resource, "address") is not { } address)
                {
                    continue;
                }

                var byAttribute = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (resource.TryGetProperty("expressions", out var expressions) && expressions.ValueKind == JsonValueKind.Object)
                {
                    foreach (var attribute in expressions.EnumerateObject())
                    {
                        var found = new SortedSet<string>(StringComparer.Ordinal);
                        CollectReferences(attribute.Value, prefix, found, 0);
                        byAttribute[attribute.Name] = [.. found];
                    }
                }

                result[prefix + address] = byAttribute;
            }
        }

        if (module.TryGetProperty("module_calls", out var calls) && calls.ValueKind == JsonValueKind.Object)
        {
            foreach (var call in calls.EnumerateObject())
            {
                if (call.Value.ValueKind == JsonValueKind.Object && call.Value.TryGetProperty("module", out var child))
                {
                    ConfigurationModule(child, prefix + "module." + call.Name + ".", result, depth + 1);
                }
            }
        }
    }

    private static void CollectReferences(JsonElement element, string prefix, SortedSet<string> found, int depth)
    {
        if (depth > Limits.MaxValueDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "references" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var reference in property.Value.EnumerateArray())
                        {
                            if (reference.ValueKind == JsonValueKind.String && Target(reference.GetString()!) is { } target)
                            {
                                found.Add(prefix + target);
                            }
                        }
                    }
                    else
                    {
                        CollectReferences(property.Value, prefix, found, depth + 1);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectReferences(item, prefix, found, depth + 1);
                }

                break;
        }
    }

    /// <summary>The resource, data source or module a reference names (<c>aws_s3_bucket.logs</c> for <c>aws_s3_bucket.logs[0].id</c>).</summary>
    private static string? Target(string reference)
    {
        var parts = WithoutKeys(reference).Split('.');
        return parts[0] switch
        {
            "var" or "local" or "each" or "count" or "path" or "terraform" or "self" => null,
            "data" when parts.Length >= 3 => string.Join('.', parts[..3]),
            "module" when parts.Length >= 2 => string.Join('.', parts[..2]),
            _ when parts.Length >= 2 => string.Join('.', parts[..2]),
            _ => null,
        };
    }

    /// <summary>An address without its instance keys: <c>module.m["a"].aws_s3_bucket.b[0]</c> becomes <c>module.m.aws_s3_bucket.b</c>.</summary>
    private static string WithoutKeys(string address)
    {
        var builder = new StringBuilder(address.Length);
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < address.Length; i++)
        {
            var c = address[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when depth > 0:
                    quoted = true;
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (depth == 0)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The first place each address is named in the plan text, for locations.</summary>
    private static Dictionary<string, FileLocation> Locations(string text, string file)
    {
        var result = new Dictionary<string, FileLocation>(StringComparer.Ordinal);
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        try
        {
            foreach (Match match in AddressPattern().Matches(text))
            {
                for (; scanned < match.Index; scanned++)
                {
                    if (text[scanned] == '\n')
                    {
                        line++;
                        lineStart = scanned + 1;
                    }
                }

                string address;
                try
                {
                    // The address as JSON spells it, escapes undone (a reader, not the serializer: nothing reflected)
                    var quoted = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + match.Groups[1].Value + "\""));
                    address = quoted.Read() ? quoted.GetString() ?? "" : "";
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    continue;
                }

                result.TryAdd(address, new FileLocation(file, line, match.Index - lineStart + 1));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Locations are a convenience; the resources are read without them.
        }

        return result;
    }
}
