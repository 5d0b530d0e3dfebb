using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediaDownloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DownloadAttempts",
                table: "Attachments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DownloadError",
                table: "Attachments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextDownloadAt",
                table: "Attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_StoragePath_NextDownloadAt",
                table: "Attachments",
                columns: new[] { "StoragePath", "NextDownloadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attachments_StoragePath_NextDownloadAt",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "DownloadAttempts",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "DownloadError",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "NextDownloadAt",
                table: "Attachments");
        }
    }
}
