using System.Text.RegularExpressions;

namespace Api.Accounts;

/// <summary>
/// A citizen signs in with an e-mail address or a Vietnamese mobile number; both are normalised into the account's
/// user name, so <c>+84 901 000 001</c> and <c>0901000001</c> are the same account. Officials use their user name.
/// </summary>
public static partial class Logins
{
    public static string Normalise(string? login)
    {
        var value = (login ?? "").Trim();
        if (value.Contains('@')) return value.ToLowerInvariant();
        if (PhoneLike().IsMatch(value))
        {
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            if (digits.StartsWith("84", StringComparison.Ordinal) && value.TrimStart().StartsWith('+')) digits = "0" + digits[2..];
            return digits;
        }
        return value;
    }

    public static bool IsEmail(string login) => Email().IsMatch(login);

    public static bool IsPhone(string login) => VietnamesePhone().IsMatch(login);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 .\-]{9,20}$")]
    private static partial Regex PhoneLike();

    [GeneratedRegex("^0[35789][0-9]{8}$")]
    private static partial Regex VietnamesePhone();
}
