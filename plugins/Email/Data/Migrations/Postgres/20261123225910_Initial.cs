using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Plugins.Email.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Email_Checkpoints",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    LastUid = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Email_Checkpoints", x => x.ChannelId);
                });

            migrationBuilder.CreateTable(
                name: "Email_MessageIds",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Email_MessageIds", x => new { x.ChannelId, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "Email_Quarantine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    From = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    Subject = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    QuarantinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Raw = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Email_Quarantine", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Email_Quarantine_ChannelId_QuarantinedAt",
                table: "Email_Quarantine",
                columns: new[] { "ChannelId", "QuarantinedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Email_Checkpoints");

            migrationBuilder.DropTable(
                name: "Email_MessageIds");

            migrationBuilder.DropTable(
                name: "Email_Quarantine");
        }
    }
}
