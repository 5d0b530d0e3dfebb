namespace Sahut.Web.Realtime;

/// <summary>SignalR group names: one per workspace (every member's browsers) and one per user (their notifications).</summary>
public static class RealtimeGroups
{
    public static string Workspace(Guid workspaceId) => $"ws:{workspaceId:N}";

    public static string User(Guid userId) => $"user:{userId:N}";
}
