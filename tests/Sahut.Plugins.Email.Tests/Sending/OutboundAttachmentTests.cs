using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sahut.Channels;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Sending;

[Collection(MailServersCollection.Name)]
public sealed class OutboundAttachmentTests(MailServers mail) : TempDataDir
{
    [Fact]
    public async Task The_email_channel_sends_attachments_from_the_data_folder_with_a_stable_Message_ID()
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        var channelId = await api.ConnectEmailAsync(mail.ChannelSettings(user), name: "Toko Maju CS");
        var channelType = host.Services.GetServices<IChannelType>().Single(t => t.Key == "email");
        var channel = (await host.Services.GetRequiredService<IChannelDirectory>().FindAsync(channelId, CancellationToken.None))!;
        // Core stores attachment files under the data folder and hands their path relative to it.
        var relative = Path.Combine("media", "test", "faktur.pdf");
        Directory.CreateDirectory(Path.Combine(DataDir, "media", "test"));
        var pdf = "%PDF-1.4 faktur Rp150.000"u8.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(DataDir, relative), pdf);
        var outbound = new OutboundMessage(
            Guid.NewGuid(),
            Guid.NewGuid(),
            "budi@pelanggan.example",
            "Terlampir fakturnya.",
            null,
            "<first@pelanggan.example>",
            [new OutboundAttachment("faktur.pdf", "application/pdf", relative)],
            new Dictionary<string, string> { ["subject"] = "Minta faktur", ["threadKey"] = "<root@pelanggan.example>" });

        var result = await channelType.SendAsync(channel, outbound, CancellationToken.None);

        var sent = await Eventually.GetAsync(() => Task.FromResult(mail.Sent().FirstOrDefault(m => m.Subject?.Contains("Minta faktur", StringComparison.Ordinal) == true)), "the email at the SMTP server");
        Assert.Equal($"<{sent.MessageId}>", result.ProviderMessageId);
        Assert.Equal($"<{outbound.MessageId:N}@toko.example>", result.ProviderMessageId);
        Assert.Equal(new MailboxAddress("Toko Maju CS", MailServers.Address(user)), sent.From.Mailboxes.Single());
        Assert.Equal("first@pelanggan.example", sent.InReplyTo);
        Assert.Equal(["root@pelanggan.example", "first@pelanggan.example"], sent.References);
        Assert.Equal("Terlampir fakturnya.", sent.TextBody?.Trim());
        var attachment = Assert.IsType<MimePart>(Assert.Single(sent.Attachments));
        Assert.Equal("faktur.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }
}
