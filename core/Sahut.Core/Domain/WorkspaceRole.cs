namespace Sahut.Domain;

public enum WorkspaceRole
{
    Agent = 0,
    Admin = 1,
    Owner = 2,
}
