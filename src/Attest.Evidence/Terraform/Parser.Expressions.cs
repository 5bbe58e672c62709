using System.Runtime.CompilerServices;
using System.Text;

namespace Attest.Evidence.Terraform;

/// <summary>Expression parsing: operators by precedence, terms, postfix traversals, collections and for expressions.</summary>
internal sealed partial class Parser
{
    // After [*] every postfix step applies to each element, later splats included; after .* only attribute steps do.
    private enum PostfixMode
    {
        Normal,
        AttributeSplat,
    }

    private Expression ParseExpression()
    {
        var first = Peek();
        if (!EnterNesting(first))
        {
            return new InvalidExpression(RangeOf(first));
        }

        try
        {
            var condition = ParseBinary(1);
            return Peek().Kind == TokenKind.Question ? FinishConditional(condition) : condition;
        }
        finally
        {
            _depth--;
        }
    }

    // Kept out of ParseExpression so the frames of the recursive descent stay small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ConditionalExpression FinishConditional(Expression condition)
    {
        Read();
        var trueResult = ParseExpression();
        var colon = Peek();
        if (colon.Kind != TokenKind.Colon)
        {
            Error($"Missing ':' in conditional expression, found {Describe(colon)}", colon);
            var missing = new InvalidExpression(new SourceRange(_fileName, colon.StartPos, colon.StartPos));
            return new ConditionalExpression(condition, trueResult, missing, Span(condition.Range, trueResult.Range));
        }

        Read();
        var falseResult = ParseExpression();
        return new ConditionalExpression(condition, trueResult, falseResult, Span(condition.Range, falseResult.Range));
    }

    private static int Precedence(TokenKind kind) => kind switch
    {
        TokenKind.Or => 1,
        TokenKind.And => 2,
        TokenKind.EqualEqual or TokenKind.NotEqual => 3,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => 4,
        TokenKind.Plus or TokenKind.Minus => 5,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 6,
        _ => 0,
    };

