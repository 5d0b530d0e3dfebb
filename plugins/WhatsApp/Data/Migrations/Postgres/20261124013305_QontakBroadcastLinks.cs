using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Plugins.WhatsApp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QontakBroadcastLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WhatsApp_QontakBroadcasts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    BroadcastId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    WhatsAppMessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextCheckAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsApp_QontakBroadcasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WhatsApp_QontakHeldStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    WhatsAppMessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErrorReason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsApp_QontakHeldStatuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakBroadcasts_ChannelId_BroadcastId",
                table: "WhatsApp_QontakBroadcasts",
                columns: new[] { "ChannelId", "BroadcastId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakBroadcasts_ChannelId_WhatsAppMessageId",
                table: "WhatsApp_QontakBroadcasts",
                columns: new[] { "ChannelId", "WhatsAppMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakBroadcasts_CreatedAt",
                table: "WhatsApp_QontakBroadcasts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakBroadcasts_NextCheckAt",
                table: "WhatsApp_QontakBroadcasts",
                column: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakHeldStatuses_ChannelId_WhatsAppMessageId",
                table: "WhatsApp_QontakHeldStatuses",
                columns: new[] { "ChannelId", "WhatsAppMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_QontakHeldStatuses_ReceivedAt",
                table: "WhatsApp_QontakHeldStatuses",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WhatsApp_QontakBroadcasts");

            migrationBuilder.DropTable(
                name: "WhatsApp_QontakHeldStatuses");
        }
    }
}
