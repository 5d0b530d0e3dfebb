using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Plugins.WhatsApp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WhatsApp_Templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Language = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ParameterFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProviderTemplateId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ComponentsJson = table.Column<string>(type: "text", nullable: false),
                    SyncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsApp_Templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WhatsApp_TemplateSyncs",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    SyncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsApp_TemplateSyncs", x => x.ChannelId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WhatsApp_Templates_ChannelId_Name_Language",
                table: "WhatsApp_Templates",
                columns: new[] { "ChannelId", "Name", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WhatsApp_Templates");

            migrationBuilder.DropTable(
                name: "WhatsApp_TemplateSyncs");
        }
    }
}
