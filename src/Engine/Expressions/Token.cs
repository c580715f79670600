namespace Engine.Expressions;

internal enum TokenKind { Number, String, Name, Variable, Symbol, End }

/// <summary>
/// One token. <see cref="Text"/> is the symbol (<c>&gt;=</c>), the name, or the unquoted string content;
/// <see cref="Position"/> is 1-based so messages match what an author counts in the text.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>Words such as <c>and</c> are operators only when written bare, not as <c>$and</c>.</summary>
    public bool IsWord(string word) => Kind == TokenKind.Name && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string '{Text}'",
        _ => $"'{Text}'",
    };
}

/// <summary>A parse error; the message already names the position.</summary>
internal sealed class ExpressionSyntaxException(string message) : Exception(message);
