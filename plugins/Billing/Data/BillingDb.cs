using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.Billing.Data;

/// <summary>The Billing plugin's tables (prefix Billing_), referencing core workspaces and conversations by id.</summary>
public class BillingDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__BillingMigrations";

    public DbSet<BillingSubscription> Subscriptions => Set<BillingSubscription>();
    public DbSet<BillingPeriod> Periods => Set<BillingPeriod>();
    public DbSet<BillingCountedConversation> CountedConversations => Set<BillingCountedConversation>();
    public DbSet<BillingUsageNotice> UsageNotices => Set<BillingUsageNotice>();
    public DbSet<BillingInvoice> Invoices => Set<BillingInvoice>();
    public DbSet<BillingInvoiceLine> InvoiceLines => Set<BillingInvoiceLine>();
    public DbSet<BillingTopUp> TopUps => Set<BillingTopUp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<BillingSubscription>(e =>
        {
            e.ToTable("Billing_Subscriptions");
            e.HasIndex(s => s.WorkspaceId).IsUnique();
            e.Property(s => s.PlanKey).HasMaxLength(64);
            e.Ignore(s => s.IsEnded);
        });
        modelBuilder.Entity<BillingPeriod>(e =>
        {
            e.ToTable("Billing_Periods");
            e.HasIndex(p => new { p.SubscriptionId, p.Start }).IsUnique();
            e.HasIndex(p => new { p.WorkspaceId, p.End });
            e.Property(p => p.PlanKey).HasMaxLength(64);
            // Closing is "UPDATE … WHERE ClosedAt IS NULL": a second closer of the same period loses, so overage is billed once.
            e.Property(p => p.ClosedAt).IsConcurrencyToken();
        });
        modelBuilder.Entity<BillingCountedConversation>(e =>
        {
            e.ToTable("Billing_CountedConversations");
            e.HasKey(c => new { c.PeriodId, c.ConversationId });
        });
        modelBuilder.Entity<BillingUsageNotice>(e =>
        {
            e.ToTable("Billing_UsageNotices");
            e.HasKey(n => new { n.PeriodId, n.Threshold });
        });
        modelBuilder.Entity<BillingInvoice>(e =>
        {
            e.ToTable("Billing_Invoices");
            e.HasIndex(i => i.PeriodId).IsUnique();
            e.HasIndex(i => new { i.WorkspaceId, i.CreatedAt });
            e.HasIndex(i => i.Number).IsUnique();
            e.Property(i => i.Number).HasMaxLength(40);
            e.Ignore(i => i.Total);
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
        });
        modelBuilder.Entity<BillingInvoiceLine>(e =>
        {
            e.ToTable("Billing_InvoiceLines");
            e.Property(l => l.Kind).HasMaxLength(20);
            e.Property(l => l.Description).HasMaxLength(200);
        });
        modelBuilder.Entity<BillingTopUp>(e =>
        {
            e.ToTable("Billing_TopUps");
            e.HasIndex(t => t.PeriodId);
        });
    }
}

public sealed class SqliteBillingDb(DbContextOptions<SqliteBillingDb> options) : BillingDb(options);

public sealed class PostgresBillingDb(DbContextOptions<PostgresBillingDb> options) : BillingDb(options);