    private static BinaryOperator ToBinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.Or => BinaryOperator.Or,
        TokenKind.And => BinaryOperator.And,
        TokenKind.EqualEqual => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.LessThan,
        TokenKind.LessEqual => BinaryOperator.LessThanOrEqual,
        TokenKind.Greater => BinaryOperator.GreaterThan,
        TokenKind.GreaterEqual => BinaryOperator.GreaterThanOrEqual,
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        TokenKind.Star => BinaryOperator.Multiply,
        TokenKind.Slash => BinaryOperator.Divide,
        _ => BinaryOperator.Modulo,
    };

    // Precedence climbing: operators of one level associate to the left.
    private Expression ParseBinary(int minimumPrecedence)
    {
        var left = ParseUnary();
        var chain = 0;
        while (true)
        {
            Tick();
            var op = Peek();
            var precedence = Precedence(op.Kind);
            if (precedence == 0 || precedence < minimumPrecedence)
            {
                return left;
            }

            Read();
            var right = ParseBinary(precedence + 1);
            left = MakeBinary(op.Kind, left, right);
            if (!CheckChain(++chain, left.Range))
            {
                return left;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private BinaryExpression MakeBinary(TokenKind op, Expression left, Expression right) =>
        new(ToBinaryOperator(op), left, right, Span(left.Range, right.Range));

    private Expression ParseUnary()
    {
        var token = Peek();
        if (token.Kind is not (TokenKind.Minus or TokenKind.Bang))
        {
            return ParsePostfix(ParseTerm(), PostfixMode.Normal);
        }

        if (!EnterNesting(token))
        {
            return new InvalidExpression(RangeOf(token));
        }

        try
        {
            Read();
            var operand = ParseUnary();
            var op = token.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not;
            return new UnaryExpression(op, operand, new SourceRange(_fileName, token.StartPos, operand.Range.End));
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParseTerm()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                Read();
                return new NumberLiteralExpression(Text(token), RangeOf(token));
            case TokenKind.Identifier:
                return ParseIdentifierTerm();
            case TokenKind.OpenQuote:
                return ParseQuotedTemplate();
            case TokenKind.OpenHeredoc:
                return ParseHeredocTemplate();
            case TokenKind.OpenBracket:
                return ParseTupleOrFor();
            case TokenKind.OpenBrace:
                return ParseObjectOrFor();
            case TokenKind.OpenParen:
                return ParseParentheses();
            default:
                Error($"Expected an expression, found {Describe(token)}", token);
                return new InvalidExpression(new SourceRange(_fileName, token.StartPos, token.StartPos));
        }
    }

    private ParenthesesExpression ParseParentheses()
    {
        var open = Read();
        PushNewlines(false);
        var inner = ParseExpression();
        var close = Peek();
        Token? closer;
        if (close.Kind == TokenKind.CloseParen)
        {
            closer = Read();
        }
        else
        {
            ErrorMissingCloser(close, open, "parenthesis", $"Missing ')' to close the '(' at {open.StartPos}, found {Describe(close)}");
            closer = RecoverTo(TokenKind.CloseParen);
        }

        PopNewlines();
        return new ParenthesesExpression(inner, new SourceRange(_fileName, open.StartPos, closer?.EndPos ?? inner.Range.End));
    }

    private Expression ParseIdentifierTerm()
    {
        var identifier = Read();
        var name = Text(identifier);
        if (Peek().Kind == TokenKind.DoubleColon)
        {
            var qualified = new StringBuilder(name);
            var last = identifier;
            while (Peek().Kind == TokenKind.DoubleColon)
            {
                Tick();
                Read();
                var part = Peek();
                if (part.Kind != TokenKind.Identifier)
                {
                    Error($"Expected a name after '::', found {Describe(part)}", part);
                    return new InvalidExpression(RangeOf(identifier, last));
                }

                last = Read();
                qualified.Append("::").Append(Text(last));
            }

            if (Peek().Kind != TokenKind.OpenParen)
            {
                Error($"Missing '(' after '{qualified}': a namespaced name can only be a function call", Peek());
                return new InvalidExpression(RangeOf(identifier, last));
            }

            return ParseFunctionCall(qualified.ToString(), RangeOf(identifier, last));
        }

        if (Peek().Kind == TokenKind.OpenParen)
        {
            return ParseFunctionCall(name, RangeOf(identifier));
        }

        var range = RangeOf(identifier);
        return name switch
        {
            "true" => new BoolLiteralExpression(true, range),
            "false" => new BoolLiteralExpression(false, range),
            "null" => new NullLiteralExpression(range),
            _ => new ScopeTraversalExpression(new Traversal(name, [], range), range),
        };
    }

    private FunctionCallExpression ParseFunctionCall(string name, SourceRange nameRange)
    {
        var open = Read();
        PushNewlines(false);
        var arguments = new List<Expression>();
        var expand = false;
        Token? close = null;
        while (true)
        {
            Tick();
            var token = Peek();
            if (token.Kind == TokenKind.CloseParen)
            {
                close = Read();
                break;
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                ErrorMissingCloser(token, open, $"call to '{name}'", "");
                break;
            }

            arguments.Add(ParseExpression());
            token = Peek();
            if (token.Kind == TokenKind.Ellipsis)
            {
                Read();
                expand = true;
                token = Peek();
                if (token.Kind == TokenKind.CloseParen)
                {
                    close = Read();
                    break;
                }

                ErrorMissingCloser(token, open, $"call to '{name}'", $"The '...' expansion must follow the last argument of '{name}', found {Describe(token)}");
                close = RecoverTo(TokenKind.CloseParen);
                break;
            }

            if (token.Kind == TokenKind.Comma)
            {
                Read();
                continue;
            }

            if (token.Kind == TokenKind.CloseParen)
            {
                close = Read();
                break;
            }

            ErrorMissingCloser(token, open, $"call to '{name}'", $"Missing ',' or ')' after an argument of '{name}', found {Describe(token)}");
            close = RecoverTo(TokenKind.CloseParen);
            break;
        }

        PopNewlines();
        var end = close?.EndPos ?? (arguments.Count > 0 ? arguments[^1].Range.End : open.EndPos);
        return new FunctionCallExpression(name, arguments, expand, nameRange, new SourceRange(_fileName, nameRange.Start, end));
    }

    private Expression ParseTupleOrFor()
    {
        var open = Read();
        PushNewlines(false);
        try
        {
            if (IsKeyword(Peek(), "for"))
            {
                return ParseForExpression(open, isObject: false);
            }

            var elements = new List<Expression>();
            Token? close = null;
            while (true)
            {
                Tick();
                var token = Peek();
                if (token.Kind == TokenKind.CloseBracket)
                {
                    close = Read();
                    break;
                }

                if (token.Kind == TokenKind.EndOfFile)
                {
                    ErrorMissingCloser(token, open, "tuple", "");
                    break;
                }

                elements.Add(ParseExpression());
                token = Peek();
                if (token.Kind == TokenKind.Comma)
                {
                    Read();
                    continue;
                }

                if (token.Kind == TokenKind.CloseBracket)
                {
                    close = Read();
                    break;
                }

                ErrorMissingCloser(token, open, "tuple", $"Missing ',' or ']' after a tuple element, found {Describe(token)}");
                close = RecoverTo(TokenKind.CloseBracket);
                break;
            }

            var end = close?.EndPos ?? (elements.Count > 0 ? elements[^1].Range.End : open.EndPos);
            return new TupleExpression(elements, new SourceRange(_fileName, open.StartPos, end));
        }
        finally
        {
            PopNewlines();
        }
    }

    private Expression ParseObjectOrFor()
    {
        var open = Read();

        // For expressions ignore newlines while object constructors use them as item separators.
        PushNewlines(false);
        try
        {
            if (IsKeyword(Peek(), "for"))
            {
                return ParseForExpression(open, isObject: true);
            }
        }
        finally
        {
            PopNewlines();
        }

        PushNewlines(true);
        try
        {
            var items = new List<ObjectItem>();
            Token? close = null;
            while (true)
            {
                Tick();
                var token = Peek();
                if (token.Kind == TokenKind.Newline)
                {
                    Read();
                    continue;
                }

                if (token.Kind == TokenKind.CloseBrace)
                {
                    close = Read();
                    break;
                }

                if (token.Kind == TokenKind.EndOfFile)
                {
                    ErrorMissingCloser(token, open, "object", "");
                    break;
                }

                var key = ParseExpression();
                token = Peek();
                if (token.Kind is not (TokenKind.Equals or TokenKind.Colon))
                {
                    ErrorMissingCloser(token, open, "object", $"Missing '=' or ':' after an object key, found {Describe(token)}");
                    close = RecoverTo(TokenKind.CloseBrace);
                    break;
                }

                Read();
                var value = ParseExpression();
                items.Add(new ObjectItem(key, value, Span(key.Range, value.Range)));
                token = Peek();
                if (token.Kind == TokenKind.CloseBrace)
                {
                    close = Read();
                    break;
                }

                if (token.Kind is TokenKind.Comma or TokenKind.Newline)
                {
                    Read();
                    continue;
                }

                ErrorMissingCloser(token, open, "object", $"Missing ',' or newline between object items, found {Describe(token)}");
                close = RecoverTo(TokenKind.CloseBrace);
                break;
            }

            var end = close?.EndPos ?? (items.Count > 0 ? items[^1].Range.End : open.EndPos);
            return new ObjectExpression(items, new SourceRange(_fileName, open.StartPos, end));
        }
        finally
        {
            PopNewlines();
        }
    }

    private Expression ParseForExpression(Token open, bool isObject)
    {
        var closerKind = isObject ? TokenKind.CloseBrace : TokenKind.CloseBracket;
        var closerText = isObject ? "}" : "]";
        Read();

        var first = Peek();
        if (first.Kind != TokenKind.Identifier)
        {
            return FailFor($"Expected a variable name after 'for', found {Describe(first)}", first);
        }

        Read();
        string? keyVariable = null;
        var valueVariable = Text(first);
        if (Peek().Kind == TokenKind.Comma)
        {
            Read();
            var second = Peek();
            if (second.Kind != TokenKind.Identifier)
            {
                return FailFor($"Expected a value variable name after ',', found {Describe(second)}", second);
            }

            Read();
            keyVariable = valueVariable;
            valueVariable = Text(second);
        }

        var inKeyword = Peek();
        if (!IsKeyword(inKeyword, "in"))
        {
            return FailFor($"Expected 'in' after the for variables, found {Describe(inKeyword)}", inKeyword);
        }

        Read();
        var collection = ParseExpression();
        var colon = Peek();
        if (colon.Kind != TokenKind.Colon)
        {
            return FailFor($"Expected ':' after the collection of the for expression, found {Describe(colon)}", colon);
        }

        Read();
        Expression? keyResult = null;
        var grouped = false;
        Expression valueResult;
        if (isObject)
        {
            keyResult = ParseExpression();
            var arrow = Peek();
            if (arrow.Kind != TokenKind.FatArrow)
            {
                return FailFor($"Expected '=>' between the key and the value of an object for expression, found {Describe(arrow)}", arrow);
            }

            Read();
            valueResult = ParseExpression();
            if (Peek().Kind == TokenKind.Ellipsis)
            {
                Read();
                grouped = true;
            }
        }
        else
        {
            valueResult = ParseExpression();
        }

        Expression? condition = null;
        if (IsKeyword(Peek(), "if"))
        {
            Read();
            condition = ParseExpression();
        }

        var close = Peek();
        Token? closer;
        if (close.Kind == closerKind)
        {
            closer = Read();
        }
        else
        {
            ErrorMissingCloser(close, open, "for expression", $"Missing '{closerText}' at the end of the for expression, found {Describe(close)}");
            closer = RecoverTo(closerKind);
        }

        var end = closer?.EndPos ?? (condition ?? valueResult).Range.End;
        return new ForExpression(keyVariable, valueVariable, collection, keyResult, valueResult, condition, grouped,
            new SourceRange(_fileName, open.StartPos, end));

        Expression FailFor(string message, Token at)
        {
            Error(message, at);
            var recovered = RecoverTo(closerKind);
            return new InvalidExpression(new SourceRange(_fileName, open.StartPos, recovered?.EndPos ?? at.StartPos));
        }
    }

    private Expression ParsePostfix(Expression term, PostfixMode mode)
    {
        var current = term;
        List<TraversalStep>? steps = null;
        var chain = 0;
        while (true)
        {
            Tick();
            var token = Peek();
            if (token.Kind == TokenKind.Dot)
            {
                var after = PeekSecond();
                if (after.Kind == TokenKind.Star)
                {
                    Read();
                    Read();
                    if (mode == PostfixMode.AttributeSplat)
                    {
                        Error("Nested splat expression: '.*' cannot be used inside an attribute-only splat", after);
                        continue;
                    }

                    var source = Flush();
                    var each = ParsePostfix(new AnonymousSymbolExpression(RangeOf(token, after)), PostfixMode.AttributeSplat);
                    current = new SplatExpression(source, each, false, Span(source.Range, each.Range));
                    if (!CheckChain(++chain, current.Range))
                    {
                        return current;
                    }

                    continue;
                }

                if (after.Kind == TokenKind.Identifier)
                {
                    Read();
                    Read();
                    (steps ??= []).Add(new AttributeStep(Text(after), RangeOf(token, after)));
                    continue;
                }

                if (after.Kind == TokenKind.Number)
                {
                    Read();
                    Read();
                    var digits = Text(after);
                    if (digits.All(char.IsAsciiDigit))
                    {
                        (steps ??= []).Add(new IndexStep(new NumberLiteralExpression(digits, RangeOf(after)).Value, true, RangeOf(token, after)));
                    }
                    else
                    {
                        Error($"Invalid legacy index '.{digits}': chained legacy indexes are not supported, use brackets like [0][1]", after);
                    }

                    continue;
                }

                Read();
                Error($"Expected an attribute name after '.', found {Describe(after)}", after);
                return Flush();
            }

            if (token.Kind != TokenKind.OpenBracket || mode == PostfixMode.AttributeSplat)
            {
                return Flush();
            }

            var open = Read();
            PushNewlines(false);
            var isSplat = Peek().Kind == TokenKind.Star && PeekSecond().Kind == TokenKind.CloseBracket;
            Expression? key = null;
            Token? close;
            if (isSplat)
            {
                Read();
                close = Read();
            }
            else
            {
                key = ParseExpression();
                var closeBracket = Peek();
                if (closeBracket.Kind == TokenKind.CloseBracket)
                {
                    close = Read();
                }
                else
                {
                    ErrorMissingCloser(closeBracket, open, "index", $"Missing ']' to close the index, found {Describe(closeBracket)}");
                    close = RecoverTo(TokenKind.CloseBracket);
                }
            }

            PopNewlines();
            var end = close?.EndPos ?? key?.Range.End ?? open.EndPos;
            var bracketRange = new SourceRange(_fileName, open.StartPos, end);
            if (key is null)
            {
                var source = Flush();
                if (!EnterNesting(open))
                {
                    return source;
                }

                Expression each;
                try
                {
                    each = ParsePostfix(new AnonymousSymbolExpression(bracketRange), PostfixMode.Normal);
                }
                finally
                {
                    _depth--;
                }

                current = new SplatExpression(source, each, true, Span(source.Range, each.Range));
                if (!CheckChain(++chain, current.Range))
                {
                    return current;
                }

                continue;
            }

            if (TryGetStaticKey(key, out var staticKey))
            {
                (steps ??= []).Add(new IndexStep(staticKey, false, bracketRange));
                continue;
            }

            var collection = Flush();
            current = new IndexExpression(collection, key, Span(collection.Range, bracketRange));
            if (!CheckChain(++chain, current.Range))
            {
                return current;
            }
        }

        // Applies the pending static steps to the current expression.
        Expression Flush()
        {
            if (steps is null)
            {
                return current;
            }

            var range = Span(current.Range, steps[^1].Range);
            if (current is ScopeTraversalExpression scope)
            {
                var all = scope.Traversal.Steps.Concat(steps).ToList();
                current = new ScopeTraversalExpression(new Traversal(scope.Traversal.RootName, all, range), range);
            }
            else if (current is RelativeTraversalExpression relative)
            {
                current = new RelativeTraversalExpression(relative.Source, relative.Steps.Concat(steps).ToList(), range);
            }
            else
            {
                current = new RelativeTraversalExpression(current, steps, range);
                CheckChain(++chain, range);
            }

            steps = null;
            return current;
        }
    }

    // At the end of the file the useful place to point at is the unclosed opener, not the end.
    private void ErrorMissingCloser(Token found, Token open, string construct, string message)
    {
        if (found.Kind == TokenKind.EndOfFile)
        {
            Error($"Unclosed {construct}: the '{Text(open)}' at {open.StartPos} is not closed before the end of the file", open);
        }
        else
        {
            Error(message, found);
        }
    }

    // Constant keys fold into the traversal, as HCL does: local.a[0] and x["k"] stay static references.
    private static bool TryGetStaticKey(Expression key, out object value)
    {
        switch (key)
        {
            case NumberLiteralExpression number:
                value = number.Value;
                return true;
            case TemplateExpression { IsHeredoc: false } template when template.TryGetLiteralString(out var text):
                value = text;
                return true;
            default:
                value = "";
                return false;
        }
    }

    private SourceRange Span(SourceRange first, SourceRange last) =>
        new(_fileName, first.Start, last.End.Byte >= first.End.Byte ? last.End : first.End);
}
