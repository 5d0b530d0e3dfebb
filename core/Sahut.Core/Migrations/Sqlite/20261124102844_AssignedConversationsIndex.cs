using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Sqlite
{
    /// <summary>
    /// Every inbound message rewrites its conversation's entry in each index holding LastMessageAt. The assignee
    /// index now holds assigned conversations only (unassigned ones, most of the inbound traffic, skip it), and the
    /// workspace index carries AssigneeId so the "unassigned" list filters on the index without reading rows.
    /// </summary>
    public partial class AssignedConversationsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_AssigneeId_LastMessageAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_AssigneeId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "AssigneeId", "LastMessageAt" },
                filter: "\"AssigneeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt_AssigneeId",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "LastMessageAt", "AssigneeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_AssigneeId_LastMessageAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt_AssigneeId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_AssigneeId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "AssigneeId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "LastMessageAt" });
        }
    }
}
