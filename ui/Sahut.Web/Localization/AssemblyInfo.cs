using System.Resources;

// The neutral resources are Indonesian, the product's default language.
[assembly: NeutralResourcesLanguage("id")]
