using System.Text.Json.Nodes;

namespace Sahut.Plugins.WhatsApp.Tests.Infrastructure;

/// <summary>The payload fixtures of shared/fixtures/whatsapp, as exact bytes or editable JSON.</summary>
public static class Fixture
{
    public const string AppSecret = "test_app_secret_do_not_use";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>The signature SIGNATURES.txt gives for a fixture.</summary>
    public static string Signature(string name) =>
        Text("SIGNATURES.txt").Split('\n').Select(l => l.Split('\t')).First(p => p.Length == 2 && p[0] == name)[1].Trim();

    /// <summary>A Cloud API delivery with one message of the given JSON, from 6281377712345 to phone number id 301947562281904.</summary>
    public static string CloudMessage(string messageJson, string phoneNumberId = "301947562281904") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"184203917755631","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"6281190001234","phone_number_id":"{{{phoneNumberId}}}"},
          "contacts":[{"profile":{"name":"Rina Wulandari"},"wa_id":"6281377712345"}],
          "messages":[{{{messageJson}}}]}}]}]}
        """;

    public static string CloudStatus(string wamid, string status, long timestamp, string extra = "", string phoneNumberId = "301947562281904") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"184203917755631","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"6281190001234","phone_number_id":"{{{phoneNumberId}}}"},
          "statuses":[{"id":"{{{wamid}}}","status":"{{{status}}}","timestamp":"{{{timestamp}}}","recipient_id":"6281377712345"{{{extra}}}}]}}]}]}
        """;
}
