using System.Globalization;
using System.Runtime.CompilerServices;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Evaluates expressions into every value they may take; never throws on odd input.</summary>
internal sealed partial class Evaluator(Session session)
{
    public VSet Eval(Expression expression, Scope scope)
    {
        if (!session.Step(expression.Range))
        {
            return VSet.Unknown("evaluation budget exhausted");
        }

        if (session.Depth >= Limits.MaxEvaluationDepth)
        {
            return VSet.Error("expressions nested too deeply");
        }

        session.Depth++;
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return EvalCore(expression, scope);
        }
        catch (InsufficientExecutionStackException)
        {
            return VSet.Error("expressions nested too deeply");
        }
        finally
        {
            session.Depth--;
        }
    }

    private VSet EvalCore(Expression expression, Scope scope) => expression switch
    {
        NumberLiteralExpression number => number.Value switch
        {
            decimal d => VSet.Of(new VNumber(d)),
            double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => VSet.Of(new VNumber((decimal)d)),
            _ => VSet.Unknown("number " + number.Text + " is out of range"),
        },
        BoolLiteralExpression boolean => boolean.Value ? VSet.True : VSet.False,
        NullLiteralExpression => VSet.Null,
        TemplateExpression template => EvalTemplate(template, scope),
        ScopeTraversalExpression reference => EvalTraversal(reference.Traversal, scope),
        RelativeTraversalExpression relative => ApplySteps(Eval(relative.Source, scope), relative.Steps, 0),
        IndexExpression index => EvalIndex(index, scope),
        SplatExpression splat => EvalSplat(splat, scope),
        AnonymousSymbolExpression => scope.Anonymous ?? VSet.Error("splat symbol outside a splat"),
        FunctionCallExpression call => CallFunction(call, scope),
        TupleExpression tuple => EvalTuple(tuple, scope),
        ObjectExpression obj => EvalObject(obj, scope),
        ConditionalExpression conditional => EvalConditional(conditional, scope),
        BinaryExpression binary => EvalBinary(binary, scope),
        UnaryExpression unary => EvalUnary(unary, scope),
        ParenthesesExpression parentheses => Eval(parentheses.Inner, scope),
        ForExpression forExpression => EvalFor(forExpression, scope),
        _ => VSet.Error("invalid expression"),
    };

    // ---- combination helpers -------------------------------------------------------------------------------

    /// <summary>An unknown passed on by an operation: the reason stays, the placeholder does not (the result is another value).</summary>
    public static V Derived(V value) => value is VUnknown { Reference: not null } or VUnknown { Placeholder: not null }
        ? new VUnknown(((VUnknown)value).Reason)
        : value;

    /// <summary>Applies <paramref name="operation"/> to every combination of the arguments' alternatives.</summary>
    /// <param name="args">The evaluated arguments.</param>
    /// <param name="operation">The operation on one combination.</param>
    /// <param name="passUnknown">When false, an unknown or error argument is the result without calling the operation.</param>
    public static VSet Lift(IReadOnlyList<VSet> args, Func<V[], VSet> operation, bool passUnknown = false)
    {
        if (args.Count == 0)
        {
            return operation([]);
        }

        if (args.All(a => a.IsSingle))
        {
            var values = args.Select(a => a.Alts[0].Value).ToArray();
            var prov = Prov.Literal;
            foreach (var arg in args)
            {
                prov = prov.With(arg.Alts[0].Prov);
            }

            return Apply(values, prov, operation, passUnknown);
        }

        var builder = new VSetBuilder();
        var indexes = new int[args.Count];
        while (true)
        {
            var values = new V[args.Count];
            var prov = Prov.Literal;
            for (var i = 0; i < args.Count; i++)
            {
                values[i] = args[i].Alts[indexes[i]].Value;
                prov = prov.With(args[i].Alts[indexes[i]].Prov);
            }

            builder.AddAll(Apply(values, Prov.Literal, operation, passUnknown), prov);
            if (builder.IsFull)
            {
                builder.MarkOverflow();
                break;
            }

            var position = args.Count - 1;
            while (position >= 0 && ++indexes[position] == args[position].Alts.Count)
            {
                indexes[position] = 0;
                position--;
            }

            if (position < 0)
            {
                break;
            }
        }

        return builder.Build();
    }

    public static VSet Lift(IReadOnlyList<VSet> args, Func<V[], V> operation, bool passUnknown = false) =>
        Lift(args, values => VSet.Of(operation(values)), passUnknown);

    private static VSet Apply(V[] values, Prov prov, Func<V[], VSet> operation, bool passUnknown)
    {
        if (!passUnknown)
        {
            foreach (var value in values)
            {
                if (value is VError)
                {
                    return VSet.Of(value, prov);
                }
            }

            foreach (var value in values)
            {
                if (value is VUnknown)
                {
                    return VSet.Of(Derived(value), prov);
                }
            }
        }

        VSet result;
        try
        {
            result = operation(values);
        }
        catch (OverflowException)
        {
            result = VSet.Error("number out of range");
        }
        catch (ArgumentException e)
        {
            result = VSet.Error(e.Message);
        }
        catch (FormatException e)
        {
            result = VSet.Error(e.Message);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            result = VSet.Unknown("regular expression took too long");
        }

        return result.Inherit(prov);
    }

    /// <summary>The first error among every alternative, else null; an expression containing an error fails as a whole.</summary>
    private static VSet? AllErrors(VSet set) => set.All(v => v is VError) ? set : null;

    // ---- references ----------------------------------------------------------------------------------------

    private VSet EvalTraversal(Traversal traversal, Scope scope)
    {
        if (scope.TryLookup(traversal.RootName, out var bound))
        {
            return ApplySteps(bound, traversal.Steps, 0);
        }

        var module = scope.Module;
        var steps = traversal.Steps;
        var first = steps.Count > 0 ? steps[0] as AttributeStep : null;
        switch (traversal.RootName)
        {
            case "var":
                return first is null
                    ? VSet.Error("var must be followed by a variable name")
                    : ApplySteps(module.Variable(first.Name), steps, 1);
            case "local":
                return first is null
                    ? VSet.Error("local must be followed by a name")
                    : ApplySteps(module.Local(first.Name), steps, 1);
            case "module":
                return first is null ? VSet.Error("module must be followed by a name") : EvalModuleReference(first.Name, traversal, scope);
            case "data":
                return EvalDataReference(traversal, scope);
            case "path":
                return first?.Name switch
                {
                    "module" => ApplySteps(VSet.Of(module.PathModule), steps, 1),
                    "root" or "cwd" => ApplySteps(VSet.Of(module.PathRoot), steps, 1),
                    _ => VSet.Error("unknown path attribute"),
                };
            case "terraform":
                return first?.Name == "workspace"
                    ? VSet.Unknown("terraform.workspace is chosen when Terraform runs")
                    : VSet.Unknown($"{traversal} is not evaluated");
            case "count":
                return VSet.Error("count.index is used outside a block with count");
            case "each":
                return VSet.Error("each is used outside a block with for_each");
            case "self":
                return VSet.Unknown("self is known after apply");
        }

        if (first is null)
        {
            return VSet.Error($"unknown reference {traversal}");
        }

        if (!module.HasResource(traversal.RootName, first.Name))
        {
            return VSet.Error($"reference to undeclared resource {traversal.RootName}.{first.Name}");
        }

        session.Record(module.Prefix + traversal.RootName + "." + first.Name);
        if (steps.Count > 1 && steps[1] is IndexStep { Key: var key }
            && module.HasNoInstance(traversal.RootName, first.Name, Convert.ToString(key, CultureInfo.InvariantCulture) ?? ""))
        {
            return VSet.Error($"{traversal.RootName}.{first.Name} has no instance [{key}]");
        }

        var text = traversal.ToString();
        return VSet.Of(new VUnknown("known after apply: " + text, text));
    }

    private VSet EvalModuleReference(string name, Traversal traversal, Scope scope)
    {
        var steps = traversal.Steps;
        var next = 1;
        while (next < steps.Count && steps[next] is IndexStep)
        {
            next++;
        }

        if (next >= steps.Count || steps[next] is not AttributeStep output)
        {
            session.Record(scope.Module.Prefix + "module." + name);
            var text = traversal.ToString();
            return VSet.Of(new VUnknown("module outputs as a whole are not evaluated: " + text));
        }

        return ApplySteps(scope.Module.ModuleOutput(name, output.Name, traversal), steps, next + 1);
    }

    private VSet EvalDataReference(Traversal traversal, Scope scope)
    {
        var steps = traversal.Steps;
        if (steps.Count < 2 || steps[0] is not AttributeStep type || steps[1] is not AttributeStep name)
        {
            return VSet.Error("data must be followed by a type and a name");
        }

        var module = scope.Module;
        if (!module.HasData(type.Name, name.Name))
        {
            return VSet.Error($"reference to undeclared data source data.{type.Name}.{name.Name}");
        }

        session.Record(module.Prefix + "data." + type.Name + "." + name.Name);
        var next = 2;
        while (next < steps.Count && steps[next] is IndexStep)
        {
            next++;
        }

        if (type.Name == "aws_iam_policy_document" && next < steps.Count
            && steps[next] is AttributeStep { Name: "json" or "minified_json" })
        {
            return ApplySteps(module.PolicyDocumentJson(name.Name), steps, next + 1);
        }

        var text = traversal.ToString();
        return VSet.Of(new VUnknown("known after apply: " + text, text));
    }

    public static VSet ApplySteps(VSet set, IReadOnlyList<TraversalStep> steps, int start)
    {
        var current = set;
        for (var i = start; i < steps.Count; i++)
        {
            var step = steps[i];
            current = ApplyStep(current, step switch
            {
                AttributeStep attribute => new VString(attribute.Name),
                IndexStep { Key: string s } => new VString(s),
                IndexStep { Key: decimal d } => new VNumber(d),
                _ => new VNumber(-1),
            }, step is AttributeStep);
        }

        return current;
    }

    private static VSet ApplyStep(VSet set, V key, bool isAttribute)
    {
        if (set.IsSingle)
        {
            return Index(set.Alts[0].Value, key, isAttribute).Inherit(set.Alts[0].Prov);
        }

        var builder = new VSetBuilder();
        foreach (var alt in set.Alts)
        {
            builder.AddAll(Index(alt.Value, key, isAttribute), alt.Prov);
        }

        return builder.Build();
    }

    /// <summary>Takes one element of a collection: <c>x.name</c>, <c>x[0]</c>, <c>x["k"]</c>.</summary>
    public static VSet Index(V collection, V key, bool isAttribute = false)
    {
        switch (collection)
        {
            case VError:
                return VSet.Of(collection);
            case VUnknown unknown:
                if (unknown.Reference is null)
                {
                    return VSet.Of(Derived(unknown));
                }

                var text = unknown.Reference + (isAttribute ? "." + Values.AsText(key) : "[" + KeyText(key) + "]");
                return VSet.Of(new VUnknown("known after apply: " + text, text));
            case VNull:
                return VSet.Error("cannot index a null value");
        }

        if (key is VUnknown or VError)
        {
            return VSet.Of(Derived(key));
        }

        switch (collection)
        {
            case VList list:
                if (isAttribute)
                {
                    return VSet.Error($"a {Values.TypeName(list)} has no attribute {Values.AsText(key)}");
                }

                var number = Values.AsNumber(key);
                if (number is not { } n || n != decimal.Truncate(n))
                {
                    return VSet.Error("a list index must be a whole number");
                }

                return n >= 0 && n < list.Items.Count
                    ? list.Items[(int)n]
                    : VSet.Error($"index {Values.NumberText(n)} is out of range for a list of {list.Items.Count}");
            case VMap map:
                var name = Values.AsText(key);
                if (name is null)
                {
                    return VSet.Error("a map key must be a string");
                }

                return map.Entries.TryGetValue(name, out var entry)
                    ? entry
                    : VSet.Error($"no element or attribute {name}");
            default:
                return VSet.Error($"cannot index a {Values.TypeName(collection)}");
        }
    }

    private static string KeyText(V key) => key is VString s ? "\"" + s.Value + "\"" : Values.AsText(key) ?? "?";

    private VSet EvalIndex(IndexExpression index, Scope scope)
    {
        var collection = Eval(index.Collection, scope);
        var key = Eval(index.Key, scope);
        return Lift([collection, key], values => Index(values[0], values[1]), passUnknown: true);
    }

    private VSet EvalSplat(SplatExpression splat, Scope scope)
    {
        var source = Eval(splat.Source, scope);
        var builder = new VSetBuilder();
        foreach (var alt in source.Alts)
        {
            switch (alt.Value)
            {
                case VError:
                    builder.Add(alt.Value, alt.Prov);
                    break;
                case VUnknown unknown:
                    var text = session.Snippet(splat.Range, 120);
                    builder.Add(unknown.Reference is null ? Derived(unknown) : new VUnknown("known after apply: " + text, text), alt.Prov);
                    break;
                case VNull:
                    builder.Add(VList.Empty, alt.Prov);
                    break;
                case VList list:
                    var items = new VSet[list.Items.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Eval(splat.Each, scope.WithAnonymous(list.Items[i]));
                    }

                    builder.Add(new VList(items), alt.Prov);
                    break;
                default:
                    builder.Add(new VList([Eval(splat.Each, scope.WithAnonymous(VSet.Of(alt.Value)))]), alt.Prov);
                    break;
            }
        }

        return builder.Build();
    }

    // ---- constructors ----------------------------------------------------------------------------------------

    private VSet EvalTuple(TupleExpression tuple, Scope scope)
    {
        if (tuple.Elements.Count > Limits.MaxCollection)
        {
            return VSet.Unknown("tuple too large");
        }

        var items = new VSet[tuple.Elements.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Eval(tuple.Elements[i], scope);
            if (AllErrors(items[i]) is { } error)
            {
                return error;
            }
        }

        return VSet.Of(new VList(items));
    }

    private VSet EvalObject(ObjectExpression obj, Scope scope)
    {
        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        foreach (var item in obj.Items)
        {
            string key;
            if (item.Key is ScopeTraversalExpression { Traversal.Steps.Count: 0 } bare)
            {
                key = bare.Traversal.RootName;
            }
            else
            {
                var keySet = Eval(item.Key is ParenthesesExpression p ? p.Inner : item.Key, scope);
                if (AllErrors(keySet) is { } error)
                {
                    return error;
                }

                if (keySet.Single is not { } single || Values.AsText(single) is not { } text)
                {
                    var unknown = keySet.Alts.Select(a => a.Value).OfType<VUnknown>().FirstOrDefault();
                    return VSet.Unknown("an object key is not known" + (unknown is null ? "" : ": " + unknown.Reason));
                }

                key = text;
            }

            var value = Eval(item.Value, scope);
            if (AllErrors(value) is { } valueError)
            {
                return valueError;
            }

            entries[key] = value;
        }

        return VSet.Of(new VMap(entries));
    }

    // ---- operators -------------------------------------------------------------------------------------------

    private VSet EvalConditional(ConditionalExpression conditional, Scope scope)
    {
        var condition = Eval(conditional.Condition, scope);
        VSet? whenTrue = null;
        VSet? whenFalse = null;
        var builder = new VSetBuilder();
        foreach (var alt in condition.Alts)
        {
            switch (alt.Value)
            {
                case VError:
                    builder.Add(alt.Value, alt.Prov);
                    continue;
                case VUnknown:
                    var text = session.Snippet(conditional.Condition.Range);
                    whenTrue ??= Eval(conditional.TrueResult, scope);
                    whenFalse ??= Eval(conditional.FalseResult, scope);
                    builder.AddAll(whenTrue, alt.Prov.With(new Prov(ValueSource.Branch, $"when {text} is true")));
                    builder.AddAll(whenFalse, alt.Prov.With(new Prov(ValueSource.Branch, $"when {text} is false")));
                    continue;
            }

            switch (Values.AsBool(alt.Value))
            {
                case true:
                    whenTrue ??= Eval(conditional.TrueResult, scope);
                    builder.AddAll(whenTrue, alt.Prov);
                    break;
                case false:
                    whenFalse ??= Eval(conditional.FalseResult, scope);
                    builder.AddAll(whenFalse, alt.Prov);
                    break;
                default:
                    builder.Add(new VError($"a condition must be a bool, not {Values.TypeName(alt.Value)}"), alt.Prov);
                    break;
            }
        }

        return builder.Build();
    }

    private VSet EvalUnary(UnaryExpression unary, Scope scope) =>
        Lift([Eval(unary.Operand, scope)], values => unary.Operator switch
        {
            UnaryOperator.Negate => Values.AsNumber(values[0]) is { } n ? new VNumber(-n) : new VError("'-' needs a number"),
            _ => Values.AsBool(values[0]) is { } b ? VBool.Of(!b) : new VError("'!' needs a bool"),
        });

    private VSet EvalBinary(BinaryExpression binary, Scope scope)
    {
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            return EvalLogical(binary, scope);
        }

        var left = Eval(binary.Left, scope);
        var right = Eval(binary.Right, scope);
        if (binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            var negate = binary.Operator == BinaryOperator.NotEqual;
            return Lift([Values.Expand(left), Values.Expand(right)], values => TypedEquals(values[0], values[1]) switch
            {
                VBool b => VBool.Of(b.Value != negate),
                var other => other,
            });
        }

        return Lift([left, right], values => Arithmetic(binary.Operator, values[0], values[1]));
    }

    /// <summary>Terraform equality: values of different types are unequal; unknown anywhere inside makes it unknown.</summary>
    public static V TypedEquals(V a, V b)
    {
        if (Values.FirstUnknownOrError(a) is { } ua)
        {
            return Derived(ua);
        }

        if (Values.FirstUnknownOrError(b) is { } ub)
        {
            return Derived(ub);
        }

        return VBool.Of(Values.DeepEquals(a, b));
    }

    private static V Arithmetic(BinaryOperator op, V left, V right)
    {
        if (Values.AsNumber(left) is not { } a || Values.AsNumber(right) is not { } b)
        {
            return new VError($"operator needs numbers, not {Values.TypeName(left)} and {Values.TypeName(right)}");
        }

        return op switch
        {
            BinaryOperator.Add => new VNumber(a + b),
            BinaryOperator.Subtract => new VNumber(a - b),
            BinaryOperator.Multiply => new VNumber(a * b),
            BinaryOperator.Divide => b == 0 ? new VError("division by zero") : new VNumber(a / b),
            BinaryOperator.Modulo => b == 0 ? new VError("division by zero") : new VNumber(a % b),
            BinaryOperator.LessThan => VBool.Of(a < b),
            BinaryOperator.LessThanOrEqual => VBool.Of(a <= b),
            BinaryOperator.GreaterThan => VBool.Of(a > b),
            BinaryOperator.GreaterThanOrEqual => VBool.Of(a >= b),
            _ => new VError("unsupported operator"),
        };
    }

    private VSet EvalLogical(BinaryExpression binary, Scope scope)
    {
        var isAnd = binary.Operator == BinaryOperator.And;
        var left = Eval(binary.Left, scope);
        VSet? right = null;
        var builder = new VSetBuilder();
        foreach (var alt in left.Alts)
        {
            if (alt.Value is VError)
            {
                builder.Add(alt.Value, alt.Prov);
                continue;
            }

            var a = Values.AsBool(alt.Value);
            if (a is null && alt.Value is not VUnknown)
            {
                builder.Add(new VError($"a logical operator needs bools, not {Values.TypeName(alt.Value)}"), alt.Prov);
                continue;
            }

            // false && x and true || x are decided whatever x is.
            if (a == !isAnd)
            {
                builder.Add(VBool.Of(a.Value), alt.Prov);
                continue;
            }

            right ??= Eval(binary.Right, scope);
            foreach (var r in right.Alts)
            {
                var prov = alt.Prov.With(r.Prov);
                var b = Values.AsBool(r.Value);
                if (r.Value is VError)
                {
                    builder.Add(r.Value, prov);
                }
                else if (b == !isAnd)
                {
                    builder.Add(VBool.Of(b.Value), prov);
                }
                else if (a is null)
                {
                    builder.Add(Derived(alt.Value), prov);
                }
                else if (b is null)
                {
                    builder.Add(r.Value is VUnknown ? Derived(r.Value) : new VError("a logical operator needs bools"), prov);
                }
                else
                {
                    builder.Add(VBool.Of(b.Value), prov);
                }
            }
        }

        return builder.Build();
    }

    // ---- for expressions -------------------------------------------------------------------------------------

    /// <summary>The elements of a collection as (key, value) pairs: index or key, and the element with the collection's provenance.</summary>
    public static List<(V Key, VSet Value)>? Elements(V collection, Prov prov)
    {
        switch (collection)
        {
            case VList list:
                var items = new List<(V, VSet)>(list.Items.Count);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var key = list.IsSet && list.Items[i].Single is { } single ? single : new VNumber(i);
                    items.Add((key, list.Items[i].Inherit(prov)));
                }

                return items;
            case VMap map:
                return [.. map.Keys.Select(k => ((V)new VString(k), map.Entries[k].Inherit(prov)))];
            default:
                return null;
        }
    }

    private VSet EvalFor(ForExpression forExpression, Scope scope)
    {
        var collection = Eval(forExpression.Collection, scope);
        var builder = new VSetBuilder();
        foreach (var alt in collection.Alts)
        {
            if (alt.Value is VUnknown or VError)
            {
                builder.Add(Derived(alt.Value), alt.Prov);
                continue;
            }

            var elements = Elements(alt.Value, alt.Prov);
            if (elements is null)
            {
                builder.Add(new VError($"cannot iterate over a {Values.TypeName(alt.Value)}"), alt.Prov);
                continue;
            }

            if (elements.Count > Limits.MaxCollection)
            {
                builder.Add(new VUnknown("for expression over too many elements"), alt.Prov);
                continue;
            }

            builder.Add(ForOver(forExpression, elements, scope), Prov.Literal);
        }

        return builder.Build();
    }

    private V ForOver(ForExpression forExpression, List<(V Key, VSet Value)> elements, Scope scope)
    {
        var list = new List<VSet>();
        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<VSet>>(StringComparer.Ordinal);
        foreach (var (key, value) in elements)
        {
            if (session.Exhausted)
            {
                return new VUnknown("evaluation budget exhausted");
            }

            var inner = scope.With(forExpression.ValueVariable, value);
            if (forExpression.KeyVariable is { } keyVariable)
            {
                inner = inner.With(keyVariable, VSet.Of(key));
            }

            if (forExpression.Condition is { } condition)
            {
                var decided = Decide(Eval(condition, inner), "for expression filter");
                if (decided.Error is { } error)
                {
                    return error;
                }

                if (decided.Value is null)
                {
                    return decided.Unknown!;
                }

                if (!decided.Value.Value)
                {
                    continue;
                }
            }

            var result = Eval(forExpression.ValueResult, inner);
            if (forExpression.KeyResult is null)
            {
                list.Add(result);
                continue;
            }

            var keySet = Eval(forExpression.KeyResult, inner);
            if (keySet.Single is not { } keyValue || Values.AsText(keyValue) is not { } keyText)
            {
                return keySet.Alts.Select(a => a.Value).FirstOrDefault(v => v is VError)
                    ?? new VUnknown("a for expression key is not known" + UnknownSuffix(keySet));
            }

            if (forExpression.IsGrouped)
            {
                if (!groups.TryGetValue(keyText, out var group))
                {
                    groups[keyText] = group = [];
                }

                group.Add(result);
            }
            else if (!entries.TryAdd(keyText, result))
            {
                return new VError($"duplicate key {keyText} in a for expression");
            }
        }

        if (forExpression.KeyResult is null)
        {
            return new VList(list);
        }

        foreach (var (key, group) in groups)
        {
            entries[key] = VSet.Of(new VList(group));
        }

        return new VMap(entries);
    }

    private static string UnknownSuffix(VSet set) =>
        set.Alts.Select(a => a.Value).OfType<VUnknown>().FirstOrDefault() is { } u ? ": " + u.Reason : "";

    /// <summary>Decides a condition for all alternatives at once: true, false, or not decided (unknown or differing alternatives).</summary>
    public static (bool? Value, V? Unknown, V? Error) Decide(VSet condition, string what)
    {
        bool? value = null;
        foreach (var alt in condition.Alts)
        {
            if (alt.Value is VError)
            {
                return (null, null, alt.Value);
            }

            if (alt.Value is VUnknown unknown)
            {
                return (null, new VUnknown($"{what} is not known: {unknown.Reason}"), null);
            }

            var b = Values.AsBool(alt.Value);
            if (b is null)
            {
                return (null, null, new VError($"{what} must be a bool"));
            }

            if (value is not null && value != b)
            {
                return (null, new VUnknown($"{what} depends on input{(alt.Prov.How is null ? "" : " (" + alt.Prov.How + ")")}"), null);
            }

            value = b;
        }

        return (value, null, null);
    }

    // ---- templates -------------------------------------------------------------------------------------------

    private sealed record Piece(string Text, Prov Prov, VUnknown? Unknown, bool Opaque);

    private VSet EvalTemplate(TemplateExpression template, Scope scope)
    {
        if (template.Parts is [TemplateInterpolation single])
        {
            return Eval(single.Expression, scope);
        }

        var pieces = EvalParts(template.Parts, scope, [new Piece("", Prov.Literal, null, false)]);
        if (pieces is null)
        {
            return VSet.Unknown("template too large");
        }

        var builder = new VSetBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Text.StartsWith('\0'))
            {
                builder.Add(new VError(piece.Text[1..]), piece.Prov);
            }
            else if (piece.Unknown is { } unknown)
            {
                builder.Add(piece.Opaque ? Derived(unknown) : new VUnknown(unknown.Reason, null, piece.Text), piece.Prov);
            }
            else
            {
                builder.Add(new VString(piece.Text), piece.Prov);
            }
        }

        return builder.Build();
    }

    /// <summary>Appends the parts to every current alternative; null when the result grows too large.</summary>
    private List<Piece>? EvalParts(IReadOnlyList<TemplatePart> parts, Scope scope, List<Piece> current)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplateLiteral literal:
                    current = [.. current.Select(p => p.Text.StartsWith('\0') ? p : p with { Text = p.Text + literal.Value })];
                    break;
                case TemplateInterpolation interpolation:
                    current = Append(current, Eval(interpolation.Expression, scope));
                    break;
                case TemplateIfDirective ifDirective:
                    {
                        var condition = Eval(ifDirective.Condition, scope);
                        var next = new List<Piece>();
                        foreach (var alt in condition.Alts)
                        {
                            var withProv = current.Select(p => p with { Prov = p.Prov.With(alt.Prov) }).ToList();
                            if (alt.Value is VUnknown)
                            {
                                var text = session.Snippet(ifDirective.Condition.Range);
                                var t = EvalParts(ifDirective.TrueParts, scope,
                                    [.. withProv.Select(p => p with { Prov = p.Prov.With(new Prov(ValueSource.Branch, $"when {text} is true")) })]);
                                var f = EvalParts(ifDirective.FalseParts, scope,
                                    [.. withProv.Select(p => p with { Prov = p.Prov.With(new Prov(ValueSource.Branch, $"when {text} is false")) })]);
                                if (t is null || f is null)
                                {
                                    return null;
                                }

                                next.AddRange(t);
                                next.AddRange(f);
                                continue;
                            }

                            var b = Values.AsBool(alt.Value);
                            var branch = b is null ? null : EvalParts(b.Value ? ifDirective.TrueParts : ifDirective.FalseParts, scope, withProv);
                            if (b is null)
                            {
                                next.AddRange(withProv.Select(p => p with { Text = "\0template condition must be a bool" }));
                            }
                            else if (branch is null)
                            {
                                return null;
                            }
                            else
                            {
                                next.AddRange(branch);
                            }
                        }

                        current = next;
                        break;
                    }

                case TemplateForDirective forDirective:
                    {
                        var collection = Eval(forDirective.Collection, scope);
                        var next = new List<Piece>();
                        foreach (var alt in collection.Alts)
                        {
                            var withProv = current.Select(p => p with { Prov = p.Prov.With(alt.Prov) }).ToList();
                            var elements = alt.Value is VUnknown or VError ? null : Elements(alt.Value, alt.Prov);
                            if (elements is null || elements.Count > Limits.MaxCollection)
                            {
                                var unknown = alt.Value as VUnknown ?? new VUnknown("template for directive over a value that is not a collection");
                                next.AddRange(withProv.Select(p => p with { Unknown = p.Unknown ?? unknown, Opaque = true }));
                                continue;
                            }

                            var acc = withProv;
                            foreach (var (key, value) in elements)
                            {
                                var inner = scope.With(forDirective.ValueVariable, value);
                                if (forDirective.KeyVariable is { } keyVariable)
                                {
                                    inner = inner.With(keyVariable, VSet.Of(key));
                                }

                                var result = EvalParts(forDirective.Parts, inner, acc);
                                if (result is null)
                                {
                                    return null;
                                }

                                acc = result;
                            }

                            next.AddRange(acc);
                        }

                        current = next;
                        break;
                    }
            }

            if (current.Count > Limits.MaxAlternatives)
            {
                current = [.. current.Take(Limits.MaxAlternatives - 1), new Piece("", new Prov(ValueSource.Branch, null),
                    new VUnknown($"more than {Limits.MaxAlternatives} possible values"), true)];
            }

            if (current.Any(p => p.Text.Length > Limits.MaxString))
            {
                return null;
            }
        }

        return current;
    }

    private static List<Piece> Append(List<Piece> current, VSet value)
    {
        var next = new List<Piece>(current.Count * value.Alts.Count);
        foreach (var piece in current)
        {
            foreach (var alt in value.Alts)
            {
                var prov = piece.Prov.With(alt.Prov);
                if (piece.Text.StartsWith('\0'))
                {
                    next.Add(piece with { Prov = prov });
                    continue;
                }

                switch (alt.Value)
                {
                    case VError error:
                        next.Add(new Piece("\0" + error.Message, prov, null, true));
                        break;
                    case VUnknown unknown:
                        var opaque = piece.Opaque || unknown.Placeholder is null;
                        next.Add(new Piece(piece.Text + (unknown.Placeholder ?? ""), prov, piece.Unknown ?? unknown, opaque));
                        break;
                    case VNull:
                        next.Add(new Piece("\0a template cannot interpolate null", prov, null, true));
                        break;
                    default:
                        var text = Values.AsText(alt.Value);
                        next.Add(text is null
                            ? new Piece($"\0a template cannot interpolate a {Values.TypeName(alt.Value)}", prov, null, true)
                            : piece with { Text = piece.Text + text, Prov = prov });
                        break;
                }
            }
        }

        return next;
    }
}
