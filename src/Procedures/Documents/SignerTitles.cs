using Procedures.Organisation;

namespace Procedures.Documents;

/// <summary>
/// The title printed above a signer's name (Decree 30/2020): the official's position when the directory has one, else
/// the generic title of their role in the unit; a deputy signs "KT." (ký thay) for the head of the agency.
/// </summary>
internal static class SignerTitles
{
    public const string Head = "THỦ TRƯỞNG CƠ QUAN";

    public static string Of(Official official, Guid unitId)
    {
        var roles = official.Memberships.Where(m => m.UnitId == unitId).SelectMany(m => m.Roles).ToHashSet();
        var position = string.IsNullOrWhiteSpace(official.Position) ? null : official.Position.Trim().ToUpperInvariant();
        if (roles.Contains(Role.UnitLeader)) return position ?? Head;
        if (roles.Contains(Role.DeputyLeader)) return $"KT. {Head}\n{position ?? "PHÓ " + Head}";
        if (roles.Contains(Role.SectionHead)) return position ?? "TRƯỞNG PHÒNG";
        return position ?? Head;
    }
}
