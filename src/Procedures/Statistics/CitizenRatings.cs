namespace Procedures.Statistics;

/// <summary>
/// One citizen's rating of one finished dossier: nine indicators of 0–2 points each (Decree 61 evaluation). The
/// ratings themselves belong to the citizens' module; statistics only aggregate them through <see cref="ICitizenRatings"/>.
/// </summary>
public sealed record CitizenRating(Guid DossierId, Guid UnitId, DateTimeOffset RatedAt, IReadOnlyList<int> Points)
{
    public const int Indicators = 9;
    public int Total => Points.Sum();
    public bool IsValid => Points.Count == Indicators && Points.All(p => p is >= 0 and <= 2);
}

/// <summary>
/// Where ratings come from: the seam to the citizens' module (src/Procedures/Citizens), which registers its own
/// implementation; until then <see cref="NoCitizenRatings"/> answers that there are none.
/// </summary>
public interface ICitizenRatings
{
    /// <summary>Ratings of dossiers settled by <paramref name="unitIds"/>, given in [from, to).</summary>
    Task<IReadOnlyList<CitizenRating>> ListAsync(IReadOnlyCollection<Guid> unitIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}

public sealed class NoCitizenRatings : ICitizenRatings
{
    public Task<IReadOnlyList<CitizenRating>> ListAsync(IReadOnlyCollection<Guid> unitIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CitizenRating>>([]);
}

public enum RatingGrade { Excellent, Good, Fair, Average, Weak }

/// <summary>Grade bands on the total of 18 points ⚠ (DOMAIN.md): settings, not law in code.</summary>
public sealed record RatingBands(decimal Excellent = 15, decimal Good = 12, decimal Fair = 9, decimal Average = 6)
{
    public RatingGrade Of(decimal total) =>
        total >= Excellent ? RatingGrade.Excellent : total >= Good ? RatingGrade.Good : total >= Fair ? RatingGrade.Fair
        : total >= Average ? RatingGrade.Average : RatingGrade.Weak;

    public static string Vietnamese(RatingGrade grade) => grade switch
    {
        RatingGrade.Excellent => "Xuất sắc", RatingGrade.Good => "Tốt", RatingGrade.Fair => "Khá", RatingGrade.Average => "Trung bình", _ => "Yếu",
    };
}

/// <param name="Grade">The grade of the average total: the unit's grade for the period.</param>
/// <param name="ByGrade">How many single ratings fall in each band.</param>
/// <param name="Rejected">Ratings left out because they do not have nine indicators of 0–2.</param>
public sealed record RatingSummary(int Count, decimal? AverageTotal, RatingGrade? Grade, IReadOnlyList<decimal?> IndicatorAverages,
    IReadOnlyDictionary<RatingGrade, int> ByGrade, int Rejected)
{
    public static RatingSummary Of(IEnumerable<CitizenRating> ratings, RatingBands bands)
    {
        var all = ratings.ToList();
        var valid = all.Where(r => r.IsValid).ToList();
        decimal? average = valid.Count == 0 ? null : Math.Round((decimal)valid.Sum(r => r.Total) / valid.Count, 2, MidpointRounding.AwayFromZero);
        var indicators = Enumerable.Range(0, CitizenRating.Indicators).Select(i => valid.Count == 0 ? (decimal?)null
            : Math.Round((decimal)valid.Sum(r => r.Points[i]) / valid.Count, 2, MidpointRounding.AwayFromZero)).ToList();
        var byGrade = Enum.GetValues<RatingGrade>().ToDictionary(g => g, g => valid.Count(r => bands.Of(r.Total) == g));
        return new RatingSummary(valid.Count, average, average is { } a ? bands.Of(a) : null, indicators, byGrade, all.Count - valid.Count);
    }
}
