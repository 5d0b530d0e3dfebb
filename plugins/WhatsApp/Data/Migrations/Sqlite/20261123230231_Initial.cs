using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Plugins.WhatsApp.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ParameterFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProviderTemplateId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ComponentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SyncedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsApp_Templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WhatsApp_TemplateSyncs",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SyncedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
