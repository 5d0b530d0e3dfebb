using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Postgres
{
    /// <summary>
    /// Substring search over contact names and identities: pg_trgm GIN indexes, which serve
    /// <c>lower("Name") LIKE '%…%'</c> and <c>"Value" LIKE '%…%'</c> for terms of three characters or more.
    /// pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it. fastupdate is off: with
    /// the default pending list every search rescans thousands of not-yet-merged entries (7 ms instead of 0.5 ms at
    /// 100k contacts), and contacts are written far less often than they are searched.
    /// </summary>
    public partial class ContactSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_Name_trgm" ON "Contacts" USING gin (lower("Name") gin_trgm_ops) WITH (fastupdate = off);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_ContactIdentities_Value_trgm" ON "ContactIdentities" USING gin ("Value" gin_trgm_ops) WITH (fastupdate = off);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_ContactIdentities_Value_trgm";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Contacts_Name_trgm";""");
        }
    }
}
