using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Sqlite
{
    /// <summary>
    /// New search terms are no longer put into the FTS5 index by a trigger inside the writing transaction (a third of
    /// the inbound writer's cost under a burst of new customers): ContactSearchIndexer adds them in batches shortly
    /// after, and search scans the few terms above ContactSearchProgress."IndexedUpTo" directly, so nothing is missed
    /// meanwhile. A deleted term leaves the index only if it was in it.
    /// </summary>
    public partial class ContactSearchInBackground : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ContactSearchProgress" (
                    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
                    "IndexedUpTo" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""INSERT INTO "ContactSearchProgress" ("Id", "IndexedUpTo") SELECT 1, COALESCE(MAX("Id"), 0) FROM "ContactSearchTerms";""");
            migrationBuilder.Sql("""DROP TRIGGER "ContactSearchTerms_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER "ContactSearchTerms_ad";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactSearchTerms_ad" AFTER DELETE ON "ContactSearchTerms"
                WHEN old."Id" <= (SELECT "IndexedUpTo" FROM "ContactSearchProgress") BEGIN
                    INSERT INTO "ContactSearch" ("ContactSearch", rowid, "Term", "ContactId", "WorkspaceId") VALUES ('delete', old."Id", old."Term", old."ContactId", old."WorkspaceId");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "ContactSearch" (rowid, "Term", "ContactId", "WorkspaceId")
                    SELECT "Id", "Term", "ContactId", "WorkspaceId" FROM "ContactSearchTerms" WHERE "Id" > (SELECT "IndexedUpTo" FROM "ContactSearchProgress");
                """);
            migrationBuilder.Sql("""DROP TRIGGER "ContactSearchTerms_ad";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactSearchTerms_ad" AFTER DELETE ON "ContactSearchTerms" BEGIN
                    INSERT INTO "ContactSearch" ("ContactSearch", rowid, "Term", "ContactId", "WorkspaceId") VALUES ('delete', old."Id", old."Term", old."ContactId", old."WorkspaceId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactSearchTerms_ai" AFTER INSERT ON "ContactSearchTerms" BEGIN
                    INSERT INTO "ContactSearch" (rowid, "Term", "ContactId", "WorkspaceId") VALUES (new."Id", new."Term", new."ContactId", new."WorkspaceId");
                END;
                """);
            migrationBuilder.Sql("""DROP TABLE "ContactSearchProgress";""");
        }
    }
}
