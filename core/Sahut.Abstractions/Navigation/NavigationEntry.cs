namespace Sahut.Navigation;

/// <summary>A link a plugin adds to the workspace navigation. <see cref="TitleKey"/> is looked up in the plugin's resources.</summary>
/// <param name="Area">"main" for the sidebar, "settings" for the settings menu, "contacts" for actions on the contacts page.</param>
/// <param name="Path">The link; <c>{ws}</c> is replaced by the current workspace id.</param>
/// <param name="AdminOnly">Only owners and admins see it.</param>
public sealed record NavigationEntry(string Area, string TitleKey, string Path, int Order, bool AdminOnly);
