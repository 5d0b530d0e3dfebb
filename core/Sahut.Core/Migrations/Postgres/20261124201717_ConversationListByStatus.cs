using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sahut.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationListByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt_AssigneeId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_Status_LastMessageAt",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_Status_LastMessageAt_AssigneeId",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "Status", "LastMessageAt", "AssigneeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_Status_LastMessageAt_AssigneeId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_LastMessageAt_AssigneeId",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "LastMessageAt", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_Status_LastMessageAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "Status", "LastMessageAt" });
        }
    }
}
