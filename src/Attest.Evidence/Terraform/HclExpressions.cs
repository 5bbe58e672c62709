using System.Globalization;

namespace Attest.Evidence.Terraform;

/// <summary>An HCL expression, kept unevaluated.</summary>
/// <param name="Range">Where the expression is.</param>
public abstract record Expression(SourceRange Range);

/// <summary>A number literal such as <c>42</c>, <c>1.5</c> or <c>1e3</c>.</summary>
/// <param name="Text">The literal as written.</param>
/// <param name="Range">Where the literal is.</param>
public sealed record NumberLiteralExpression(string Text, SourceRange Range) : Expression(Range)
{
    /// <summary>The value: a <see cref="decimal"/> when it fits, otherwise a <see cref="double"/>.</summary>
    public object Value { get; } = ParseNumber(Text);

    private static object ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>The keyword <c>true</c> or <c>false</c>.</summary>
/// <param name="Value">The boolean value.</param>
/// <param name="Range">Where the keyword is.</param>
public sealed record BoolLiteralExpression(bool Value, SourceRange Range) : Expression(Range);

/// <summary>The keyword <c>null</c>.</summary>
/// <param name="Range">Where the keyword is.</param>
public sealed record NullLiteralExpression(SourceRange Range) : Expression(Range);

/// <summary>A quoted string or heredoc: literal text, interpolations and directives.</summary>
/// <param name="Parts">The parts in order; literal parts are never empty and never adjacent.</param>
/// <param name="IsHeredoc">True for a heredoc (<c>&lt;&lt;EOF</c>), false for a quoted string.</param>
/// <param name="Range">From the opening quote or heredoc marker to the closing one.</param>
public sealed record TemplateExpression(IReadOnlyList<TemplatePart> Parts, bool IsHeredoc, SourceRange Range)
    : Expression(Range)
{
    /// <summary>Gets the string when the template is plain text (no interpolation or directive).</summary>
    public bool TryGetLiteralString(out string value)
    {
        if (Parts.Count == 0)
        {
            value = "";
            return true;
        }

        if (Parts is [TemplateLiteral literal])
        {
            value = literal.Value;
            return true;
        }

        value = "";
        return false;
    }
}

/// <summary>A part of a template.</summary>
/// <param name="Range">Where the part is.</param>
public abstract record TemplatePart(SourceRange Range);

/// <summary>Literal text in a template, with escapes decoded and strip markers applied.</summary>
/// <param name="Value">The text.</param>
/// <param name="Range">Where the text is.</param>
public sealed record TemplateLiteral(string Value, SourceRange Range) : TemplatePart(Range);

/// <summary>An interpolation, <c>${ expression }</c>.</summary>
/// <param name="Expression">The interpolated expression.</param>
/// <param name="Range">From <c>${</c> to <c>}</c>.</param>
public sealed record TemplateInterpolation(Expression Expression, SourceRange Range) : TemplatePart(Range);

/// <summary>A directive <c>%{ if cond } … %{ else } … %{ endif }</c>.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="TrueParts">The parts used when the condition holds.</param>
/// <param name="FalseParts">The parts after <c>%{ else }</c>; empty when there is no else.</param>
/// <param name="Range">From the <c>if</c> directive to the <c>endif</c> directive.</param>
public sealed record TemplateIfDirective(
    Expression Condition,
    IReadOnlyList<TemplatePart> TrueParts,
    IReadOnlyList<TemplatePart> FalseParts,
    SourceRange Range) : TemplatePart(Range);

/// <summary>A directive <c>%{ for k, v in coll } … %{ endfor }</c>.</summary>
/// <param name="KeyVariable">The key variable, or null when only one variable is named.</param>
/// <param name="ValueVariable">The value variable.</param>
/// <param name="Collection">The collection iterated over.</param>
/// <param name="Parts">The parts repeated for each element.</param>
/// <param name="Range">From the <c>for</c> directive to the <c>endfor</c> directive.</param>
public sealed record TemplateForDirective(
    string? KeyVariable,
    string ValueVariable,
    Expression Collection,
    IReadOnlyList<TemplatePart> Parts,
    SourceRange Range) : TemplatePart(Range);

/// <summary>A reference to a variable and static steps into it: <c>var.x</c>, <c>aws_s3_bucket.logs.id</c>, <c>local.a[0]</c>.</summary>
/// <param name="Traversal">The root name and steps.</param>
/// <param name="Range">Where the reference is.</param>
public sealed record ScopeTraversalExpression(Traversal Traversal, SourceRange Range) : Expression(Range);

/// <summary>Static steps (attribute access, constant index) applied to the result of another expression.</summary>
/// <param name="Source">The expression the steps apply to.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Range">From the source to the last step.</param>
public sealed record RelativeTraversalExpression(Expression Source, IReadOnlyList<TraversalStep> Steps, SourceRange Range)
    : Expression(Range);

/// <summary>An index with a computed key, <c>collection[key]</c>.</summary>
/// <param name="Collection">The indexed expression.</param>
/// <param name="Key">The key expression.</param>
/// <param name="Range">From the collection to the closing bracket.</param>
public sealed record IndexExpression(Expression Collection, Expression Key, SourceRange Range) : Expression(Range);

/// <summary>A splat, <c>source[*].each</c> (full) or <c>source.*.each</c> (attribute-only).</summary>
/// <param name="Source">The collection splatted.</param>
/// <param name="Each">What is taken from each element; it starts from an <see cref="AnonymousSymbolExpression"/>.</param>
/// <param name="IsFullSplat">True for <c>[*]</c>, false for <c>.*</c>.</param>
/// <param name="Range">From the source to the end of the splat.</param>
public sealed record SplatExpression(Expression Source, Expression Each, bool IsFullSplat, SourceRange Range)
    : Expression(Range);

/// <summary>Stands for the current element inside <see cref="SplatExpression.Each"/>.</summary>
/// <param name="Range">Where the splat marker is.</param>
public sealed record AnonymousSymbolExpression(SourceRange Range) : Expression(Range);

/// <summary>A function call, <c>name(args)</c> or <c>provider::ns::name(args)</c>.</summary>
/// <param name="Name">The function name, namespace included (<c>provider::aws::arn_parse</c>).</param>
/// <param name="Arguments">The arguments, in order.</param>
/// <param name="ExpandFinalArgument">True when the last argument is followed by <c>...</c>.</param>
/// <param name="NameRange">Where the name is.</param>
/// <param name="Range">From the name to the closing parenthesis.</param>
public sealed record FunctionCallExpression(
    string Name,
    IReadOnlyList<Expression> Arguments,
    bool ExpandFinalArgument,
    SourceRange NameRange,
    SourceRange Range) : Expression(Range);

/// <summary>A tuple constructor, <c>[a, b]</c>.</summary>
/// <param name="Elements">The elements, in order.</param>
/// <param name="Range">From <c>[</c> to <c>]</c>.</param>
public sealed record TupleExpression(IReadOnlyList<Expression> Elements, SourceRange Range) : Expression(Range);

/// <summary>An object constructor, <c>{ k = v, "k" = v, (expr) = v, k: v }</c>.</summary>
/// <param name="Items">The items, in order.</param>
/// <param name="Range">From <c>{</c> to <c>}</c>.</param>
public sealed record ObjectExpression(IReadOnlyList<ObjectItem> Items, SourceRange Range) : Expression(Range);

/// <summary>One <c>key = value</c> item of an object constructor.</summary>
/// <param name="Key">The key; a bare identifier is a <see cref="ScopeTraversalExpression"/> with no steps and names the key literally.</param>
/// <param name="Value">The value.</param>
/// <param name="Range">From the key to the value.</param>
public sealed record ObjectItem(Expression Key, Expression Value, SourceRange Range)
{
    /// <summary>Gets the key's name when it is known without evaluation: a bare identifier or a constant.</summary>
    public bool TryGetKeyName(out string name)
    {
        switch (Key)
        {
            case ScopeTraversalExpression { Traversal.Steps.Count: 0 } bare:
                name = bare.Traversal.RootName;
                return true;
            case BoolLiteralExpression b:
                name = b.Value ? "true" : "false";
                return true;
            case NullLiteralExpression:
                name = "null";
                return true;
            case NumberLiteralExpression n:
                name = n.Text;
                return true;
        }

        if (Key.TryEvaluateLiteral(out var value) && value is string s)
        {
            name = s;
            return true;
        }

        name = "";
        return false;
    }
}

/// <summary>A conditional, <c>condition ? trueResult : falseResult</c>.</summary>
/// <param name="Condition">The predicate.</param>
/// <param name="TrueResult">The result when the predicate holds.</param>
/// <param name="FalseResult">The result otherwise.</param>
/// <param name="Range">From the condition to the false result.</param>
public sealed record ConditionalExpression(Expression Condition, Expression TrueResult, Expression FalseResult, SourceRange Range)
    : Expression(Range);

/// <summary>The binary operators, by the specification's names.</summary>
public enum BinaryOperator
{
    /// <summary><c>||</c></summary>
    Or,
    /// <summary><c>&amp;&amp;</c></summary>
    And,
    /// <summary><c>==</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    LessThan,
    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c></summary>
    GreaterThan,
    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Subtract,
    /// <summary><c>*</c></summary>
    Multiply,
    /// <summary><c>/</c></summary>
    Divide,
    /// <summary><c>%</c></summary>
    Modulo,
}

/// <summary>The unary operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>-</c></summary>
    Negate,
    /// <summary><c>!</c></summary>
    Not,
}

