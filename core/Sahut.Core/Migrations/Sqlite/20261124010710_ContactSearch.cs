using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Sqlite
{
    /// <summary>
    /// Substring search over contact names and identities: an FTS5 trigram index (ContactSearch) over one row per
    /// name or identity value (ContactSearchTerms), kept in sync by triggers so every writer — EF, raw SQL, the bench
    /// seeder — is covered. The terms table exists because FTS5 needs stable integer rowids and the core's keys are GUIDs.
    /// A later migration that rebuilds Contacts or ContactIdentities (SQLite table rebuild) drops their triggers and
    /// must create them again.
    /// </summary>
    public partial class ContactSearch : Migration
    {
        private static readonly string[] Triggers =
        [
            "ContactSearchTerms_ai", "ContactSearchTerms_ad", "Contacts_search_ai", "Contacts_search_au", "Contacts_search_ad",
            "ContactIdentities_search_ai", "ContactIdentities_search_au", "ContactIdentities_search_ad",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ContactSearchTerms" (
                    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "SourceId" TEXT NOT NULL,
                    "ContactId" TEXT NOT NULL,
                    "WorkspaceId" TEXT NOT NULL,
                    "Term" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_ContactSearchTerms_SourceId" ON "ContactSearchTerms" ("SourceId");""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
                    "Term", "ContactId" UNINDEXED, "WorkspaceId" UNINDEXED,
                    content='ContactSearchTerms', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactSearchTerms_ai" AFTER INSERT ON "ContactSearchTerms" BEGIN
                    INSERT INTO "ContactSearch" (rowid, "Term", "ContactId", "WorkspaceId") VALUES (new."Id", new."Term", new."ContactId", new."WorkspaceId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactSearchTerms_ad" AFTER DELETE ON "ContactSearchTerms" BEGIN
                    INSERT INTO "ContactSearch" ("ContactSearch", rowid, "Term", "ContactId", "WorkspaceId") VALUES ('delete', old."Id", old."Term", old."ContactId", old."WorkspaceId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_search_ai" AFTER INSERT ON "Contacts" WHEN new."Name" IS NOT NULL BEGIN
                    INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term") VALUES (new."Id", new."Id", new."WorkspaceId", new."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_search_au" AFTER UPDATE OF "Name", "WorkspaceId" ON "Contacts" BEGIN
                    DELETE FROM "ContactSearchTerms" WHERE "SourceId" = old."Id";
                    INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term")
                        SELECT new."Id", new."Id", new."WorkspaceId", new."Name" WHERE new."Name" IS NOT NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_search_ad" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "ContactSearchTerms" WHERE "SourceId" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactIdentities_search_ai" AFTER INSERT ON "ContactIdentities" BEGIN
                    INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term") VALUES (new."Id", new."ContactId", new."WorkspaceId", new."Value");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactIdentities_search_au" AFTER UPDATE OF "Value", "ContactId", "WorkspaceId" ON "ContactIdentities" BEGIN
                    DELETE FROM "ContactSearchTerms" WHERE "SourceId" = old."Id";
                    INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term") VALUES (new."Id", new."ContactId", new."WorkspaceId", new."Value");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContactIdentities_search_ad" AFTER DELETE ON "ContactIdentities" BEGIN
                    DELETE FROM "ContactSearchTerms" WHERE "SourceId" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term")
                    SELECT "Id", "Id", "WorkspaceId", "Name" FROM "Contacts" WHERE "Name" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContactSearchTerms" ("SourceId", "ContactId", "WorkspaceId", "Term")
                    SELECT "Id", "ContactId", "WorkspaceId", "Value" FROM "ContactIdentities";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContactSearch";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContactSearchTerms";""");
        }
    }
}
