namespace Attest.Core.Applications;

/// <summary>The JSON Schema of the application file, format v1, as shipped with the tool.</summary>
public static class ApplicationSchema
{
    /// <summary>The schema document.</summary>
    public static string Json { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ApplicationSchema).Assembly.GetManifestResourceStream("Attest.Core.Applications.application-v1.schema.json")
            ?? throw new InvalidOperationException("the application schema is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
