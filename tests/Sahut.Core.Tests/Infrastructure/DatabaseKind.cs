namespace Sahut.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
