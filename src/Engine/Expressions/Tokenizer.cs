using System.Globalization;
using System.Text;

namespace Engine.Expressions;

/// <summary>Splits a guard into tokens; hand-written so every error can name its position.</summary>
internal static class Tokenizer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "(", ")", "[", "]", ","];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c)) tokens.Add(ReadNumber(text, ref i));
            else if (c is '\'' or '"') tokens.Add(ReadString(text, ref i));
            else if (c == '$' || IsNameStart(c))
            {
                var variable = c == '$';
                if (variable) i++;
                var name = ReadName(text, ref i);
                if (name.Length == 0) throw Error($"expected a variable name after '$' at {start + 1}");
                tokens.Add(new Token(variable ? TokenKind.Variable : TokenKind.Name, name, start + 1));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
            {
                tokens.Add(new Token(TokenKind.Symbol, symbol, start + 1));
                i += symbol.Length;
            }
            else throw Error($"unexpected character '{c}' at {start + 1}");
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        var literal = text[start..i];
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw Error($"number '{literal}' is too large at {start + 1}");
        return new Token(TokenKind.Number, literal, start + 1, value);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            // A backslash keeps the next character as it is, so 'it\'s' and "say \"no\"" can be written.
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            value.Append(text[i++]);
        }
        if (i >= text.Length) throw Error($"unterminated string starting at {start + 1}");
        i++;
        return new Token(TokenKind.String, value.ToString(), start + 1);
    }

    /// <summary>Dotted names: <c>applicant.age</c>; each part starts with a letter or '_'.</summary>
    private static string ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsNameStart(text[i]))
        {
            while (i < text.Length && (IsNameStart(text[i]) || char.IsAsciiDigit(text[i]))) i++;
            if (i + 1 < text.Length && text[i] == '.' && IsNameStart(text[i + 1])) i++;
            else break;
        }
        return text[start..i];
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static ExpressionSyntaxException Error(string message) => new(message);
}
