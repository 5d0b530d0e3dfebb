using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback: Debian's aiosmtpd, whose default handler prints every message it receives.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder received = new();

    private SmtpSink(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Received
    {
        get
        {
            lock (received)
            {
                return received.ToString();
            }
        }
    }

    public static async Task<SmtpSink> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3", ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd");
        var sink = new SmtpSink(process, port);
        process.OutputDataReceived += (_, e) => sink.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sink.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("aiosmtpd did not start listening: " + sink.Received);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (received)
        {
            received.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
