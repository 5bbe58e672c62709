using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Attest.Evidence.Terraform;

/// <summary>Static analysis of unevaluated expressions: constant folding and the references an expression makes.</summary>
public static class ExpressionAnalysis
{
    /// <summary>
    /// Gets the value of an expression that is a constant: a literal, a template of plain text, or a tuple or object of constants.
    /// </summary>
    /// <param name="expression">The expression.</param>
    /// <param name="value">
    /// The value: <see cref="string"/>, a number (<see cref="decimal"/>, or <see cref="double"/> when it does not fit),
    /// <see cref="bool"/>, null, <see cref="IReadOnlyList{T}"/> of values for a tuple, or
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> from string keys for an object (keys in source order, the last duplicate wins).
    /// </param>
    /// <returns>True when the expression is a constant; false when it depends on variables, functions or operators.</returns>
    /// <remarks>
    /// A template that is a single interpolation yields the interpolated value itself (<c>"${true}"</c> is <c>true</c>), as HCL does;
    /// other interpolations count as constant only when their value is a constant string.
    /// </remarks>
    public static bool TryEvaluateLiteral(this Expression expression, out object? value)
    {
        ArgumentNullException.ThrowIfNull(expression);

        // Parsed trees are depth-bounded; this only guards hand-built ones.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case NumberLiteralExpression number:
                value = number.Value;
                return true;
            case BoolLiteralExpression boolean:
                value = boolean.Value;
                return true;
            case NullLiteralExpression:
                value = null;
                return true;
            case ParenthesesExpression parentheses:
                return parentheses.Inner.TryEvaluateLiteral(out value);
            case TemplateExpression template:
                return TryEvaluateTemplate(template, out value);
            case UnaryExpression { Operator: UnaryOperator.Negate } negation
                when negation.Operand.TryEvaluateLiteral(out var operand) && operand is decimal or double:
                value = operand is decimal d ? -d : -(double)operand;
                return true;
            case UnaryExpression { Operator: UnaryOperator.Not } not
                when not.Operand.TryEvaluateLiteral(out var operand) && operand is bool b:
                value = !b;
                return true;
            case TupleExpression tuple:
                return TryEvaluateTuple(tuple, out value);
            case ObjectExpression obj:
                return TryEvaluateObject(obj, out value);
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// Lists the references an expression makes, such as <c>var.bucket_name</c> or <c>aws_s3_bucket.logs.arn</c>, in source order.
    /// </summary>
    /// <remarks>
    /// Variables introduced by for expressions and template for directives are not references, nor are bare identifier
    /// object keys. A splat lists its source (<c>aws_subnet.private</c> for <c>aws_subnet.private[*].id</c>).
    /// </remarks>
    public static IReadOnlyList<Traversal> GetTraversals(this Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var traversals = new List<Traversal>();
        Collect(expression, null, traversals);
        return traversals;
    }

    private static bool TryEvaluateTemplate(TemplateExpression template, out object? value)
    {
        if (template.Parts is [TemplateInterpolation single])
        {
            return single.Expression.TryEvaluateLiteral(out value);
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            switch (part)
            {
                case TemplateLiteral literal:
                    text.Append(literal.Value);
                    break;
                case TemplateInterpolation interpolation when interpolation.Expression.TryEvaluateLiteral(out var inner) && inner is string s:
                    text.Append(s);
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        value = text.ToString();
        return true;
    }

    private static bool TryEvaluateTuple(TupleExpression tuple, out object? value)
    {
        var elements = new object?[tuple.Elements.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            if (!tuple.Elements[i].TryEvaluateLiteral(out elements[i]))
            {
                value = null;
                return false;
            }
        }

        value = Array.AsReadOnly(elements);
        return true;
    }

    private static bool TryEvaluateObject(ObjectExpression obj, out object? value)
    {
        var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in obj.Items)
        {
            if (!item.TryGetKeyName(out var key) || !item.Value.TryEvaluateLiteral(out var itemValue))
            {
                value = null;
                return false;
            }

            entries[key] = itemValue;
        }

        value = new ReadOnlyDictionary<string, object?>(entries);
        return true;
    }

    private sealed record Scope(string Name, Scope? Parent)
    {
        public static bool Contains(Scope? scope, string name)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (string.Equals(s.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public static Scope? With(Scope? scope, string? key, string value)
        {
            var inner = new Scope(value, scope);
            return key is null ? inner : new Scope(key, inner);
        }
    }

    private static void Collect(Expression? expression, Scope? scope, List<Traversal> traversals)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case ScopeTraversalExpression reference:
                if (!Scope.Contains(scope, reference.Traversal.RootName))
                {
                    traversals.Add(reference.Traversal);
                }

                break;
            case RelativeTraversalExpression relative:
                Collect(relative.Source, scope, traversals);
                break;
            case IndexExpression index:
                Collect(index.Collection, scope, traversals);
                Collect(index.Key, scope, traversals);
                break;
            case SplatExpression splat:
                Collect(splat.Source, scope, traversals);
                Collect(splat.Each, scope, traversals);
                break;
            case FunctionCallExpression call:
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, scope, traversals);
                }

                break;
            case TupleExpression tuple:
                foreach (var element in tuple.Elements)
                {
                    Collect(element, scope, traversals);
                }

                break;
            case ObjectExpression obj:
                foreach (var item in obj.Items)
                {
                    if (item.Key is not ScopeTraversalExpression { Traversal.Steps.Count: 0 })
                    {
                        Collect(item.Key, scope, traversals);
                    }

                    Collect(item.Value, scope, traversals);
                }

                break;
            case ConditionalExpression conditional:
                Collect(conditional.Condition, scope, traversals);
                Collect(conditional.TrueResult, scope, traversals);
                Collect(conditional.FalseResult, scope, traversals);
                break;
            case BinaryExpression binary:
                Collect(binary.Left, scope, traversals);
                Collect(binary.Right, scope, traversals);
                break;
            case UnaryExpression unary:
                Collect(unary.Operand, scope, traversals);
                break;
            case ParenthesesExpression parentheses:
                Collect(parentheses.Inner, scope, traversals);
                break;
            case ForExpression forExpression:
                Collect(forExpression.Collection, scope, traversals);
                var inner = Scope.With(scope, forExpression.KeyVariable, forExpression.ValueVariable);
                Collect(forExpression.KeyResult, inner, traversals);
                Collect(forExpression.ValueResult, inner, traversals);
                Collect(forExpression.Condition, inner, traversals);
                break;
            case TemplateExpression template:
                CollectParts(template.Parts, scope, traversals);
                break;
        }
    }

    private static void CollectParts(IReadOnlyList<TemplatePart> parts, Scope? scope, List<Traversal> traversals)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case TemplateInterpolation interpolation:
                    Collect(interpolation.Expression, scope, traversals);
                    break;
                case TemplateIfDirective ifDirective:
                    Collect(ifDirective.Condition, scope, traversals);
                    CollectParts(ifDirective.TrueParts, scope, traversals);
                    CollectParts(ifDirective.FalseParts, scope, traversals);
                    break;
                case TemplateForDirective forDirective:
                    Collect(forDirective.Collection, scope, traversals);
                    CollectParts(forDirective.Parts, Scope.With(scope, forDirective.KeyVariable, forDirective.ValueVariable), traversals);
                    break;
            }
        }
    }
}
