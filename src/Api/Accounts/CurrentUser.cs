using System.Security.Claims;

namespace Api.Accounts;

/// <summary>The claims the API issues and reads; nothing else in a ticket is trusted.</summary>
public static class IsoClaims
{
    public const string Kind = "iso:kind";
    public const string Scope = "scope";
    public const string Unit = "iso:unit";
    public const string Stamp = "iso:stamp";
    /// <summary>The sign-in session the ticket belongs to, kept by its refreshes (see <see cref="SessionRevocations"/>).</summary>
    public const string Session = "iso:sid";
    /// <summary>When the session began, in Unix milliseconds.</summary>
    public const string IssuedAt = "iso:iat";
    public const string SystemKind = "System";
}

/// <summary>Who is calling: an official, a citizen or another system; read from the ticket's claims only.</summary>
public sealed record CurrentUser(Guid? AccountId, string Name, string Kind, IReadOnlySet<string> Scopes, Guid? ClientUnitId)
{
    public bool IsOfficial => Kind == nameof(AccountKind.Official);
    public bool IsCitizen => Kind == nameof(AccountKind.Citizen);
    public bool IsSystem => Kind == IsoClaims.SystemKind;

    /// <summary>The citizen account id; only meaningful when <see cref="IsCitizen"/>.</summary>
    public Guid CitizenId => IsCitizen && AccountId is { } id ? id : Guid.Empty;

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var kind = principal.FindFirstValue(IsoClaims.Kind);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        if (kind is null || name is null) return null;
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        var unit = Guid.TryParse(principal.FindFirstValue(IsoClaims.Unit), out var u) ? u : (Guid?)null;
        return new CurrentUser(id, name, kind, principal.FindAll(IsoClaims.Scope).Select(c => c.Value).ToHashSet(), unit);
    }

    /// <summary>For endpoints behind an authorisation policy, where a user is certain.</summary>
    public static CurrentUser Of(HttpContext http) =>
        http.Items[typeof(CurrentUser)] as CurrentUser ?? (CurrentUser)(http.Items[typeof(CurrentUser)] =
            From(http.User) ?? throw new InvalidOperationException("No authenticated user behind an authorised endpoint."));

    public static ClaimsPrincipal Principal(string scheme, string id, string name, string kind, string? stamp,
        IEnumerable<string>? scopes = null, Guid? unit = null, (Guid Id, DateTimeOffset IssuedAt)? session = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new(IsoClaims.Kind, kind) };
        if (stamp is not null) claims.Add(new(IsoClaims.Stamp, stamp));
        if (session is { } s)
        {
            claims.Add(new(IsoClaims.Session, s.Id.ToString()));
            claims.Add(new(IsoClaims.IssuedAt, s.IssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        claims.AddRange((scopes ?? []).Select(s => new Claim(IsoClaims.Scope, s)));
        if (unit is not null) claims.Add(new(IsoClaims.Unit, unit.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, null));
    }
}
