using System.Net.Http.Json;
using System.Text.Json;

namespace Sahut.Bench.Scenarios;

/// <summary>Connects a Cloud API channel with the body of DESIGN §4 and returns its webhook URL.</summary>
public static class WhatsAppChannel
{
    public const string AppSecret = "bench_app_secret";
    public const string PhoneNumberId = "301947562281904";

    public static async Task<(Guid ChannelId, Uri WebhookUrl)> ConnectAsync(HttpClient api, Guid workspaceId)
    {
        var response = await api.PostAsJsonAsync($"api/v1/workspaces/{workspaceId}/channels", new
        {
            type = "whatsapp",
            name = "Bench WA",
            settings = new
            {
                provider = "cloud",
                phoneNumberId = PhoneNumberId,
                wabaId = "184203917755631",
                accessToken = "bench-token",
                appSecret = AppSecret,
                verifyToken = "bench-verify",
                apiBaseUrl = "http://127.0.0.1:9/v23.0",
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Connecting the WhatsApp channel failed ({(int)response.StatusCode}): {body}");
        }

        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetGuid(), new Uri(json.GetProperty("webhookUrl").GetString()!));
    }
}
