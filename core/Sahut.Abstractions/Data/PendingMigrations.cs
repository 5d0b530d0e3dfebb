using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sahut.Data;

public static class PendingMigrations
{
    /// <summary>
    /// Migrates only when a migration is pending. <c>MigrateAsync</c> on an up-to-date database still takes the
    /// migration lock and diffs the model against the snapshot (its pending-model-changes check), which is most of
    /// what a normal start-up spends on migrations; asking for pending migrations only reads the history table.
    /// A missing database has every migration pending, so it is still created; and a fresh database (every test's)
    /// still runs the full <c>MigrateAsync</c>, so a model change without its migration still fails there.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var pending = await database.GetPendingMigrationsAsync(cancellationToken);
        if (pending.Any())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }
}
