namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>A variable's <c>type</c>, applied to its value: primitive conversions and the optional attributes of objects.</summary>
internal abstract record TypeConstraint
{
    public static TypeConstraint Any { get; } = new AnyType();

    /// <summary>Reads a type expression; anything not understood is <c>any</c>.</summary>
    public static TypeConstraint Parse(Expression? expression, int depth = 0)
    {
        if (expression is null || depth > 32)
        {
            return Any;
        }

        switch (expression)
        {
            case ScopeTraversalExpression { Traversal.Steps.Count: 0 } name:
                return name.Traversal.RootName switch
                {
                    "string" => new PrimitiveType("string"),
                    "number" => new PrimitiveType("number"),
                    "bool" => new PrimitiveType("bool"),
                    _ => Any,
                };
            case FunctionCallExpression { Name: "list" or "set", Arguments.Count: 1 } call:
                return new ListType(Parse(call.Arguments[0], depth + 1), call.Name == "set");
            case FunctionCallExpression { Name: "map", Arguments.Count: 1 } call:
                return new MapType(Parse(call.Arguments[0], depth + 1));
            case FunctionCallExpression { Name: "tuple", Arguments: [TupleExpression tuple] }:
                return new TupleType([.. tuple.Elements.Select(e => Parse(e, depth + 1))]);
            case FunctionCallExpression { Name: "object", Arguments: [ObjectExpression obj] }:
                var attributes = new Dictionary<string, ObjectAttribute>(StringComparer.Ordinal);
                foreach (var item in obj.Items)
                {
                    if (!item.TryGetKeyName(out var key))
                    {
                        continue;
                    }

                    attributes[key] = item.Value is FunctionCallExpression { Name: "optional", Arguments.Count: >= 1 } optional
                        ? new ObjectAttribute(Parse(optional.Arguments[0], depth + 1), true, optional.Arguments.Count > 1 ? optional.Arguments[1] : null)
                        : new ObjectAttribute(Parse(item.Value, depth + 1), false, null);
                }

                return new ObjectType(attributes);
            default:
                return Any;
        }
    }

    /// <summary>Converts every alternative of a value to this type, leaving what does not convert as it is.</summary>
    public VSet Convert(VSet value, Func<Expression, VSet> evaluate)
    {
        if (this is AnyType)
        {
            return value;
        }

        var builder = new VSetBuilder();
        foreach (var alt in value.Alts)
        {
            builder.Add(ConvertValue(alt.Value, evaluate), alt.Prov);
        }

        return builder.Build();
    }

    protected abstract V ConvertValue(V value, Func<Expression, VSet> evaluate);

    private sealed record AnyType : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate) => value;
    }

    private sealed record PrimitiveType(string Name) : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate) => (Name, value) switch
        {
            ("string", VNumber or VBool) => new VString(Values.AsText(value)!),
            ("number", VString) when Values.AsNumber(value) is { } n => new VNumber(n),
            ("bool", VString) when Values.AsBool(value) is { } b => VBool.Of(b),
            _ => value,
        };
    }

    private sealed record ListType(TypeConstraint Element, bool IsSet) : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate) => value switch
        {
            VList list => new VList([.. list.Items.Select(i => Element.Convert(i, evaluate))], IsSet),
            _ => value,
        };
    }

    private sealed record MapType(TypeConstraint Element) : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate) => value switch
        {
            VMap map => new VMap(map.Keys.ToDictionary(k => k, k => Element.Convert(map.Entries[k], evaluate), StringComparer.Ordinal)),
            _ => value,
        };
    }

    private sealed record TupleType(IReadOnlyList<TypeConstraint> Elements) : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate) => value switch
        {
            VList list => new VList([.. list.Items.Select((item, i) => i < Elements.Count ? Elements[i].Convert(item, evaluate) : item)]),
            _ => value,
        };
    }

    private sealed record ObjectAttribute(TypeConstraint Type, bool Optional, Expression? Default);

    private sealed record ObjectType(IReadOnlyDictionary<string, ObjectAttribute> Attributes) : TypeConstraint
    {
        protected override V ConvertValue(V value, Func<Expression, VSet> evaluate)
        {
            if (value is not VMap map)
            {
                return value;
            }

            var entries = new Dictionary<string, VSet>(map.Entries, StringComparer.Ordinal);
            foreach (var (name, attribute) in Attributes)
            {
                if (entries.TryGetValue(name, out var present))
                {
                    // An optional attribute set to null takes its default, as Terraform does.
                    if (attribute.Default is { } fallback && present.All(v => v is VNull))
                    {
                        present = evaluate(fallback);
                    }

                    entries[name] = attribute.Type.Convert(present, evaluate);
                }
                else
                {
                    entries[name] = attribute.Default is { } fallback
                        ? attribute.Type.Convert(evaluate(fallback), evaluate)
                        : VSet.Null;
                }
            }

            return new VMap(entries);
        }
    }
}
