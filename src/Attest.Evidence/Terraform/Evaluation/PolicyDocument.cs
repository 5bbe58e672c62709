namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>
/// The <c>json</c> of an <c>aws_iam_policy_document</c> data source, rendered from its blocks as the AWS provider does,
/// so that a policy written with it can be judged like one written with <c>jsonencode</c>.
/// </summary>
internal static class PolicyDocument
{
    private static readonly string[] Shaping = ["version", "policy_id", "statement", "source_policy_documents", "override_policy_documents"];

    public static VSet Render(VMap body)
    {
        // Only the parts that shape the document are expanded into alternatives.
        var parts = new Dictionary<string, VSet>(StringComparer.Ordinal);
        foreach (var key in Shaping)
        {
            if (body.Entries.TryGetValue(key, out var value))
            {
                parts[key] = value;
            }
        }

        var builder = new VSetBuilder();
        foreach (var alt in Values.Expand(VSet.Of(new VMap(parts))).Alts)
        {
            var document = alt.Value is VMap map ? Build(map) : alt.Value;
            if (document is VMap built)
            {
                builder.AddAll(JsonValues.EncodeAll(VSet.Of(built)), alt.Prov);
            }
            else
            {
                builder.Add(Evaluator.Derived(document), alt.Prov);
            }
        }

        return builder.Build();
    }

    private static V Get(VMap map, string key) => map.Entries.TryGetValue(key, out var set) ? set.Alts[0].Value : VNull.Instance;

    private static V Build(VMap document)
    {
        var statements = new List<VMap>();
        foreach (var key in new[] { "source_policy_documents", "statement", "override_policy_documents" })
        {
            var value = Get(document, key);
            if (value is VUnknown or VError)
            {
                return value;
            }

            if (value is not VList list)
            {
                continue;
            }

            foreach (var item in list.Items)
            {
                var element = item.Alts[0].Value;
                IEnumerable<V> found;
                if (key == "statement")
                {
                    found = [element is VMap statement ? Statement(statement) : element];
                }
                else if (element is VString json)
                {
                    if (JsonValues.Decode(json.Value) is not VMap source)
                    {
                        return new VUnknown($"a document in {key} is not a policy");
                    }

                    found = Get(source, "Statement") switch
                    {
                        VList sourceStatements => sourceStatements.Items.Select(s => s.Alts[0].Value),
                        VMap single => [single],
                        _ => [],
                    };
                }
                else if (element is VNull)
                {
                    continue;
                }
                else
                {
                    return element is VUnknown or VError ? element : new VUnknown($"a document in {key} is not text");
                }

                foreach (var statement in found)
                {
                    if (statement is not VMap map)
                    {
                        return statement is VUnknown or VError ? statement : new VError("a statement is not an object");
                    }

                    // A statement with the Sid of an earlier one replaces it, as source and override documents do.
                    var sid = Values.AsText(Get(map, "Sid"));
                    var at = string.IsNullOrEmpty(sid) ? -1 : statements.FindIndex(s => Values.AsText(Get(s, "Sid")) == sid);
                    if (at >= 0)
                    {
                        statements[at] = map;
                    }
                    else
                    {
                        statements.Add(map);
                    }
                }
            }
        }

        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal)
        {
            ["Version"] = VSet.Of(Values.AsText(Get(document, "version")) is { } version ? new VString(version) : new VString("2012-10-17")),
            ["Statement"] = VSet.Of(new VList([.. statements.Select(s => VSet.Of(s))])),
        };
        if (Get(document, "policy_id") is VString { Value.Length: > 0 } id)
        {
            entries["Id"] = VSet.Of(id);
        }

        return new VMap(entries);
    }

    private static VMap Statement(VMap statement)
    {
        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        if (Get(statement, "sid") is { } sid && sid is not VNull && Values.AsText(sid) is not "")
        {
            entries["Sid"] = VSet.Of(sid);
        }

        entries["Effect"] = VSet.Of(Get(statement, "effect") is VNull ? new VString("Allow") : Get(statement, "effect"));
        AddList(entries, "Action", Get(statement, "actions"));
        AddList(entries, "NotAction", Get(statement, "not_actions"));
        AddList(entries, "Resource", Get(statement, "resources"));
        AddList(entries, "NotResource", Get(statement, "not_resources"));
        AddPrincipals(entries, "Principal", Get(statement, "principals"));
        AddPrincipals(entries, "NotPrincipal", Get(statement, "not_principals"));

        if (Get(statement, "condition") is VList { Items.Count: > 0 } conditions)
        {
            var byTest = new Dictionary<string, Dictionary<string, VSet>>(StringComparer.Ordinal);
            foreach (var item in conditions.Items)
            {
                if (item.Alts[0].Value is not VMap condition)
                {
                    continue;
                }

                var test = Values.AsText(Get(condition, "test")) ?? "?";
                var variable = Values.AsText(Get(condition, "variable")) ?? "?";
                if (!byTest.TryGetValue(test, out var variables))
                {
                    byTest[test] = variables = new Dictionary<string, VSet>(StringComparer.Ordinal);
                }

                variables[variable] = VSet.Of(Unwrap(Get(condition, "values")));
            }

            entries["Condition"] = VSet.Of(new VMap(byTest.ToDictionary(t => t.Key, t => VSet.Of(new VMap(t.Value)), StringComparer.Ordinal)));
        }

        return new VMap(entries);
    }

    private static void AddList(Dictionary<string, VSet> entries, string name, V value)
    {
        if (value is not VNull)
        {
            entries[name] = VSet.Of(Unwrap(value));
        }
    }

    // The provider writes a one-element list as a plain string, and every element as a string.
    private static V Unwrap(V value) => value is VList { Items.Count: 1 } list ? Text(list.Items[0].Alts[0].Value) : Text(value);

    private static V Text(V value) => value switch
    {
        VBool or VNumber => new VString(Values.AsText(value)!),
        VList list => new VList([.. list.Items.Select(i => VSet.Of(Text(i.Alts[0].Value), i.Alts[0].Prov))]),
        _ => value,
    };

    private static void AddPrincipals(Dictionary<string, VSet> entries, string name, V value)
    {
        if (value is not VList { Items.Count: > 0 } principals)
        {
            return;
        }

        var byType = new Dictionary<string, List<VSet>>(StringComparer.Ordinal);
        foreach (var item in principals.Items)
        {
            if (item.Alts[0].Value is not VMap principal)
            {
                continue;
            }

            var type = Values.AsText(Get(principal, "type")) ?? "?";
            if (!byType.TryGetValue(type, out var identifiers))
            {
                byType[type] = identifiers = [];
            }

            switch (Get(principal, "identifiers"))
            {
                case VList list:
                    identifiers.AddRange(list.Items);
                    break;
                case var other:
                    identifiers.Add(VSet.Of(other));
                    break;
            }
        }

        if (byType.Count == 1 && byType.TryGetValue("*", out var anyone)
            && anyone.TrueForAll(i => i.Alts[0].Value is VString { Value: "*" }))
        {
            entries[name] = VSet.Of(new VString("*"));
            return;
        }

        entries[name] = VSet.Of(new VMap(byType.ToDictionary(
            t => t.Key,
            t => VSet.Of(Unwrap(new VList(t.Value))),
            StringComparer.Ordinal)));
    }
}
