using System.Globalization;

namespace Sahut.Bench;

/// <summary>Prints figures and ratios in one consistent format, and remembers errors (the exit code).</summary>
public sealed class Report
{
    public int Errors { get; private set; }

    public void Figure(string name, string value) => Console.WriteLine($"  {name,-48} {value}");

    public void Ratio(string name, double value, string target) =>
        Console.WriteLine($"  {name,-48} {value.ToString("0.000", CultureInfo.InvariantCulture)}   (target {target})");

    public void Check(string name, double value, bool met, string target) =>
        Console.WriteLine($"  {name,-48} {value.ToString("0.00", CultureInfo.InvariantCulture),10}   target {target}: {(met ? "met" : "MISSED")}");

    public void Error(string message)
    {
        Errors++;
        Console.WriteLine("  ERROR: " + message);
    }

    public static void Heading(string text) => Console.WriteLine($"\n== {text} ({Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z)");
}
