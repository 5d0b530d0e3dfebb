using Microsoft.EntityFrameworkCore;
using Sahut.Plugins.Billing.Data;

namespace Sahut.Plugins.Billing.Periods;

/// <summary>The invoice of each period and the lines added to it. Changes are saved by the caller.</summary>
public sealed class InvoiceBook(BillingDb db)
{
    public async Task<BillingInvoice> ForPeriodAsync(BillingPeriod period, DateTime now, CancellationToken cancellationToken)
    {
        var invoice = db.Invoices.Local.FirstOrDefault(i => i.PeriodId == period.Id)
            ?? await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.PeriodId == period.Id, cancellationToken);
        if (invoice is null)
        {
            invoice = new BillingInvoice
            {
                WorkspaceId = period.WorkspaceId,
                PeriodId = period.Id,
                Number = $"INV-{period.Start:yyyyMMdd}-{period.Id.ToString("N")[^8..].ToUpperInvariant()}",
                CreatedAt = now,
            };
            db.Invoices.Add(invoice);
        }

        return invoice;
    }

    public async Task AddLineAsync(BillingPeriod period, string kind, string description, int quantity, long amount, DateTime now, CancellationToken cancellationToken)
    {
        var invoice = await ForPeriodAsync(period, now, cancellationToken);
        // Added explicitly: a new line with its key already set, reached only through the navigation, would be taken for an existing row.
        db.InvoiceLines.Add(new BillingInvoiceLine { InvoiceId = invoice.Id, Kind = kind, Description = description, Quantity = quantity, Amount = amount, CreatedAt = now });
    }
}
