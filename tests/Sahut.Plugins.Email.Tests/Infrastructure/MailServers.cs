using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Sahut.Plugins.Email.Tests.Infrastructure;

/// <summary>
/// A real Dovecot IMAP server and a real SMTP server (aiosmtpd) on loopback, configured under a temp folder (DESIGN §8).
/// Each test uses its own mailbox user, so one pair of servers serves the whole test run.
/// SMTP recipients whose local part starts with "reject" get 550, with "tempfail" 451; accepted mail lands in a Maildir.
/// </summary>
public sealed class MailServers : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("sahut-mail-").FullName;
    private readonly object usersLock = new();
    private Process? dovecot;
    private Process? smtp;

    public int ImapPort { get; } = FreePort();

    public int SmtpPort { get; } = FreePort();

    private string UsersFile => Path.Combine(root, "users");

    private string SentMaildir => Path.Combine(root, "sent");

    public async Task InitializeAsync()
    {
        // Before any test touches MimeKit, which looks charsets up once: the tests write iso-2022-jp and windows-1252
        // mail, and the host shares this process's MimeKit (the plugin prefers the host's copy of shared assemblies).
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        // Dovecot's unprivileged processes must reach the config, the mail folders and the sockets under this folder.
        await RunAsync("chmod", $"755 {root}");
        Directory.CreateDirectory(Path.Combine(root, "mail"));
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(SentMaildir, folder));
        }
        await File.WriteAllTextAsync(UsersFile, "");
        await RunAsync("chown", $"dovecot:dovecot {Path.Combine(root, "mail")}");
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot.conf"), DovecotConfig());
        await File.WriteAllTextAsync(Path.Combine(root, "sahut_smtp_handler.py"), SmtpHandler);

        dovecot = Start("dovecot", $"-F -c {Path.Combine(root, "dovecot.conf")}", null);
        // Debian's python3 carries python3-aiosmtpd; another python3 earlier on PATH (pyenv) would not.
        smtp = Start(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", $"-m aiosmtpd -n -l 127.0.0.1:{SmtpPort} -c sahut_smtp_handler.Handler {SentMaildir}", root);
        await WaitForPortAsync(ImapPort, dovecot, "dovecot.log");
        await WaitForPortAsync(SmtpPort, smtp, null);
    }

    /// <summary>Creates a mailbox user (Dovecot re-reads the passwd-file on change) and returns its address.</summary>
    public string AddUser(string? name = null, string password = "rahasia")
    {
        var user = name ?? $"cs{Guid.NewGuid():N}"[..14];
        lock (usersLock)
        {
            File.AppendAllText(UsersFile, $"{user}:{{PLAIN}}{password}::::::\n");
        }

        return user;
    }

    /// <summary>Settings for connecting a Sahut email channel to <paramref name="user"/>'s mailbox.</summary>
    public Dictionary<string, object> ChannelSettings(string user, string password = "rahasia") => new()
    {
        ["address"] = Address(user),
        ["imapHost"] = "127.0.0.1",
        ["imapPort"] = ImapPort,
        ["imapSecurity"] = "none",
        ["imapUsername"] = user,
        ["imapPassword"] = password,
        ["smtpHost"] = "127.0.0.1",
        ["smtpPort"] = SmtpPort,
        ["smtpSecurity"] = "none",
        ["smtpUsername"] = user,
        ["smtpPassword"] = password,
    };

    public static string Address(string user) => $"{user}@toko.example";

    /// <summary>Delivers messages into the user's INBOX (IMAP APPEND, as a delivery agent would file them).</summary>
    public async Task DeliverAsync(string user, params MimeMessage[] messages)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(user, "rahasia");
        foreach (var message in messages)
        {
            await client.Inbox.AppendAsync(message, MessageFlags.None);
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>Delivers raw bytes as they are, for messages MimeKit would not write (malformed ones).</summary>
    public async Task DeliverRawAsync(string user, string raw)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(user, "rahasia");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));
        await client.Inbox.AppendAsync(new AppendRequest(MimeMessage.Load(stream), MessageFlags.None));
        await client.DisconnectAsync(true);
    }

    /// <summary>Everything the SMTP server accepted so far, with the envelope in X-MailFrom / X-RcptTo.</summary>
    public IReadOnlyList<MimeMessage> Sent() =>
        new[] { "new", "cur" }
            .Select(folder => Path.Combine(SentMaildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => MimeMessage.Load(file))
            .ToList();

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { smtp, dovecot })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        try
        {
            if (Environment.GetEnvironmentVariable("SAHUT_KEEP_MAIL_SERVERS") is null) { Directory.Delete(root, recursive: true); }
        }
        catch (IOException)
        {
        }
    }

    private string DovecotConfig() => $$"""
        protocols = imap
        listen = 127.0.0.1
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        log_path = {{root}}/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        default_login_user = dovenull
        default_internal_user = dovecot
        mail_location = maildir:{{root}}/mail/%u
        mail_max_userip_connections = 200
        first_valid_uid = 1
        auth_failure_delay = 0
        mailbox_idle_check_interval = 1 secs
        passdb {
          driver = passwd-file
          args = {{UsersFile}}
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home={{root}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{ImapPort}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        """;

    private const string SmtpHandler = """
        from aiosmtpd.handlers import Mailbox


        class Handler(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                local = address.split('@')[0].lower()
                if local.startswith('reject'):
                    return '550 5.1.1 No such user here'
                if local.startswith('tempfail'):
                    return '451 4.3.0 Mailbox busy, try again later'
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    private readonly System.Text.StringBuilder errors = new();

    private Process Start(string file, string arguments, string? pythonPath)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (pythonPath is not null)
        {
            info.Environment["PYTHONPATH"] = pythonPath;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForPortAsync(int port, Process process, string? logFile)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (process.HasExited)
            {
                var log = logFile is not null && File.Exists(Path.Combine(root, logFile)) ? await File.ReadAllTextAsync(Path.Combine(root, logFile)) : "";
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}. {errors} {log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{process.StartInfo.FileName} did not listen on port {port}.");
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false }) ?? throw new InvalidOperationException($"Could not start {file}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MailServersCollection : ICollectionFixture<MailServers>
{
    public const string Name = "Mail servers";
}
