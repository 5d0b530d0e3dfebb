using Microsoft.EntityFrameworkCore.Migrations;
using Sahut.Scheduling;

#nullable disable

namespace Sahut.Migrations.Sqlite
{
    /// <summary>The Quartz job store's tables (official Quartz schema, see Scheduling/Schema/quartz-sqlite.sql).</summary>
    public partial class Quartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Statements("sqlite"))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
            }
        }
    }
}
