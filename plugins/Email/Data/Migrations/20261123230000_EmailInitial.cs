using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sahut.Plugins.Email.Data.Migrations;

/// <summary>
/// Written by hand without provider column types, so the one migration serves SQLite and PostgreSQL: each provider
/// maps the CLR types itself (Guid → TEXT/uuid, DateTime → TEXT/timestamptz, byte[] → BLOB/bytea).
/// </summary>
[DbContext(typeof(EmailDbContext))]
[Migration("20261123230000_EmailInitial")]
internal sealed class EmailInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "email_checkpoints",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                UidValidity = table.Column<long>(nullable: false),
                LastUid = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_email_checkpoints", x => x.ChannelId));

        migrationBuilder.CreateTable(
            name: "email_quarantine",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                UidValidity = table.Column<long>(nullable: false),
                Uid = table.Column<long>(nullable: false),
                MessageId = table.Column<string>(maxLength: 998, nullable: true),
                From = table.Column<string>(maxLength: 998, nullable: true),
                Subject = table.Column<string>(maxLength: 998, nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                QuarantinedAt = table.Column<DateTime>(nullable: false),
                Raw = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_email_quarantine", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_email_quarantine_ChannelId_QuarantinedAt", table: "email_quarantine", columns: ["ChannelId", "QuarantinedAt"]);

        migrationBuilder.CreateTable(
            name: "email_message_ids",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<string>(maxLength: 998, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_email_message_ids", x => new { x.ChannelId, x.MessageId }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "email_message_ids");
        migrationBuilder.DropTable(name: "email_quarantine");
        migrationBuilder.DropTable(name: "email_checkpoints");
    }
}
