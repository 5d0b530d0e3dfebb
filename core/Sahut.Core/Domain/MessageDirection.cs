namespace Sahut.Domain;

public enum MessageDirection
{
    In = 0,
    Out = 1,
}
