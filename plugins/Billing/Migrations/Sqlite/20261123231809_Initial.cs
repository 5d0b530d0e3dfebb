using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Plugins.Billing.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Billing_CountedConversations",
                columns: table => new
                {
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_CountedConversations", x => new { x.PeriodId, x.ConversationId });
                });

            migrationBuilder.CreateTable(
                name: "Billing_Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinalizedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_Invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Billing_Periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_Periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Billing_Subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CancelAtPeriodEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_Subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Billing_TopUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Conversations = table.Column<int>(type: "INTEGER", nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    PurchasedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PurchasedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_TopUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Billing_UsageNotices",
                columns: table => new
                {
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_UsageNotices", x => new { x.PeriodId, x.Threshold });
                });

            migrationBuilder.CreateTable(
                name: "Billing_InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Billing_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Billing_InvoiceLines_Billing_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Billing_Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Billing_InvoiceLines_InvoiceId",
                table: "Billing_InvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Invoices_Number",
                table: "Billing_Invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Invoices_PeriodId",
                table: "Billing_Invoices",
                column: "PeriodId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Invoices_WorkspaceId_CreatedAt",
                table: "Billing_Invoices",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Periods_SubscriptionId_Start",
                table: "Billing_Periods",
                columns: new[] { "SubscriptionId", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Periods_WorkspaceId_End",
                table: "Billing_Periods",
                columns: new[] { "WorkspaceId", "End" });

            migrationBuilder.CreateIndex(
                name: "IX_Billing_Subscriptions_WorkspaceId",
                table: "Billing_Subscriptions",
                column: "WorkspaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Billing_TopUps_PeriodId",
                table: "Billing_TopUps",
                column: "PeriodId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Billing_CountedConversations");

            migrationBuilder.DropTable(
                name: "Billing_InvoiceLines");

            migrationBuilder.DropTable(
                name: "Billing_Periods");

            migrationBuilder.DropTable(
                name: "Billing_Subscriptions");

            migrationBuilder.DropTable(
                name: "Billing_TopUps");

            migrationBuilder.DropTable(
                name: "Billing_UsageNotices");

            migrationBuilder.DropTable(
                name: "Billing_Invoices");
        }
    }
}
