namespace Sahut.Channels;

/// <summary>Kinds of contact identity. Phone values are E.164 (<c>+62812…</c>), email values are lower-case.</summary>
public static class IdentityKinds
{
    public const string Phone = "phone";
    public const string Email = "email";
}
