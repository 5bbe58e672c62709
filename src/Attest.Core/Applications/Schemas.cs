namespace Attest.Core.Applications;

/// <summary>The JSON Schemas of Attest's file formats, as shipped with the tool.</summary>
public static class Schemas
{
    /// <summary>The application file, format v1.</summary>
    public static string Application => Load("Attest.Core.Applications.application-v1.schema.json");

    /// <summary>The catalog file, format v1.</summary>
    public static string Catalog => Load("Attest.Core.Catalogs.catalog-v1.schema.json");

    private static string Load(string name)
    {
        using var stream = typeof(Schemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
