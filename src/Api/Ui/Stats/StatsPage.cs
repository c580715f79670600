using Microsoft.AspNetCore.Components;
using Procedures.Common;
using Procedures.Organisation;

namespace Api.Ui.Stats;

/// <summary>
/// What the statistics, report and ISO pages share: the signed-in official, the units they may pick, and running a
/// use case of src/Procedures as that official (the use case decides what they may see and do).
/// </summary>
public abstract class StatsPage : ComponentBase
{
    [Inject] protected UiSession Session { get; set; } = default!;

    protected Actor? Me { get; private set; }
    protected IReadOnlyList<UnitChoice> Units { get; private set; } = [];
    protected Guid UnitId { get; set; }
    protected string? Error { get; set; }
    protected string? Saved { get; set; }
    protected bool Busy { get; set; }

    /// <summary>Loads the official and their units; the unit asked for in the address wins over the first one (the use case checks it).</summary>
    protected async Task LoadUnitsAsync(Guid? wanted)
    {
        Me = await Session.ActorAsync();
        if (Me is null) return;
        var me = Me;
        Units = await Session.RunAsync<IReadOnlyList<UnitChoice>>(sp => StatsUnits.VisibleAsync(sp, me));
        UnitId = wanted ?? Units.FirstOrDefault()?.Id ?? Guid.Empty;
    }

    /// <summary>Runs a use case as the signed-in official; on failure the page shows its message and gets null.</summary>
    protected async Task<T?> RunAsync<TService, T>(Func<TService, Actor, Task<DomainResult<T>>> work) where TService : notnull
    {
        if (Me is not { } me) return default;
        var result = await Session.RunAsync<TService, DomainResult<T>>(service => work(service, me));
        Error = Text.Error(result.Error);
        return result.Value;
    }

    /// <summary>A create or transition form: busy while it runs, the success note on success.</summary>
    protected async Task<bool> ChangeAsync<TService, T>(Func<TService, Actor, Task<DomainResult<T>>> work, string done) where TService : notnull
    {
        Busy = true;
        Saved = null;
        try
        {
            var result = await RunAsync(work);
            if (Error is null) Saved = done;
            return Error is null && result is not null;
        }
        finally { Busy = false; }
    }

    protected string UnitName(Guid id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";
}
