using System.Text.Json.Nodes;

namespace Engine.Expressions;

/// <summary>
/// Recursive descent, lowest precedence first: or, and, not, comparison/in, + -, * /, unary minus, primary.
/// <c>not</c>/<c>!</c> sit above comparison, so <c>not status == 'x'</c> means <c>not (status == 'x')</c>.
/// </summary>
internal sealed class Parser(List<Token> tokens)
{
    // Deep nesting would overflow the stack of the thread that validates or evaluates.
    private const int MaxDepth = 64;
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private int _index;
    private int _depth;

    public static Node Parse(string text)
    {
        var parser = new Parser(Tokenizer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End) throw new ExpressionSyntaxException("empty expression");
        var node = parser.Or();
        if (parser.Current.Kind != TokenKind.End) throw Unexpected(parser.Current);
        return node;
    }

    private Token Current => tokens[_index];

    private Token Take() => tokens[_index++];

    private bool Accept(string symbol, string? word = null)
    {
        if (!Current.Is(symbol) && (word is null || !Current.IsWord(word))) return false;
        _index++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol)) throw new ExpressionSyntaxException($"expected '{symbol}' but found {Current.Describe()} at {Current.Position}");
    }

    private Node Or()
    {
        if (++_depth > MaxDepth) throw new ExpressionSyntaxException($"expression is nested too deeply at {Current.Position}");
        var left = And();
        while (Accept("||", "or")) left = new LogicalNode(false, left, And());
        _depth--;
        return left;
    }

    private Node And()
    {
        var left = Not();
        while (Accept("&&", "and")) left = new LogicalNode(true, left, Not());
        return left;
    }

    private Node Not()
    {
        if (!Accept("!", "not")) return Comparison();
        if (++_depth > MaxDepth) throw new ExpressionSyntaxException($"expression is nested too deeply at {Current.Position}");
        var operand = Not();
        _depth--;
        return new NotNode(operand);
    }

    private Node Comparison()
    {
        var left = Additive();
        if (Current.Kind == TokenKind.Symbol && Comparisons.Contains(Current.Text))
            return new BinaryNode(Take().Text, left, Additive());
        if (Current.IsWord("in"))
        {
            Take();
            return new InNode(left, Additive());
        }
        if (Current.IsWord("not") && tokens[_index + 1].IsWord("in"))
        {
            _index += 2;
            return new NotNode(new InNode(left, Additive()));
        }
        return left;
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (Current.Is("+") || Current.Is("-")) left = new BinaryNode(Take().Text, left, Multiplicative());
        return left;
    }

    private Node Multiplicative()
    {
        var left = Unary();
        while (Current.Is("*") || Current.Is("/")) left = new BinaryNode(Take().Text, left, Unary());
        return left;
    }

    private Node Unary()
    {
        if (!Accept("-")) return Primary();
        if (++_depth > MaxDepth) throw new ExpressionSyntaxException($"expression is nested too deeply at {Current.Position}");
        var operand = Unary();
        _depth--;
        return new NegateNode(operand);
    }

    private Node Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number: return new LiteralNode(JsonValue.Create(token.Number));
            case TokenKind.String: return new LiteralNode(JsonValue.Create(token.Text));
            case TokenKind.Variable: return new VariableNode(token.Text);
            case TokenKind.Name: return Name(token);
        }
        if (token.Is("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }
        if (token.Is("[")) return List();
        throw Unexpected(token);
    }

    private Node Name(Token token)
    {
        switch (token.Text)
        {
            case "true": return new LiteralNode(JsonValue.Create(true));
            case "false": return new LiteralNode(JsonValue.Create(false));
            case "null": return new LiteralNode(null);
            case "and" or "or" or "not" or "in": throw Unexpected(token);
        }
        if (!Current.Is("(")) return new VariableNode(token.Text);
        if (token.Text != "empty") throw new ExpressionSyntaxException($"unknown function '{token.Text}' at {token.Position}");
        Take();
        var argument = Or();
        Expect(")");
        return new EmptyNode(argument);
    }

    private ListNode List()
    {
        var items = new List<Node>();
        if (Accept("]")) return new ListNode(items);
        do items.Add(Or());
        while (Accept(","));
        Expect("]");
        return new ListNode(items);
    }

    private static ExpressionSyntaxException Unexpected(Token token) =>
        new($"unexpected {token.Describe()} at {token.Position}");
}
