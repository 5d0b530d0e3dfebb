using System.Text;
using CsvHelper;

namespace Sahut.Plugins.Reports.Tests.Infrastructure;

/// <summary>An export as bytes and as parsed records (header first), read back with CsvHelper.</summary>
public sealed record Csv(byte[] Bytes, IReadOnlyList<string[]> Records)
{
    public string[] Header => Records[0];

    public IEnumerable<string[]> Rows => Records.Skip(1);

    public string Cell(string[] row, string column) => row[Array.IndexOf(Header, column)];

    public string[] Row(string column, string value) => Rows.Single(r => Cell(r, column) == value);

    public static async Task<Csv> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return Parse(await response.Content.ReadAsByteArrayAsync());
    }

    public static Csv Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Encoding = Encoding.UTF8, HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            records.Add(fields);
        }

        return new Csv(bytes, records);
    }
}