/// <summary>A binary operation, <c>left op right</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Range">From the left operand to the right one.</param>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceRange Range)
    : Expression(Range);

/// <summary>A unary operation, <c>-x</c> or <c>!x</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Range">From the operator to the operand.</param>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, SourceRange Range) : Expression(Range);

/// <summary>An expression in parentheses; kept because <c>(key) = v</c> in an object differs from <c>key = v</c>.</summary>
/// <param name="Inner">The expression inside.</param>
/// <param name="Range">From <c>(</c> to <c>)</c>.</param>
public sealed record ParenthesesExpression(Expression Inner, SourceRange Range) : Expression(Range);

/// <summary>A for expression: <c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key => value... if cond}</c>.</summary>
/// <param name="KeyVariable">The key variable, or null when only one variable is named.</param>
/// <param name="ValueVariable">The value variable.</param>
/// <param name="Collection">The collection iterated over.</param>
/// <param name="KeyResult">The key expression of an object for; null for a tuple for.</param>
/// <param name="ValueResult">The element (tuple) or value (object) expression.</param>
/// <param name="Condition">The <c>if</c> filter, or null.</param>
/// <param name="IsGrouped">True when the value is followed by <c>...</c> (grouping mode).</param>
/// <param name="Range">From the opening bracket or brace to the closing one.</param>
public sealed record ForExpression(
    string? KeyVariable,
    string ValueVariable,
    Expression Collection,
    Expression? KeyResult,
    Expression ValueResult,
    Expression? Condition,
    bool IsGrouped,
    SourceRange Range) : Expression(Range)
{
    /// <summary>True for <c>{for …}</c>, which builds an object; false for <c>[for …]</c>.</summary>
    public bool IsObjectFor => KeyResult is not null;
}

/// <summary>Stands where an expression could not be parsed; a diagnostic explains why.</summary>
/// <param name="Range">Where the parser gave up.</param>
public sealed record InvalidExpression(SourceRange Range) : Expression(Range);
